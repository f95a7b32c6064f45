/// Where a child's needs sit on the local continuum of need. Every safeguarding partnership
/// publishes its own threshold document, so the four levels are fixed and their wording is
/// configuration.
public enum ThresholdLevel: Int, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case universal = 1
    case additional = 2
    case complex = 3
    case acute = 4

    public static func < (lhs: ThresholdLevel, rhs: ThresholdLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The council's own words for each threshold level.
public struct ThresholdWording: Hashable, Sendable, Codable {
    public var universal: String
    public var additional: String
    public var complex: String
    public var acute: String

    public init(universal: String, additional: String, complex: String, acute: String) {
        self.universal = universal
        self.additional = additional
        self.complex = complex
        self.acute = acute
    }

    /// Wording common to many threshold documents, for a council that has not set its own.
    public static let standard = ThresholdWording(
        universal: "Level 1: universal (needs met by universal services)",
        additional: "Level 2: additional needs (early help)",
        complex: "Level 3: complex needs (child in need)",
        acute: "Level 4: acute needs (child protection or care)")

    public func label(for level: ThresholdLevel) -> String {
        switch level {
        case .universal: universal
        case .additional: additional
        case .complex: complex
        case .acute: acute
        }
    }
}

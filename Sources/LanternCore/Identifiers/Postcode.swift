import Foundation

/// A UK postcode in its standard form: upper case, one space between the outward code (where the
/// post goes to, "SW1A") and the inward code (the street or building, "2AA").
///
/// This checks the format Royal Mail publishes (BS 7666), not that the postcode exists: the
/// SSDA903 validator looks placements up in the ONS postcode directory, which is for the returns to do.
public struct Postcode: Hashable, Sendable, CustomStringConvertible {
    /// "SW1A" in "SW1A 2AA".
    public let outwardCode: String
    /// "2AA" in "SW1A 2AA".
    public let inwardCode: String

    /// Accepts any case and any spacing: "sw1a2aa", " SW1A  2AA ".
    public init(_ text: some StringProtocol) throws(PostcodeError) {
        let compact = String(text.filter { !$0.isWhitespace }).uppercased()
        guard !compact.isEmpty else { throw .empty }
        guard compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .notLettersAndDigits }
        guard (5...7).contains(compact.count) else { throw .wrongLength(compact.count) }
        let outward = String(compact.dropLast(3)), inward = String(compact.suffix(3))
        guard compact == "GIR0AA" || (Self.isOutwardCode(outward) && Self.isInwardCode(inward)) else {
            throw .notAPostcode(outward + " " + inward)
        }
        outwardCode = outward
        inwardCode = inward
    }

    /// "SW1A 2AA".
    public var formatted: String { outwardCode + " " + inwardCode }
    public var description: String { formatted }

    /// The letters that start the postcode: "SW" in "SW1A 2AA", "B" in "B1 1AA".
    public var area: String { String(outwardCode.prefix { $0.isLetter }) }

    /// The area and district number, without the sub-district letter some central London outward
    /// codes carry: "SW1" for "SW1A 2AA", "B1" for "B1 1AA". For most postcodes this is the outward code.
    public var district: String {
        let letters = outwardCode.prefix { $0.isLetter }
        return String(letters + outwardCode.dropFirst(letters.count).prefix { $0.isNumber })
    }

    /// The outward code and the first character of the inward code: "SW1A 2" for "SW1A 2AA".
    public var sector: String { outwardCode + " " + String(inwardCode.prefix(1)) }

    // Royal Mail's rules: outward codes are A9, A99, AA9, AA99, A9A or AA9A; Q, V and X never
    // start one; I, J and Z are never second; a final letter after A9 or AA9 comes from short lists;
    // the inward code is a digit and two letters, never C, I, K, M, O or V.
    private static let neverFirst = Set("QVX")
    private static let neverSecond = Set("IJZ")
    private static let afterLetterDigit = Set("ABCDEFGHJKPSTUW")
    private static let afterLetterLetterDigit = Set("ABEHMNPRVWXY")
    private static let neverInward = Set("CIKMOV")

    private static func isOutwardCode(_ code: String) -> Bool {
        let c = Array(code)
        let shape = String(c.map { $0.isLetter ? "A" : "9" })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape), !neverFirst.contains(c[0]) else { return false }
        if shape.hasPrefix("AA"), neverSecond.contains(c[1]) { return false }
        if shape == "A9A" { return afterLetterDigit.contains(c[2]) }
        if shape == "AA9A" { return afterLetterLetterDigit.contains(c[3]) }
        return true
    }

    private static func isInwardCode(_ code: String) -> Bool {
        let c = Array(code)
        return c[0].isNumber && c[1...].allSatisfy { $0.isLetter && !neverInward.contains($0) }
    }
}

extension Postcode: CheckedIdentifier {
    public init(checking text: String) throws(PostcodeError) { try self.init(text) }
    public var canonicalText: String { formatted }
}

/// Why some text is not a postcode, in words for the person who typed it.
public enum PostcodeError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case empty
    case notLettersAndDigits
    case wrongLength(Int)
    case notAPostcode(String)

    public var message: String {
        switch self {
        case .empty: "Enter a postcode."
        case .notLettersAndDigits: "A postcode is made of letters and numbers only, like B1 1AA."
        case let .wrongLength(n): "A postcode has 5 to 7 letters and numbers, like B1 1AA or SW1A 2AA. You entered \(n)."
        case let .notAPostcode(text): "\(text) is not a UK postcode. Check it for a typing mistake."
        }
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}

import Foundation

/// A patient's NHS number: ten digits, the last a Modulus 11 check digit (NHS Data Dictionary,
/// "NHS Number"). Written in groups of 3, 3 and 4: "943 476 5919".
public struct NHSNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits with no spaces.
    public let digits: String

    /// Accepts the number with or without spaces and hyphens ("943 476 5919", "943-476-5919").
    public init(_ text: some StringProtocol) throws(NHSNumberError) {
        let compact = text.filter { !$0.isWhitespace && $0 != "-" }
        guard !compact.isEmpty else { throw .empty }
        if let bad = compact.first(where: { !$0.isASCII || !$0.isNumber }) { throw .notADigit(bad) }
        guard compact.count == 10 else { throw .wrongLength(compact.count) }
        let values = compact.compactMap(\.wholeNumberValue)
        guard let check = Self.checkDigit(forFirstNine: values.prefix(9)) else { throw .noValidCheckDigit }
        guard check == values[9] else { throw .checkDigitMismatch }
        digits = String(compact)
    }

    /// "943 476 5919".
    public var formatted: String {
        let d = Array(digits)
        return String(d[0..<3]) + " " + String(d[3..<6]) + " " + String(d[6..<10])
    }

    public var description: String { formatted }

    /// The Modulus 11 check digit for the first nine digits: weight them 10 down to 2, sum, and
    /// take 11 minus the remainder on dividing by 11 (11 becomes 0). A result of 10 means no NHS
    /// number starts with those nine digits, so this returns nil.
    public static func checkDigit(forFirstNine digits: some Collection<Int>) -> Int? {
        precondition(digits.count == 9, "An NHS number's check digit is worked out from 9 digits")
        let total = zip(digits, (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        switch 11 - total % 11 {
        case 11: return 0
        case 10: return nil
        case let check: return check
        }
    }
}

extension NHSNumber: CheckedIdentifier {
    public init(checking text: String) throws(NHSNumberError) { try self.init(text) }
    public var canonicalText: String { digits }
}

/// Why some text is not an NHS number, in words for the person who typed it.
public enum NHSNumberError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case empty
    case notADigit(Character)
    case wrongLength(Int)
    case noValidCheckDigit
    case checkDigitMismatch

    public var message: String {
        switch self {
        case .empty: "Enter an NHS number."
        case let .notADigit(c): "An NHS number is made of digits only. \"\(c)\" is not a digit."
        case let .wrongLength(n): "An NHS number has 10 digits. You entered \(n)."
        case .noValidCheckDigit, .checkDigitMismatch:
            "This is not a valid NHS number: the digits do not add up. Check it for a typing mistake."
        }
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}

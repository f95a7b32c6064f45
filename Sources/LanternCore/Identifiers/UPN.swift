import Foundation

/// A unique pupil number, the DfE's identifier for a child in school, reported in the CIN census
/// and the SSDA903 return. Thirteen characters: a check letter, the 3-digit DfE number of the local
/// authority that issued it, 8 more digits, and a last character that is a digit, or a letter for a
/// temporary UPN.
///
/// Source: the DfE's UPN guide as the CIN census validation rules 1510-1550 apply it (see
/// returns-spec.md 1.7). Rule 1530 (characters 2-4 must be a real authority) needs the list of
/// authorities and is left to the returns.
public struct UPN: Hashable, Sendable, CustomStringConvertible {
    /// The 13 characters, upper case.
    public let value: String

    /// Accepts lower case and ignores spaces.
    public init(_ text: some StringProtocol) throws(UPNError) {
        let compact = String(text.filter { !$0.isWhitespace }).uppercased()
        guard !compact.isEmpty else { throw .empty }
        guard compact.count == 13 else { throw .wrongLength(compact.count) }
        let characters = Array(compact)
        guard characters[0].isASCII, characters[0].isLetter else { throw .noCheckLetter }
        guard characters[1...11].allSatisfy(\.isASCIIDigit) else { throw .notDigits }
        guard characters[12].isASCIIDigit || UPN.checkLetters.contains(characters[12]) else { throw .badLastCharacter }
        guard UPN.checkLetter(forLast12: characters[1...]) == characters[0] else { throw .checkLetterMismatch }
        value = compact
    }

    /// Characters 2-4: the DfE number of the local authority that issued it (e.g. "330").
    public var localAuthorityNumber: String { String(value.dropFirst().prefix(3)) }

    /// A temporary UPN ends in a letter; a school replaces it with a permanent one.
    public var isTemporary: Bool { value.last?.isLetter ?? false }

    public var description: String { value }

    /// The 23 letters a check letter can be, in order of value (0 = A ... 22 = Z): no I, O or S.
    public static let checkLetters: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// The check letter for characters 2-13: weight each by its position (2 to 13), sum, divide by 23
    /// and look the remainder up in `checkLetters`. A temporary UPN's final letter counts as its value
    /// in that same table. Nil if the characters are not of that form.
    public static func checkLetter(forLast12 characters: some Collection<Character>) -> Character? {
        guard characters.count == 12 else { return nil }
        var total = 0
        for (weight, character) in zip(2...13, characters) {
            guard character.isASCII else { return nil }
            if let digit = character.wholeNumberValue {
                total += weight * digit
            } else if weight == 13, let value = checkLetters.firstIndex(of: character) {
                total += weight * value
            } else {
                return nil
            }
        }
        return checkLetters[total % 23]
    }
}

extension UPN: CheckedIdentifier {
    public init(checking text: String) throws(UPNError) { try self.init(text) }
    public var canonicalText: String { value }
}

/// Why some text is not a UPN, in words for the person who typed it.
public enum UPNError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case empty
    case wrongLength(Int)
    case noCheckLetter
    case notDigits
    case badLastCharacter
    case checkLetterMismatch

    public var message: String {
        switch self {
        case .empty: "Enter a unique pupil number (UPN)."
        case let .wrongLength(n): "A UPN has 13 characters. You entered \(n)."
        case .noCheckLetter: "A UPN starts with a letter."
        case .notDigits: "After its first letter, a UPN has 11 digits."
        case .badLastCharacter: "A UPN ends in a digit, or in a letter other than I, O or S if it is a temporary UPN."
        case .checkLetterMismatch: "This is not a valid UPN: the first letter does not match the rest. Check it for a typing mistake."
        }
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

import Foundation

/// Why text is not Base32.
public enum Base32Error: Error, Equatable, Sendable {
    /// A character outside A–Z and 2–7 (after case, spaces and padding are set aside), or `=`
    /// before the end.
    case invalidCharacter(Character)
    /// The number of characters cannot come from whole bytes (1, 3 or 6 left over in the last group of 8).
    case invalidLength(Int)
    /// Padding that does not fill the last group of 8 characters exactly.
    case invalidPadding
}

/// Base32 (RFC 4648 §6), the alphabet authenticator apps use for TOTP secrets.
///
/// Output has no `=` padding, as in `otpauth://` URIs. Input is read as people type and paste it:
/// any case, with spaces, with or without padding.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int(buffer >> UInt32(bits) & 0x1F)])
            }
        }
        if bits > 0 { out.append(alphabet[Int(buffer << UInt32(5 - bits) & 0x1F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) throws(Base32Error) -> [UInt8] {
        var symbols = text.filter { !$0.isWhitespace }
        let lengthWithPadding = symbols.count
        while symbols.last == "=" { symbols.removeLast() }
        if symbols.count != lengthWithPadding, lengthWithPadding % 8 != 0 { throw .invalidPadding }

        var out: [UInt8] = []
        out.reserveCapacity(symbols.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for character in symbols {
            guard let value = value(of: character) else { throw .invalidCharacter(character) }
            buffer = buffer << 5 | value
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        // Whole bytes leave 0, 2, 4, 5 or 7 characters in the last group of 8.
        guard [0, 2, 4, 5, 7].contains(symbols.count % 8) else { throw .invalidLength(symbols.count) }
        return out
    }

    private static func value(of character: Character) -> UInt32? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(ascii - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(ascii - UInt8(ascii: "a"))
        case UInt8(ascii: "2")...UInt8(ascii: "7"): return UInt32(ascii - UInt8(ascii: "2") + 26)
        default: return nil
        }
    }
}

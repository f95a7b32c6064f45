import Foundation

/// Turns a name as typed into the lower-case ASCII letters that matching compares.
///
/// Names arrive as "O'Brien", "Smith-Jones", "ZOË", "Łukasz" or " mary  ann ": apostrophes vanish
/// (O'Brien and OBrien are the same name, not a typo), accents fold to their base letter, and
/// hyphens and spaces split a name into parts so that one part of a double-barrelled name can
/// still agree.
public enum NameNormaliser {
    /// The parts of `name` in order, each non-empty and made of `a`–`z` only.
    public static func parts(of name: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in folded(name).unicodeScalars {
            switch scalar {
            case "a"..."z": current.append(UInt8(scalar.value))
            case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}": continue
            default:
                if let spelled = spelledOut[scalar] {
                    current.append(contentsOf: spelled.utf8)
                } else {
                    flush()
                }
            }
        }
        flush()
        return parts
    }

    /// The whole name with its parts run together ("Smith-Jones" → "smithjones"), or nil when it
    /// has no letters at all.
    public static func joined(_ name: String) -> String? {
        let p = parts(of: name)
        return p.isEmpty ? nil : p.joined()
    }

    private static func folded(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// Letters that do not decompose into a base letter plus accent, so folding leaves them alone.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
        "ħ": "h", "ŋ": "n",
    ]
}

import Foundation

/// The one-time codes a user keeps to sign in when their authenticator app is lost, such as
/// `k7q2-9fmx-3hwp-x8ad-4nre-tz6c`.
///
/// Each code is 24 characters from a 32-character alphabet: 120 random bits. OWASP ASVS 5.0
/// 6.5.2 lets lookup secrets of 112 bits or more be stored under a plain hash (shorter ones need
/// a salted password hash), so only the SHA-256 of each code is kept, in hex. The user sees the
/// codes once; each works once (6.5.1).
public enum RecoveryCodes {
    /// Digits and lower-case letters without 0, o, 1 and l, which are read and written for one
    /// another. 32 symbols, so each is exactly 5 random bits.
    public static let alphabet = Array("23456789abcdefghijkmnpqrstuvwxyz")
    public static let count = 10
    static let groups = 6
    static let groupLength = 4
    static var length: Int { groups * groupLength }

    /// Codes to show the user once, and the hashes to store in their place.
    public struct Issued: Sendable {
        public let codes: [String]
        public let hashes: [String]
    }

    public static func generate() -> Issued {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// Not public, so that nothing in the app can pass a predictable generator; tests pass a seeded one.
    static func generate(using generator: inout some RandomNumberGenerator) -> Issued {
        let codes = (0..<count).map { _ in
            let symbols = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return stride(from: 0, to: length, by: groupLength)
                .map { String(symbols[$0..<$0 + groupLength]) }
                .joined(separator: "-")
        }
        return Issued(codes: codes, hashes: codes.map { hash(normalised($0)) })
    }

    /// What the user typed in the form the hash is taken of: lower case, without spaces or hyphens.
    public static func normalised(_ input: String) -> String {
        String(input.lowercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// The stored form of a code: SHA-256 of its normalised text, in lower-case hex.
    public static func hash(_ code: String) -> String {
        SHA256.hash(Array(normalised(code).utf8)).hex
    }

    /// When `input` is one of the codes, the hashes left once it is used up (store them in place
    /// of `storedHashes`); otherwise nil.
    public static func redeem(_ input: String, storedHashes: [String]) -> [String]? {
        let code = normalised(input)
        guard code.count == length, code.allSatisfy(alphabet.contains) else { return nil }
        let typed = Array(hash(code).utf8)
        // Compare with every stored hash, matched or not, so timing says nothing about which matched.
        var matches: [Bool] = []
        for stored in storedHashes { matches.append(ConstantTime.isEqual(Array(stored.utf8), typed)) }
        guard matches.contains(true) else { return nil }
        return zip(storedHashes, matches).filter { !$0.1 }.map(\.0)
    }
}

/// Never print the codes, whether by accident in a log line or in a debugger.
extension RecoveryCodes.Issued: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "RecoveryCodes.Issued(\(codes.count) codes, redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["hashes": hashes]) }
}

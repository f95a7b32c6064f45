import Foundation

/// HMAC (RFC 2104): a keyed hash, H((K ^ opad) || H((K ^ ipad) || message)).
enum HMAC<Hash: HashFunction>: Sendable {
    static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        // A key longer than a block is hashed first; any key is then zero-padded to a block.
        var block = key.count > Hash.blockSize ? Hash.hash(key) : key
        block += [UInt8](repeating: 0, count: Hash.blockSize - block.count)
        let inner = Hash.hash(block.map { $0 ^ 0x36 } + message)
        return Hash.hash(block.map { $0 ^ 0x5C } + inner)
    }
}

/// Comparison whose running time does not depend on where two secrets first differ, so that
/// timing a guess reveals nothing about how much of it was right.
public enum ConstantTime {
    /// True when the two have the same bytes. Lengths are not secret: unequal lengths return at once.
    public static func isEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// Compares the UTF-8 bytes of two strings.
    public static func isEqual(_ a: String, _ b: String) -> Bool {
        isEqual(Array(a.utf8), Array(b.utf8))
    }
}

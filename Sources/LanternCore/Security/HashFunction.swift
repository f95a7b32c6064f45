import Foundation

/// A hash function HMAC can be built on. Only what TOTP and recovery codes need: whole messages
/// in memory, one call, no streaming.
protocol HashFunction: Sendable {
    /// Bytes per block; HMAC pads its key to this length (RFC 2104).
    static var blockSize: Int { get }
    static func hash(_ message: [UInt8]) -> [UInt8]
}

/// The padding and block split SHA-1 and SHA-256 share (FIPS 180-4 §5.1.1 and §5.2.1).
enum MessageBlocks {
    /// Calls `body` with each 512-bit block of the padded message as sixteen big-endian words.
    /// Padding is a 1 bit, then zeros, then the message length in bits as 64 bits, so that the
    /// last block is full.
    static func forEachBlock(of message: [UInt8], _ body: ([UInt32]) -> Void) {
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        var words = [UInt32](repeating: 0, count: 16)
        for start in stride(from: 0, to: padded.count, by: 64) {
            for i in 0..<16 {
                let j = start + i * 4
                words[i] = UInt32(padded[j]) << 24 | UInt32(padded[j + 1]) << 16 | UInt32(padded[j + 2]) << 8 | UInt32(padded[j + 3])
            }
            body(words)
        }
    }
}

extension UInt32 {
    @inline(__always) func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
    @inline(__always) func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}

extension Array where Element == UInt32 {
    var bigEndianBytes: [UInt8] {
        flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

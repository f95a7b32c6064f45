import Testing
@testable import LanternCore

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
private func repeated(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }

@Suite struct SHATests {
    static let twoBlockMessage = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"  // 448 bits

    @Test func sha1MatchesTheFIPSExamples() {
        #expect(SHA1.hash(bytes("abc")).hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hash([]).hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hash(bytes(Self.twoBlockMessage)).hex == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func sha256MatchesTheFIPSExamples() {
        #expect(SHA256.hash(bytes("abc")).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(bytes(Self.twoBlockMessage)).hex == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The third FIPS example: a quarter of a second each even in a debug build.
    @Test func hashesAMillionRepetitionsOfA() {
        let message = repeated(0x61, 1_000_000)
        #expect(SHA1.hash(message).hex == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        #expect(SHA256.hash(message).hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// 55 bytes is the longest message whose padding fits its own block; 64 fills a block exactly.
    @Test func padsAtBlockBoundaries() {
        #expect(SHA1.hash(repeated(0x61, 55)).hex == "c1c8bbdc22796e28c0e15163d20899b65621d65a")
        #expect(SHA1.hash(repeated(0x61, 64)).hex == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
        #expect(SHA256.hash(repeated(0x61, 55)).hex == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hash(repeated(0x61, 64)).hex == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}

/// RFC 2202 (HMAC-SHA-1) and RFC 4231 (HMAC-SHA-256) test cases, in the RFCs' order.
@Suite struct HMACTests {
    static let keyOf25Bytes = (1...25).map { UInt8($0) }

    @Test(arguments: [
        (repeated(0x0B, 20), bytes("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00"),
        (bytes("Jefe"), bytes("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        (repeated(0xAA, 20), repeated(0xDD, 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        (keyOf25Bytes, repeated(0xCD, 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
        (repeated(0x0C, 20), bytes("Test With Truncation"), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
        (repeated(0xAA, 80), bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
         "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
        (repeated(0xAA, 80), bytes("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
         "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
    ])
    func hmacSHA1MatchesRFC2202(key: [UInt8], message: [UInt8], expected: String) {
        #expect(HMAC<SHA1>.authenticationCode(for: message, key: key).hex == expected)
    }

    @Test(arguments: [
        (repeated(0x0B, 20), bytes("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (bytes("Jefe"), bytes("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (repeated(0xAA, 20), repeated(0xDD, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (keyOf25Bytes, repeated(0xCD, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (repeated(0xAA, 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (repeated(0xAA, 131), bytes("This is a test using a larger than block-size key and a larger than block-size data. "
                                    + "The key needs to be hashed before being used by the HMAC algorithm."),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func hmacSHA256MatchesRFC4231(key: [UInt8], message: [UInt8], expected: String) {
        #expect(HMAC<SHA256>.authenticationCode(for: message, key: key).hex == expected)
    }

    /// RFC 4231 test case 5 publishes only the first 128 bits.
    @Test func hmacSHA256TruncatedMatchesRFC4231() {
        let code = HMAC<SHA256>.authenticationCode(for: bytes("Test With Truncation"), key: repeated(0x0C, 20))
        #expect(code.prefix(16).hex == "a3b6167473100ee06e0c796c2955552b")
    }
}

@Suite struct ConstantTimeTests {
    @Test func comparesBytesAndStrings() {
        #expect(ConstantTime.isEqual([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.isEqual([1, 2, 3], [9, 2, 3]))
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2]))
        #expect(ConstantTime.isEqual([UInt8](), []))
        #expect(ConstantTime.isEqual("123456", "123456"))
        #expect(!ConstantTime.isEqual("123456", "123457"))
    }
}


import Testing
@testable import LanternCore

@Suite struct Base32Tests {
    /// RFC 4648 §10, with the padding left off as `encode` does.
    static let vectors = [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ]

    @Test(arguments: vectors)
    func encodesWithoutPadding(text: String, encoded: String) {
        #expect(Base32.encode(Array(text.utf8)) == encoded)
    }

    @Test(arguments: vectors)
    func decodesWithOrWithoutPadding(text: String, encoded: String) throws {
        #expect(try Base32.decode(encoded) == Array(text.utf8))
        let padding = String(repeating: "=", count: (8 - encoded.count % 8) % 8)
        #expect(try Base32.decode(encoded + padding) == Array(text.utf8))
    }

    @Test func readsSecretsAsPeopleTypeThem() throws {
        let secret = Array("12345678901234567890".utf8)
        #expect(try Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == secret)
        #expect(try Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq") == secret)
        #expect(try Base32.decode("  MZXW6YTBOI======\n") == Array("foobar".utf8))
    }

    @Test func roundTripsEveryLength() throws {
        var generator = SplitMix64(seed: 32)
        for length in 0...40 {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(try Base32.decode(Base32.encode(data)) == data)
        }
    }

    @Test(arguments: [
        ("MZXW1", Base32Error.invalidCharacter("1")),
        ("MZXW8", .invalidCharacter("8")),
        ("MZ-XW6", .invalidCharacter("-")),
        ("MZXWé", .invalidCharacter("é")),
        ("MY=A====", .invalidCharacter("=")),
        ("MZX", .invalidLength(3)),
        ("M", .invalidLength(1)),
        ("MZXW6Y", .invalidLength(6)),
        ("MY=", .invalidPadding),
        ("MZXW6=====", .invalidPadding),
    ])
    func refusesWhatIsNotBase32(text: String, error: Base32Error) {
        #expect(throws: error) { try Base32.decode(text) }
    }
}

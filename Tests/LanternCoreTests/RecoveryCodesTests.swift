import Foundation
import Testing
@testable import LanternCore

@Suite struct RecoveryCodesTests {
    @Test func issuesTenCodesOfSixGroupsFromTheUnambiguousAlphabet() {
        let issued = RecoveryCodes.generate()
        #expect(issued.codes.count == 10)
        #expect(Set(issued.codes).count == 10)
        for code in issued.codes {
            let groups = code.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.count == 6 && groups.allSatisfy { $0.count == 4 })
            #expect(groups.joined().allSatisfy { RecoveryCodes.alphabet.contains($0) })
        }
        #expect(!RecoveryCodes.alphabet.contains { "0o1l".contains($0) })
        #expect(RecoveryCodes.alphabet.count == 32)
    }

    /// 24 symbols × 5 bits: enough (ASVS 5.0 6.5.2) to store an unsalted SHA-256.
    @Test func codesCarryAtLeast112Bits() {
        #expect(RecoveryCodes.length * 5 >= 112)
    }

    @Test func storesOnlySHA256HashesOfTheNormalisedCode() {
        var generator = SplitMix64(seed: 2024)
        let issued = RecoveryCodes.generate(using: &generator)
        #expect(issued.hashes.count == 10)
        for (code, hash) in zip(issued.codes, issued.hashes) {
            #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
            #expect(!hash.contains(RecoveryCodes.normalised(code)))
            #expect(hash == SHA256.hash(Array(code.replacingOccurrences(of: "-", with: "").utf8)).hex)
        }
    }

    @Test func isReproducibleOnlyFromTheSameGenerator() {
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1), c = SplitMix64(seed: 2)
        let first = RecoveryCodes.generate(using: &a).codes
        #expect(first == RecoveryCodes.generate(using: &b).codes)
        #expect(first != RecoveryCodes.generate(using: &c).codes)
    }

    @Test func redeemsACodeOnceHoweverItIsTyped() throws {
        let issued = RecoveryCodes.generate()
        let code = issued.codes[3]
        let typed = "  " + code.uppercased().replacingOccurrences(of: "-", with: " ") + " "
        let remaining = try #require(RecoveryCodes.redeem(typed, storedHashes: issued.hashes))
        #expect(remaining.count == 9)
        #expect(remaining == issued.hashes.enumerated().filter { $0.offset != 3 }.map(\.element))
        #expect(RecoveryCodes.redeem(code, storedHashes: remaining) == nil)
        #expect(RecoveryCodes.redeem(issued.codes[4], storedHashes: remaining)?.count == 8)
    }

    @Test func refusesWhatIsNotACode() {
        let issued = RecoveryCodes.generate()
        let code = issued.codes[0]
        #expect(RecoveryCodes.redeem(String(code.dropLast()), storedHashes: issued.hashes) == nil)
        #expect(RecoveryCodes.redeem(String(code.dropLast()) + "0", storedHashes: issued.hashes) == nil)
        #expect(RecoveryCodes.redeem("", storedHashes: issued.hashes) == nil)
        #expect(RecoveryCodes.redeem(code, storedHashes: []) == nil)
        #expect(RecoveryCodes.redeem(RecoveryCodes.hash(code), storedHashes: issued.hashes) == nil)
    }

    @Test func neverPrintsTheCodes() {
        let issued = RecoveryCodes.generate()
        for text in [String(describing: issued), String(reflecting: issued), "\(issued)"] {
            #expect(issued.codes.allSatisfy { !text.contains($0) })
            #expect(text.contains("redacted"))
        }
        #expect(Mirror(reflecting: issued).children.allSatisfy { $0.label != "codes" })
    }
}

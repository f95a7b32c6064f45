import Foundation
import Testing
@testable import LanternCore

@Suite struct TOTPTests {
    /// The SHA-1 seed of RFC 6238 Appendix B and RFC 4226 Appendix D.
    static let rfcSecret = Array("12345678901234567890".utf8)
    let totp = TOTP(secret: rfcSecret)

    private func at(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: seconds) }

    @Test(arguments: [
        (59.0, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ])
    func matchesRFC6238AppendixB(seconds: TimeInterval, expected: String) {
        let eightDigits = TOTP(secret: Self.rfcSecret, digits: 8)
        #expect(eightDigits.code(at: at(seconds)) == expected)
    }

    /// HOTP is TOTP with the step as the counter: RFC 4226 Appendix D, 6 digits.
    @Test func matchesRFC4226AppendixD() {
        let expected = ["755224", "287082", "359152", "969429", "338314",
                        "254676", "287922", "162583", "399871", "520489"]
        #expect((0..<10).map { totp.code(forStep: Int64($0)) } == expected)
    }

    @Test func countsThirtySecondSteps() {
        #expect(totp.step(at: at(0)) == 0)
        #expect(totp.step(at: at(29.999)) == 0)
        #expect(totp.step(at: at(30)) == 1)
        #expect(totp.step(at: at(59)) == 1)
        #expect(totp.step(at: at(-1)) == -1)
        #expect(totp.code(at: at(30)) == totp.code(at: at(59)))
        #expect(TOTP(secret: Self.rfcSecret, period: 60).step(at: at(119)) == 1)
    }

    @Test func acceptsTheCurrentCodeAndOneStepEitherSide() {
        let now = at(1_111_111_111)
        let step = totp.step(at: now)
        for offset in Int64(-1)...1 {
            let code = totp.code(forStep: step + offset)
            #expect(totp.verify(code, at: now, lastUsedStep: nil) == step + offset)
        }
        #expect(totp.verify(totp.code(forStep: step - 2), at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify(totp.code(forStep: step + 2), at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify(totp.code(forStep: step - 1), at: now, window: 0, lastUsedStep: nil) == nil)
        #expect(totp.verify(totp.code(forStep: step + 2), at: now, window: 2, lastUsedStep: nil) == step + 2)
    }

    @Test func refusesACodeAlreadyUsedOrOlder() {
        let now = at(1_234_567_890)
        let step = totp.step(at: now)
        let code = totp.code(at: now)
        let used = totp.verify(code, at: now, lastUsedStep: nil)
        #expect(used == step)
        #expect(totp.verify(code, at: now.addingTimeInterval(5), lastUsedStep: used) == nil)
        #expect(totp.verify(totp.code(forStep: step - 1), at: now, lastUsedStep: used) == nil)
        // The next step's code still works once its time comes.
        #expect(totp.verify(totp.code(forStep: step + 1), at: now.addingTimeInterval(30), lastUsedStep: used) == step + 1)
    }

    @Test func refusesMalformedCodes() {
        let now = at(59)
        let code = totp.code(at: now)
        #expect(totp.verify(String(code.prefix(3)) + " " + String(code.dropFirst(3)), at: now, lastUsedStep: nil) != nil)
        #expect(totp.verify(String(code.dropLast()), at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify(code + "0", at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify("", at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify("12345a", at: now, lastUsedStep: nil) == nil)
        #expect(totp.verify("１２３４５６", at: now, lastUsedStep: nil) == nil)  // full-width digits
    }

    @Test func makesTwentyByteSecretsThatDiffer() {
        let a = TOTP.generateSecret(), b = TOTP.generateSecret()
        #expect(a.count == 20)
        #expect(a != b)
        var first = SplitMix64(seed: 7), second = SplitMix64(seed: 7)
        #expect(TOTP.generateSecret(using: &first) == TOTP.generateSecret(using: &second))
    }

    @Test func readsASecretFromBase32() throws {
        let typed = try TOTP(base32Secret: "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")
        #expect(typed.secret == Self.rfcSecret)
        #expect(typed.base32Secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(throws: Base32Error.invalidCharacter("1")) { try TOTP(base32Secret: "GEZDGNB1") }
    }

    @Test func writesTheProvisioningURI() {
        #expect(totp.provisioningURI(username: "sam.jones")
            == "otpauth://totp/Lantern:sam.jones?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Lantern")
        #expect(TOTP(secret: Self.rfcSecret, digits: 8, period: 60).provisioningURI(username: "sam")
            == "otpauth://totp/Lantern:sam?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Lantern&digits=8&period=60")
    }

    @Test func escapesUsernamesThatCouldChangeTheURI() {
        let uri = totp.provisioningURI(username: "sam&issuer=Evil:x y/é", issuer: "Lantern Council")
        #expect(uri == "otpauth://totp/Lantern%20Council:sam%26issuer%3DEvil%3Ax%20y%2F%C3%A9"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Lantern%20Council")
    }

    @Test func neverPrintsTheSecret() {
        for text in [String(describing: totp), String(reflecting: totp), "\(totp)"] {
            #expect(!text.contains(totp.base32Secret))
            #expect(!text.contains("49, 50, 51"))
            #expect(text.contains("redacted"))
        }
        #expect(Mirror(reflecting: totp).children.allSatisfy { $0.label != "secret" })
    }
}

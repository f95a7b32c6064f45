import Foundation
import Testing
@testable import LanternCore

/// The NHS Modulus 11 check, written out longhand so the tests do not trust the code under test.
private func nhsCheckDigit(_ nine: String) -> Int? {
    let weights = [10, 9, 8, 7, 6, 5, 4, 3, 2]
    var total = 0
    for (i, c) in nine.enumerated() { total += Int(String(c))! * weights[i] }
    let remainder = total % 11
    if remainder == 0 { return 0 }
    if remainder == 1 { return nil }  // 11 - 1 = 10: no valid number
    return 11 - remainder
}

/// The UPN check letter exactly as returns-spec.md states it.
private func upnCheckLetter(_ twelve: String) -> Character {
    let table = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
    var total = 0
    for (i, c) in twelve.enumerated() {
        let value = c.isNumber ? Int(String(c))! : table.firstIndex(of: c)!
        total += (i + 2) * value
    }
    return table[total % 23]
}

@Suite struct NHSNumberTests {
    @Test func acceptsTheNHSExampleInAnyLayout() throws {
        for text in ["9434765919", "943 476 5919", "943-476-5919", " 943 476 5919 "] {
            let number = try NHSNumber(text)
            #expect(number.digits == "9434765919")
            #expect(number.formatted == "943 476 5919")
            #expect("\(number)" == "943 476 5919")
        }
    }

    @Test func acceptsEveryNumberWithTheRightCheckDigitAndNoOther() throws {
        var random = SplitMix64(seed: 11)
        var valid = 0
        for _ in 0..<2000 {
            let nine = String(format: "%09d", Int.random(in: 0..<1_000_000_000, using: &random))
            let expected = nhsCheckDigit(nine)
            #expect(NHSNumber.checkDigit(forFirstNine: nine.compactMap(\.wholeNumberValue)) == expected)
            for last in 0...9 {
                let result = Result { () throws(NHSNumberError) in try NHSNumber(nine + String(last)) }
                if last == expected {
                    #expect(try result.get().digits == nine + String(last))
                    valid += 1
                } else if expected == nil {
                    #expect(throws: NHSNumberError.noValidCheckDigit) { try result.get() }
                } else {
                    #expect(throws: NHSNumberError.checkDigitMismatch) { try result.get() }
                }
            }
        }
        #expect(valid > 1700)  // about 10 in 11 prefixes have a valid check digit
    }

    @Test func explainsWhatIsWrong() {
        #expect(throws: NHSNumberError.wrongLength(9)) { try NHSNumber("943 476 591") }
        #expect(NHSNumberError.wrongLength(9).message == "An NHS number has 10 digits. You entered 9.")
        #expect(throws: NHSNumberError.wrongLength(11)) { try NHSNumber("94347659190") }
        #expect(throws: NHSNumberError.notADigit("A")) { try NHSNumber("943 476 591A") }
        #expect(throws: NHSNumberError.empty) { try NHSNumber("  ") }
        #expect(throws: NHSNumberError.checkDigitMismatch) { try NHSNumber("943 476 5918") }
        // 6 x 2 = 12, remainder 1, check value 10: no NHS number starts 000 000 006.
        #expect(throws: NHSNumberError.noValidCheckDigit) { try NHSNumber("000 000 0060") }
        #expect(NHSNumberError.checkDigitMismatch.message.contains("typing mistake"))
        #expect(NHSNumberError.notADigit("A").localizedDescription == NHSNumberError.notADigit("A").message)
    }

    @Test func storesAsItsDigits() throws {
        let number = try NHSNumber("943 476 5919")
        let json = try JSONEncoder().encode([number])
        #expect(String(decoding: json, as: UTF8.self) == #"["9434765919"]"#)
        #expect(try JSONDecoder().decode([NHSNumber].self, from: json) == [number])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([NHSNumber].self, from: Data(#"["9434765918"]"#.utf8)) }
    }
}

@Suite struct UPNTests {
    @Test func acceptsAHandWorkedUPN() throws {
        // 2x3 + 3x3 + 4x0 + 5x1 + 6x2 + 7x3 + 8x4 + 9x5 + 10x6 + 11x7 + 12x8 + 13x9 = 480;
        // 480 mod 23 = 20 -> X.
        let upn = try UPN("X330123456789")
        #expect(upn.value == "X330123456789")
        #expect(upn.localAuthorityNumber == "330")
        #expect(!upn.isTemporary)
        #expect(try UPN("x330 1234 56789") == upn)
        // Temporary: final A counts 0, so 480 - 117 = 363; 363 mod 23 = 18 -> V.
        let temporary = try UPN("V33012345678A")
        #expect(temporary.isTemporary)
    }

    @Test func acceptsGeneratedUPNsAndRejectsEveryOtherCheckLetter() throws {
        var random = SplitMix64(seed: 13)
        for _ in 0..<500 {
            let digits = String(format: "%03d%08d", Int.random(in: 201...940, using: &random),
                                Int.random(in: 0..<100_000_000, using: &random))
            let last = Bool.random(using: &random) ? String(Int.random(in: 0...9, using: &random))
                : String(UPN.checkLetters.randomElement(using: &random)!)
            let twelve = digits + last
            let letter = upnCheckLetter(twelve)
            #expect(UPN.checkLetter(forLast12: Array(twelve)) == letter)
            #expect(try UPN(String(letter) + twelve).value == String(letter) + twelve)
            for wrong in UPN.checkLetters where wrong != letter {
                #expect(throws: UPNError.checkLetterMismatch) { try UPN(String(wrong) + twelve) }
            }
        }
    }

    @Test func explainsWhatIsWrong() {
        #expect(throws: UPNError.empty) { try UPN("") }
        #expect(throws: UPNError.wrongLength(12)) { try UPN("X33012345678") }
        #expect(UPNError.wrongLength(12).message == "A UPN has 13 characters. You entered 12.")
        #expect(throws: UPNError.noCheckLetter) { try UPN("1330123456789") }
        #expect(throws: UPNError.notDigits) { try UPN("X3301234567A9") }
        #expect(throws: UPNError.badLastCharacter) { try UPN("X33012345678I") }
        #expect(throws: UPNError.badLastCharacter) { try UPN("X33012345678O") }
        #expect(throws: UPNError.checkLetterMismatch) { try UPN("A330123456789") }
        // I, O and S are never check letters.
        #expect(throws: UPNError.checkLetterMismatch) { try UPN("I330123456789") }
    }

    @Test func storesAsItsValue() throws {
        let upn = try UPN("X330123456789")
        let json = try JSONEncoder().encode(upn)
        #expect(try JSONDecoder().decode(UPN.self, from: json) == upn)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(UPN.self, from: Data(#""A330123456789""#.utf8)) }
    }
}

@Suite struct PostcodeTests {
    @Test(arguments: [
        ("B1 1AA", "B1 1AA", "B", "B1", "B1 1"),
        ("sw1a2aa", "SW1A 2AA", "SW", "SW1", "SW1A 2"),
        (" EC1A  1BB ", "EC1A 1BB", "EC", "EC1", "EC1A 1"),
        ("W1A 0AX", "W1A 0AX", "W", "W1", "W1A 0"),
        ("M1 1AE", "M1 1AE", "M", "M1", "M1 1"),
        ("CR2 6XH", "CR2 6XH", "CR", "CR2", "CR2 6"),
        ("DN55 1PT", "DN55 1PT", "DN", "DN55", "DN55 1"),
        ("L1 8JQ", "L1 8JQ", "L", "L1", "L1 8"),
        ("BT1 5GS", "BT1 5GS", "BT", "BT1", "BT1 5"),
        ("gir0aa", "GIR 0AA", "GIR", "GIR", "GIR 0"),
    ])
    func normalisesValidPostcodes(text: String, formatted: String, area: String, district: String, sector: String) throws {
        let postcode = try Postcode(text)
        #expect(postcode.formatted == formatted)
        #expect(postcode.description == formatted)
        #expect(postcode.outwardCode == String(formatted.split(separator: " ")[0]))
        #expect(postcode.inwardCode == String(formatted.split(separator: " ")[1]))
        #expect(postcode.area == area)
        #expect(postcode.district == district)
        #expect(postcode.sector == sector)
    }

    @Test(arguments: ["QA1 1AA", "VA1 1AA", "XA1 1AA", "AI1 1AA", "BJ1 1AA", "AZ1 1AA", "W1Q 1AA", "W1L 1AA",
                      "EC1Z 1BB", "EC1C 1BB", "B1 1CA", "B1 1AK", "B1 1MO", "B1 AAA", "12 3AB", "B123 4AB",
                      "BBB1 1AA", "GIR 0AB"])
    func rejectsImpossiblePostcodes(text: String) {
        #expect(throws: PostcodeError.self) { try Postcode(text) }
    }

    @Test func explainsWhatIsWrong() {
        #expect(throws: PostcodeError.empty) { try Postcode(" ") }
        #expect(throws: PostcodeError.wrongLength(4)) { try Postcode("B1 1A") }
        #expect(PostcodeError.wrongLength(4).message
            == "A postcode has 5 to 7 letters and numbers, like B1 1AA or SW1A 2AA. You entered 4.")
        #expect(throws: PostcodeError.wrongLength(8)) { try Postcode("SW1A 2AAX") }
        #expect(throws: PostcodeError.notLettersAndDigits) { try Postcode("B1-1AA") }
        #expect(throws: PostcodeError.notAPostcode("QA1 1AA")) { try Postcode("qa11aa") }
        #expect(PostcodeError.notAPostcode("QA1 1AA").message == "QA1 1AA is not a UK postcode. Check it for a typing mistake.")
    }

    @Test func storesInItsStandardForm() throws {
        let json = try JSONEncoder().encode(try Postcode("sw1a2aa"))
        #expect(String(decoding: json, as: UTF8.self) == #""SW1A 2AA""#)
        #expect(try JSONDecoder().decode(Postcode.self, from: json) == Postcode("SW1A 2AA"))
    }
}

import Testing
@testable import LanternReturns

@Suite struct UniquePupilNumberTests {
    @Test func acceptsWellFormedUPNs() {
        for serial in [1, 42, 99_999, 123_456_789] {
            let upn = CINFixture.upn(serial)
            #expect(UniquePupilNumber.problems(upn).isEmpty, "\(upn)")
        }
    }

    /// Worked by hand: 3, 3, 0 ... 0, 1 weighted 2..13 sum to 6 + 9 + 13 = 28; 28 mod 23 = 5 -> F.
    @Test func computesTheCheckLetterAsTheDfEGuideDescribes() {
        #expect(UniquePupilNumber.checkLetter(for: ArraySlice("330000000001")) == "F")
        #expect(UniquePupilNumber.problems("F330000000001").isEmpty)
        #expect(UniquePupilNumber.problems("G330000000001") == [.checkLetter])
    }

    @Test func reportsEachKindOfFault() {
        #expect(UniquePupilNumber.problems("J33000000001") == [.wrongLength])
        #expect(UniquePupilNumber.problems("J999000000001").contains(.unknownLA))
        #expect(UniquePupilNumber.problems("J3300000X0001").contains(.nonNumericBody))
        #expect(UniquePupilNumber.problems("J33000000000O").contains(.invalidLastCharacter))
        #expect(UniquePupilNumber.issuingAuthorities.contains("330"))
        #expect(UniquePupilNumber.issuingAuthorities.contains("001"))
        #expect(!UniquePupilNumber.issuingAuthorities.contains("000"))
    }

    @Test func ssda903AcceptsUPNsAndUnknownCodesOnly() {
        #expect(SSDA903Checks.isWellFormedUPN("J330000000001"))
        #expect(SSDA903Checks.isWellFormedUPN("J33000000000A"))
        #expect(SSDA903Checks.isWellFormedUPN("UN5"))
        #expect(!SSDA903Checks.isWellFormedUPN("UN6"))
        #expect(!SSDA903Checks.isWellFormedUPN("I330000000001"))
        #expect(!SSDA903Checks.isWellFormedUPN("j330000000001"))
    }
}

import Testing
@testable import LanternCore

@Suite struct CaseloadWeightsTests {
    func typed(_ values: [String]) -> [CaseloadCategory: String] {
        Dictionary(uniqueKeysWithValues: zip(CaseloadCategory.allCases, values))
    }

    @Test func typedWeightsMustBePositiveNumbersNoLargerThanFive() {
        // Order: child protection, looked after, care leaver, child in need, assessment.
        #expect(CaseloadWeights.parse(typed(["2", " 1.4 ", "0.5", "1", "0.9"]))
                == .success(CaseloadWeights(childProtection: 2, lookedAfter: 1.4, careLeaver: 0.5, childInNeed: 1, assessment: 0.9)))
        guard case .failure(let problems) = CaseloadWeights.parse(typed(["0", "-1", "lots", "1", "6"])) else {
            Issue.record("bad weights were accepted")
            return
        }
        #expect(Set(problems.byCategory.keys) == [.childProtection, .lookedAfter, .careLeaver, .assessment])
        #expect(problems.byCategory[.careLeaver] == "Enter the weight for care leaver cases as a number, for example 1.2")
        #expect(problems.byCategory[.childProtection] == "The weight for child protection cases must be more than 0 and no more than 5")
        if case .success = CaseloadWeights.parse(typed(["1", "1", "1", "1", "inf"])) { Issue.record("infinity was accepted") }
    }

    @Test func theSummaryNamesEachWeight() {
        #expect(CaseloadWeights().summary == "child protection 1.5, looked after 1.3, care leaver 0.7, child in need 1, assessment 0.8")
    }
}

import Testing
@testable import LanternCore

@Suite struct NeedsAnalysisTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func assessed(need: String, factors: [String], authorised: String) throws -> CaseSnapshot {
        let actor = WorkflowActor.manager("m")
        var s = CaseSnapshot(childBirthDate: day("2018-06-01"))
        for action: CaseworkAction in [
            .openEpisodeOfNeed(referralDate: day("2026-04-01"), source: "6", primaryNeed: nil), .startAssessment(on: day("2026-04-02")),
            .recordChildSeen(on: day("2026-04-03"), seenAlone: true), .recordWishesAndFeelings(on: day("2026-04-03")),
            .submitAssessment(on: day(authorised), factors: factors, needsSupport: true), .authoriseAssessment(on: day(authorised), primaryNeed: need),
        ] { s = try CaseworkRules.apply(action, to: s, on: day("2026-11-20"), by: actor) }
        return s
    }

    @Test func countsNeedsFactorsAndBreakdownsForAssessmentsInThePeriod() throws {
        let children = [
            NeedsFacts(snapshot: try assessed(need: "N1", factors: ["3A", "4A"], authorised: "2026-05-01"), birthDate: day("2018-06-01"), ethnicity: "WBRI", postcodeDistrict: "B23"),
            NeedsFacts(snapshot: try assessed(need: "N1", factors: ["3A"], authorised: "2026-05-10"), birthDate: day("2024-01-01"), ethnicity: "APKN", postcodeDistrict: "B23"),
            NeedsFacts(snapshot: try assessed(need: "N4", factors: ["2B"], authorised: "2026-09-10"), birthDate: day("2012-01-01"), ethnicity: "WBRI", postcodeDistrict: "B11"),
        ]
        let a = NeedsAnalysis.compute(children, period: ReportingPeriod(from: day("2026-04-01"), to: day("2026-06-30")))
        #expect(a.assessments == 2)
        #expect(a.primaryNeeds == [.init(key: "N1", count: 2)])
        #expect(a.factors == [.init(key: "3A", count: 2), .init(key: "4A", count: 1)])
        #expect(a.byAgeBand == [.init(key: "1 to 4", count: 1), .init(key: "5 to 9", count: 1)])
        #expect(a.byDistrict == [.init(key: "B23", count: 2)])
    }
}

import Testing
@testable import LanternCore

@Suite struct NeedsTrendTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A child referred on `referred` whose assessment was authorised 20 days later with `need`.
    func child(_ need: String, _ factors: [String], referred: String, locality: String?) throws -> NeedsFacts {
        let start = day(referred)
        let done = start.adding(days: 20)
        var s = CaseSnapshot(childBirthDate: day("2016-06-01"))
        for action: CaseworkAction in [
            .openEpisodeOfNeed(referralDate: start, source: "6", primaryNeed: nil), .startAssessment(on: start.adding(days: 1)),
            .recordChildSeen(on: start.adding(days: 2), seenAlone: true), .recordWishesAndFeelings(on: start.adding(days: 2)),
            .submitAssessment(on: done, factors: factors, needsSupport: true), .authoriseAssessment(on: done, primaryNeed: need),
        ] { s = try CaseworkRules.apply(action, to: s, on: day("2026-11-20"), by: .manager("m")) }
        return NeedsFacts(snapshot: s, birthDate: day("2016-06-01"), ethnicity: nil, postcodeDistrict: nil, locality: locality)
    }

    @Test func needsAreCountedPerCollectionYearForTheChosenLocality() throws {
        let children = [
            try child("N1", ["3A", "4A"], referred: "2025-02-03", locality: "North"),   // 2024-25
            try child("N1", ["3A"], referred: "2025-05-01", locality: "North"),         // 2025-26
            try child("N4", ["2B"], referred: "2025-06-02", locality: "South"),         // 2025-26
            try child("N4", ["2B", "3A"], referred: "2026-04-01", locality: nil),       // 2026-27
            try child("N2", ["1A"], referred: "2020-06-01", locality: "North"),             // outside the years
        ]
        let all = NeedsTrend.compute(children, years: [2025, 2026, 2027])
        #expect(all.assessments == [1, 2, 1])
        #expect(all.primaryNeeds == [.init(key: "N1", counts: [1, 1, 0]), .init(key: "N4", counts: [0, 1, 1])])
        #expect(all.factors.first == .init(key: "3A", counts: [1, 1, 1]))
        #expect(all.share(all.primaryNeeds[1], year: 1) == 50)
        #expect(all.byLocality == [.init(key: "North", counts: [1, 1, 0]), .init(key: "Not known", counts: [0, 0, 1]),
                                   .init(key: "South", counts: [0, 1, 0])])
        let north = NeedsTrend.compute(children, years: [2025, 2026, 2027], locality: "North")
        #expect(north.assessments == [1, 1, 0])
        #expect(north.primaryNeeds == [.init(key: "N1", counts: [1, 1, 0])])
        #expect(north.share(north.primaryNeeds[0], year: 2) == nil)
        // The locality table does not depend on the filter.
        #expect(north.byLocality == all.byLocality)
        #expect(ReportingYear.recent(3, to: day("2026-11-23")) == [2025, 2026, 2027])
        #expect(ReportingYear.label(2027) == "2026-27" && ReportingYear.label(2009) == "2008-09")
    }
}

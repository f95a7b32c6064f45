import Foundation
import LanternCore
@testable import LanternReturns
import Testing

/// Which rows of a child's care belong to a collection year.
@Suite struct SSDA903BuilderTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static let actor = WorkflowActor.practitioner("sw")
    static let foster = CarePlacement(type: "U4", provider: "PR1", postcode: "B15 2TT", urn: "SC400101")
    static let home = CarePlacement(type: "K2", provider: "PR4", postcode: "B29 6BD", urn: "SC401234")

    static func record(born: Day, _ actions: [LookedAfterAction], today: Day = day("2026-11-23")) throws -> LookedAfterRecord {
        var record: LookedAfterRecord?
        for action in actions {
            record = try LookedAfterRules.apply(action, to: record, birthDate: born, episodeOpen: true, on: today, by: actor)
        }
        return try #require(record)
    }

    @Test func reportsTheEpisodesOpenInTheYearAndTheSocialWorkersFromTheStartOfCare() throws {
        let born = Self.day("2012-05-01")
        let care = try Self.record(born: born, [
            .care(.startedToBeLookedAfter(.init(date: Self.day("2024-10-01"), legalStatus: "C2", categoryOfNeed: "N1", placement: Self.foster, homePostcode: "B12 9QJ"))),
            .care(.placementChanged(.init(date: Self.day("2025-06-02"), placement: Self.home, reason: "CARPL"))),
            .holdReview(.init(date: Self.day("2025-03-10"), participation: "PN1")),
            .holdReview(.init(date: Self.day("2025-09-10"), participation: "PN1")),
            .recordHealthAssessment(on: Self.day("2025-08-01")),
            .recordSDQ(score: 14, on: Self.day("2025-08-01")),
        ])
        let child = SSDA903SourceChild(childID: "L1", sex: "M", birthDate: born, ethnicity: "WBRI", upn: nil, care: care, socialWorkers: [
            SocialWorkerSpell(socialWorkerNumber: "SW100001", start: Self.day("2024-08-01"), end: nil, reason: "FCONTA"),
        ])
        let input = SSDA903Builder.build([child], year: CollectionYear(endingIn: 2026))
        // Both rows are open in 2025-26; the first ended with X1 on the move.
        #expect(input.episodes.map(\.reasonNewEpisode) == ["S", "P"])
        #expect(input.episodes.first?.reasonEnded == "X1")
        // Only the review held in the year.
        #expect(input.reviews.map(\.date) == [Self.day("2025-09-10")])
        // In care for 12 months at 31 March 2026: an OC2 row from what was recorded in the year.
        let outcomes = try #require(input.outcomesAfter12Months.first)
        #expect(outcomes.sdqScore == 14)
        #expect(outcomes.healthAssessment == true)
        #expect(outcomes.teethCheck == false)
        #expect(outcomes.convicted == false)
        #expect(outcomes.healthCheck == nil)
        // The worker allocated before care is reported from the start of care.
        #expect(input.socialWorkerEpisodes.map(\.start) == [Self.day("2024-10-01")])
        #expect(input.headers.first?.upn == "UN5")
        #expect(input.headers.first?.isMother == nil)
    }

    @Test func leavesOutTheFollowUpForABirthdayOnWhichCareEnded() throws {
        let born = Self.day("2007-06-15")
        var care = try Self.record(born: born, [
            .care(.startedToBeLookedAfter(.init(date: Self.day("2024-01-10"), legalStatus: "C2", categoryOfNeed: "N1", placement: Self.foster, homePostcode: "B12 9QJ"))),
            .care(.ceasedToBeLookedAfter(on: Self.day("2025-06-15"), reason: "E17")),
        ])
        care = try LookedAfterRules.apply(.careLeaver(.recordBirthdayFollowUp(.init(age: 18, contactedOn: Self.day("2025-06-20"), inTouch: "YES",
                                                                                  activity: "F2", accommodation: "B1"))),
                                          to: care, birthDate: born, episodeOpen: false, on: Self.day("2026-11-23"), by: Self.actor)
        let child = SSDA903SourceChild(childID: "L2", sex: "F", birthDate: born, ethnicity: "WBRI", upn: nil, care: care)
        let input = SSDA903Builder.build([child], year: CollectionYear(endingIn: 2026))
        #expect(input.careLeavers.isEmpty)
        #expect(input.episodes.first?.reasonEnded == "E17")
        // A young woman looked after in the year: motherhood is asked, and not recorded here.
        #expect(input.headers.first?.isMother == nil)
        #expect(SSDA903Checks.check(input).contains { $0.rule == "393" })
    }
}

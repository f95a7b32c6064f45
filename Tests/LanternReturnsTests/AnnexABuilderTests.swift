import Foundation
import LanternCore
@testable import LanternReturns
import Testing

/// Which records land in which Annex A list for the 12 months before the extract date.
@Suite struct AnnexABuilderTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static let manager = WorkflowActor.manager("tm")

    static func snapshot(_ actions: [CaseworkAction], born: Day) throws -> CaseSnapshot {
        try actions.reduce(CaseSnapshot(childBirthDate: born)) { try CaseworkRules.apply($1, to: $0, on: day("2026-11-23"), by: manager) }
    }

    @Test func listsAChildFromContactToCareInTheYearBeforeTheExtract() throws {
        let born = Self.day("2012-05-01")
        let snapshot = try Self.snapshot([
            .openEpisodeOfNeed(referralDate: Self.day("2026-01-05"), source: "1B", primaryNeed: "N1"),
            .startAssessment(on: Self.day("2026-01-06")),
            .recordChildSeen(on: Self.day("2026-01-08"), seenAlone: true),
            .recordWishesAndFeelings(on: Self.day("2026-01-08")),
            .submitAssessment(on: Self.day("2026-01-26"), factors: ["3B"], needsSupport: true),
            .authoriseAssessment(on: Self.day("2026-01-28"), primaryNeed: "N1"),
            .lookedAfter(.care(.startedToBeLookedAfter(.init(date: Self.day("2026-02-02"), legalStatus: "C2", categoryOfNeed: "N1",
                                                            placement: CarePlacement(type: "U4", provider: "PR1", postcode: "B15 2TT", urn: "SC1"),
                                                            homePostcode: "B12 9QJ")))),
            .lookedAfter(.care(.placementChanged(.init(date: Self.day("2026-05-05"), placement: CarePlacement(type: "K2", provider: "PR4", postcode: "B29 6BD", urn: "SC2"), reason: "CARPL")))),
            .lookedAfter(.care(.wentMissing(on: Self.day("2026-06-01"), kind: .missing))),
            .lookedAfter(.care(.returnedFromMissing(on: Self.day("2026-06-02")))),
            .lookedAfter(.holdReview(.init(date: Self.day("2026-02-27"), participation: "PN1"))),
            .lookedAfter(.agreePermanencePlan(.longTermFostering, on: Self.day("2026-05-20"))),
        ], born: born)
        let source = AnnexASourceChild(child: AnnexAChild(id: "L1", sex: "M", ethnicity: "WBRI", dateOfBirth: born), snapshot: snapshot,
                                       contacts: [(Self.day("2026-01-05"), "1B"), (Self.day("2025-06-01"), "2A")],
                                       team: "Children in Care", worker: "Aisha Begum")
        let input = AnnexABuilder.build([source], extractDate: Self.day("2026-11-23"))
        // The contact of June 2025 is more than 12 months before the extract.
        #expect(input.contacts.map(\.date) == [Self.day("2026-01-05")])
        #expect(input.referrals.first?.noFurtherAction == false)
        #expect(input.assessments.first?.childSeen == true)
        #expect(input.assessments.first?.authorised == Self.day("2026-01-28"))
        #expect(input.childrenInNeed.first?.caseStatus == .lookedAfter)
        let care = try #require(input.childrenInCare.first)
        #expect(care.startedCare == Self.day("2026-02-02"))
        #expect(care.placementsInLast12Months == 2)
        #expect(care.placementType == "K2")
        #expect(care.placementStart == Self.day("2026-05-05"))
        #expect(care.missingEpisodesInLast12Months == 1)
        #expect(care.offeredReturnInterview == false)
        #expect(care.permanencePlan == .longTermFostering)
        #expect(care.latestReview == Self.day("2026-02-27"))
        #expect(input.careLeavers.isEmpty)
        #expect(!AnnexAWorkbook.render(input).isEmpty)
    }
}

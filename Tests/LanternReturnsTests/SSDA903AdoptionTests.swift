import Foundation
import LanternCore
@testable import LanternReturns
import Testing

/// AD1 and PlacedAdoption rows for a child adopted from care.
@Suite struct SSDA903AdoptionTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func writesAD1OnlyInTheYearOfTheAdoption() throws {
        let born = Self.day("2023-03-01")
        let adopters = AdoptersOfChild(count: 2, sex: "MF", legalStatus: "L11", formerFosterCarers: false)
        let care = try SSDA903BuilderTests.record(born: born, [
            .care(.startedToBeLookedAfter(.init(date: Self.day("2024-01-10"), legalStatus: "C2", categoryOfNeed: "N1",
                                                placement: SSDA903BuilderTests.foster, homePostcode: "B12 9QJ"))),
            .recordAdoptionMilestone(.decision, on: Self.day("2024-07-01")),
            .recordAdoptionMilestone(.placementOrder, on: Self.day("2024-09-01")),
            .care(.legalStatusChanged(on: Self.day("2024-09-01"), legalStatus: "E1")),
            .recordAdoptionMilestone(.matched, on: Self.day("2024-12-02")),
            .recordAdopters(adopters, on: Self.day("2024-12-02")),
            .care(.placementChanged(.init(date: Self.day("2025-01-06"), placement: CarePlacement(type: "A6", provider: "PR1", postcode: "B23 6SN", urn: "XXXXXXX"),
                                          reason: "CARPL"))),
            .recordAdoptionMilestone(.placed, on: Self.day("2025-01-06")),
            .recordAdoptionMilestone(.adoptionOrder, on: Self.day("2025-07-14")),
            .care(.ceasedToBeLookedAfter(on: Self.day("2025-07-14"), reason: "E11")),
        ])
        let child = SSDA903SourceChild(childID: "L9", sex: "F", birthDate: born, ethnicity: "WBRI", upn: nil, care: care, socialWorkers: [
            SocialWorkerSpell(socialWorkerNumber: "SW100002", start: Self.day("2024-01-10"), end: nil, reason: "FCONTA"),
        ])
        let adopted = SSDA903Builder.build([child], year: CollectionYear(endingIn: 2026))
        #expect(adopted.adoptions == [SSDA903Adoption(child: "L9", decisionDate: Self.day("2024-07-01"), matchedDate: Self.day("2024-12-02"),
                                                      byFosterCarers: false, numberOfAdopters: 2, adoptersSex: "MF", adoptersLegalStatus: "L11")])
        #expect(adopted.placedForAdoption.map(\.decisionDate) == [Self.day("2024-07-01")])
        // Only the placement for adoption was open in 2025-26, under the placement order.
        #expect(adopted.episodes.map(\.placement) == ["A6"] && adopted.episodes.map(\.legalStatus) == ["E1"])
        #expect(adopted.episodes.map(\.reasonEnded) == ["E11"])
        // The year before, the child was placed but not yet adopted: no AD1.
        let placed = SSDA903Builder.build([child], year: CollectionYear(endingIn: 2025))
        #expect(placed.adoptions.isEmpty)
        #expect(placed.placedForAdoption.count == 1)
        #expect(SSDA903Checks.check(adopted).filter { $0.severity == .error }.isEmpty)
    }

    @Test func leavesOutADecisionFromAnEarlierTimeInCare() throws {
        let born = Self.day("2021-03-01")
        let care = try SSDA903BuilderTests.record(born: born, [
            .care(.startedToBeLookedAfter(.init(date: Self.day("2023-01-10"), legalStatus: "C2", categoryOfNeed: "N1",
                                                placement: SSDA903BuilderTests.foster, homePostcode: "B12 9QJ"))),
            .recordAdoptionMilestone(.decision, on: Self.day("2023-06-01")),
            .reverseAdoptionDecision(on: Self.day("2024-01-15"), reason: "RD1"),
            .care(.ceasedToBeLookedAfter(on: Self.day("2024-02-01"), reason: "E13")),
            .care(.startedToBeLookedAfter(.init(date: Self.day("2025-06-02"), legalStatus: "C2", categoryOfNeed: "N1",
                                                placement: SSDA903BuilderTests.foster, homePostcode: "B12 9QJ"))),
        ])
        let child = SSDA903SourceChild(childID: "L8", sex: "M", birthDate: born, ethnicity: "WBRI", upn: nil, care: care)
        // The year of the decision reports it ...
        #expect(SSDA903Builder.build([child], year: CollectionYear(endingIn: 2024)).placedForAdoption.map(\.decisionDate) == [Self.day("2023-06-01")])
        // ... but the later time in care does not carry it: the DfE would read it as a decision
        // made before the child came into care (rule 1003).
        let later = SSDA903Builder.build([child], year: CollectionYear(endingIn: 2026))
        #expect(later.episodes.count == 1)
        #expect(later.placedForAdoption.isEmpty)
        #expect(SSDA903Checks.check(later).filter { $0.rule == "1003" }.isEmpty)
    }

    @Test func refusesAdoptersWhoseDetailsDisagree() throws {
        #expect(AdoptersOfChild(count: 1, sex: "MF", legalStatus: "L0", formerFosterCarers: false).inconsistency != nil)
        #expect(AdoptersOfChild(count: 2, sex: "MM", legalStatus: "L3", formerFosterCarers: false).inconsistency != nil)
        #expect(AdoptersOfChild(count: 2, sex: "FF", legalStatus: "L0", formerFosterCarers: false).inconsistency != nil)
        #expect(AdoptersOfChild(count: 1, sex: "F1", legalStatus: "L0", formerFosterCarers: true).inconsistency == nil)
        // Not before the match.
        #expect(throws: WorkflowRefusal.self) {
            _ = try SSDA903BuilderTests.record(born: Self.day("2023-03-01"), [
                .care(.startedToBeLookedAfter(.init(date: Self.day("2024-01-10"), legalStatus: "C2", categoryOfNeed: "N1",
                                                    placement: SSDA903BuilderTests.foster, homePostcode: "B12 9QJ"))),
                .recordAdoptionMilestone(.decision, on: Self.day("2024-07-01")),
                .recordAdopters(AdoptersOfChild(count: 1, sex: "F1", legalStatus: "L0", formerFosterCarers: false), on: Self.day("2024-08-01")),
            ])
        }
    }
}

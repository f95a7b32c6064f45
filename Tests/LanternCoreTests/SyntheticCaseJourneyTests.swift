import Testing
@testable import LanternCore
@testable import LanternSynthetic

@Suite struct SyntheticCaseJourneyTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func everyGeneratedJourneyIsAllowedByTheRules() throws {
        var random = SplitMix(state: 42)
        let calendar = WorkingDayCalendar.englandAndWales
        let today = Day(iso: "2026-11-23")!
        let manager = WorkflowActor.manager("generator")
        var shapes: [SyntheticCaseJourney.Shape: Int] = [:]
        var closed = 0
        for index in 0..<600 {
            let journey = SyntheticCaseJourney(pace: index % 3 == 0 ? 1.5 : 1)
            let shape = journey.shape(using: &random)
            shapes[shape, default: 0] += 1
            let referral = today.adding(days: -Int.random(in: 0...900, using: &random))
            let actions = journey.actions(referral: referral, source: "6", shape: shape, today: today, calendar: calendar, using: &random)
            var snapshot = CaseSnapshot(childBirthDate: referral.adding(years: -8))
            for action in actions {
                snapshot = try CaseworkRules.apply(action, to: snapshot, on: today, by: manager)
            }
            if snapshot.openEpisode == nil { closed += 1 }
            #expect(actions.allSatisfy { $0.date <= today })
        }
        #expect(shapes.count == SyntheticCaseJourney.Shape.allCases.count)
        #expect(closed > 200)
    }

    /// A child in care is placed away from home (SSDA903 rule 392d: the same postcode only for a
    /// placement with parents), whatever home they came from, adopted children included.
    @Test func childrenInCareArePlacedAtAnotherPostcodeThanHome() throws {
        let today = Day(iso: "2026-11-23")!
        let manager = WorkflowActor.manager("generator")
        var rng = SeededGenerator(seed: 392)
        var placements = 0, adopted = 0
        for home in SyntheticCareJourney.homePostcodes + SyntheticCareJourney.placementPostcodes.sorted() {
            for index in 0..<40 {
                let referral = today.adding(days: -(400 + index * 37))
                let born = referral.adding(years: -(index % 2 == 0 ? 2 : 9))
                let actions = SyntheticCareJourney().actions(referral: referral, born: born, sex: "F", homePostcode: home, today: today, using: &rng)
                var snapshot = CaseSnapshot(childBirthDate: born)
                for action in actions { snapshot = try CaseworkRules.apply(action, to: snapshot, on: today, by: manager) }
                let rows = try #require(snapshot.care).ledger.episodes
                for row in rows where row.placement.type != "P1" {
                    #expect(row.placement.postcode != row.homePostcode, "home \(home), placed \(row.placement.type)")
                    placements += 1
                }
                if rows.contains(where: { $0.placement.type == "A6" }) { adopted += 1 }
            }
        }
        #expect(placements > 500)
        #expect(adopted > 0, "adoptive placements are checked too")
    }
}

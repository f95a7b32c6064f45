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
}

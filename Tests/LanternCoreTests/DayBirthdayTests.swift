import Testing
@testable import LanternSynthetic
@testable import LanternCore

/// Birthdays of a child born on 29 February, as the age rules reckon them.
@Suite struct DayBirthdayTests {
    @Test func aLeapDayChildReachesEachAgeOnTheDayTheirAgeSaysSo() {
        let born = Day(iso: "2004-02-29")!
        #expect(born.birthday(18) == Day(iso: "2022-03-01")!)
        #expect(born.birthday(16) == Day(iso: "2020-02-29")!)
        for age in 1...25 {
            #expect(born.age(on: born.birthday(age)) == age)
            #expect(born.age(on: born.birthday(age).adding(days: -1)) == age - 1)
        }
        // Everyone else: the anniversary itself.
        #expect(Day(iso: "2008-06-15")!.birthday(18) == Day(iso: "2026-06-15")!)
    }
}

/// The generator's care journeys for a child born on 29 February, who reaches 18 on 1 March in a
/// common year: the rules accept every one (the city once lost a journey that left care "at 18" on
/// 28 February).
@Suite struct LeapDayCareJourneyTests {
    @Test func everyJourneyOfALeapDayChildIsAllowed() throws {
        let born = Day(iso: "2004-02-29")!
        let today = Day(iso: "2026-11-23")!
        var journeys = 0
        for seed in 0..<300 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let referral = Day(iso: "2019-01-07")!.adding(days: seed * 5)
            guard SyntheticCareJourney.fits(born: born, referral: referral) else { continue }
            journeys += 1
            let actions = SyntheticCareJourney().actions(referral: referral, born: born, sex: "F", homePostcode: "B12 9QJ",
                                                          today: today, using: &rng)
            var snapshot = CaseSnapshot(childBirthDate: born)
            for action in actions {
                snapshot = try CaseworkRules.apply(action, to: snapshot, on: today, by: .manager("generator"))
            }
        }
        #expect(journeys > 100)
    }
}

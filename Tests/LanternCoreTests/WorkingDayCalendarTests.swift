import Testing
@testable import LanternCore

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A small seeded generator, so a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The obvious day-by-day definitions the fast calendar must agree with.
private enum Reference {
    static func adding(_ n: Int, to start: Day, in calendar: WorkingDayCalendar) -> Day {
        var day = start, left = abs(n)
        while left > 0 {
            day = day.adding(days: n > 0 ? 1 : -1)
            if calendar.isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    static func between(_ start: Day, _ end: Day, in calendar: WorkingDayCalendar) -> Int {
        if end < start { return -between(end, start, in: calendar) }
        var count = 0, day = start
        while day < end {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { count += 1 }
        }
        return count
    }
}

@Suite struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.englandAndWales

    @Test func stepsOverEaster() {
        // Thursday before Good Friday 2024: the next working day is the Tuesday after Easter Monday.
        #expect(calendar.addingWorkingDays(1, to: day("2024-03-28")) == day("2024-04-02"))
        #expect(calendar.addingWorkingDays(2, to: day("2024-03-28")) == day("2024-04-03"))
        #expect(calendar.addingWorkingDays(-1, to: day("2024-04-02")) == day("2024-03-28"))
        #expect(calendar.workingDaysBetween(day("2024-03-28"), day("2024-04-02")) == 1)
        #expect(calendar.workingDaysBetween(day("2024-04-02"), day("2024-03-28")) == -1)
        #expect(calendar.workingDaysBetween(day("2024-03-28"), day("2024-04-01")) == 0)
    }

    @Test func stepsOverTheJubileeAndTheMovedSpringHoliday() {
        // Friday 27 May 2022: Monday 30 May was a working day in 2022; 2 and 3 June were not.
        #expect(calendar.addingWorkingDays(1, to: day("2022-05-27")) == day("2022-05-30"))
        #expect(calendar.addingWorkingDays(3, to: day("2022-05-27")) == day("2022-06-01"))
        #expect(calendar.addingWorkingDays(4, to: day("2022-05-27")) == day("2022-06-06"))
        #expect(calendar.workingDaysBetween(day("2022-05-27"), day("2022-06-06")) == 4)
    }

    @Test func stepsOverChristmas() {
        // Christmas Eve 2020 was a Thursday; Boxing Day, a Saturday, moved to Monday 28th.
        #expect(calendar.addingWorkingDays(1, to: day("2020-12-24")) == day("2020-12-29"))
        #expect(calendar.addingWorkingDays(5, to: day("2020-12-24")) == day("2021-01-05"))
        #expect(calendar.workingDaysBetween(day("2024-12-20"), day("2025-01-03")) == 7)
    }

    @Test func countsFromWeekendsAndHolidays() {
        #expect(calendar.addingWorkingDays(1, to: day("2024-03-30")) == day("2024-04-02"))
        #expect(calendar.addingWorkingDays(-1, to: day("2024-03-30")) == day("2024-03-28"))
        #expect(calendar.addingWorkingDays(0, to: day("2024-03-30")) == day("2024-03-30"))
        #expect(calendar.workingDaysBetween(day("2024-03-30"), day("2024-03-30")) == 0)
        #expect(calendar.nextWorkingDay(onOrAfter: day("2024-03-29")) == day("2024-04-02"))
        #expect(calendar.nextWorkingDay(onOrAfter: day("2024-04-02")) == day("2024-04-02"))
    }

    @Test func skipsCouncilClosureDays() {
        let closures: Set<Day> = [day("2024-12-27"), day("2024-12-30"), day("2024-12-31")]
        let council = WorkingDayCalendar(closureDays: closures)
        #expect(council.isClosureDay(day("2024-12-27")))
        #expect(!council.isBankHoliday(day("2024-12-27")))
        #expect(!council.isWorkingDay(day("2024-12-27")))
        #expect(calendar.isWorkingDay(day("2024-12-27")))
        #expect(council.addingWorkingDays(1, to: day("2024-12-24")) == day("2025-01-02"))
        #expect(council.workingDaysBetween(day("2024-12-20"), day("2025-01-03")) == 4)
        // A closure far outside the precomputed years still counts.
        let future = WorkingDayCalendar(closureDays: [day("2150-06-03")])
        #expect(!future.isWorkingDay(day("2150-06-03")))
        #expect(future.addingWorkingDays(1, to: day("2150-06-02")) == day("2150-06-04"))
    }

    @Test func agreesWithCountingDayByDay() {
        var random = SplitMix64(seed: 2026)
        let councils = [calendar, WorkingDayCalendar(closureDays: [day("2024-12-27"), day("2019-08-12"), day("2031-01-02")])]
        for _ in 0..<3000 {
            let council = councils[Int.random(in: 0...1, using: &random)]
            let start = Day(ordinal: Int.random(in: day("2005-01-01").ordinal...day("2035-12-31").ordinal, using: &random))
            let n = Int.random(in: -400...400, using: &random)
            let end = Day(ordinal: start.ordinal + Int.random(in: -600...600, using: &random))
            #expect(council.addingWorkingDays(n, to: start) == Reference.adding(n, to: start, in: council), "\(n) from \(start)")
            #expect(council.workingDaysBetween(start, end) == Reference.between(start, end, in: council), "\(start) to \(end)")
        }
    }

    @Test func addingAndCountingAreInverse() {
        var random = SplitMix64(seed: 45)
        for _ in 0..<20000 {
            let start = Day(ordinal: Int.random(in: day("1995-01-01").ordinal...day("2060-12-31").ordinal, using: &random))
            let n = Int.random(in: -500...500, using: &random)
            let end = calendar.addingWorkingDays(n, to: start)
            if n != 0 { #expect(calendar.isWorkingDay(end)) }
            // Going back from a non-working day, the first day counted is the one before it.
            if n >= 0 || calendar.isWorkingDay(start) {
                #expect(calendar.workingDaysBetween(start, end) == n, "\(n) from \(start)")
            }
            let other = Day(ordinal: start.ordinal + Int.random(in: -700...700, using: &random))
            if calendar.isWorkingDay(other) && (other >= start || calendar.isWorkingDay(start)) {
                #expect(calendar.addingWorkingDays(calendar.workingDaysBetween(start, other), to: start) == other)
            }
        }
    }

    @Test func isFastEnoughForAStatutoryScreen() {
        var random = SplitMix64(seed: 7)
        let clock = ContinuousClock()
        var checksum = 0
        let elapsed = clock.measure {
            for _ in 0..<50000 {
                let start = Day(ordinal: Int.random(in: 18000...22000, using: &random))
                let due = calendar.addingWorkingDays(45, to: start)
                checksum &+= calendar.workingDaysBetween(start.adding(days: 20), due)
            }
        }
        #expect(checksum != 0)
        #expect(elapsed < .seconds(5), "50,000 clocks took \(elapsed)")
    }
}

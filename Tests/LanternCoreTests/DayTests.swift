import Testing
@testable import LanternCore

@Suite struct DayTests {
    @Test func parsesAndPrintsISODates() throws {
        let day = try #require(Day(iso: "2024-02-29"))
        #expect(day.components == (2024, 2, 29))
        #expect(day.iso == "2024-02-29")
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2023-13-01") == nil)
        #expect(Day(iso: "23-01-01") == nil)
        #expect(Day(iso: "2023-1-01") == nil)
        for bad in ["", "2023-01-011", "2023/01/01", "2023-01-0a", "+023-01-01", "２０２３-01-01", "2023-01-01 ", "0000-00-00"] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
        #expect(Day(iso: "2024-02-29 trailing".prefix(10)) == day)
    }

    @Test func roundTripsEveryDayFrom1900To2100() {
        var previous: Day?
        for ordinal in Day(year: 1900, month: 1, day: 1)!.ordinal...Day(year: 2100, month: 12, day: 31)!.ordinal {
            let day = Day(ordinal: ordinal)
            let c = day.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == day)
            if let previous { #expect(previous.weekday % 7 + 1 == day.weekday) }
            previous = day
        }
    }

    @Test func knowsWeekdays() {
        #expect(Day(year: 1970, month: 1, day: 1)!.weekday == 4)
        #expect(Day(year: 2026, month: 11, day: 23)!.weekday == 1)
        #expect(Day(year: 2022, month: 9, day: 19)!.weekday == 1)
    }

    @Test func addsCalendarMonthsClampingToMonthEnd() {
        #expect(Day(iso: "2024-01-31")!.adding(months: 1).iso == "2024-02-29")
        #expect(Day(iso: "2023-01-31")!.adding(months: 1).iso == "2023-02-28")
        #expect(Day(iso: "2023-11-15")!.adding(months: 3).iso == "2024-02-15")
        #expect(Day(iso: "2024-03-31")!.adding(months: -1).iso == "2024-02-29")
        #expect(Day(iso: "2024-02-29")!.adding(years: 1).iso == "2025-02-28")
    }

    @Test func countsAgeLikeABirthday() {
        let born = Day(iso: "2008-02-29")!
        #expect(born.age(on: Day(iso: "2026-02-28")!) == 17)
        #expect(born.age(on: Day(iso: "2026-03-01")!) == 18)
        #expect(Day(iso: "2010-06-15")!.age(on: Day(iso: "2026-06-14")!) == 15)
        #expect(Day(iso: "2010-06-15")!.age(on: Day(iso: "2026-06-15")!) == 16)
    }
}

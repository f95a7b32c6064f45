import LanternCore

/// Whether a day counts as a working day. The app injects its own calendar (with council closure
/// days); `EnglandWorkingDays.isWorkingDay` is the default the DfE's own checks assume.
public typealias WorkingDayTest = @Sendable (Day) -> Bool

/// Monday to Friday less the bank holidays of England and Wales, which is how the DfE counts the
/// working days in its CIN validation queries (8569Q, 8670Q, 8675Q).
///
/// Source: the Banking and Financial Dealings Act 1971 schedule and the royal proclamations for
/// one-off changes; the regular holidays are computed by rule for any year.
public enum EnglandWorkingDays {
    public static let isWorkingDay: WorkingDayTest = { day in
        !day.isWeekend && !bankHolidays(in: day.year).contains(day)
    }

    public static func bankHolidays(in year: Int) -> Set<Day> {
        var holidays: Set<Day> = []
        func add(_ day: Day) {
            // A holiday falling at a weekend, or on a day already a holiday, moves to the next weekday.
            var d = day
            while d.isWeekend || holidays.contains(d) { d = d.adding(days: 1) }
            holidays.insert(d)
        }
        add(day(year, 1, 1))
        let easter = easterSunday(year)
        holidays.insert(easter.adding(days: -2))
        holidays.insert(easter.adding(days: 1))
        holidays.insert(earlyMay(year))
        holidays.insert(springHoliday(year))
        holidays.insert(lastMonday(of: 8, in: year))
        add(day(year, 12, 25))
        add(day(year, 12, 26))
        holidays.formUnion(extraHolidays[year] ?? [])
        return holidays
    }

    /// Extra days proclaimed for royal and national events.
    private static let extraHolidays: [Int: [Day]] = [
        1999: [day(1999, 12, 31)],
        2002: [day(2002, 6, 3)],
        2011: [day(2011, 4, 29)],
        2012: [day(2012, 6, 5)],
        2022: [day(2022, 6, 3), day(2022, 9, 19)],
        2023: [day(2023, 5, 8)],
    ]

    /// First Monday of May, moved to 8 May in 2020 for the VE Day anniversary.
    private static func earlyMay(_ year: Int) -> Day {
        year == 2020 ? day(2020, 5, 8) : firstMonday(of: 5, in: year)
    }

    /// Last Monday of May, moved in jubilee years to sit beside the extra jubilee holiday.
    private static func springHoliday(_ year: Int) -> Day {
        switch year {
        case 2002: return day(2002, 6, 4)
        case 2012: return day(2012, 6, 4)
        case 2022: return day(2022, 6, 2)
        default: return lastMonday(of: 5, in: year)
        }
    }

    private static func firstMonday(of month: Int, in year: Int) -> Day {
        var d = day(year, month, 1)
        while d.weekday != 1 { d = d.adding(days: 1) }
        return d
    }

    private static func lastMonday(of month: Int, in year: Int) -> Day {
        var d = day(year, month, Day.daysIn(month: month, year: year))
        while d.weekday != 1 { d = d.adding(days: -1) }
        return d
    }

    /// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return day(year, month, dayOfMonth)
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
}

extension Day {
    /// The day `count` working days before this one (counting back from, not including, this day).
    func subtractingWorkingDays(_ count: Int, isWorkingDay: WorkingDayTest) -> Day {
        var day = self
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: -1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }
}

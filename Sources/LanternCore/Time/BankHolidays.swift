import Foundation

/// A bank holiday in England and Wales, named as gov.uk names it.
public struct BankHoliday: Hashable, Sendable, Codable, CustomStringConvertible {
    public let day: Day
    public let name: String

    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }

    public var description: String { "\(day.iso) \(name)" }
}

/// A change made to the usual bank holidays by royal proclamation (a wedding, a jubilee, a funeral).
/// Held as data, so an administrator can add the next one without a release.
public enum BankHolidayChange: Hashable, Sendable, Codable {
    /// A usual holiday moved to another day, as the 2020 early May holiday was moved to VE Day.
    case moved(from: Day, to: Day, name: String)
    /// An extra holiday, as for the 2023 coronation.
    case added(on: Day, name: String)

    /// Every one-off change in England and Wales since 1995.
    public static let englandAndWales: [BankHolidayChange] = [
        .moved(from: Day(year: 1995, month: 5, day: 1)!, to: Day(year: 1995, month: 5, day: 8)!,
               name: "Early May bank holiday (VE Day)"),
        .added(on: Day(year: 1999, month: 12, day: 31)!, name: "Millennium celebrations"),
        .moved(from: Day(year: 2002, month: 5, day: 27)!, to: Day(year: 2002, month: 6, day: 4)!,
               name: "Spring bank holiday"),
        .added(on: Day(year: 2002, month: 6, day: 3)!, name: "Queen's Golden Jubilee"),
        .added(on: Day(year: 2011, month: 4, day: 29)!, name: "Royal wedding"),
        .moved(from: Day(year: 2012, month: 5, day: 28)!, to: Day(year: 2012, month: 6, day: 4)!,
               name: "Spring bank holiday"),
        .added(on: Day(year: 2012, month: 6, day: 5)!, name: "Queen's Diamond Jubilee"),
        .moved(from: Day(year: 2020, month: 5, day: 4)!, to: Day(year: 2020, month: 5, day: 8)!,
               name: "Early May bank holiday (VE day)"),
        .moved(from: Day(year: 2022, month: 5, day: 30)!, to: Day(year: 2022, month: 6, day: 2)!,
               name: "Spring bank holiday"),
        .added(on: Day(year: 2022, month: 6, day: 3)!, name: "Platinum Jubilee bank holiday"),
        .added(on: Day(year: 2022, month: 9, day: 19)!, name: "Bank holiday for the State Funeral of Queen Elizabeth II"),
        .added(on: Day(year: 2023, month: 5, day: 8)!, name: "Bank holiday for the coronation of King Charles III"),
    ]

    /// The years whose holidays this change touches (two when a holiday moves across a new year).
    var years: Set<Int> {
        switch self {
        case let .moved(from, to, _): [from.year, to.year]
        case let .added(day, _): [day.year]
        }
    }
}

extension Array where Element == BankHolidayChange {
    /// Every one-off change in England and Wales since 1995.
    public static var englandAndWales: [BankHolidayChange] { BankHolidayChange.englandAndWales }
}

/// The bank holidays of England and Wales that recur by rule: the Banking and Financial Dealings
/// Act 1971 and the proclamations that add New Year's Day and the early May holiday every year.
/// These are the rules in force since 1978; earlier years are computed as if they applied then too.
public enum EnglandAndWalesBankHolidays {
    /// The usual holidays of `year`, before any one-off change. A holiday that falls at a weekend
    /// is replaced by a "substitute day": the next weekday that is not already a holiday, which is
    /// how Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28 December.
    public static func usual(in year: Int) -> [BankHoliday] {
        let easter = easterSunday(in: year)
        let movable = [
            BankHoliday(day: easter.adding(days: -2), name: "Good Friday"),
            BankHoliday(day: easter.adding(days: 1), name: "Easter Monday"),
            BankHoliday(day: firstMonday(ofMonth: 5, in: year), name: "Early May bank holiday"),
            BankHoliday(day: lastMonday(ofMonth: 5, in: year), name: "Spring bank holiday"),
            BankHoliday(day: lastMonday(ofMonth: 8, in: year), name: "Summer bank holiday"),
        ]
        let fixed = [
            BankHoliday(day: Day(year: year, month: 1, day: 1)!, name: "New Year's Day"),
            BankHoliday(day: Day(year: year, month: 12, day: 25)!, name: "Christmas Day"),
            BankHoliday(day: Day(year: year, month: 12, day: 26)!, name: "Boxing Day"),
        ]
        var holidays = movable + fixed.filter { !$0.day.isWeekend }
        var taken = Set(holidays.map(\.day))
        for holiday in fixed where holiday.day.isWeekend {
            var substitute = holiday.day.adding(days: 1)
            while substitute.isWeekend || taken.contains(substitute) { substitute = substitute.adding(days: 1) }
            taken.insert(substitute)
            holidays.append(BankHoliday(day: substitute, name: holiday.name + " (substitute day)"))
        }
        return holidays.sorted { $0.day < $1.day }
    }

    /// The holidays of `year` after the given one-off changes.
    public static func holidays(in year: Int, changes: [BankHolidayChange]) -> [BankHoliday] {
        var holidays = usual(in: year)
        for change in changes {
            switch change {
            case let .moved(from, to, name):
                holidays.removeAll { $0.day == from }
                if to.year == year { holidays.append(BankHoliday(day: to, name: name)) }
            case let .added(day, name):
                if day.year == year { holidays.append(BankHoliday(day: day, name: name)) }
            }
        }
        var seen = Set<Day>()
        return holidays.sorted { $0.day < $1.day }.filter { seen.insert($0.day).inserted }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm published in Nature, 1876,
    /// as given by Meeus, "Astronomical Algorithms").
    public static func easterSunday(in year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let n = h + l - 7 * m + 114
        return Day(year: year, month: n / 31, day: n % 31 + 1)!
    }

    static func firstMonday(ofMonth month: Int, in year: Int) -> Day {
        let first = Day(year: year, month: month, day: 1)!
        return first.adding(days: (8 - first.weekday) % 7)
    }

    static func lastMonday(ofMonth month: Int, in year: Int) -> Day {
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        return last.adding(days: -(last.weekday - 1))
    }
}

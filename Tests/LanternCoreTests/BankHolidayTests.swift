import Foundation
import Testing
@testable import LanternCore

/// The published England and Wales lists (gov.uk/bank-holidays), written out by hand for 2010-2026;
/// 2027-2030 are worked out from the rules (Easter 28 Mar 2027, 16 Apr 2028, 1 Apr 2029, 21 Apr 2030).
private let published: [Int: [String]] = [
    2010: ["2010-01-01", "2010-04-02", "2010-04-05", "2010-05-03", "2010-05-31", "2010-08-30", "2010-12-27", "2010-12-28"],
    2011: ["2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"],
    2012: ["2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"],
    2013: ["2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25", "2013-12-26"],
    2014: ["2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26"],
    2015: ["2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28"],
    2016: ["2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"],
    2017: ["2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26"],
    2018: ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"],
    2019: ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"],
    2020: ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"],
    2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
    2022: ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"],
    2023: ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"],
    2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
    2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
    2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
    2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
    2028: ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
    2029: ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"],
    2030: ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"],
]

private func day(_ iso: String) -> Day { Day(iso: iso)! }

@Suite struct BankHolidayTests {
    let calendar = WorkingDayCalendar.englandAndWales

    @Test(arguments: 2010...2030)
    func matchesThePublishedList(year: Int) throws {
        let expected = try #require(published[year])
        #expect(calendar.bankHolidays(in: year).map(\.day.iso) == expected)
        for iso in expected {
            #expect(calendar.isBankHoliday(day(iso)), "\(iso)")
            #expect(!calendar.isWorkingDay(day(iso)), "\(iso)")
        }
    }

    @Test func everyOtherWeekdayOf2010To2030IsAWorkingDay() {
        let holidays = Set(published.values.joined())
        var day = Day(year: 2010, month: 1, day: 1)!
        while day.year <= 2030 {
            let expected = !day.isWeekend && !holidays.contains(day.iso)
            #expect(calendar.isWorkingDay(day) == expected, "\(day)")
            #expect(calendar.isBankHoliday(day) == holidays.contains(day.iso), "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test func oneOffChangesReplaceTheUsualDays() {
        for iso in ["2011-04-29", "2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"] {
            #expect(calendar.isBankHoliday(day(iso)), "\(iso)")
        }
        for iso in ["2012-05-28", "2020-05-04", "2022-05-30"] {
            #expect(!calendar.isBankHoliday(day(iso)), "\(iso)")
            #expect(calendar.isWorkingDay(day(iso)), "\(iso)")
        }
    }

    @Test func namesEachHolidayInPlainEnglish() {
        func name(_ iso: String) -> String? { calendar.bankHoliday(on: day(iso))?.name }
        #expect(name("2024-03-29") == "Good Friday")
        #expect(name("2024-04-01") == "Easter Monday")
        #expect(name("2024-05-06") == "Early May bank holiday")
        #expect(name("2024-05-27") == "Spring bank holiday")
        #expect(name("2024-08-26") == "Summer bank holiday")
        #expect(name("2020-05-08") == "Early May bank holiday (VE day)")
        #expect(name("2022-06-03") == "Platinum Jubilee bank holiday")
        #expect(name("2022-09-19") == "Bank holiday for the State Funeral of Queen Elizabeth II")
        #expect(name("2023-05-08") == "Bank holiday for the coronation of King Charles III")
        #expect(name("2024-05-07") == nil)
    }

    @Test func movesWeekendHolidaysToTheNextFreeWeekday() {
        func names(_ year: Int) -> [String: String] {
            Dictionary(uniqueKeysWithValues: calendar.bankHolidays(in: year).map { ($0.day.iso, $0.name) })
        }
        // Christmas on a Saturday, Boxing Day on a Sunday.
        #expect(names(2021)["2021-12-27"] == "Christmas Day (substitute day)")
        #expect(names(2021)["2021-12-28"] == "Boxing Day (substitute day)")
        // Christmas on a Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
        #expect(names(2022)["2022-12-26"] == "Boxing Day")
        #expect(names(2022)["2022-12-27"] == "Christmas Day (substitute day)")
        // Boxing Day alone on a Saturday.
        #expect(names(2020)["2020-12-28"] == "Boxing Day (substitute day)")
        // New Year's Day on a Saturday and on a Sunday.
        #expect(names(2022)["2022-01-03"] == "New Year's Day (substitute day)")
        #expect(names(2023)["2023-01-02"] == "New Year's Day (substitute day)")
    }

    @Test func findsEasterByTheGregorianAlgorithm() {
        let known = [1818: "1818-03-22", 1943: "1943-04-25", 2000: "2000-04-23", 2008: "2008-03-23",
                     2019: "2019-04-21", 2024: "2024-03-31", 2038: "2038-04-25", 2285: "2285-03-22"]
        for (year, iso) in known { #expect(EnglandAndWalesBankHolidays.easterSunday(in: year).iso == iso) }
        for year in 1900...2200 {
            let easter = EnglandAndWalesBankHolidays.easterSunday(in: year)
            #expect(easter.weekday == 7)
            #expect(easter >= Day(year: year, month: 3, day: 22)! && easter <= Day(year: year, month: 4, day: 25)!)
        }
    }

    @Test func keepsTheOneOffsBefore2010() {
        #expect(calendar.bankHolidays(in: 1995).map(\.day.iso).contains("1995-05-08"))
        #expect(!calendar.isBankHoliday(day("1995-05-01")))
        #expect(calendar.isBankHoliday(day("1999-12-31")))
        #expect(calendar.bankHolidays(in: 2002).map(\.day.iso)
            == ["2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03", "2002-06-04", "2002-08-26", "2002-12-25", "2002-12-26"])
    }

    @Test func worksOutYearsOutsideTheCacheTheSameWay() {
        let far = calendar.bankHolidays(in: 2150)
        #expect(far.map(\.day) == EnglandAndWalesBankHolidays.usual(in: 2150).map(\.day))
        #expect(far.count == 8)
        #expect(!calendar.isWorkingDay(far[0].day))
    }

    @Test func withoutOneOffsUsesTheUsualDays() {
        let plain = WorkingDayCalendar(oneOffChanges: [])
        #expect(plain.isBankHoliday(day("2020-05-04")))
        #expect(!plain.isBankHoliday(day("2020-05-08")))
        #expect(!plain.isBankHoliday(day("2023-05-08")))
    }

    @Test func aChangeCanBeAddedAsData() throws {
        let funeral = BankHolidayChange.added(on: day("2031-06-10"), name: "A new holiday")
        let calendar = WorkingDayCalendar(oneOffChanges: .englandAndWales + [funeral])
        #expect(calendar.bankHoliday(on: day("2031-06-10"))?.name == "A new holiday")
        #expect(!WorkingDayCalendar.englandAndWales.isBankHoliday(day("2031-06-10")))
        // Changes round-trip through JSON, so an administrator's list can be stored.
        let json = try JSONEncoder().encode(BankHolidayChange.englandAndWales)
        #expect(try JSONDecoder().decode([BankHolidayChange].self, from: json) == BankHolidayChange.englandAndWales)
    }
}

import LanternCore
import Testing
@testable import LanternReturns

@Suite struct EnglandWorkingDaysTests {
    /// The list csc-validator-be-cin counts working days with (its england_holidates.py), so our
    /// queries 8670Q/8675Q agree with the DfE's for these years.
    static let validatorHolidays = [
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
        "2022-12-26", "2022-12-27", "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
        "2023-08-28", "2023-12-25", "2023-12-26", "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27",
        "2024-08-26", "2024-12-25", "2024-12-26", "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26",
        "2025-08-25", "2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
        "2026-08-31", "2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
        "2027-08-30", "2027-12-27", "2027-12-28",
    ]

    @Test(arguments: 2022...2027)
    func matchesTheValidatorsHolidays(year: Int) {
        let expected = Set(Self.validatorHolidays.map(day).filter { $0.year == year })
        #expect(EnglandWorkingDays.bankHolidays(in: year) == expected)
    }

    @Test func knowsOneOffHolidaysInOtherYears() {
        let holidays2020 = EnglandWorkingDays.bankHolidays(in: 2020)
        #expect(holidays2020.contains(day("2020-05-08")) && !holidays2020.contains(day("2020-05-04")))
        let holidays2012 = EnglandWorkingDays.bankHolidays(in: 2012)
        #expect(holidays2012.isSuperset(of: [day("2012-06-04"), day("2012-06-05")]) && !holidays2012.contains(day("2012-05-28")))
        #expect(EnglandWorkingDays.bankHolidays(in: 2011).contains(day("2011-04-29")))
    }

    @Test func easterByRule() {
        #expect(EnglandWorkingDays.easterSunday(2000) == day("2000-04-23"))
        #expect(EnglandWorkingDays.easterSunday(2038) == day("2038-04-25"))
        #expect(EnglandWorkingDays.easterSunday(2285) == day("2285-03-22"))
    }

    @Test func countsBackOverWeekendsAndHolidays() {
        let isWorkingDay = EnglandWorkingDays.isWorkingDay
        // Tuesday 22 April 2025, after the Easter weekend: one working day back is Thursday 17 April.
        #expect(day("2025-04-22").subtractingWorkingDays(1, isWorkingDay: isWorkingDay) == day("2025-04-17"))
        #expect(day("2026-03-31").subtractingWorkingDays(45, isWorkingDay: isWorkingDay) == day("2026-01-27"))
        #expect(day("2025-04-01").subtractingWorkingDays(1, isWorkingDay: isWorkingDay) == day("2025-03-31"))
        #expect(!isWorkingDay(day("2025-12-26")) && isWorkingDay(day("2025-12-29")) && !isWorkingDay(day("2025-12-27")))
    }
}

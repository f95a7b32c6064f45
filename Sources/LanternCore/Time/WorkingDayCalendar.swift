import Foundation

/// The days a council works: Monday to Friday, less bank holidays in England and Wales and any
/// days the council closes (for example between Christmas and New Year). Every statutory clock
/// in "working days" counts on this calendar.
///
/// A statutory screen reads thousands of clocks, so the holidays of each year from 1990 to 2100
/// are worked out once, when the calendar is made, and counting a range of working days is a
/// little arithmetic plus a binary search. Years outside that range are worked out when asked.
public struct WorkingDayCalendar: Sendable {
    public let closureDays: Set<Day>
    public let oneOffChanges: [BankHolidayChange]

    private let changesByYear: [Int: [BankHolidayChange]]
    private let closuresByYear: [Int: [Day]]
    private let precomputed: [Int: YearOfHolidays]

    static let precomputedYears = 1990...2100

    /// The calendar for England and Wales with no council closure days.
    public static let englandAndWales = WorkingDayCalendar()

    public init(closureDays: Set<Day> = [], oneOffChanges: [BankHolidayChange] = .englandAndWales) {
        self.closureDays = closureDays
        self.oneOffChanges = oneOffChanges
        var changesByYear: [Int: [BankHolidayChange]] = [:]
        for change in oneOffChanges {
            for year in change.years { changesByYear[year, default: []].append(change) }
        }
        self.changesByYear = changesByYear
        self.closuresByYear = Dictionary(grouping: closureDays, by: \.year)
        var precomputed: [Int: YearOfHolidays] = [:]
        for year in Self.precomputedYears {
            precomputed[year] = YearOfHolidays(year: year, changes: changesByYear[year] ?? [],
                                               closures: closuresByYear[year] ?? [])
        }
        self.precomputed = precomputed
    }

    // MARK: Days

    public func bankHolidays(in year: Int) -> [BankHoliday] { holidays(in: year).bankHolidays }

    /// The bank holiday on `day`, if there is one (to say why a day does not count).
    public func bankHoliday(on day: Day) -> BankHoliday? { holidays(in: day.year).bankHolidayByDay[day] }

    public func isBankHoliday(_ day: Day) -> Bool { bankHoliday(on: day) != nil }

    public func isClosureDay(_ day: Day) -> Bool { closureDays.contains(day) }

    public func isWorkingDay(_ day: Day) -> Bool {
        !day.isWeekend && !holidays(in: day.year).nonWorkingWeekdays.containsSorted(day.ordinal)
    }

    /// `day` itself when it is a working day, otherwise the first working day after it.
    public func nextWorkingDay(onOrAfter day: Day) -> Day {
        isWorkingDay(day) ? day : addingWorkingDays(1, to: day)
    }

    // MARK: Counting

    /// For n > 0 the nth working day after `day` (1 from a Friday is the next Monday, or Tuesday
    /// after a bank holiday); `day` itself for 0; for n < 0 the |n|th working day before `day`.
    public func addingWorkingDays(_ n: Int, to day: Day) -> Day {
        if n > 0 { return Day(ordinal: workingDay(n, after: day.ordinal)) }
        if n < 0 { return Day(ordinal: workingDay(-n, before: day.ordinal)) }
        return day
    }

    /// Working days after `start` up to and including `end`: 1 from a Thursday to the Friday after;
    /// 0 when the two are equal; negative (the same count the other way) when `end` is earlier.
    public func workingDaysBetween(_ start: Day, _ end: Day) -> Int {
        if end < start { return -workingDaysBetween(end, start) }
        if end == start { return 0 }
        let weekdays = Weekdays.index(of: end.ordinal) - Weekdays.index(of: start.ordinal)
        return weekdays - nonWorkingWeekdays(in: (start.ordinal + 1)...end.ordinal)
    }

    // Each pass jumps over the weekdays still needed, then takes as many more as there were
    // holidays and closures among the days it jumped; a pass with none lands on the answer.
    private func workingDay(_ n: Int, after start: Int) -> Int {
        var from = start, needed = n
        while true {
            let candidate = Weekdays.weekday(at: Weekdays.index(of: from) + needed)
            let lost = nonWorkingWeekdays(in: (from + 1)...candidate)
            if lost == 0 { return candidate }
            from = candidate
            needed = lost
        }
    }

    private func workingDay(_ n: Int, before end: Int) -> Int {
        var upTo = end, needed = n
        while true {
            let candidate = Weekdays.weekday(at: Weekdays.index(of: upTo - 1) - needed + 1)
            let lost = nonWorkingWeekdays(in: candidate...(upTo - 1))
            if lost == 0 { return candidate }
            upTo = candidate
            needed = lost
        }
    }

    private func nonWorkingWeekdays(in range: ClosedRange<Int>) -> Int {
        let firstYear = Day(ordinal: range.lowerBound).year, lastYear = Day(ordinal: range.upperBound).year
        return (firstYear...lastYear).reduce(0) { $0 + holidays(in: $1).nonWorkingWeekdays.countSorted(in: range) }
    }

    private func holidays(in year: Int) -> YearOfHolidays {
        precomputed[year] ?? YearOfHolidays(year: year, changes: changesByYear[year] ?? [],
                                            closures: closuresByYear[year] ?? [])
    }
}

/// One year's bank holidays and the weekdays lost to them and to closures.
private struct YearOfHolidays: Sendable {
    let bankHolidays: [BankHoliday]
    let bankHolidayByDay: [Day: BankHoliday]
    /// Ordinals, ascending, of the weekdays that are not working days.
    let nonWorkingWeekdays: [Int]

    init(year: Int, changes: [BankHolidayChange], closures: [Day]) {
        bankHolidays = EnglandAndWalesBankHolidays.holidays(in: year, changes: changes)
        bankHolidayByDay = Dictionary(bankHolidays.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
        let lost = Set(bankHolidays.map(\.day) + closures).filter { !$0.isWeekend }
        nonWorkingWeekdays = lost.map(\.ordinal).sorted()
    }
}

/// Monday-to-Friday arithmetic on day ordinals, so that a span of weeks costs nothing to count.
private enum Weekdays {
    /// 1970-01-05, a Monday.
    static let mondayOrdinal = 4

    /// The number of weekdays from a fixed Monday up to and including `ordinal` (a Saturday or
    /// Sunday has the index of the Friday before it), so differences count weekdays in a range.
    static func index(of ordinal: Int) -> Int {
        let (weeks, dayOfWeek) = floorDivide(ordinal - mondayOrdinal, by: 7)
        return 5 * weeks + min(dayOfWeek + 1, 5)
    }

    /// The weekday whose index is `index`.
    static func weekday(at index: Int) -> Int {
        let (weeks, dayOfWeek) = floorDivide(index - 1, by: 5)
        return mondayOrdinal + 7 * weeks + dayOfWeek
    }

    private static func floorDivide(_ a: Int, by b: Int) -> (quotient: Int, remainder: Int) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }
}

extension Array where Element == Int {
    /// Binary search in an ascending array.
    fileprivate func containsSorted(_ value: Int) -> Bool {
        let i = firstIndex(notBelow: value)
        return i < count && self[i] == value
    }

    /// How many elements of an ascending array lie in `range`.
    fileprivate func countSorted(in range: ClosedRange<Int>) -> Int {
        firstIndex(notBelow: range.upperBound + 1) - firstIndex(notBelow: range.lowerBound)
    }

    private func firstIndex(notBelow value: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

import Foundation

/// A calendar date with no time of day and no time zone: the unit every statutory clock counts in.
///
/// Stored as the number of days since 1970-01-01 so that comparisons and arithmetic are integer
/// operations; year, month and day are derived with Howard Hinnant's civil-date algorithms.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Returns nil for an impossible date such as 31 April or 29 February in a common year.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` exactly (the format of every DfE return and of HTML date inputs).
    /// `YYYY-MM-DD` and nothing else. Read byte by byte: it runs for every date of every case
    /// record read, hundreds of thousands of times when the performance facts are read.
    public init?(iso text: some StringProtocol) {
        var fields = (year: 0, month: 0, day: 0)
        var position = 0
        for byte in text.utf8 {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { fields.year = fields.year * 10 + digit }
                else if position < 7 { fields.month = fields.month * 10 + digit }
                else { fields.day = fields.day * 10 + digit }
            default:
                return nil
            }
            position += 1
        }
        guard position == 10 else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    public var description: String { iso }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Calendar months, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb), as
    /// statutory guidance's "within 3 months" is read.
    public func adding(months: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = min(c.day, Day.daysIn(month: m, year: y))
        return Day(ordinal: Day.ordinal(year: y, month: m, day: d))
    }

    public func adding(years: Int) -> Day { adding(months: years * 12) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The day someone born on `self` reaches `age`: the anniversary, or 1 March in a common year
    /// for a 29 February birthday, so that `age(on: birthday(age)) == age` always holds (unlike
    /// `adding(years:)`, which lands a 29 February on 28 February).
    public func birthday(_ age: Int) -> Day {
        let b = components
        return Day(year: b.year + age, month: b.month, day: b.day) ?? Day(year: b.year + age, month: 3, day: 1)!
    }

    /// Whole years of age on `date`; a 29 February birthday is reached on 1 March in a common year.
    public func age(on date: Day) -> Int {
        let b = components, d = date.components
        var age = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { age -= 1 }
        return age
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "Expected a date as YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension Day {
    /// The day in England (Europe/London) that contains `instant`.
    public init(_ instant: Date, timeZone: TimeZone = Day.london) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day], from: instant)
        self.ordinal = Day.ordinal(year: c.year!, month: c.month!, day: c.day!)
    }

    /// Midnight at the start of this day in `timeZone`.
    public func start(in timeZone: TimeZone = Day.london) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = components
        return cal.date(from: DateComponents(year: c.year, month: c.month, day: c.day))!
    }

    public static let london: TimeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
}

extension Day {
    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// "Monday" ... "Sunday".
    public var weekdayName: String { Day.weekdayNames[weekday - 1] }

    /// "January" ... "December".
    public var monthName: String { Day.monthNames[month - 1] }

    /// "Saturday 4 May", the way a page tells a person a date close at hand.
    public var weekdayDayAndMonth: String { "\(weekdayName) \(day) \(monthName)" }

    /// "Saturday 4 May 2024" (GOV.UK style: no ordinal suffix, no commas).
    public var longForm: String { "\(weekdayDayAndMonth) \(year)" }
}

import Foundation

/// How a statutory clock stands on a given day, ready to show on a child's page or roll up into a
/// dashboard: "3 working days left", "due today", "overdue by 2 working days".
public struct ClockReading: Hashable, Sendable {
    /// The last day on which the thing is in time.
    public let due: Day
    /// The day the clock was read.
    public let readOn: Day
    /// Working days after `readOn` up to and including `due`; negative once overdue (the working
    /// days since `due`, up to and including `readOn`).
    public let workingDaysLeft: Int

    public init(due: Day, on today: Day, calendar: WorkingDayCalendar = .englandAndWales) {
        self.due = due
        self.readOn = today
        self.workingDaysLeft = calendar.workingDaysBetween(today, due)
    }

    public var isOverdue: Bool { readOn > due }
    public var isDueToday: Bool { readOn == due }

    /// Plain English for the page. A clock measured in calendar time can fall due on a weekend or
    /// holiday, where a count of working days says nothing useful, so those say the date instead.
    public var label: String {
        if isDueToday { return "due today" }
        if isOverdue {
            let late = -workingDaysLeft
            return late > 0 ? "overdue by \(Self.workingDays(late))" : "overdue (was due \(due.weekdayDayAndMonth))"
        }
        return workingDaysLeft > 0 ? "\(Self.workingDays(workingDaysLeft)) left" : "due \(due.weekdayDayAndMonth)"
    }

    private static func workingDays(_ n: Int) -> String { n == 1 ? "1 working day" : "\(n) working days" }
}

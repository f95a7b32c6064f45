/// Date checks shared by every workflow: nothing is recorded as happening in the future, and
/// nothing before the thing it follows.
enum WorkflowDates {
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    /// "4 March 2026": how a date reads in a message to a practitioner.
    static func text(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(monthNames[c.month - 1]) \(c.year)"
    }

    /// "Saturday 7 March 2026".
    static func textWithWeekday(_ day: Day) -> String {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return "\(names[day.weekday - 1]) \(text(day))"
    }

    /// `what` names the record, e.g. "the strategy discussion".
    static func notInFuture(_ day: Day, today: Day, _ what: String) throws(WorkflowRefusal) {
        guard day <= today else {
            throw WorkflowRefusal(.dateInFuture,
                                  "\(what.sentenceCased) cannot be dated \(text(day)): that is in the future. Record it once it has happened.")
        }
    }

    /// `what` names the record and `earlier` the thing it follows, e.g. "the referral".
    static func notBefore(_ day: Day, _ earliest: Day, _ what: String, _ earlier: String) throws(WorkflowRefusal) {
        guard day >= earliest else {
            throw WorkflowRefusal(.dateTooEarly,
                                  "\(what.sentenceCased) cannot be dated \(text(day)), before \(earlier) on \(text(earliest)).")
        }
    }

    /// Strictly after, for things that cannot share a day with what they follow (a review
    /// conference and the plan it reviews, CIN census rule 8841).
    static func after(_ day: Day, _ earlier: Day, _ what: String, _ earlierName: String) throws(WorkflowRefusal) {
        guard day > earlier else {
            throw WorkflowRefusal(.dateTooEarly,
                                  "\(what.sentenceCased) must be dated after \(earlierName) on \(text(earlier)); \(text(day)) is too early.")
        }
    }
}

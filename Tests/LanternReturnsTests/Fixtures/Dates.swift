import LanternCore

/// A date written as in the spec; a typo in a fixture fails loudly at the line that has it.
func day(_ iso: String) -> Day {
    guard let d = Day(iso: iso) else { preconditionFailure("not a date: \(iso)") }
    return d
}

/// The first Monday-to-Friday on or after `iso`: conferences and reviews are held on weekdays.
func weekday(onOrAfter iso: String) -> Day {
    var d = day(iso)
    while d.isWeekend { d = d.adding(days: 1) }
    return d
}

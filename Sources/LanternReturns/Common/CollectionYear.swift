import LanternCore

/// A statutory collection year, named by the year it ends in: 2026 is 1 April 2025 to 31 March 2026.
///
/// The CIN census calls the last day its ReferenceDate; the SSDA903 calls the same span the
/// collection year. Every "within the census year" rule in either return is `contains(_:)`.
public struct CollectionYear: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public let endYear: Int

    public init(endingIn endYear: Int) {
        self.endYear = endYear
    }

    /// 1 April of the previous calendar year.
    public var start: Day { Day(year: endYear - 1, month: 4, day: 1)! }
    /// 31 March: the CIN census ReferenceDate.
    public var end: Day { Day(year: endYear, month: 3, day: 31)! }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// "2025-26".
    public var description: String {
        let next = String(endYear % 100)
        return "\(endYear - 1)-\(next.count == 1 ? "0" + next : next)"
    }

    public static func < (lhs: CollectionYear, rhs: CollectionYear) -> Bool { lhs.endYear < rhs.endYear }
}

import Foundation

/// Published figures an administrator enters to set Lantern's measures beside: England's, and
/// optionally the council's statistical neighbours' (DfE, "Characteristics of children in need"
/// and the LAIT tool). The DfE publishes them per collection year ending 31 March.
public enum ComparisonMeasure: String, CaseIterable, Codable, Sendable {
    case reReferrals, assessmentsWithin45WorkingDays, initialConferencesWithin15WorkingDays, repeatPlans, plansLastingTwoYears

    public var label: String {
        switch self {
        case .reReferrals: "Re-referrals within 12 months"
        case .assessmentsWithin45WorkingDays: "Assessments authorised within 45 working days"
        case .initialConferencesWithin15WorkingDays: "Initial conferences within 15 working days of the section 47 start (DfE measure)"
        case .repeatPlans: "Repeat plans within 2 years"
        case .plansLastingTwoYears: "Plans ended that lasted 2 years or more"
        }
    }
}

public enum ComparisonGroup: String, CaseIterable, Codable, Sendable {
    case england, statisticalNeighbours

    public var label: String {
        switch self {
        case .england: "England"
        case .statisticalNeighbours: "Statistical neighbours"
        }
    }
}

public struct ComparisonFigure: Equatable, Sendable {
    public var measure: ComparisonMeasure
    public var group: ComparisonGroup
    /// The collection year, named by the year it ends: 2026 is April 2025 to March 2026.
    public var year: Int
    /// A percentage, 0-100.
    public var percent: Double

    public init(measure: ComparisonMeasure, group: ComparisonGroup, year: Int, percent: Double) {
        self.measure = measure
        self.group = group
        self.year = year
        self.percent = percent
    }

    /// "22.4% (England, 2025)".
    public var label: String {
        let value = percent == percent.rounded() ? String(Int(percent)) : String(format: "%.1f", percent)
        return "\(value)% (\(group.label), \(year))"
    }

    public static func collectionYear(of day: Day) -> Int { ReportingYear.of(day) }

    /// The figure to compare a period ending on `end` with: that collection year's, or else the
    /// latest one published before it (national figures come out months after a year ends).
    public static func closest(_ figures: [ComparisonFigure], measure: ComparisonMeasure, group: ComparisonGroup, periodEnd end: Day) -> ComparisonFigure? {
        let year = collectionYear(of: end)
        return figures.filter { $0.measure == measure && $0.group == group && $0.year <= year }.max { $0.year < $1.year }
    }

    public static let years: ClosedRange<Int> = 2000...2100
}

/// The DfE's reporting year for insight pages (the same April-to-March year as LanternReturns'
/// `CollectionYear`, which LanternCore cannot see): named by the year it ends, so 2026 is
/// 1 April 2025 to 31 March 2026.
public enum ReportingYear {
    public static func of(_ day: Day) -> Int { day.month >= 4 ? day.year + 1 : day.year }

    /// The `count` collection years up to and including the one `day` falls in, oldest first.
    public static func recent(_ count: Int, to day: Day) -> [Int] {
        let last = of(day)
        return Array((last - count + 1)...last)
    }

    /// "2025-26".
    public static func label(_ endYear: Int) -> String { "\(endYear - 1)-\(String(format: "%02d", endYear % 100))" }
}

import Foundation

/// A period the performance page reports on: both days included.
public struct ReportingPeriod: Hashable, Sendable {
    public let from: Day
    public let to: Day

    public init(from: Day, to: Day) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    public func contains(_ day: Day) -> Bool { day >= from && day <= to }

    /// The calendar months the period touches, for trends: (first day, last day).
    public var months: [(start: Day, end: Day)] {
        var result: [(Day, Day)] = []
        var start = Day(year: from.year, month: from.month, day: 1)!
        while start <= to {
            let next = start.adding(months: 1)
            result.append((start, next.adding(days: -1)))
            start = next
        }
        return result
    }
}

/// One contact as the measures need it.
public struct ContactFacts: Sendable {
    public var receivedOn: Day
    public var decisionDue: Date
    public var decidedAt: Date?
    public var becameReferral: Bool
    public var sourceCode: String
    public var isReReferral: Bool
    /// The named referrer organisation (a school, a GP practice, a police unit), when known.
    public var organisation: String?

    public init(receivedOn: Day, decisionDue: Date, decidedAt: Date?, becameReferral: Bool, sourceCode: String, isReReferral: Bool,
                organisation: String? = nil) {
        self.organisation = organisation
        self.receivedOn = receivedOn
        self.decisionDue = decisionDue
        self.decidedAt = decidedAt
        self.becameReferral = becameReferral
        self.sourceCode = sourceCode
        self.isReReferral = isReReferral
    }
}

/// One child's case as the measures need it.
public struct CaseFacts: Sendable {
    public var childID: UUID
    public var teamID: UUID?
    public var snapshot: CaseSnapshot

    public init(childID: UUID, teamID: UUID?, snapshot: CaseSnapshot) {
        self.childID = childID
        self.teamID = teamID
        self.snapshot = snapshot
    }
}

/// A share: how many of how many, with the children behind the numerator when it is about children.
public struct Proportion: Hashable, Sendable {
    public var count: Int
    public var of: Int
    public var children: [UUID] = []

    public init(count: Int, of: Int, children: [UUID] = []) {
        self.count = count
        self.of = of
        self.children = children
    }

    public var percent: Double? { of == 0 ? nil : Double(count) * 100 / Double(of) }

    /// "84% (42 of 50)", or "No cases" when there is nothing to measure.
    public var label: String {
        guard let percent else { return "No cases" }
        return "\(Int(percent.rounded()))% (\(count) of \(of))"
    }
}

/// The national measures of children's social care for a period (DfE, Characteristics of
/// children in need; Working Together 2023 timescales). Each is computed from what was recorded,
/// never entered: the page and the returns agree because they read the same records.
public struct PerformanceMeasures: Sendable {
    public var contacts: Int
    public var decidedWithinOneWorkingDay: Proportion
    public var conversionToReferral: Proportion
    public var conversionBySource: [(source: String, proportion: Proportion)]
    /// Per named school, GP practice or unit, busiest first: where thresholds are understood, and where not.
    public var conversionByOrganisation: [(organisation: String, proportion: Proportion)]
    public var referrals: Int
    public var reReferralsWithinTwelveMonths: Proportion
    public var assessmentsWithin45WorkingDays: Proportion
    public var assessmentsWithChildSeen: Proportion
    public var initialConferencesWithin15WorkingDays: Proportion
    /// The DfE's measure, from the section 47 start date.
    public var initialConferencesWithin15WorkingDaysDfE: Proportion
    public var plansStarted: Int
    public var plansEnded: Int
    public var repeatPlansWithinTwoYears: Proportion
    public var plansEndedAfterTwoYearsOrMore: Proportion
    public var childProtectionVisitsInTime: Proportion

    public static func compute(contacts: [ContactFacts], cases: [CaseFacts], period: ReportingPeriod,
                               timescales: StatutoryTimescales) -> PerformanceMeasures {
        let inPeriod = contacts.filter { period.contains($0.receivedOn) }
        let decided = inPeriod.filter { $0.decidedAt != nil }
        let onTime = decided.filter { $0.decidedAt! <= $0.decisionDue }.count
        let referralsFromContacts = inPeriod.filter(\.becameReferral)
        let bySource = Dictionary(grouping: inPeriod, by: \.sourceCode).map { source, group in
            (source: source, proportion: Proportion(count: group.filter(\.becameReferral).count, of: group.count))
        }.sorted { $0.proportion.of > $1.proportion.of }
        var organisations: [String: Proportion] = [:]
        for contact in inPeriod {
            guard let name = contact.organisation else { continue }
            var p = organisations[name] ?? Proportion(count: 0, of: 0)
            p.of += 1
            if contact.becameReferral { p.count += 1 }
            organisations[name] = p
        }
        let byOrganisation: [(organisation: String, proportion: Proportion)] = organisations
            .map { (organisation: $0.key, proportion: $0.value) }
            .sorted { a, b in a.proportion.of == b.proportion.of ? a.organisation < b.organisation : a.proportion.of > b.proportion.of }

        var referrals = 0, reReferrals: [UUID] = []
        var assessments = 0, assessmentsOnTime: [UUID] = [], assessmentsLate: [UUID] = [], seen = 0
        var conferences = 0, conferencesOnTime = 0, conferencesOnTimeDfE = 0
        var plansStarted = 0, plansEnded = 0, repeats: [UUID] = [], longPlans: [UUID] = []
        var visitsDue = 0, visitsOnTime = 0
        let calendar = timescales.calendar
        for c in cases {
            let allReferrals = c.snapshot.episodes.map(\.referralDate)
            for episode in c.snapshot.episodes {
                if period.contains(episode.referralDate) {
                    referrals += 1
                    if ReReferral.isReReferral(episode.referralDate, previousReferrals: allReferrals) { reReferrals.append(c.childID) }
                }
                for assessment in episode.assessments {
                    guard let authorised = assessment.authorisationDate, period.contains(authorised) else { continue }
                    assessments += 1
                    if calendar.workingDaysBetween(episode.referralDate, authorised) <= 45 { assessmentsOnTime.append(c.childID) } else { assessmentsLate.append(c.childID) }
                    if episode.childSeen.contains(where: { $0.date >= assessment.startDate && $0.date <= authorised }) { seen += 1 }
                }
                for enquiry in episode.section47Enquiries {
                    guard let held = enquiry.initialConferenceDate, period.contains(held) else { continue }
                    conferences += 1
                    if calendar.workingDaysBetween(enquiry.strategyDiscussionDate, held) <= 15 { conferencesOnTime += 1 }
                    if calendar.workingDaysBetween(enquiry.startDate, held) <= 15 { conferencesOnTimeDfE += 1 }
                }
                for plan in episode.childProtectionPlans {
                    if period.contains(plan.startDate) {
                        plansStarted += 1
                        let earlier = c.snapshot.episodes.flatMap(\.childProtectionPlans).filter { $0.startDate < plan.startDate }
                        if earlier.contains(where: { ($0.endDate ?? plan.startDate) >= plan.startDate.adding(years: -2) }) { repeats.append(c.childID) }
                    }
                    if let end = plan.endDate, period.contains(end) {
                        plansEnded += 1
                        if end >= plan.startDate.adding(years: 2) { longPlans.append(c.childID) }
                    }
                    // Visits: each interval of the plan that fell due in the period, met or not.
                    var last = plan.startDate
                    let visits = episode.childSeen.map(\.date).filter { $0 >= plan.startDate }.sorted()
                    while true {
                        let due = timescales.childProtectionVisitDue(planStartedOn: plan.startDate, lastVisitOn: last == plan.startDate ? nil : last)
                        let stop = plan.endDate ?? period.to
                        guard due <= stop, due <= period.to else { break }
                        let met = visits.first { $0 > last && $0 <= due }
                        if period.contains(due) {
                            visitsDue += 1
                            if met != nil { visitsOnTime += 1 }
                        }
                        last = met ?? due
                    }
                }
            }
        }
        return PerformanceMeasures(
            contacts: inPeriod.count,
            decidedWithinOneWorkingDay: Proportion(count: onTime, of: decided.count),
            conversionToReferral: Proportion(count: referralsFromContacts.count, of: inPeriod.count),
            conversionBySource: bySource,
            conversionByOrganisation: byOrganisation,
            referrals: referrals,
            reReferralsWithinTwelveMonths: Proportion(count: reReferrals.count, of: referrals, children: reReferrals),
            assessmentsWithin45WorkingDays: Proportion(count: assessmentsOnTime.count, of: assessments, children: assessmentsLate),
            assessmentsWithChildSeen: Proportion(count: seen, of: assessments),
            initialConferencesWithin15WorkingDays: Proportion(count: conferencesOnTime, of: conferences),
            initialConferencesWithin15WorkingDaysDfE: Proportion(count: conferencesOnTimeDfE, of: conferences),
            plansStarted: plansStarted, plansEnded: plansEnded,
            repeatPlansWithinTwoYears: Proportion(count: repeats.count, of: plansStarted, children: repeats),
            plansEndedAfterTwoYearsOrMore: Proportion(count: longPlans.count, of: plansEnded, children: longPlans),
            childProtectionVisitsInTime: Proportion(count: visitsOnTime, of: visitsDue))
    }
}

extension CaseSnapshot {
    /// The snapshot with only what `PerformanceMeasures` reads: dates of referrals, assessments,
    /// visits, enquiries, conferences and plans. The performance page keeps every case of a city
    /// in memory (89,000 at Birmingham's size), so names, reasons, care records and plan reviews
    /// are left out; the measures computed from it are the same.
    public var measuredFacts: CaseSnapshot {
        var trimmed = CaseSnapshot(childBirthDate: childBirthDate, childProtectionPlansBeforeRecords: childProtectionPlansBeforeRecords)
        trimmed.episodes = episodes.map { episode in
            var e = EpisodeOfNeed(referralDate: episode.referralDate, referralSource: episode.referralSource)
            e.assessments = episode.assessments.map { assessment in
                var a = EpisodeOfNeed.Assessment(startDate: assessment.startDate)
                a.authorisation = assessment.authorisation.map { .init(authorisedOn: $0.authorisedOn, authorisedBy: "") }
                return a
            }
            e.childSeen = episode.childSeen
            e.section47Enquiries = episode.section47Enquiries
            e.childProtectionPlans = episode.childProtectionPlans.map { plan in
                var p = plan
                p.reviewDates = []
                p.categoryChanges = []
                p.coreGroupMeetings = nil
                return p
            }
            e.closure = episode.closure.map { .init(date: $0.date, reason: $0.reason, signedOffBy: "") }
            return e
        }
        return trimmed
    }
}

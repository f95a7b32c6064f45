import Foundation

/// The kinds of children's social care record a retention rule covers.
public enum RecordKind: String, Codable, CaseIterable, Sendable {
    case lookedAfter
    case adoption
    case childInNeed
    case childProtection
    case earlyHelp
    /// A contact that led to no further action.
    case contactNoFurtherAction

    public var label: String {
        switch self {
        case .lookedAfter: "Looked after child record"
        case .adoption: "Adoption record"
        case .childInNeed: "Child in need record"
        case .childProtection: "Child protection record"
        case .earlyHelp: "Early help record"
        case .contactNoFurtherAction: "Contact with no further action"
        }
    }
}

/// The event a retention period counts from.
public enum RetentionStart: String, Codable, Sendable {
    case birth
    case closure
    case adoptionOrder
    case death
}

/// How long a record is kept: a number of years from an event, possibly longer when the child was
/// nearly grown up when the record closed.
public struct RetentionPeriod: Codable, Sendable, Equatable {
    public var years: Int
    public var from: RetentionStart
    public var lateClosure: LateClosure?

    /// More years for a child who was at least `atAge` when the record closed, so that a record
    /// closed shortly before a birthday deadline is not due almost at once.
    public struct LateClosure: Codable, Sendable, Equatable {
        public var atAge: Int
        public var extraYears: Int

        public init(atAge: Int, extraYears: Int) {
            self.atAge = atAge
            self.extraYears = extraYears
        }
    }

    public init(years: Int, from: RetentionStart, lateClosure: LateClosure? = nil) {
        self.years = years
        self.from = from
        self.lateClosure = lateClosure
    }
}

/// How long one kind of record is kept, and on whose authority.
public struct RetentionRule: Codable, Sendable, Equatable {
    public var kind: RecordKind
    public var period: RetentionPeriod
    /// Takes the place of `period` when the child died before their 18th birthday; nil when a
    /// death changes nothing (adoption records serve birth and adoptive families too).
    public var ifChildDied: RetentionPeriod?
    /// The legislation or local policy the rule comes from, quoted in every reason.
    public var source: String

    public init(kind: RecordKind, period: RetentionPeriod, ifChildDied: RetentionPeriod? = nil, source: String) {
        self.kind = kind
        self.period = period
        self.ifChildDied = ifChildDied
        self.source = source
    }
}

/// The facts about one record that its retention depends on.
public struct RetentionSubject: Sendable, Equatable {
    public var recordID: String
    public var kind: RecordKind
    /// Nil for an unborn child.
    public var dateOfBirth: Day?
    /// Nil while the record is open.
    public var closedOn: Day?
    public var adoptionOrderOn: Day?
    public var diedOn: Day?

    public init(recordID: String, kind: RecordKind, dateOfBirth: Day?, closedOn: Day? = nil,
                adoptionOrderOn: Day? = nil, diedOn: Day? = nil) {
        self.recordID = recordID
        self.kind = kind
        self.dateOfBirth = dateOfBirth
        self.closedOn = closedOn
        self.adoptionOrderOn = adoptionOrderOn
        self.diedOn = diedOn
    }

    func day(of start: RetentionStart) -> Day? {
        switch start {
        case .birth: dateOfBirth
        case .closure: closedOn
        case .adoptionOrder: adoptionOrderOn
        case .death: diedOn
        }
    }

    /// A child with no date of birth was unborn, so died as a child.
    var diedAsChild: Bool {
        guard let diedOn else { return false }
        guard let dateOfBirth else { return true }
        return dateOfBirth.age(on: diedOn) < 18
    }
}

/// A record whose retention period has ended, for a person to review: destroy it, or keep it
/// longer and record why (a complaint, litigation, or an inquiry's instruction to keep records).
public struct RetentionDue: Sendable, Equatable {
    public let subject: RetentionSubject
    public let reviewDate: Day
    /// Plain English: the rule, the dates it used and its source.
    public let reason: String
}

public enum RetentionPolicyError: Error, Equatable, Sendable {
    case duplicateRule(RecordKind)
    case negativeYears(RecordKind)
}

/// How long the council keeps each kind of record (UK GDPR Article 5(1)(e): no longer than
/// necessary). An administrator can change the rules; the policy is Codable so that their
/// configuration can be stored. A kind with no rule is never due for review.
public struct RetentionPolicy: Codable, Sendable, Equatable {
    public let rules: [RetentionRule]

    public init(rules: [RetentionRule]) throws(RetentionPolicyError) {
        var seen: Set<RecordKind> = []
        for rule in rules {
            guard seen.insert(rule.kind).inserted else { throw .duplicateRule(rule.kind) }
            let periods = [rule.period] + (rule.ifChildDied.map { [$0] } ?? [])
            guard periods.allSatisfy({ $0.years >= 0 && ($0.lateClosure?.extraYears ?? 0) >= 0 }) else {
                throw .negativeYears(rule.kind)
            }
        }
        self.rules = rules
    }

    /// For rules written here, whose kinds differ and whose years are positive.
    private init(checkedRules: [RetentionRule]) { self.rules = checkedRules }

    private enum CodingKeys: String, CodingKey { case rules }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(rules: container.decode([RetentionRule].self, forKey: .rules))
        } catch let error as RetentionPolicyError {
            throw DecodingError.dataCorruptedError(forKey: .rules, in: container,
                                                   debugDescription: "Invalid retention rules: \(error)")
        }
    }

    public func rule(for kind: RecordKind) -> RetentionRule? { rules.first { $0.kind == kind } }

    /// The day the record is due for review, or nil when it cannot be known yet: no rule for its
    /// kind, or the rule counts from a date the record does not have (most often, it is still open).
    public func reviewDate(for subject: RetentionSubject) -> Day? { review(of: subject)?.reviewDate }

    /// The records due for review on or before `today`, oldest first.
    public func due(on today: Day, subjects: some Sequence<RetentionSubject>) -> [RetentionDue] {
        subjects.compactMap(review(of:))
            .filter { $0.reviewDate <= today }
            .sorted { ($0.reviewDate, $0.subject.recordID) < ($1.reviewDate, $1.subject.recordID) }
    }

    func review(of subject: RetentionSubject) -> RetentionDue? {
        guard let rule = rule(for: subject.kind) else { return nil }
        let afterDeath = subject.diedAsChild ? rule.ifChildDied : nil
        let period = afterDeath ?? rule.period
        guard let start = subject.day(of: period.from) else { return nil }

        var years = period.years
        var closedLate: Int?
        if let late = period.lateClosure {
            // Whether the extension applies is unknown until the record closes.
            guard let closed = subject.closedOn, let born = subject.dateOfBirth else { return nil }
            let age = born.age(on: closed)
            if age >= late.atAge {
                years += late.extraYears
                closedLate = age
            }
        }
        // Whole years, counted as a birthday is: from 29 February they end on 1 March in a common year.
        var end = start.adding(years: years)
        if start.age(on: end) < years { end = end.adding(days: 1) }

        let kept = Self.kept(for: years, from: period.from, start: start, end: end, closedAtAge: closedLate)
        let died = afterDeath == nil ? "" : ", as they died before their 18th birthday"
        let reason = "\(subject.kind.label), \(kept)\(died). Source: \(rule.source)."
        return RetentionDue(subject: subject, reviewDate: end, reason: reason)
    }

    private static func kept(for years: Int, from event: RetentionStart, start: Day, end: Day, closedAtAge: Int?) -> String {
        switch event {
        case .birth:
            "kept until the child's \(ordinal(years)) birthday on \(end.longForm)"
                + (closedAtAge.map { ", because they were \($0) when the record closed" } ?? "")
        case .closure:
            "kept for \(Self.years(years)) after the record closed on \(start.longForm), until \(end.longForm)"
        case .adoptionOrder:
            "kept for \(Self.years(years)) from the adoption order of \(start.longForm), until \(end.longForm)"
        case .death:
            "kept for \(Self.years(years)) after the child's death on \(start.longForm), until \(end.longForm)"
        }
    }

    private static func years(_ n: Int) -> String { n == 1 ? "1 year" : "\(n) years" }

    private static func ordinal(_ n: Int) -> String {
        let suffix = switch (n % 10, n % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
        return "\(n)\(suffix)"
    }
}

extension RetentionPolicy {
    /// Rules for a council in England: two from regulations, the rest from common council
    /// practice, which each council should check against its own retention schedule.
    ///
    /// Child in need and child protection records have no statutory period. The default is the
    /// rule the NHS Records Management Code of Practice 2021 sets for children's records (until
    /// the 25th birthday, or the 26th if the child was 17 when the involvement ended), which many
    /// councils follow; others keep child protection records far longer (35 years after closure is
    /// common), and records an inquiry has asked to be kept must not be destroyed whatever the date.
    /// For a child who died, the default applies regulation 50's 15 years from death to every kind
    /// of record except adoption.
    public static let englandDefault: RetentionPolicy = {
        let fifteenYearsAfterDeath = RetentionPeriod(years: 15, from: .death)
        let childrensRecordsRule = "Council retention schedule, following the NHS Records Management Code of Practice 2021 "
            + "for children's records (25th birthday, or 26th if 17 when involvement ended)"
        let limitationRule = "Council retention schedule: 6 years after closure, the general limitation period (Limitation Act 1980)"
        let twentyFifthBirthday = RetentionPeriod(years: 25, from: .birth,
                                                  lateClosure: .init(atAge: 17, extraYears: 1))
        return RetentionPolicy(checkedRules: [
            RetentionRule(kind: .lookedAfter, period: RetentionPeriod(years: 75, from: .birth),
                          ifChildDied: fifteenYearsAfterDeath,
                          source: "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50"),
            RetentionRule(kind: .adoption, period: RetentionPeriod(years: 100, from: .adoptionOrder),
                          source: "Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005, regulation 6"),
            RetentionRule(kind: .childInNeed, period: twentyFifthBirthday, ifChildDied: fifteenYearsAfterDeath,
                          source: childrensRecordsRule),
            RetentionRule(kind: .childProtection, period: twentyFifthBirthday, ifChildDied: fifteenYearsAfterDeath,
                          source: childrensRecordsRule),
            RetentionRule(kind: .earlyHelp, period: RetentionPeriod(years: 6, from: .closure),
                          ifChildDied: fifteenYearsAfterDeath, source: limitationRule),
            RetentionRule(kind: .contactNoFurtherAction, period: RetentionPeriod(years: 6, from: .closure),
                          ifChildDied: fifteenYearsAfterDeath, source: limitationRule),
        ])
    }()
}

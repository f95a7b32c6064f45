/// Everything the casework rules need to know about one child: their episodes of need, oldest
/// first, each shaped like a CIN census `CINdetails` block.
///
/// A snapshot is a value: `CaseworkRules.apply` returns a new one or refuses, so the store can
/// persist the result and the old value stays a true record of what was there before.
public struct CaseSnapshot: Hashable, Sendable, Codable {
    /// Known when recorded; used to check that a plan ended at 18 really ended at 18.
    public var childBirthDate: Day?
    /// Child protection plans the child had before Lantern's records begin (another council, or
    /// before migration); they count towards "number of previous child protection plans".
    public var childProtectionPlansBeforeRecords: Int
    public var episodes: [EpisodeOfNeed]
    /// The child's care, once they have been looked after; kept after care ends for the care
    /// leaver's pathway and follow-up.
    public var care: LookedAfterRecord?

    public init(childBirthDate: Day? = nil, childProtectionPlansBeforeRecords: Int = 0, episodes: [EpisodeOfNeed] = [],
                care: LookedAfterRecord? = nil) {
        self.childBirthDate = childBirthDate
        self.childProtectionPlansBeforeRecords = childProtectionPlansBeforeRecords
        self.episodes = episodes
        self.care = care
    }

    /// Work is open: an episode of need, a child in care, or a care leaver still supported.
    public func hasOpenWork(today: Day) -> Bool {
        if openEpisode != nil { return true }
        guard let care else { return false }
        return care.ledger.isLookedAfter || LookedAfterClocks.isCareLeaverSupported(care, birthDate: childBirthDate, today: today)
    }

    /// The episode still open. The rules keep at most one (CIN census rule 8815), always the latest.
    public var openEpisode: EpisodeOfNeed? {
        guard let last = episodes.last, last.isOpen else { return nil }
        return last
    }

    /// The CIN census `NumberOfPreviousCPP` for a plan starting on `start`: every plan the child
    /// had before it, in any episode, plus those from before our records.
    public func numberOfPreviousChildProtectionPlans(before start: Day) -> Int {
        childProtectionPlansBeforeRecords
            + episodes.flatMap(\.childProtectionPlans).filter { $0.startDate < start }.count
    }

    /// Referral dates across all episodes, for the re-referral measure.
    public var referralDates: [Day] { episodes.map(\.referralDate) }
}

extension CaseSnapshot {
    /// A stored snapshot read without its care record, for readers that never look at care (the
    /// CIN census). Decoding is most of a census's time, and a looked-after child's care record
    /// is most of their snapshot.
    public struct EpisodesOnly: Decodable, Sendable {
        public let snapshot: CaseSnapshot

        private enum Keys: String, CodingKey {
            case childBirthDate, childProtectionPlansBeforeRecords, episodes
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            snapshot = CaseSnapshot(childBirthDate: try c.decodeIfPresent(Day.self, forKey: .childBirthDate),
                                    childProtectionPlansBeforeRecords: try c.decode(Int.self, forKey: .childProtectionPlansBeforeRecords),
                                    episodes: try c.decode([EpisodeOfNeed].self, forKey: .episodes))
        }
    }
}

/// One episode of need: from referral to closure (the census `CINdetails`).
public struct EpisodeOfNeed: Hashable, Sendable, Codable {
    public var referralDate: Day
    /// CIN census referral source (list 1.5).
    public var referralSource: String
    /// N0..N9; required once an assessment finds the child needs support (census rule 8610).
    public var primaryNeed: String?
    public var assessments: [Assessment] = []
    /// Every time the child was seen, whatever the purpose: assessments and plans both count them.
    public var childSeen: [ChildSeenVisit] = []
    public var strategyDiscussions: [StrategyDiscussion] = []
    public var section47Enquiries: [Section47Enquiry] = []
    public var childProtectionPlans: [ChildProtectionPlan] = []
    public var childInNeedPlans: [ChildInNeedPlan] = []
    public var closureProposal: ClosureProposal?
    public var closure: Closure?

    public init(referralDate: Day, referralSource: String, primaryNeed: String? = nil) {
        self.referralDate = referralDate
        self.referralSource = referralSource
        self.primaryNeed = primaryNeed
    }

    public var isOpen: Bool { closure == nil }
    public var openAssessment: Assessment? { assessments.last.flatMap { $0.isOpen ? $0 : nil } }
    public var openSection47Enquiry: Section47Enquiry? { section47Enquiries.last.flatMap { $0.isOpen ? $0 : nil } }
    public var openChildProtectionPlan: ChildProtectionPlan? { childProtectionPlans.last.flatMap { $0.isOpen ? $0 : nil } }
    public var openChildInNeedPlan: ChildInNeedPlan? { childInNeedPlans.last.flatMap { $0.isOpen ? $0 : nil } }

    /// Initial conferences held in this episode, in date order.
    public var initialConferenceDates: [Day] { section47Enquiries.compactMap(\.initialConferenceDate) }

    /// The latest date anything in the episode happened: a closure cannot come before it
    /// (census rule 8565, "activity shown after a case has been closed").
    public var latestActivityDate: Day {
        var dates = [referralDate]
        dates += childSeen.map(\.date)
        for a in assessments {
            dates.append(a.startDate)
            dates += [a.wishesAndFeelingsRecordedOn, a.submission?.submittedOn, a.authorisation?.authorisedOn].compactMap { $0 }
        }
        dates += strategyDiscussions.map(\.date)
        for s in section47Enquiries { dates += [s.startDate, s.outcome?.date].compactMap { $0 } }
        for p in childProtectionPlans {
            dates += [p.startDate, p.end?.date].compactMap { $0 } + p.reviewDates + p.categoryChanges.map(\.date)
        }
        for p in childInNeedPlans { dates += [p.startDate, p.endDate].compactMap { $0 } + p.reviewDates }
        return dates.max()!
    }
}

extension EpisodeOfNeed {
    public struct ChildSeenVisit: Hashable, Sendable, Codable {
        public var date: Day
        /// Annex A list 7 asks whether the child was seen alone at the last statutory visit.
        public var seenAlone: Bool

        public init(date: Day, seenAlone: Bool) {
            self.date = date
            self.seenAlone = seenAlone
        }
    }

    /// A child and family assessment (census `Assessments`).
    public struct Assessment: Hashable, Sendable, Codable {
        public var startDate: Day
        public var wishesAndFeelingsRecordedOn: Day?
        public var submission: Submission?
        public var authorisation: Authorisation?
        /// Each time a manager sent the assessment back, newest last.
        public var returns: [Return] = []

        public init(startDate: Day) { self.startDate = startDate }

        public var isOpen: Bool { authorisation == nil }
        /// The census `AssessmentAuthorisationDate`.
        public var authorisationDate: Day? { authorisation?.authorisedOn }
        public var factors: [String] { submission?.factors ?? [] }

        public struct Submission: Hashable, Sendable, Codable {
            public var submittedOn: Day
            /// Census `AssessmentFactors`.
            public var factors: [String]
            /// Annex A list 4: "Was the child assessed as requiring LA children's social care support?"
            public var needsSupport: Bool
        }

        public struct Authorisation: Hashable, Sendable, Codable {
            public var authorisedOn: Day
            public var authorisedBy: String
        }

        public struct Return: Hashable, Sendable, Codable {
            public var returnedOn: Day
            public var returnedBy: String
            public var reason: String
        }
    }

    /// Working Together 2023: where there is reasonable cause to suspect significant harm, a
    /// strategy discussion with the police, health and (for a child in school or early years)
    /// education decides whether to start section 47 enquiries.
    public struct StrategyDiscussion: Hashable, Sendable, Codable {
        public var date: Day
        public var participants: [Professional]
        public var childAttendsEducationSetting: Bool
        public var decidedToStartSection47: Bool

        public init(date: Day, participants: [Professional], childAttendsEducationSetting: Bool, decidedToStartSection47: Bool) {
            self.date = date
            self.participants = participants
            self.childAttendsEducationSetting = childAttendsEducationSetting
            self.decidedToStartSection47 = decidedToStartSection47
        }

        /// Agencies that must take part, by the guidance above.
        public var requiredAgencies: [PartnerAgency] {
            childAttendsEducationSetting ? [.police, .health, .education] : [.police, .health]
        }
    }

    /// A section 47 enquiry (census `Section47`): open until the initial conference is held or
    /// found not to be needed (census rule 8868).
    public struct Section47Enquiry: Hashable, Sendable, Codable {
        public var startDate: Day
        /// The strategy discussion that started it: the practice clock for the ICPC runs from here.
        public var strategyDiscussionDate: Day
        public var outcome: Outcome?

        public init(startDate: Day, strategyDiscussionDate: Day, outcome: Outcome? = nil) {
            self.startDate = startDate
            self.strategyDiscussionDate = strategyDiscussionDate
            self.outcome = outcome
        }

        public var isOpen: Bool { outcome == nil }

        /// Census `DateOfInitialCPC` (recorded at section 47 level, never also at episode level: rule 2884).
        public var initialConferenceDate: Day? {
            if case .initialConferenceHeld(let day) = outcome { return day }
            return nil
        }

        /// Census `ICPCnotRequired`.
        public var initialConferenceNotRequired: Bool {
            if case .initialConferenceNotRequired = outcome { return true }
            return false
        }

        public enum Outcome: Hashable, Sendable, Codable {
            case initialConferenceHeld(Day)
            case initialConferenceNotRequired(Day)

            public var date: Day {
                switch self {
                case .initialConferenceHeld(let day), .initialConferenceNotRequired(let day): day
                }
            }
        }
    }

    /// A child protection plan (census `ChildProtectionPlans`).
    public struct ChildProtectionPlan: Hashable, Sendable, Codable {
        public var startDate: Day
        public var initialCategory: String
        public var latestCategory: String
        /// Census `CPPreviewDate`s.
        public var reviewDates: [Day] = []
        public var categoryChanges: [CategoryChange] = []
        public var end: End?
        /// Core group meetings held (Working Together 2023: the first within 10 working days of the
        /// initial conference). Optional so that plans stored before it was recorded still read.
        public var coreGroupMeetings: [Day]?

        public init(startDate: Day, category: String) {
            self.startDate = startDate
            self.initialCategory = category
            self.latestCategory = category
        }

        public var isOpen: Bool { end == nil }
        public var endDate: Day? { end?.date }

        public struct CategoryChange: Hashable, Sendable, Codable {
            public var date: Day
            public var from: String
            public var to: String
        }

        public struct End: Hashable, Sendable, Codable {
            public var date: Day
            public var reason: EndReason
        }

        /// Working Together 2023: a child stops being the subject of a plan when a review
        /// conference judges they are no longer at risk of significant harm, or when they move
        /// permanently to another council, reach 18, die or permanently leave the UK.
        public enum EndReason: String, Hashable, Sendable, Codable, CaseIterable {
            case noLongerAtRiskOfSignificantHarm
            case movedToAnotherLocalAuthority
            case reachedEighteen
            case died
            case leftTheUnitedKingdom

            public var plainEnglish: String {
                switch self {
                case .noLongerAtRiskOfSignificantHarm: "no longer at risk of significant harm"
                case .movedToAnotherLocalAuthority: "moved permanently to another local authority"
                case .reachedEighteen: "reached 18"
                case .died: "died"
                case .leftTheUnitedKingdom: "left the United Kingdom permanently"
                }
            }
        }
    }

    /// A child in need plan (census `CINPlanDates`).
    public struct ChildInNeedPlan: Hashable, Sendable, Codable {
        public var startDate: Day
        public var reviewDates: [Day] = []
        public var endDate: Day?

        public init(startDate: Day) { self.startDate = startDate }

        public var isOpen: Bool { endDate == nil }
    }

    /// A practitioner's proposal to close, waiting for a manager.
    public struct ClosureProposal: Hashable, Sendable, Codable {
        public var proposedOn: Day
        public var proposedBy: String
        /// RC1..RC9.
        public var reason: String
    }

    /// Census `CINclosureDate` and `ReasonForClosure`, always together (rules 8805, 8810).
    public struct Closure: Hashable, Sendable, Codable {
        public var date: Day
        public var reason: String
        public var signedOffBy: String
    }
}

extension CaseSnapshot {
    /// The dates a statutory return asks of a record before it reads the whole of it, stored
    /// beside the record: a city holds 89,000 records and a year's CIN census needs a quarter of
    /// them, the SSDA903 only the few thousand children ever looked after.
    public struct Span: Equatable, Sendable {
        /// The first episode's referral; nil when there has been no episode of need.
        public var firstReferral: Day?
        /// The last episode's closure; nil while it is open (or when there is none).
        public var episodesClosed: Day?
        public var everLookedAfter: Bool

        /// Whether an episode of need can have been open at some time from `start` to `end`, both
        /// included: the CIN census rule (an episode referred by the end and not closed before the
        /// start). Episodes follow one another, so the first referral and last closure decide it.
        public func episodesOverlap(from start: Day, to end: Day) -> Bool {
            guard let firstReferral, firstReferral <= end else { return false }
            return episodesClosed.map { $0 >= start } ?? true
        }
    }

    public var span: Span {
        let closed = episodes.last.flatMap { $0.isOpen ? nil : episodes.compactMap(\.closure?.date).max() }
        return Span(firstReferral: episodes.map(\.referralDate).min(), episodesClosed: closed, everLookedAfter: care != nil)
    }
}

/// Early help for a family: one episode covers every child in it (Working Together 2023,
/// chapter 2: early help is for the whole family, with the family's consent, co-ordinated by a
/// lead practitioner from whichever agency knows them best).
public struct EarlyHelpEpisode: Hashable, Sendable, Codable {
    public var familyID: String
    public var childIDs: [String]
    public var startedOn: Day
    public var origin: Origin
    public var leadPractitioner: Professional
    public var consentGivenOn: Day?
    public var assessments: [EarlyHelpAssessment] = []
    public var planActions: [FamilyPlanAction] = []
    public var meetings: [TeamAroundFamilyMeeting] = []
    public var closure: Closure?

    public init(familyID: String, childIDs: [String], startedOn: Day, origin: Origin, leadPractitioner: Professional,
                consentGivenOn: Day? = nil) {
        self.familyID = familyID
        self.childIDs = childIDs
        self.startedOn = startedOn
        self.origin = origin
        self.leadPractitioner = leadPractitioner
        self.consentGivenOn = consentGivenOn
    }

    public var isOpen: Bool { closure == nil }
    public var openAssessment: EarlyHelpAssessment? { assessments.last.flatMap { $0.completedOn == nil ? $0 : nil } }
    public var latestCompletedAssessment: EarlyHelpAssessment? { assessments.last(where: { $0.completedOn != nil }) }
    public var outstandingPlanActions: [FamilyPlanAction] { planActions.filter { $0.completedOn == nil } }

    /// The latest date anything was recorded; a closure cannot come before it.
    public var latestActivityDate: Day {
        var dates = [startedOn] + [consentGivenOn].compactMap { $0 }
        for a in assessments { dates += [a.startedOn, a.completedOn].compactMap { $0 } }
        for p in planActions { dates += [p.agreedOn, p.completedOn].compactMap { $0 } }
        dates += meetings.map(\.date)
        return dates.max()!
    }

    public enum Origin: Hashable, Sendable, Codable {
        /// The front door decided on early help for a contact received that day.
        case frontDoor(contactReceivedOn: Day)
        /// Children's social care stepped the child down when their episode of need closed.
        case stepDown(episodeOfNeedClosedOn: Day)
        /// A school, health visitor or other partner started early help themselves.
        case partnerAgency
    }

    public struct Closure: Hashable, Sendable, Codable {
        public var closedOn: Day
        public var outcome: Outcome
    }

    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case needsMet
        case steppedDownToUniversalServices
        case consentWithdrawn
        case movedOutOfArea
        /// Set only by a step up, which also creates the front door contact.
        case steppedUpToSocialCare

        public var plainEnglish: String {
            switch self {
            case .needsMet: "the family's needs were met"
            case .steppedDownToUniversalServices: "stepped down to universal services"
            case .consentWithdrawn: "the family withdrew consent"
            case .movedOutOfArea: "the family moved out of the area"
            case .steppedUpToSocialCare: "stepped up to children's social care"
            }
        }

        /// Outcomes that say the plan worked, so it must have been carried out.
        var meansPlanCompleted: Bool { self == .needsMet || self == .steppedDownToUniversalServices }
    }
}

/// An early help assessment (Annex A list 2: start, completion, organisation completing it).
public struct EarlyHelpAssessment: Hashable, Sendable, Codable {
    public var startedOn: Day
    public var organisation: String
    public var completedOn: Day?

    public init(startedOn: Day, organisation: String, completedOn: Day? = nil) {
        self.startedOn = startedOn
        self.organisation = organisation
        self.completedOn = completedOn
    }
}

/// One action in the family plan, owned by a named professional from any agency.
public struct FamilyPlanAction: Hashable, Sendable, Codable {
    public var id: String
    public var description: String
    public var owner: Professional
    public var agreedOn: Day
    public var dueBy: Day?
    public var completedOn: Day?

    public init(id: String, description: String, owner: Professional, agreedOn: Day, dueBy: Day? = nil) {
        self.id = id
        self.description = description
        self.owner = owner
        self.agreedOn = agreedOn
        self.dueBy = dueBy
    }
}

/// A team around the family meeting: the first agrees the plan, later ones review it.
public struct TeamAroundFamilyMeeting: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case initial, review }

    public var date: Day
    public var kind: Kind
    public var attendees: [Professional]
    public var familyAttended: Bool

    public init(date: Day, kind: Kind, attendees: [Professional], familyAttended: Bool) {
        self.date = date
        self.kind = kind
        self.attendees = attendees
        self.familyAttended = familyAttended
    }
}

/// What the front door receives when early help steps a family up.
public struct EarlyHelpHistory: Hashable, Sendable, Codable {
    /// The episode as it stood when stepped up, closed with `steppedUpToSocialCare`.
    public var episode: EarlyHelpEpisode
    public var concerns: String
}

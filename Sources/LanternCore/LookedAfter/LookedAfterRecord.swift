/// Everything the council records about a child it looks after and then supports as a care
/// leaver, as practice: the care events (from which the 903 episode rows are derived), reviews,
/// statutory visits, IRO contacts, health and education, adoption milestones and the care
/// leaver's pathway. Held on the child's `CaseSnapshot`, so the same clocks, caseloads and audit
/// cover it as every other part of their case.
public struct LookedAfterRecord: Hashable, Sendable, Codable {
    public var ledger: CareEpisodeLedger
    public var reviews: [LookedAfterReview] = []
    public var visits: [StatutoryVisit] = []
    /// Contacts between the independent reviewing officer and the child outside reviews.
    public var iroContacts: [Day] = []
    public var healthAssessments: [Day] = []
    public var dentalChecks: [Day] = []
    public var immunisations: ImmunisationStatus?
    public var strengthsAndDifficulties: [SDQScore] = []
    public var personalEducationPlans: [Day] = []
    public var uasc: UASCStatus?
    public var adoption: AdoptionMilestones?
    public var permanencePlan: PermanencePlanChoice?
    public var careLeaver: CareLeaverRecord?
    public var personalAdviser: String?
    /// Whether a looked-after young woman is a mother (903 Header MOTHER, MC_DOB).
    public var motherhood: Motherhood?
    /// The permanence order the child had before this period of care, if any (903 PrevPerm).
    public var previousPermanence: PreviousPermanenceRecord?
    /// Health promotion (development) checks for children under 5 (903 OC2 HEALTH_CHECK).
    public var developmentChecks: [Day] = []
    /// Convictions, final warnings or reprimands (903 OC2 CONVICTED).
    public var convictions: [Day] = []
    /// Substance misuse problems identified, and the intervention (903 OC2).
    public var substanceMisuse: [SubstanceMisuseRecord] = []

    public init(ledger: CareEpisodeLedger) { self.ledger = ledger }

    /// The start of the current (or last) period of care: reviews, health and education are
    /// counted from it.
    public var periodStart: Day? {
        ledger.episodes.last(where: { $0.reasonForNewEpisode == .startedToBeLookedAfter })?.startDate
    }

    /// When the child moved into the placement they are in now (a change of legal status alone
    /// does not start a new placement, so its visits clock carries on).
    public var currentPlacementStart: Day? {
        guard ledger.currentEpisode != nil else { return nil }
        let rows = ledger.episodes
        guard let opened = rows.lastIndex(where: { $0.reasonForNewEpisode != .legalStatusChangedOnly }) else { return rows.first?.startDate }
        return rows[opened].startDate
    }

    public func reviewsInCurrentPeriod() -> [LookedAfterReview] {
        guard let start = periodStart else { return [] }
        return reviews.filter { $0.date >= start }
    }

    /// U1 and U4 (foster care intended to last until 18) and the long-term placements the 903
    /// places under "long term": the visits interval after the first year is 3 months for these.
    public var isLongTermPlacement: Bool {
        guard let type = ledger.currentEpisode?.placement.type else { return false }
        return ["U1", "U4"].contains(type)
    }
}

/// A looked-after review and how the child took part (903 REVIEW_CODE, PN0-PN7).
public struct LookedAfterReview: Hashable, Sendable, Codable {
    public var date: Day
    public var participation: String

    public init(date: Day, participation: String) {
        self.date = date
        self.participation = participation
    }
}

/// A statutory visit by the child's social worker (regulation 28 visits).
public struct StatutoryVisit: Hashable, Sendable, Codable {
    public var date: Day
    public var seenAlone: Bool

    public init(date: Day, seenAlone: Bool) {
        self.date = date
        self.seenAlone = seenAlone
    }
}

public struct ImmunisationStatus: Hashable, Sendable, Codable {
    public var upToDate: Bool
    public var checkedOn: Day
}

/// Strengths and difficulties questionnaire total score (0-40; 903 OC2 SDQ_SCORE).
public struct SDQScore: Hashable, Sendable, Codable {
    public var date: Day
    public var score: Int
}

/// Unaccompanied asylum-seeking child status (903 UASC table).
public struct UASCStatus: Hashable, Sendable, Codable {
    public var since: Day
    public var ceasedOn: Day?
}

/// Adoption milestones in the order the Adoption Statutory Guidance sets them (903 PLACED_ADOPTION
/// and AD1; Annex A list 10).
public struct AdoptionMilestones: Hashable, Sendable, Codable {
    /// The agency decision that the child should be placed for adoption.
    public var decisionOn: Day
    public var placementOrderOn: Day?
    public var matchedOn: Day?
    public var placedOn: Day?
    public var adoptionOrderOn: Day?
    public var reversed: Reversal?
    /// Who the child was matched with (903 AD1). Optional: records made before it was asked have none.
    public var adopters: AdoptersOfChild?

    public struct Reversal: Hashable, Sendable, Codable {
        public var date: Day
        /// 903 REASON_PLACED_CEASED (RD1-RD4).
        public var reason: String
    }

    public init(decisionOn: Day) { self.decisionOn = decisionOn }
}

/// The adopters a child is matched with, as the SSDA903 AD1 describes them.
public struct AdoptersOfChild: Hashable, Sendable, Codable {
    /// NB_ADOPTR: 1 or 2.
    public var count: Int
    /// SEX_ADOPTR: M1, F1 (single), MM, FF, MF (couple).
    public var sex: String
    /// LS_ADOPTR: L0 single; L11, L12 married (different / same sex); L2 civil partners;
    /// L3, L4 unmarried couple (different / same sex).
    public var legalStatus: String
    /// FOSTER_CARE: the adopters were the child's foster carers.
    public var formerFosterCarers: Bool

    public init(count: Int, sex: String, legalStatus: String, formerFosterCarers: Bool) {
        self.count = count
        self.sex = sex
        self.legalStatus = legalStatus
        self.formerFosterCarers = formerFosterCarers
    }

    /// Why these details cannot describe one household (903 rules 511, 514, 517-520, 524), or nil.
    public var inconsistency: String? {
        let single = ["M1", "F1"], sameSex = ["MM", "FF"]
        guard [1, 2].contains(count) else { return "There are one or two adopters." }
        guard (single + sameSex + ["MF"]).contains(sex) else { return "Choose the adopters' sex from M1, F1, MM, FF or MF." }
        guard ["L0", "L11", "L12", "L2", "L3", "L4"].contains(legalStatus) else { return "Choose the adopters' legal status from L0, L11, L12, L2, L3 or L4." }
        if (count == 1) != single.contains(sex) { return "One adopter is M1 or F1; a couple is MM, FF or MF." }
        if (legalStatus == "L0") != (count == 1) { return "L0 is a single adopter; couples are L11, L12, L2, L3 or L4." }
        if ["L11", "L3"].contains(legalStatus), sex != "MF" { return "L11 and L3 are a couple of different sexes (MF)." }
        if ["L12", "L4"].contains(legalStatus), !sameSex.contains(sex) { return "L12 and L4 are a same-sex couple (MM or FF)." }
        return nil
    }
}

public enum AdoptionMilestone: String, Hashable, Sendable, Codable, CaseIterable {
    case decision, placementOrder, matched, placed, adoptionOrder

    public var label: String {
        switch self {
        case .decision: "Decision that the child should be placed for adoption"
        case .placementOrder: "Placement order made"
        case .matched: "Matched with adopters"
        case .placed: "Placed for adoption"
        case .adoptionOrder: "Adoption order granted"
        }
    }
}

/// The plan for where the child will grow up, agreed at the second review (Care Planning
/// Regulations 2010, reg 2 and the Children Act 1989 s.31A).
public enum PermanencePlanChoice: String, Hashable, Sendable, Codable, CaseIterable {
    case returnHome, familyOrFriends, specialGuardianship, adoption, longTermFostering, residential, independence

    public var label: String {
        switch self {
        case .returnHome: "Return to parents"
        case .familyOrFriends: "Live with family or friends (kinship care)"
        case .specialGuardianship: "Special guardianship order"
        case .adoption: "Adoption"
        case .longTermFostering: "Long-term fostering"
        case .residential: "Residential care"
        case .independence: "Supported move to independence"
        }
    }
}

public struct Motherhood: Hashable, Sendable, Codable {
    public var isMother: Bool
    public var firstChildBorn: Day?
}

public struct PreviousPermanenceRecord: Hashable, Sendable, Codable {
    /// 903 PREV_PERM: P1-P4 or Z1.
    public var option: String
    /// 903 LA_PERM: the council that arranged it, if known.
    public var arrangedBy: String?
    public var orderDate: Day?
}

public struct SubstanceMisuseRecord: Hashable, Sendable, Codable {
    public var identifiedOn: Day
    public var interventionOffered: Bool
    public var interventionReceived: Bool
}

extension LookedAfterRecord {
    /// The latest recorded work with a looked-after child or care leaver: visits, reviews, the
    /// IRO's contacts, health and education checks, pathway plans and follow-ups. Without it a
    /// child in care visited last week would show as having had no activity since care began.
    public var latestActivityDate: Day? {
        var dates: [Day] = visits.map(\.date) + reviews.map(\.date) + iroContacts + healthAssessments + dentalChecks
            + personalEducationPlans + developmentChecks
        if let start = periodStart { dates.append(start) }
        if let plan = careLeaver?.pathwayPlan { dates += [plan.madeOn] + plan.reviewDates }
        dates += careLeaver?.birthdayFollowUps.map(\.contactedOn) ?? []
        return dates.max()
    }

    /// The latest statutory visit, when the child was seen.
    public var lastSeen: Day? { visits.map(\.date).max() }
}

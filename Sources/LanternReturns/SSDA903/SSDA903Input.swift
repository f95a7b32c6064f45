import LanternCore

// The SSDA903 (children looked after) return, one array per table as the DfE lays it out
// (shared/domain/returns-spec.md section 2). Codes are the DfE's strings (`SSDA903Codes`).
// The date of birth and sex that several tables repeat are taken from the child's Header row
// when the files are written, so they cannot disagree (rules INT11-INT21).

public struct SSDA903Input: Sendable, Equatable {
    public var collectionYear: CollectionYear
    public var headers: [SSDA903Header]
    public var episodes: [SSDA903Episode]
    public var reviews: [SSDA903Review]
    public var uasc: [SSDA903UASC]
    public var outcomesAfter12Months: [SSDA903OC2]
    public var careLeavers: [SSDA903OC3]
    public var adoptions: [SSDA903Adoption]
    public var placedForAdoption: [SSDA903PlacedForAdoption]
    public var previousPermanence: [SSDA903PreviousPermanence]
    public var missing: [SSDA903Missing]
    /// Social worker episodes, collected from 2023-24.
    public var socialWorkerEpisodes: [SSDA903SocialWorkerEpisode]
    /// Deprivation of liberty orders, collected from 2026-27.
    public var deprivationOfLiberty: [SSDA903DeprivationOfLiberty]

    public init(collectionYear: CollectionYear, headers: [SSDA903Header] = [], episodes: [SSDA903Episode] = [],
                reviews: [SSDA903Review] = [], uasc: [SSDA903UASC] = [], outcomesAfter12Months: [SSDA903OC2] = [],
                careLeavers: [SSDA903OC3] = [], adoptions: [SSDA903Adoption] = [],
                placedForAdoption: [SSDA903PlacedForAdoption] = [], previousPermanence: [SSDA903PreviousPermanence] = [],
                missing: [SSDA903Missing] = [], socialWorkerEpisodes: [SSDA903SocialWorkerEpisode] = [],
                deprivationOfLiberty: [SSDA903DeprivationOfLiberty] = []) {
        self.collectionYear = collectionYear
        self.headers = headers
        self.episodes = episodes
        self.reviews = reviews
        self.uasc = uasc
        self.outcomesAfter12Months = outcomesAfter12Months
        self.careLeavers = careLeavers
        self.adoptions = adoptions
        self.placedForAdoption = placedForAdoption
        self.previousPermanence = previousPermanence
        self.missing = missing
        self.socialWorkerEpisodes = socialWorkerEpisodes
        self.deprivationOfLiberty = deprivationOfLiberty
    }
}

/// The table the DfE calls Header: one row per child.
public struct SSDA903Header: Sendable, Equatable {
    public var child: String
    /// M, F or U from 2024-25.
    public var sex: String
    public var dateOfBirth: Day
    public var ethnicity: String
    /// A 13-character UPN, or UN1..UN5 saying why there is none.
    public var upn: String
    /// Whether the young person is a mother: required for girls looked after other than on short breaks.
    public var isMother: Bool?
    /// Date of birth of her first child, only when she is a mother.
    public var mothersChildBirthDate: Day?

    public init(child: String, sex: String, dateOfBirth: Day, ethnicity: String, upn: String,
                isMother: Bool? = nil, mothersChildBirthDate: Day? = nil) {
        self.child = child
        self.sex = sex
        self.dateOfBirth = dateOfBirth
        self.ethnicity = ethnicity
        self.upn = upn
        self.isMother = isMother
        self.mothersChildBirthDate = mothersChildBirthDate
    }
}

/// One period in which the child's legal status and placement stayed the same.
public struct SSDA903Episode: Sendable, Equatable {
    public var child: String
    public var start: Day
    /// RNE: why the episode began (S, L, P, T, U, B).
    public var reasonNewEpisode: String
    /// LS: legal status.
    public var legalStatus: String
    /// CIN: category of need N1..N8.
    public var categoryOfNeed: String
    /// PLACE: placement type.
    public var placement: String
    /// PLACE_PROVIDER: PR0..PR5; blank for temporary and Z1x placements.
    public var placementProvider: String?
    public var end: Day?
    /// REC: why the episode ended (X1 when care continues in a new episode).
    public var reasonEnded: String?
    /// REASON_PLACE_CHANGE: why the placement changed, on the episode that ends with a move.
    public var reasonPlacementChanged: String?
    public var homePostcode: String?
    public var placementPostcode: String?
    /// Ofsted URN of the placement provider.
    public var urn: String?

    public init(child: String, start: Day, reasonNewEpisode: String, legalStatus: String, categoryOfNeed: String,
                placement: String, placementProvider: String? = nil, end: Day? = nil, reasonEnded: String? = nil,
                reasonPlacementChanged: String? = nil, homePostcode: String? = nil, placementPostcode: String? = nil,
                urn: String? = nil) {
        self.child = child
        self.start = start
        self.reasonNewEpisode = reasonNewEpisode
        self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed
        self.placement = placement
        self.placementProvider = placementProvider
        self.end = end
        self.reasonEnded = reasonEnded
        self.reasonPlacementChanged = reasonPlacementChanged
        self.homePostcode = homePostcode
        self.placementPostcode = placementPostcode
        self.urn = urn
    }
}

/// A looked-after review and how the child took part (PN0..PN7).
public struct SSDA903Review: Sendable, Equatable {
    public var child: String
    public var date: Day
    public var participation: String

    public init(child: String, date: Day, participation: String) {
        self.child = child
        self.date = date
        self.participation = participation
    }
}

/// A child who is, or was this year, an unaccompanied asylum-seeking child.
public struct SSDA903UASC: Sendable, Equatable {
    public var child: String
    /// DUC: when UASC status ended, if it has.
    public var statusCeased: Day?

    public init(child: String, statusCeased: Day? = nil) {
        self.child = child
        self.statusCeased = statusCeased
    }
}

/// OC2: outcomes for a child looked after continuously for 12 months at 31 March.
public struct SSDA903OC2: Sendable, Equatable {
    public var child: String
    public var sdqScore: Int?
    public var sdqReason: String?
    public var convicted: Bool?
    public var healthCheck: Bool?
    public var immunisations: Bool?
    public var teethCheck: Bool?
    public var healthAssessment: Bool?
    public var substanceMisuse: Bool?
    public var interventionReceived: Bool?
    public var interventionOffered: Bool?

    public init(child: String, sdqScore: Int? = nil, sdqReason: String? = nil, convicted: Bool? = nil,
                healthCheck: Bool? = nil, immunisations: Bool? = nil, teethCheck: Bool? = nil,
                healthAssessment: Bool? = nil, substanceMisuse: Bool? = nil, interventionReceived: Bool? = nil,
                interventionOffered: Bool? = nil) {
        self.child = child
        self.sdqScore = sdqScore
        self.sdqReason = sdqReason
        self.convicted = convicted
        self.healthCheck = healthCheck
        self.immunisations = immunisations
        self.teethCheck = teethCheck
        self.healthAssessment = healthAssessment
        self.substanceMisuse = substanceMisuse
        self.interventionReceived = interventionReceived
        self.interventionOffered = interventionOffered
    }
}

/// OC3: a care leaver's situation around their 17th to 21st birthdays.
public struct SSDA903OC3: Sendable, Equatable {
    public var child: String
    public var inTouch: String
    public var activity: String?
    public var accommodation: String?

    public init(child: String, inTouch: String, activity: String? = nil, accommodation: String? = nil) {
        self.child = child
        self.inTouch = inTouch
        self.activity = activity
        self.accommodation = accommodation
    }
}

/// AD1: a child adopted from care during the year.
public struct SSDA903Adoption: Sendable, Equatable {
    public var child: String
    /// DATE_INT: decision that adoption is in the child's best interests.
    public var decisionDate: Day
    /// DATE_MATCH: child matched with adopters.
    public var matchedDate: Day
    /// Adopted by their former foster carers.
    public var byFosterCarers: Bool
    /// NB_ADOPTR: 1 or 2.
    public var numberOfAdopters: Int
    public var adoptersSex: String
    public var adoptersLegalStatus: String

    public init(child: String, decisionDate: Day, matchedDate: Day, byFosterCarers: Bool, numberOfAdopters: Int,
                adoptersSex: String, adoptersLegalStatus: String) {
        self.child = child
        self.decisionDate = decisionDate
        self.matchedDate = matchedDate
        self.byFosterCarers = byFosterCarers
        self.numberOfAdopters = numberOfAdopters
        self.adoptersSex = adoptersSex
        self.adoptersLegalStatus = adoptersLegalStatus
    }
}

/// A decision that the child should be placed for adoption, and whether it was later reversed.
public struct SSDA903PlacedForAdoption: Sendable, Equatable {
    public var child: String
    public var decisionDate: Day
    public var reversedDate: Day?
    /// RD1..RD4, with `reversedDate`.
    public var reversedReason: String?

    public init(child: String, decisionDate: Day, reversedDate: Day? = nil, reversedReason: String? = nil) {
        self.child = child
        self.decisionDate = decisionDate
        self.reversedDate = reversedDate
        self.reversedReason = reversedReason
    }
}

/// The permanence order a child had before this period of care began.
public struct SSDA903PreviousPermanence: Sendable, Equatable {
    public var child: String
    /// P1, P2, P3, P4 or Z1 (none / not known).
    public var option: String
    /// The LA that arranged it (DfE LA number or WAL, SCO, NUK, NIR).
    public var arrangedBy: String?
    public var orderDate: Day?

    public init(child: String, option: String, arrangedBy: String? = nil, orderDate: Day? = nil) {
        self.child = child
        self.option = option
        self.arrangedBy = arrangedBy
        self.orderDate = orderDate
    }
}

/// A period when the child was missing (M) or away from placement without authorisation (A).
public struct SSDA903Missing: Sendable, Equatable {
    public var child: String
    public var kind: String
    public var start: Day
    public var end: Day?

    public init(child: String, kind: String, start: Day, end: Day? = nil) {
        self.child = child
        self.kind = kind
        self.start = start
        self.end = end
    }
}

public struct SSDA903SocialWorkerEpisode: Sendable, Equatable {
    public var child: String
    /// SW_ID: the worker's DfE social worker number, or an XX code.
    public var socialWorker: String
    public var start: Day
    public var end: Day?
    /// SW_REASON: why this worker's involvement began.
    public var reason: String

    public init(child: String, socialWorker: String, start: Day, end: Day? = nil, reason: String) {
        self.child = child
        self.socialWorker = socialWorker
        self.start = start
        self.end = end
        self.reason = reason
    }
}

public struct SSDA903DeprivationOfLiberty: Sendable, Equatable {
    public var child: String
    public var start: Day
    public var end: Day?

    public init(child: String, start: Day, end: Day? = nil) {
        self.child = child
        self.start = start
        self.end = end
    }
}

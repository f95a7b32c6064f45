import LanternCore

// Ofsted's Annex A lists for an inspection of local authority children's services (ILACS), one
// value type per list (shared/domain/returns-spec.md section 3). Coded items take the DfE's codes
// from the CIN census and SSDA903; `AnnexAWorkbook` turns them into the template's drop-down text.

public struct AnnexAInput: Sendable, Equatable {
    /// Ages are given on this day: the day the lists are drawn for the inspection.
    public var extractDate: Day
    public var contacts: [AnnexAContact]
    public var earlyHelpAssessments: [AnnexAEarlyHelpAssessment]
    public var referrals: [AnnexAReferral]
    public var assessments: [AnnexAAssessment]
    public var section47Enquiries: [AnnexASection47]
    public var childrenInNeed: [AnnexAChildInNeed]
    public var childProtectionPlans: [AnnexAChildProtection]
    public var childrenInCare: [AnnexAChildInCare]
    public var careLeavers: [AnnexACareLeaver]
    public var adoptions: [AnnexAAdoption]
    public var adopters: [AnnexAAdopter]

    public init(extractDate: Day, contacts: [AnnexAContact] = [], earlyHelpAssessments: [AnnexAEarlyHelpAssessment] = [],
                referrals: [AnnexAReferral] = [], assessments: [AnnexAAssessment] = [],
                section47Enquiries: [AnnexASection47] = [], childrenInNeed: [AnnexAChildInNeed] = [],
                childProtectionPlans: [AnnexAChildProtection] = [], childrenInCare: [AnnexAChildInCare] = [],
                careLeavers: [AnnexACareLeaver] = [], adoptions: [AnnexAAdoption] = [], adopters: [AnnexAAdopter] = []) {
        self.extractDate = extractDate
        self.contacts = contacts
        self.earlyHelpAssessments = earlyHelpAssessments
        self.referrals = referrals
        self.assessments = assessments
        self.section47Enquiries = section47Enquiries
        self.childrenInNeed = childrenInNeed
        self.childProtectionPlans = childProtectionPlans
        self.childrenInCare = childrenInCare
        self.careLeavers = careLeavers
        self.adoptions = adoptions
        self.adopters = adopters
    }
}

/// The columns every child list begins with.
public struct AnnexAChild: Sendable, Equatable {
    public var id: String
    /// M, F, U (not stated or recorded) or N (neither).
    public var sex: String?
    public var ethnicity: String?
    public var dateOfBirth: Day?
    /// Lists 4 to 10 ask whether the child has a disability.
    public var hasDisability: Bool?

    public init(id: String, sex: String? = nil, ethnicity: String? = nil, dateOfBirth: Day? = nil, hasDisability: Bool? = nil) {
        self.id = id
        self.sex = sex
        self.ethnicity = ethnicity
        self.dateOfBirth = dateOfBirth
        self.hasDisability = hasDisability
    }
}

/// List 6's case status.
public enum AnnexACaseStatus: String, Sendable, Equatable, CaseIterable {
    case lookedAfter, childProtectionPlan, childInNeedPlan, openAssessment, closedEpisode
}

/// List 8's permanence plan.
public enum AnnexAPermanencePlan: String, Sendable, Equatable, CaseIterable {
    case returnToFamily, adoption, specialGuardianshipOrChildArrangements, supportedLivingInTheCommunity,
         longTermResidential, longTermFostering, other
}

/// List 9's care leaver eligibility category.
public enum AnnexAEligibility: String, Sendable, Equatable, CaseIterable {
    case relevant, formerRelevant, qualifying, eligible
}

/// List 11's reason for leaving the adoption process.
public enum AnnexAReasonLeftAdoption: String, Sendable, Equatable, CaseIterable {
    case adopterWithdrew, processOnHold, applicationRefused
}


/// List 1: a contact about a child.
public struct AnnexAContact: Sendable, Equatable {
    public var child: AnnexAChild
    /// Date of contact.
    public var date: Day
    /// Who made contact: a CIN referral source code (1A..10).
    public var source: String

    public init(child: AnnexAChild,
                date: Day,
                source: String) {
        self.child = child
        self.date = date
        self.source = source
    }
}

/// List 2: an early help assessment.
public struct AnnexAEarlyHelpAssessment: Sendable, Equatable {
    public var child: AnnexAChild
    public var start: Day
    public var completed: Day?
    /// The organisation completing the assessment.
    public var organisation: String

    public init(child: AnnexAChild,
                start: Day,
                completed: Day? = nil,
                organisation: String) {
        self.child = child
        self.start = start
        self.completed = completed
        self.organisation = organisation
    }
}

/// List 3: a referral to children's social care.
public struct AnnexAReferral: Sendable, Equatable {
    public var child: AnnexAChild
    public var date: Day
    /// CIN referral source code (1A..10).
    public var source: String
    public var noFurtherAction: Bool
    public var referralsInLast12Months: Int
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild,
                date: Day,
                source: String,
                noFurtherAction: Bool,
                referralsInLast12Months: Int,
                team: String? = nil,
                worker: String? = nil) {
        self.child = child
        self.date = date
        self.source = source
        self.noFurtherAction = noFurtherAction
        self.referralsInLast12Months = referralsInLast12Months
        self.team = team
        self.worker = worker
    }
}

/// List 4: a child and family (continuous) assessment.
public struct AnnexAAssessment: Sendable, Equatable {
    public var child: AnnexAChild
    public var start: Day
    public var childSeen: Bool?
    public var authorised: Day?
    /// Whether the assessment found the child needs LA children's social care support.
    public var needsSocialCareSupport: Bool?
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild,
                start: Day,
                childSeen: Bool? = nil,
                authorised: Day? = nil,
                needsSocialCareSupport: Bool? = nil,
                team: String? = nil,
                worker: String? = nil) {
        self.child = child
        self.start = start
        self.childSeen = childSeen
        self.authorised = authorised
        self.needsSocialCareSupport = needsSocialCareSupport
        self.team = team
        self.worker = worker
    }
}

/// List 5: a section 47 enquiry.
public struct AnnexASection47: Sendable, Equatable {
    public var child: AnnexAChild
    /// The strategy discussion that started the enquiry.
    public var strategyDiscussion: Day
    public var conferenceNotNeeded: Bool?
    /// Initial child protection conference.
    public var conference: Day?
    public var conferenceLedToPlan: Bool?
    public var enquiriesInLast12Months: Int
    public var conferencesInLast12Months: Int
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild,
                strategyDiscussion: Day,
                conferenceNotNeeded: Bool? = nil,
                conference: Day? = nil,
                conferenceLedToPlan: Bool? = nil,
                enquiriesInLast12Months: Int,
                conferencesInLast12Months: Int,
                team: String? = nil,
                worker: String? = nil) {
        self.child = child
        self.strategyDiscussion = strategyDiscussion
        self.conferenceNotNeeded = conferenceNotNeeded
        self.conference = conference
        self.conferenceLedToPlan = conferenceLedToPlan
        self.enquiriesInLast12Months = enquiriesInLast12Months
        self.conferencesInLast12Months = conferencesInLast12Months
        self.team = team
        self.worker = worker
    }
}

/// List 6: a child in need episode.
public struct AnnexAChildInNeed: Sendable, Equatable {
    public var child: AnnexAChild
    public var start: Day?
    /// N0..N9.
    public var primaryNeed: String
    public var lastSeen: Day?
    public var closed: Day?
    /// RC1..RC9.
    public var reasonForClosure: String?
    public var caseStatus: AnnexACaseStatus
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild,
                start: Day? = nil,
                primaryNeed: String,
                lastSeen: Day? = nil,
                closed: Day? = nil,
                reasonForClosure: String? = nil,
                caseStatus: AnnexACaseStatus,
                team: String? = nil,
                worker: String? = nil) {
        self.child = child
        self.start = start
        self.primaryNeed = primaryNeed
        self.lastSeen = lastSeen
        self.closed = closed
        self.reasonForClosure = reasonForClosure
        self.caseStatus = caseStatus
        self.team = team
        self.worker = worker
    }
}

/// List 7: a child protection plan.
public struct AnnexAChildProtection: Sendable, Equatable {
    public var child: AnnexAChild
    public var start: Day
    /// NEG, PHY, SAB, EMO or MUL.
    public var initialCategory: String
    public var latestCategory: String
    public var lastStatutoryVisit: Day?
    public var seenAlone: Bool?
    public var latestReviewConference: Day?
    public var end: Day?
    /// Subject to an emergency protection order or police protection in the last six months.
    public var emergencyProtectionInLast6Months: Bool?
    public var previousPlans: Int
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild,
                start: Day,
                initialCategory: String,
                latestCategory: String,
                lastStatutoryVisit: Day? = nil,
                seenAlone: Bool? = nil,
                latestReviewConference: Day? = nil,
                end: Day? = nil,
                emergencyProtectionInLast6Months: Bool? = nil,
                previousPlans: Int,
                team: String? = nil,
                worker: String? = nil) {
        self.child = child
        self.start = start
        self.initialCategory = initialCategory
        self.latestCategory = latestCategory
        self.lastStatutoryVisit = lastStatutoryVisit
        self.seenAlone = seenAlone
        self.latestReviewConference = latestReviewConference
        self.end = end
        self.emergencyProtectionInLast6Months = emergencyProtectionInLast6Months
        self.previousPlans = previousPlans
        self.team = team
        self.worker = worker
    }
}

/// List 8: a child in care. Codes are the SSDA903's.
public struct AnnexAChildInCare: Sendable, Equatable {
    public var child: AnnexAChild
    public var uascInLast12Months: Bool?
    public var startedCare: Day
    /// N1..N8.
    public var categoryOfNeed: String
    public var secondPeriodInLast12Months: Bool?
    public var legalStatusStart: Day?
    /// SSDA903 LS code.
    public var legalStatus: String
    public var latestReview: Day?
    public var lastSocialWorkVisit: Day?
    public var permanencePlan: AnnexAPermanencePlan?
    public var lastIROContact: Day?
    public var lastHealthAssessment: Day?
    public var lastDentalCheck: Day?
    public var placementsInLast12Months: Int
    public var ceasedCare: Day?
    /// SSDA903 REC code.
    public var reasonCeased: String?
    public var placementStart: Day?
    /// SSDA903 PLACE code.
    public var placementType: String?
    /// PR0..PR5.
    public var placementProvider: String?
    public var placementPostcode: String?
    public var urn: String?
    /// Placed inside the council's own area.
    public var placedInArea: Bool?
    /// LA of placement (name or code; NIR, WAL, SCO, NUK, CON outside England).
    public var placementLA: String?
    public var missingEpisodesInLast12Months: Int
    public var absentEpisodesInLast12Months: Int
    public var offeredReturnInterview: Bool?
    public var acceptedReturnInterview: Bool?
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild,
                uascInLast12Months: Bool? = nil,
                startedCare: Day,
                categoryOfNeed: String,
                secondPeriodInLast12Months: Bool? = nil,
                legalStatusStart: Day? = nil,
                legalStatus: String,
                latestReview: Day? = nil,
                lastSocialWorkVisit: Day? = nil,
                permanencePlan: AnnexAPermanencePlan? = nil,
                lastIROContact: Day? = nil,
                lastHealthAssessment: Day? = nil,
                lastDentalCheck: Day? = nil,
                placementsInLast12Months: Int,
                ceasedCare: Day? = nil,
                reasonCeased: String? = nil,
                placementStart: Day? = nil,
                placementType: String? = nil,
                placementProvider: String? = nil,
                placementPostcode: String? = nil,
                urn: String? = nil,
                placedInArea: Bool? = nil,
                placementLA: String? = nil,
                missingEpisodesInLast12Months: Int,
                absentEpisodesInLast12Months: Int,
                offeredReturnInterview: Bool? = nil,
                acceptedReturnInterview: Bool? = nil,
                team: String? = nil,
                worker: String? = nil) {
        self.child = child
        self.uascInLast12Months = uascInLast12Months
        self.startedCare = startedCare
        self.categoryOfNeed = categoryOfNeed
        self.secondPeriodInLast12Months = secondPeriodInLast12Months
        self.legalStatusStart = legalStatusStart
        self.legalStatus = legalStatus
        self.latestReview = latestReview
        self.lastSocialWorkVisit = lastSocialWorkVisit
        self.permanencePlan = permanencePlan
        self.lastIROContact = lastIROContact
        self.lastHealthAssessment = lastHealthAssessment
        self.lastDentalCheck = lastDentalCheck
        self.placementsInLast12Months = placementsInLast12Months
        self.ceasedCare = ceasedCare
        self.reasonCeased = reasonCeased
        self.placementStart = placementStart
        self.placementType = placementType
        self.placementProvider = placementProvider
        self.placementPostcode = placementPostcode
        self.urn = urn
        self.placedInArea = placedInArea
        self.placementLA = placementLA
        self.missingEpisodesInLast12Months = missingEpisodesInLast12Months
        self.absentEpisodesInLast12Months = absentEpisodesInLast12Months
        self.offeredReturnInterview = offeredReturnInterview
        self.acceptedReturnInterview = acceptedReturnInterview
        self.team = team
        self.worker = worker
    }
}

/// List 9: a care leaver. Codes are the SSDA903 OC3 codes.
public struct AnnexACareLeaver: Sendable, Equatable {
    public var child: AnnexAChild
    /// UASC, or formerly UASC if 18 or over.
    public var uasc: Bool?
    public var team: String?
    public var worker: String?
    public var personalAdviser: String?
    public var eligibility: AnnexAEligibility?
    public var latestPathwayPlanReview: Day?
    /// YES, NO, DIED, REFU, NREQ or RHOM.
    public var inTouch: String?
    public var latestContact: Day?
    /// OC3 ACCOM code: type letter then 1 (suitable) or 2 (unsuitable), e.g. D1.
    public var accommodation: String?
    /// OC3 ACTIV code, e.g. F2.
    public var activity: String?

    public init(child: AnnexAChild,
                uasc: Bool? = nil,
                team: String? = nil,
                worker: String? = nil,
                personalAdviser: String? = nil,
                eligibility: AnnexAEligibility? = nil,
                latestPathwayPlanReview: Day? = nil,
                inTouch: String? = nil,
                latestContact: Day? = nil,
                accommodation: String? = nil,
                activity: String? = nil) {
        self.child = child
        self.uasc = uasc
        self.team = team
        self.worker = worker
        self.personalAdviser = personalAdviser
        self.eligibility = eligibility
        self.latestPathwayPlanReview = latestPathwayPlanReview
        self.inTouch = inTouch
        self.latestContact = latestContact
        self.accommodation = accommodation
        self.activity = activity
    }
}

/// List 10: a child with an adoption decision.
public struct AnnexAAdoption: Sendable, Equatable {
    public var child: AnnexAChild
    public var familyID: String?
    public var enteredCare: Day?
    public var decisionToPlace: Day?
    public var placementOrder: Day?
    public var matched: Day?
    public var placed: Day?
    public var adoptionOrder: Day?
    public var decisionReversed: Day?
    /// RD1..RD4.
    public var reversedReason: String?
    /// Placed in a fostering for adoption or concurrent planning placement.
    public var placedForFosteringForAdoption: Day?

    public init(child: AnnexAChild,
                familyID: String? = nil,
                enteredCare: Day? = nil,
                decisionToPlace: Day? = nil,
                placementOrder: Day? = nil,
                matched: Day? = nil,
                placed: Day? = nil,
                adoptionOrder: Day? = nil,
                decisionReversed: Day? = nil,
                reversedReason: String? = nil,
                placedForFosteringForAdoption: Day? = nil) {
        self.child = child
        self.familyID = familyID
        self.enteredCare = enteredCare
        self.decisionToPlace = decisionToPlace
        self.placementOrder = placementOrder
        self.matched = matched
        self.placed = placed
        self.adoptionOrder = adoptionOrder
        self.decisionReversed = decisionReversed
        self.reversedReason = reversedReason
        self.placedForFosteringForAdoption = placedForFosteringForAdoption
    }
}

/// List 11: an adopter or prospective adopter.
public struct AnnexAAdopter: Sendable, Equatable {
    public var adopterID: String
    public var familyID: String?
    /// M, F, U (not stated) or N (neither).
    public var sex: String?
    public var ethnicity: String?
    public var hasDisability: Bool?
    public var fosteringForAdoption: Bool?
    public var enquiry: Day?
    public var stage1Started: Day?
    public var stage1Ended: Day?
    public var stage2Started: Day?
    public var stage2Ended: Day?
    public var applicationSubmitted: Day?
    public var applicationApproved: Day?
    public var matched: Day?
    public var childrenPlacedDate: Day?
    public var childrenPlaced: Int?
    public var adoptionOrder: Day?
    public var leftProcess: Day?
    public var reasonLeft: AnnexAReasonLeftAdoption?

    public init(adopterID: String,
                familyID: String? = nil,
                sex: String? = nil,
                ethnicity: String? = nil,
                hasDisability: Bool? = nil,
                fosteringForAdoption: Bool? = nil,
                enquiry: Day? = nil,
                stage1Started: Day? = nil,
                stage1Ended: Day? = nil,
                stage2Started: Day? = nil,
                stage2Ended: Day? = nil,
                applicationSubmitted: Day? = nil,
                applicationApproved: Day? = nil,
                matched: Day? = nil,
                childrenPlacedDate: Day? = nil,
                childrenPlaced: Int? = nil,
                adoptionOrder: Day? = nil,
                leftProcess: Day? = nil,
                reasonLeft: AnnexAReasonLeftAdoption? = nil) {
        self.adopterID = adopterID
        self.familyID = familyID
        self.sex = sex
        self.ethnicity = ethnicity
        self.hasDisability = hasDisability
        self.fosteringForAdoption = fosteringForAdoption
        self.enquiry = enquiry
        self.stage1Started = stage1Started
        self.stage1Ended = stage1Ended
        self.stage2Started = stage2Started
        self.stage2Ended = stage2Ended
        self.applicationSubmitted = applicationSubmitted
        self.applicationApproved = applicationApproved
        self.matched = matched
        self.childrenPlacedDate = childrenPlacedDate
        self.childrenPlaced = childrenPlaced
        self.adoptionOrder = adoptionOrder
        self.leftProcess = leftProcess
        self.reasonLeft = reasonLeft
    }
}

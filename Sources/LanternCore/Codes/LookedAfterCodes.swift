import Foundation

// The code lists of the SSDA903 return (children looked after), returns-spec.md section 2.1, as
// checked in ruleset lac2025_26. Labels follow the SSDA903 guide's meanings in plainer words.

/// The legal status under which a child is looked after (SSDA903 LS).
public enum LegalStatus: String, CodeList {
    case interimCareOrder = "C1"
    case fullCareOrder = "C2"
    case freeingOrder = "D1"
    case placementOrder = "E1"
    case accommodatedUnderSection20 = "V2"
    case shortBreaksEpisodesRecorded = "V3"
    case shortBreaksAgreementRecorded = "V4"
    case policeProtection = "L1"
    case emergencyProtectionOrder = "L2"
    case childAssessmentOrder = "L3"
    case remanded = "J1"
    case accommodatedUnderPACE = "J2"
    case youthRehabilitationOrder = "J3"

    public var label: String {
        switch self {
        case .interimCareOrder: "Interim care order"
        case .fullCareOrder: "Full care order"
        case .freeingOrder: "Freeing order granted"
        case .placementOrder: "Placement order granted"
        case .accommodatedUnderSection20: "Single period of accommodation under section 20"
        case .shortBreaksEpisodesRecorded: "Short breaks, each episode of care recorded"
        case .shortBreaksAgreementRecorded: "Short breaks, the agreement recorded (not each episode)"
        case .policeProtection: "Under police protection and in local authority accommodation"
        case .emergencyProtectionOrder: "Emergency protection order"
        case .childAssessmentOrder: "Under a child assessment order and in local authority accommodation"
        case .remanded: "Remanded to local authority or youth detention accommodation"
        case .accommodatedUnderPACE: "In local authority accommodation under the Police and Criminal Evidence Act 1984"
        case .youthRehabilitationOrder: "Youth rehabilitation order with a residence or intensive fostering requirement"
        }
    }
}

/// Why a new episode of care began (SSDA903 RNE).
public enum ReasonForNewEpisode: String, CodeList {
    case startedToBeLookedAfter = "S"
    case legalStatusChanged = "L"
    case placementAndCarerChanged = "P"
    case placementChangedSameCarer = "T"
    case legalStatusAndPlacementChangedSameCarer = "U"
    case legalStatusPlacementAndCarerChanged = "B"

    public var label: String {
        switch self {
        case .startedToBeLookedAfter: "Started to be looked after"
        case .legalStatusChanged: "Change of legal status only"
        case .placementAndCarerChanged: "Change of placement and carer only"
        case .placementChangedSameCarer: "Change of placement only, same carer"
        case .legalStatusPlacementAndCarerChanged: "Change of legal status, placement and carer at the same time"
        case .legalStatusAndPlacementChangedSameCarer: "Change of legal status and placement at the same time, same carer"
        }
    }
}

/// The type of placement (SSDA903 PLACE, 2025-26 list). P2, H5 and Z1 are no longer valid and are
/// absent; Z11-Z14 replaced Z1 in 2025-26 and their meanings are not in our sources.
public enum PlacementType: String, CodeList {
    case adoptionWithConsentCurrentFosterCarer = "A3"
    case adoptionWithConsentOtherCarer = "A4"
    case adoptionPlacementOrderCurrentFosterCarer = "A5"
    case adoptionPlacementOrderOtherCarer = "A6"
    case secureChildrensHome = "K1"
    case childrensHome = "K2"
    case supportedAccommodation = "K3"
    case withParents = "P1"
    case residentialEmployment = "P3"
    case residentialCareHome = "R1"
    case healthCare = "R2"
    case familyCentreOrMotherAndBabyUnit = "R3"
    case youngOffenderInstitution = "R5"
    case residentialSchool = "S1"
    case temporaryMove = "T0"
    case temporaryInHospital = "T1"
    case temporaryOnHoliday = "T2"
    case temporaryWhileCarerOnHoliday = "T3"
    case temporarySevenDaysOrLess = "T4"
    case fosterRelativeOrFriendLongTerm = "U1"
    case fosterRelativeOrFriendForAdoption = "U2"
    case fosterRelativeOrFriendOther = "U3"
    case fosterOtherCarerLongTerm = "U4"
    case fosterOtherCarerForAdoption = "U5"
    case fosterOtherCarerOther = "U6"
    case otherZ11 = "Z11"
    case otherZ12 = "Z12"
    case otherZ13 = "Z13"
    case otherZ14 = "Z14"

    public var label: String {
        switch self {
        case .adoptionWithConsentCurrentFosterCarer: "Placed for adoption with consent, with current foster carer"
        case .adoptionWithConsentOtherCarer: "Placed for adoption with consent, not with current foster carer"
        case .adoptionPlacementOrderCurrentFosterCarer: "Placed for adoption with a placement order, with current foster carer"
        case .adoptionPlacementOrderOtherCarer: "Placed for adoption with a placement order, not with current foster carer"
        case .secureChildrensHome: "Secure children's home"
        case .childrensHome: "Children's home"
        case .supportedAccommodation: "Supported accommodation"
        case .withParents: "Placed with parents or another person with parental responsibility"
        case .residentialEmployment: "Residential employment"
        case .residentialCareHome: "Residential care home"
        case .healthCare: "NHS or health trust, or another establishment giving medical or nursing care"
        case .familyCentreOrMotherAndBabyUnit: "Family centre or mother and baby unit"
        case .youngOffenderInstitution: "Young offender institution or prison"
        case .residentialSchool: "Residential school"
        case .temporaryMove: "Temporary move of any kind"
        case .temporaryInHospital: "Temporary: in hospital"
        case .temporaryOnHoliday: "Temporary: child on holiday"
        case .temporaryWhileCarerOnHoliday: "Temporary: while the usual foster carer is on holiday"
        case .temporarySevenDaysOrLess: "Temporary: 7 days or less, for any other reason"
        case .fosterRelativeOrFriendLongTerm: "Foster placement with a relative or friend, long-term"
        case .fosterRelativeOrFriendForAdoption: "Foster placement with a relative or friend who is an approved adopter (fostering for adoption or concurrent planning)"
        case .fosterRelativeOrFriendOther: "Foster placement with a relative or friend, other"
        case .fosterOtherCarerLongTerm: "Foster placement with another carer, long-term"
        case .fosterOtherCarerForAdoption: "Foster placement with another carer who is an approved adopter (fostering for adoption or concurrent planning)"
        case .fosterOtherCarerOther: "Foster placement with another carer, other"
        case .otherZ11: "Other placement (Z11)"
        case .otherZ12: "Other placement (Z12)"
        case .otherZ13: "Other placement (Z13)"
        case .otherZ14: "Other placement (Z14)"
        }
    }
}

/// Who provides a placement (SSDA903 PLACE_PROVIDER).
public enum PlacementProvider: String, CodeList {
    case parents = "PR0"
    case ownLocalAuthority = "PR1"
    case otherLocalAuthority = "PR2"
    case otherPublic = "PR3"
    case privateSector = "PR4"
    case voluntarySector = "PR5"

    public var label: String {
        switch self {
        case .parents: "Parents or another person with parental responsibility"
        case .ownLocalAuthority: "Own local authority provision"
        case .otherLocalAuthority: "Another local authority's provision"
        case .otherPublic: "Other public provision"
        case .privateSector: "Private provision"
        case .voluntarySector: "Voluntary or third sector provision"
        }
    }
}

/// Why an episode of care ended (SSDA903 REC).
public enum ReasonEpisodeCeased: String, CodeList {
    case stillLookedAfter = "X1"
    case adoptedUnopposed = "E11"
    case adoptedConsentDispensedWith = "E12"
    case died = "E2"
    case careTakenByAnotherLocalAuthority = "E3"
    case returnedHomeAsPlanned = "E4A"
    case returnedHomeNotAsPlanned = "E4B"
    case livingWithPeopleWithoutParentalResponsibility = "E13"
    case childArrangementsOrder = "E41"
    case specialGuardianshipFormerFosterCarerRelativeOrFriend = "E45"
    case specialGuardianshipFormerFosterCarerOther = "E46"
    case specialGuardianshipRelativeOrFriend = "E47"
    case specialGuardianshipOther = "E48"
    case independentLivingWithSupport = "E5"
    case independentLivingWithoutSupport = "E6"
    case adultResidentialCare = "E7"
    case otherReason = "E8"
    case sentencedToCustody = "E9"
    case remandEnded = "E14"
    case ageAssessedAsAdult = "E15"
    case movedAbroad = "E16"
    case stayedWithCarersAfter18 = "E17"

    public var label: String {
        switch self {
        case .stillLookedAfter: "Episode ended, child still looked after (a new episode starts the same day)"
        case .adoptedUnopposed: "Adopted: application unopposed"
        case .adoptedConsentDispensedWith: "Adopted: consent dispensed with by the court"
        case .died: "Died"
        case .careTakenByAnotherLocalAuthority: "Care taken over by another local authority"
        case .returnedHomeAsPlanned: "Returned home to parents or relatives as part of the care plan"
        case .returnedHomeNotAsPlanned: "Returned home to parents or relatives, not as part of the care plan"
        case .livingWithPeopleWithoutParentalResponsibility: "Left care to live with parents, relatives or others without parental responsibility"
        case .childArrangementsOrder: "Child arrangements (residence) order granted"
        case .specialGuardianshipFormerFosterCarerRelativeOrFriend: "Special guardianship order to former foster carer, a relative or friend"
        case .specialGuardianshipFormerFosterCarerOther: "Special guardianship order to former foster carer, not a relative or friend"
        case .specialGuardianshipRelativeOrFriend: "Special guardianship order to a relative or friend who was not the foster carer"
        case .specialGuardianshipOther: "Special guardianship order to another carer who was not the foster carer"
        case .independentLivingWithSupport: "Moved to independent living with formal support"
        case .independentLivingWithoutSupport: "Moved to independent living without formal support"
        case .adultResidentialCare: "Moved to residential care funded by adult social care"
        case .otherReason: "Ceased for any other reason"
        case .sentencedToCustody: "Sentenced to custody"
        case .remandEnded: "Accommodation on remand ended"
        case .ageAssessedAsAdult: "Age assessment found the young person to be 18 or over"
        case .movedAbroad: "Moved abroad"
        case .stayedWithCarersAfter18: "Aged 18 or over and stayed with current carers (staying put)"
        }
    }
}

/// Why a placement changed (SSDA903 REASON_PLACE_CHANGE).
public enum ReasonForPlacementChange: String, CodeList {
    case carePlan = "CARPL"
    case providerClosed = "CLOSE"
    case allegation = "ALLEG"
    case standardsOfCare = "STAND"
    case approvalRemoved = "APPRR"
    case carerRequestChildsBehaviour = "CREQB"
    case carerRequestOther = "CREQO"
    case childRequest = "CHILD"
    case localAuthorityRequest = "LAREQ"
    case placementStatusChangeOnly = "PLACE"
    case custody = "CUSTOD"
    case other = "OTHER"

    public var label: String {
        switch self {
        case .carePlan: "Change to or carrying out the care plan"
        case .providerClosed: "Carer resigned or provision closed"
        case .allegation: "Allegation (section 47)"
        case .standardsOfCare: "Concern about standards of care"
        case .approvalRemoved: "Carer's approval removed"
        case .carerRequestChildsBehaviour: "Carer asked for the placement to end because of the child's behaviour"
        case .carerRequestOther: "Carer asked for the placement to end for another reason"
        case .childRequest: "Child asked for the placement to end"
        case .localAuthorityRequest: "Responsible or area authority asked for the placement to end"
        case .placementStatusChangeOnly: "Change in the status of the placement only"
        case .custody: "Custody arrangement"
        case .other: "Other"
        }
    }
}

/// A looked-after child's category of need (SSDA903 CIN column): the CIN census primary needs
/// N1-N8, without "cases other than children in need" and "not stated".
public enum CategoryOfNeed: String, CodeList {
    case abuseNeglectOrExploitation = "N1"
    case childsDisability = "N2"
    case parentalDisabilityOrIllness = "N3"
    case familyInAcuteStress = "N4"
    case familyDysfunction = "N5"
    case sociallyUnacceptableBehaviour = "N6"
    case lowIncome = "N7"
    case absentParenting = "N8"

    /// The same need in the CIN census list.
    public var primaryNeed: PrimaryNeed { PrimaryNeed(rawValue: rawValue)! }

    public var label: String { primaryNeed.label }
}

/// How the child took part in a looked-after review (SSDA903 REVIEW_CODE).
public enum ReviewParticipation: String, CodeList {
    case underFour = "PN0"
    case attendedAndSpoke = "PN1"
    case attendedAndAdvocateSpoke = "PN2"
    case attendedAndConveyedViewsNonVerbally = "PN3"
    case attendedWithoutContributing = "PN4"
    case advocateBriefed = "PN5"
    case viewsSentByOtherMeans = "PN6"
    case neitherAttendedNorSentViews = "PN7"

    public var label: String {
        switch self {
        case .underFour: "Child under 4 at the time of the review"
        case .attendedAndSpoke: "Child attended and spoke for themselves"
        case .attendedAndAdvocateSpoke: "Child attended and an advocate spoke for them"
        case .attendedAndConveyedViewsNonVerbally: "Child attended and conveyed their views non-verbally"
        case .attendedWithoutContributing: "Child attended but did not give their views or ask an advocate to"
        case .advocateBriefed: "Child did not attend but briefed an advocate to speak for them"
        case .viewsSentByOtherMeans: "Child did not attend but sent their views another way (for example in writing, by phone or text)"
        case .neitherAttendedNorSentViews: "Child did not attend and their views were not conveyed"
        }
    }
}

/// An episode of a looked-after child being missing or away (SSDA903 MISSING).
public enum MissingEpisodeType: String, CodeList {
    case missing = "M"
    case awayWithoutAuthorisation = "A"

    public var label: String {
        switch self {
        case .missing: "Missing: not where they should be and whereabouts unknown"
        case .awayWithoutAuthorisation: "Away without authorisation: not where they should be, whereabouts known"
        }
    }
}

/// Whether the local authority is in touch with a care leaver (SSDA903 OC3 IN_TOUCH).
public enum CareLeaverInTouch: String, CodeList {
    case yes = "YES"
    case no = "NO"
    case died = "DIED"
    case refusesContact = "REFU"
    case noLongerRequiresServices = "NREQ"
    case returnedHome = "RHOM"

    public var label: String {
        switch self {
        case .yes: "Yes, in touch"
        case .no: "No, not in touch"
        case .died: "Died after leaving care"
        case .refusesContact: "Young person refuses contact"
        case .noLongerRequiresServices: "Young person no longer needs services"
        case .returnedHome: "Returned to live with parents or someone with parental responsibility for 6 months or more"
        }
    }
}

/// What a care leaver is doing (SSDA903 OC3 ACTIV). F is full time, P part time, G not in
/// education, employment or training. 0 is for a young person the authority is not in touch with.
public enum CareLeaverActivity: String, CodeList {
    case higherEducationFullTime = "F1"
    case higherEducationPartTime = "P1"
    case otherEducationFullTime = "F2"
    case otherEducationPartTime = "P2"
    case apprenticeshipFullTime = "F4"
    case apprenticeshipPartTime = "P4"
    case trainingOrEmploymentFullTime = "F5"
    case trainingOrEmploymentPartTime = "P5"
    case notInEducationEmploymentOrTrainingIllnessOrDisability = "G4"
    case notInEducationEmploymentOrTrainingOther = "G5"
    case notInEducationEmploymentOrTrainingPregnancyOrParenting = "G6"
    case notKnown = "0"

    public var label: String {
        switch self {
        case .higherEducationFullTime: "Higher education, full time"
        case .higherEducationPartTime: "Higher education, part time"
        case .otherEducationFullTime: "Education other than higher education, full time"
        case .otherEducationPartTime: "Education other than higher education, part time"
        case .apprenticeshipFullTime: "Apprenticeship, full time"
        case .apprenticeshipPartTime: "Apprenticeship, part time"
        case .trainingOrEmploymentFullTime: "Training or employment (not an apprenticeship), full time"
        case .trainingOrEmploymentPartTime: "Training or employment (not an apprenticeship), part time"
        case .notInEducationEmploymentOrTrainingIllnessOrDisability: "Not in education, employment or training because of illness or disability"
        case .notInEducationEmploymentOrTrainingOther: "Not in education, employment or training for another reason"
        case .notInEducationEmploymentOrTrainingPregnancyOrParenting: "Not in education, employment or training because of pregnancy or parenting"
        case .notKnown: "Not known (not in touch, died, or returned home)"
        }
    }
}

/// Where a care leaver lives and whether it suits them (SSDA903 OC3 ACCOM): a letter for the type
/// of accommodation and 1 if suitable, 2 if not. 0 is for a young person the authority is not in
/// touch with. The cases are named by code because each code carries both facts.
public enum CareLeaverAccommodation: String, CodeList {
    case b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2", d1 = "D1", d2 = "D2", e1 = "E1", e2 = "E2"
    case g1 = "G1", g2 = "G2", h1 = "H1", h2 = "H2", k1 = "K1", k2 = "K2", r1 = "R1", r2 = "R2"
    case s2 = "S2", t1 = "T1", t2 = "T2", u1 = "U1", u2 = "U2", v1 = "V1", v2 = "V2", w1 = "W1"
    case w2 = "W2", x2 = "X2", y1 = "Y1", y2 = "Y2", z1 = "Z1", z2 = "Z2"
    case notKnown = "0"

    /// The kind of accommodation, without its suitability.
    public var kind: String {
        switch rawValue.first {
        case "B": "With parents or relatives"
        case "C": "Community home or other residential care"
        case "D": "Semi-independent, transitional accommodation"
        case "E": "Supported lodgings"
        case "G": "Gone abroad"
        case "H": "Deported"
        case "K": "Ordinary lodgings, without formal support"
        case "R": "Residence not known"
        case "S": "No fixed abode or homeless"
        case "T": "Foyer or similar supported accommodation"
        case "U": "Independent living"
        case "V": "Emergency accommodation"
        case "W": "Bed and breakfast"
        case "X": "In custody"
        case "Y": "Other accommodation"
        case "Z": "With former foster carers"
        default: "Not known (not in touch, died, or returned home)"
        }
    }

    /// Nil for `notKnown`.
    public var isSuitable: Bool? {
        switch rawValue.last {
        case "1": true
        case "2": false
        default: nil
        }
    }

    public var label: String {
        switch isSuitable {
        case true?: kind + ", suitable"
        case false?: kind + ", not suitable"
        case nil: kind
        }
    }
}

/// The permanence order a child had before starting to be looked after (SSDA903 PREV_PERM).
public enum PreviousPermanence: String, CodeList {
    case adoption = "P1"
    case specialGuardianshipOrder = "P2"
    case childArrangementsOrder = "P3"
    case unknown = "P4"
    case noPreviousOrder = "Z1"

    public var label: String {
        switch self {
        case .adoption: "Adoption"
        case .specialGuardianshipOrder: "Special guardianship order"
        case .childArrangementsOrder: "Residence or child arrangements order saying who the child lives with"
        case .unknown: "Unknown"
        case .noPreviousOrder: "No previous permanence order"
        }
    }
}

/// Why no strengths and difficulties questionnaire score is given (SSDA903 OC2 SDQ_REASON).
public enum SDQReason: String, CodeList {
    case outsideAgeRange = "SDQ1"
    case carerRefused = "SDQ2"
    case disabilityTooSevere = "SDQ3"
    case other = "SDQ4"
    case childRefused = "SDQ5"

    public var label: String {
        switch self {
        case .outsideAgeRange: "Child under 4 or over 16 at the latest assessment"
        case .carerRefused: "Carer refused to complete and return the questionnaire"
        case .disabilityTooSevere: "Not possible because of the severity of the child's disability"
        case .other: "Other"
        case .childRefused: "Child or young person refused to allow it"
        }
    }
}

/// The sex of a single adopter or of an adopting couple (SSDA903 AD1 SEX_ADOPTR).
public enum AdopterSex: String, CodeList {
    case singleMale = "M1"
    case singleFemale = "F1"
    case maleCouple = "MM"
    case femaleCouple = "FF"
    case maleAndFemaleCouple = "MF"

    public var label: String {
        switch self {
        case .singleMale: "Single male adopter"
        case .singleFemale: "Single female adopter"
        case .maleCouple: "Male couple"
        case .femaleCouple: "Female couple"
        case .maleAndFemaleCouple: "Male and female couple"
        }
    }
}

/// Why a social worker's involvement with a child began (SSDA903 SWEpisodes SW_REASON).
public enum SocialWorkerChangeReason: String, CodeList {
    case firstContact = "FCONTA"
    case managementDecision = "MANAGE"
    case workerLeftRole = "LEFTRL"
    case restructure = "ORGRST"
    case transferBetweenTeams = "TSPROC"
    case workerAbsent = "ABSENC"
    case childAskedForChange = "CHCHAN"
    case parentOrCarerAskedForChange = "PCCHAN"
    case workerDied = "SWDIED"
    case other = "OTHERS"

    public var label: String {
        switch self {
        case .firstContact: "First social worker for this child"
        case .managementDecision: "Management decision (for example caseload)"
        case .workerLeftRole: "The previous social worker left their role"
        case .restructure: "Reorganisation or restructure"
        case .transferBetweenTeams: "Case moved to another team as planned (for example assessment to long-term team)"
        case .workerAbsent: "The previous social worker is absent (for example sickness or leave)"
        case .childAskedForChange: "The child asked for a change"
        case .parentOrCarerAskedForChange: "A parent or carer asked for a change"
        case .workerDied: "The previous social worker died"
        case .other: "Other reason"
        }
    }
}

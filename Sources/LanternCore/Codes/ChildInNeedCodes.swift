import Foundation

// The code lists of the children in need (CIN) census, returns-spec.md sections 1.2-1.6. Sex and
// ethnicity are shared with the SSDA903 return.

/// A child's sex (CIN census and SSDA903 from 2024-25). An unborn child is recorded as unknown.
public enum Sex: String, CodeList {
    case male = "M"
    case female = "F"
    case unknown = "U"

    public var label: String {
        switch self {
        case .male: "Male"
        case .female: "Female"
        case .unknown: "Unknown"
        }
    }
}

/// Ethnicity, the DfE's list shared by the CIN census and the SSDA903 return.
public enum Ethnicity: String, CodeList {
    case whiteBritish = "WBRI"
    case whiteIrish = "WIRI"
    case travellerOfIrishHeritage = "WIRT"
    case anyOtherWhiteBackground = "WOTH"
    case gypsyRoma = "WROM"
    case whiteAndBlackCaribbean = "MWBC"
    case whiteAndBlackAfrican = "MWBA"
    case whiteAndAsian = "MWAS"
    case anyOtherMixedBackground = "MOTH"
    case indian = "AIND"
    case pakistani = "APKN"
    case bangladeshi = "ABAN"
    case anyOtherAsianBackground = "AOTH"
    case caribbean = "BCRB"
    case african = "BAFR"
    case anyOtherBlackBackground = "BOTH"
    case chinese = "CHNE"
    case anyOtherEthnicGroup = "OOTH"
    case refused = "REFU"
    case notYetObtained = "NOBT"

    public var label: String {
        switch self {
        case .whiteBritish: "White British"
        case .whiteIrish: "White Irish"
        case .travellerOfIrishHeritage: "Traveller of Irish heritage"
        case .anyOtherWhiteBackground: "Any other White background"
        case .gypsyRoma: "Gypsy or Roma"
        case .whiteAndBlackCaribbean: "White and Black Caribbean"
        case .whiteAndBlackAfrican: "White and Black African"
        case .whiteAndAsian: "White and Asian"
        case .anyOtherMixedBackground: "Any other mixed background"
        case .indian: "Indian"
        case .pakistani: "Pakistani"
        case .bangladeshi: "Bangladeshi"
        case .anyOtherAsianBackground: "Any other Asian background"
        case .caribbean: "Caribbean"
        case .african: "African"
        case .anyOtherBlackBackground: "Any other Black background"
        case .chinese: "Chinese"
        case .anyOtherEthnicGroup: "Any other ethnic group"
        case .refused: "Refused"
        case .notYetObtained: "Information not yet obtained"
        }
    }
}

/// A disability, as the CIN census records it (a child may have several; `noDisability` stands alone).
public enum Disability: String, CodeList {
    case noDisability = "NONE"
    case mobility = "MOB"
    case handFunction = "HAND"
    case personalCare = "PC"
    case incontinence = "INC"
    case communication = "COMM"
    case learning = "LD"
    case hearing = "HEAR"
    case vision = "VIS"
    case behaviour = "BEH"
    case consciousness = "CON"
    case autism = "AUT"
    case other = "DDA"

    public var label: String {
        switch self {
        case .noDisability: "No disability"
        case .mobility: "Mobility"
        case .handFunction: "Hand function"
        case .personalCare: "Personal care"
        case .incontinence: "Incontinence"
        case .communication: "Communication"
        case .learning: "Learning"
        case .hearing: "Hearing"
        case .vision: "Vision"
        case .behaviour: "Behaviour"
        case .consciousness: "Consciousness"
        case .autism: "Autism"
        case .other: "Other"
        }
    }
}

/// Who made a referral (CIN census list 1.5).
public enum ReferralSource: String, CodeList {
    case individualFamily = "1A"
    case individualAcquaintance = "1B"
    case individualSelf = "1C"
    case individualOther = "1D"
    case school = "2A"
    case educationServices = "2B"
    case generalPractitioner = "3A"
    case healthVisitor = "3B"
    case schoolNurse = "3C"
    case otherPrimaryHealth = "3D"
    case accidentAndEmergency = "3E"
    case otherHealth = "3F"
    case housing = "4"
    case localAuthoritySocialCare = "5A"
    case localAuthorityOtherInternal = "5B"
    case localAuthorityExternal = "5C"
    case localAuthorityEarlyHelp = "5D"
    case police = "6"
    case otherLegalAgency = "7"
    case other = "8"
    case anonymous = "9"
    case unknown = "10"

    public var label: String {
        switch self {
        case .individualFamily: "Individual: family member, relative or carer"
        case .individualAcquaintance: "Individual: acquaintance (including neighbours and child minders)"
        case .individualSelf: "Individual: self"
        case .individualOther: "Individual: other (including strangers)"
        case .school: "Schools"
        case .educationServices: "Education services"
        case .generalPractitioner: "Health services: GP"
        case .healthVisitor: "Health services: health visitor"
        case .schoolNurse: "Health services: school nurse"
        case .otherPrimaryHealth: "Health services: other primary health services"
        case .accidentAndEmergency: "Health services: A&E"
        case .otherHealth: "Health services: other (for example a hospice)"
        case .housing: "Housing: local authority housing or a housing association"
        case .localAuthoritySocialCare: "Local authority services: social care (for example adult social care)"
        case .localAuthorityOtherInternal: "Local authority services: other internal (for example youth offending, not housing)"
        case .localAuthorityExternal: "Local authority services: external (for example another authority's adult social care)"
        case .localAuthorityEarlyHelp: "Local authority services: early help"
        case .police: "Police"
        case .otherLegalAgency: "Other legal agency (courts, probation, immigration, Cafcass or prison)"
        case .other: "Other (children's centres, independent providers or voluntary organisations)"
        case .anonymous: "Anonymous"
        case .unknown: "Unknown"
        }
    }
}

/// The main reason a child is in need (CIN census PrimaryNeedCode).
public enum PrimaryNeed: String, CodeList {
    case abuseNeglectOrExploitation = "N1"
    case childsDisability = "N2"
    case parentalDisabilityOrIllness = "N3"
    case familyInAcuteStress = "N4"
    case familyDysfunction = "N5"
    case sociallyUnacceptableBehaviour = "N6"
    case lowIncome = "N7"
    case absentParenting = "N8"
    case casesOtherThanChildrenInNeed = "N9"
    case notStated = "N0"

    public var label: String {
        switch self {
        case .abuseNeglectOrExploitation: "Abuse, neglect and exploitation"
        case .childsDisability: "Child's disability"
        case .parentalDisabilityOrIllness: "Parental disability or illness"
        case .familyInAcuteStress: "Family in acute stress"
        case .familyDysfunction: "Family dysfunction"
        case .sociallyUnacceptableBehaviour: "Socially unacceptable behaviour"
        case .lowIncome: "Low income"
        case .absentParenting: "Absent parenting"
        case .casesOtherThanChildrenInNeed: "Cases other than children in need"
        case .notStated: "Not stated"
        }
    }
}

/// Why an episode of need was closed (CIN census ReasonForClosure).
public enum ReasonForClosure: String, CodeList {
    case adopted = "RC1"
    case died = "RC2"
    case childArrangementsOrder = "RC3"
    case specialGuardianshipOrder = "RC4"
    case transferredToAnotherLocalAuthority = "RC5"
    case transferredToAdultSocialCare = "RC6"
    case servicesCeasedForAnyOtherReason = "RC7"
    case noFurtherActionAfterAssessment = "RC8"
    case earlyHelpAfterAssessment = "RC9"

    public var label: String {
        switch self {
        case .adopted: "Adopted"
        case .died: "Died"
        case .childArrangementsOrder: "Child arrangements order"
        case .specialGuardianshipOrder: "Special guardianship order"
        case .transferredToAnotherLocalAuthority: "Transferred to services of another local authority"
        case .transferredToAdultSocialCare: "Transferred to adult social care services"
        case .servicesCeasedForAnyOtherReason: "Services ceased for any other reason, including the child no longer being in need"
        case .noFurtherActionAfterAssessment: "Case closed after assessment, no further action"
        case .earlyHelpAfterAssessment: "Case closed after assessment, referred to early help"
        }
    }
}

/// The category of abuse under which a child protection plan is made.
public enum CategoryOfAbuse: String, CodeList {
    case neglect = "NEG"
    case physical = "PHY"
    case sexual = "SAB"
    case emotional = "EMO"
    case multiple = "MUL"

    public var label: String {
        switch self {
        case .neglect: "Neglect"
        case .physical: "Physical abuse"
        case .sexual: "Sexual abuse"
        case .emotional: "Emotional abuse"
        case .multiple: "Multiple (not recommended)"
        }
    }
}

/// A factor identified at assessment (CIN census list 1.6). The letter says whose: A the child,
/// B a parent or carer, C another person in the household. 18A and 19A (physical and sexual abuse,
/// not split by who) are obsolete and deliberately absent: the DfE queries them from 2024-25.
public enum AssessmentFactor: String, CodeList {
    case alcoholMisuseChild = "1A"
    case alcoholMisuseParent = "1B"
    case alcoholMisuseOther = "1C"
    case drugMisuseChild = "2A"
    case drugMisuseParent = "2B"
    case drugMisuseOther = "2C"
    case domesticViolenceChild = "3A"
    case domesticViolenceParent = "3B"
    case domesticViolenceOther = "3C"
    case mentalHealthChild = "4A"
    case mentalHealthParent = "4B"
    case mentalHealthOther = "4C"
    case learningDisabilityChild = "5A"
    case learningDisabilityParent = "5B"
    case learningDisabilityOther = "5C"
    case physicalDisabilityOrIllnessChild = "6A"
    case physicalDisabilityOrIllnessParent = "6B"
    case physicalDisabilityOrIllnessOther = "6C"
    case youngCarer = "7A"
    case privatelyFosteredOverseasReturning = "8B"
    case privatelyFosteredOverseasStaying = "8C"
    case privatelyFosteredEducationalPlacement = "8D"
    case privatelyFosteredAlternativeFamilyArrangement = "8E"
    case privatelyFosteredOther = "8F"
    case unaccompaniedAsylumSeekingChild = "9A"
    case missing = "10A"
    case childSexualExploitation = "11A"
    case trafficking = "12A"
    case gangs = "13A"
    case sociallyUnacceptableBehaviour = "14A"
    case selfHarm = "15A"
    case neglect = "16A"
    case emotionalAbuse = "17A"
    case physicalAbuseChildOnChild = "18B"
    case physicalAbuseAdultOnChild = "18C"
    case sexualAbuseChildOnChild = "19B"
    case sexualAbuseAdultOnChild = "19C"
    case other = "20"
    case noFactorsIdentified = "21"
    case femaleGenitalMutilation = "22A"
    case abuseLinkedToFaithOrBelief = "23A"
    case childCriminalExploitation = "24A"

    public var label: String {
        switch self {
        case .alcoholMisuseChild: "Alcohol misuse by the child"
        case .alcoholMisuseParent: "Alcohol misuse by a parent or carer"
        case .alcoholMisuseOther: "Alcohol misuse by another person in the household"
        case .drugMisuseChild: "Drug misuse by the child"
        case .drugMisuseParent: "Drug misuse by a parent or carer"
        case .drugMisuseOther: "Drug misuse by another person in the household"
        case .domesticViolenceChild: "Domestic violence: the child is the subject"
        case .domesticViolenceParent: "Domestic violence: a parent or carer is the subject"
        case .domesticViolenceOther: "Domestic violence: another person in the household is the subject"
        case .mentalHealthChild: "Mental health of the child"
        case .mentalHealthParent: "Mental health of a parent or carer"
        case .mentalHealthOther: "Mental health of another person in the household"
        case .learningDisabilityChild: "Learning disability of the child"
        case .learningDisabilityParent: "Learning disability of a parent or carer"
        case .learningDisabilityOther: "Learning disability of another person in the household"
        case .physicalDisabilityOrIllnessChild: "Physical disability or illness of the child"
        case .physicalDisabilityOrIllnessParent: "Physical disability or illness of a parent or carer"
        case .physicalDisabilityOrIllnessOther: "Physical disability or illness of another person in the household"
        case .youngCarer: "Young carer"
        case .privatelyFosteredOverseasReturning: "Privately fostered: from overseas, intending to return"
        case .privatelyFosteredOverseasStaying: "Privately fostered: from overseas, intending to stay"
        case .privatelyFosteredEducationalPlacement: "Privately fostered: UK child in an educational placement"
        case .privatelyFosteredAlternativeFamilyArrangement: "Privately fostered: UK child in an alternative family arrangement"
        case .privatelyFosteredOther: "Privately fostered: other"
        case .unaccompaniedAsylumSeekingChild: "Unaccompanied asylum-seeking child"
        case .missing: "Going or being missing"
        case .childSexualExploitation: "Child sexual exploitation"
        case .trafficking: "Trafficking"
        case .gangs: "Gangs"
        case .sociallyUnacceptableBehaviour: "Socially unacceptable behaviour"
        case .selfHarm: "Self-harm"
        case .neglect: "Neglect"
        case .emotionalAbuse: "Emotional abuse"
        case .physicalAbuseChildOnChild: "Physical abuse by another child"
        case .physicalAbuseAdultOnChild: "Physical abuse by an adult"
        case .sexualAbuseChildOnChild: "Sexual abuse by another child"
        case .sexualAbuseAdultOnChild: "Sexual abuse by an adult"
        case .other: "Other"
        case .noFactorsIdentified: "No factors identified (only on its own, with no further action)"
        case .femaleGenitalMutilation: "Female genital mutilation (FGM)"
        case .abuseLinkedToFaithOrBelief: "Abuse linked to faith or belief"
        case .childCriminalExploitation: "Child criminal exploitation"
        }
    }
}

/// Why a child's UPN is not given (CIN census UPNunknown UN1-UN7; the SSDA903 return allows
/// UN1-UN5 in its UPN column). Meanings of UN1-UN5 are the SSDA903 guide's; UN7 is the CIN
/// census's; no source Lantern holds gives UN6 a meaning, so its label says so rather than guess.
public enum UPNUnknownReason: String, CodeList {
    case notOfSchoolAge = "UN1"
    case neverAttendedSchoolInEngland = "UN2"
    case educatedOutsideEngland = "UN3"
    case newlyLookedAfter = "UN4"
    case recordsDoNotMatch = "UN5"
    case reasonUN6 = "UN6"
    case referralWithNoFurtherAction = "UN7"

    public var label: String {
        switch self {
        case .notOfSchoolAge: "Not of school age and no UPN assigned yet"
        case .neverAttendedSchoolInEngland: "Has never attended a maintained school in England (for example some unaccompanied asylum-seeking children)"
        case .educatedOutsideEngland: "Educated outside England"
        case .newlyLookedAfter: "Newly looked after (in the last week of the year) and the UPN not yet known"
        case .recordsDoNotMatch: "Name or date of birth differs between records, so the UPN cannot be matched reliably"
        case .reasonUN6: "UN6 (check the meaning in the DfE CIN census guide)"
        case .referralWithNoFurtherAction: "Referral with no further action"
        }
    }

    /// Whether the SSDA903 return accepts this code in its UPN column (rule 168: UN1 to UN5).
    public var isAllowedInSSDA903: Bool {
        switch self {
        case .reasonUN6, .referralWithNoFurtherAction: false
        default: true
        }
    }
}

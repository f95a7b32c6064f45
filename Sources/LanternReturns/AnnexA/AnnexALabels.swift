/// The Annex A template's drop-down text for each coded item.
///
/// Source: shared/domain/returns-spec.md section 3 and the value lists LIIA's Annex A cleaner
/// matches (liiatools annex_a data-map). The template is not versioned in the sources: confirm
/// against Ofsted's current template before each inspection season. A code with no template
/// entry is written as it is rather than dropped, so nothing is silently lost.
enum AnnexALabels {
    static func sex(_ code: String) -> String {
        ["M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded", "N": "d) Neither"][code] ?? code
    }

    private static let ethnicityOrder = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]

    static func ethnicity(_ code: String) -> String {
        guard let index = ethnicityOrder.firstIndex(of: code) else { return code }
        return "\(letter(index))) \(code)"
    }

    static func yesNo(_ value: Bool) -> String { value ? "a) Yes" : "b) No" }

    /// CIN referral sources in the census order, lettered a) to u). The template has no early help
    /// entry, so 5D is shown as another internal LA service (5B).
    private static let sources: [(code: String, label: String)] = [
        ("1A", "Individual"), ("1B", "Individual"), ("1C", "Individual"), ("1D", "Individual"),
        ("2A", "Schools"), ("2B", "Education services"),
        ("3A", "Health services"), ("3B", "Health services"), ("3C", "Health services"), ("3D", "Health services"),
        ("3E", "Health services"), ("3F", "Health services"),
        ("4", "Housing"), ("5A", "LA services"), ("5B", "LA services"), ("5C", "LA services"),
        ("6", "Police"), ("7", "Other legal agency"), ("8", "Other"), ("9", "Anonymous"), ("10", "Unknown"),
    ]

    static func referralSource(_ code: String) -> String {
        let lookup = code == "5D" ? "5B" : code
        guard let index = sources.firstIndex(where: { $0.code == lookup }) else { return code }
        return "\(letter(index))) \(lookup): \(sources[index].label)"
    }

    static func primaryNeed(_ code: String) -> String {
        let labels = [
            "N1": "Abuse or neglect", "N2": "Child's disability", "N3": "Parental disability or illness",
            "N4": "Family in acute stress", "N5": "Family dysfunction", "N6": "Socially unacceptable behaviour",
            "N7": "Low income", "N8": "Absent parenting", "N9": "Cases other than children in need", "N0": "Not stated",
        ]
        return labels[code].map { "\(code) - \($0)" } ?? code
    }

    static func reasonForClosure(_ code: String) -> String {
        let labels = [
            "RC1": "Adopted", "RC2": "Died", "RC3": "Child arrangements order", "RC4": "Special guardianship order",
            "RC5": "Transferred to services of another local authority", "RC6": "Transferred to adult social care services",
            "RC7": "Services ceased for any other reason, including child no longer in need",
            "RC8": "Case closed after assessment, no further action",
            "RC9": "Case closed after assessment, referred to early help",
        ]
        return labels[code].map { "\(code) - \($0)" } ?? code
    }

    static func caseStatus(_ status: AnnexACaseStatus) -> String {
        switch status {
        case .lookedAfter: return "a) Looked after child"
        case .childProtectionPlan: return "b) Child Protection plan"
        case .childInNeedPlan: return "c) Child in need plan"
        case .openAssessment: return "d) Open assessment"
        case .closedEpisode: return "e) Closed episode"
        }
    }

    static func categoryOfAbuse(_ code: String) -> String {
        ["NEG": "a) Neglect", "PHY": "b) Physical abuse", "SAB": "c) Sexual abuse", "EMO": "d) Emotional abuse",
         "MUL": "e) Multiple/not recommended"][code] ?? code
    }

    static func legalStatus(_ code: String) -> String {
        let labels = [
            "C1": "ICO", "C2": "FCO", "D1": "Freeing order", "E1": "Placement order", "V2": "Single period under S20",
            "V3": "Short term breaks, episodes recorded", "V4": "Short term breaks, agreements recorded",
            "L1": "Police protection LA accommodation", "L2": "EPO", "L3": "Child assessment order LA accommodation",
            "J1": "Remanded to LA or youth detention", "J2": "LA accommodation under PACE", "J3": "Youth rehabilitation order",
        ]
        return labels[code].map { "\(code): \($0)" } ?? code
    }

    static func permanencePlan(_ plan: AnnexAPermanencePlan) -> String {
        switch plan {
        case .returnToFamily: return "a) Return to family"
        case .adoption: return "b) Adoption"
        case .specialGuardianshipOrChildArrangements: return "c) SGO/CAO"
        case .supportedLivingInTheCommunity: return "d) Supported living in the community"
        case .longTermResidential: return "e) Long-term residential placement"
        case .longTermFostering: return "f) Long-term fostering"
        case .other: return "g) Other"
        }
    }

    static func reasonCeased(_ code: String) -> String {
        let labels = [
            "E11": "a) E11: Adopted - application unopposed", "E12": "b) E12: Adopted - consent dispensed",
            "E2": "c) E2: Died", "E3": "d) E3: Care taken by another LA",
            "E4A": "e) E4A: Returned home to live with parents or relatives - part of planning",
            "E4B": "f) E4B: Returned home to live with parents or relatives - not part of planning",
            "E13": "g) E13: Parents, relatives or other with no parental responsibility",
            "E41": "h) E41: Residence order granted",
            "E45": "i) E45: Special Guardianship Orders - former carer relative/friend",
            "E46": "j) E46: Special Guardianship Orders - former carer other",
            "E47": "k) E47: Special Guardianship Orders - relative/friend", "E48": "l) E48: Special Guardianship Orders - other",
            "E5": "m) E5: Moved into independent living - supported", "E6": "n) E6: Moved into independent living - no support",
            "E7": "o) E7: Transferred to residential care funded by adult social services",
            "E9": "p) E9: Sentenced to custody", "E14": "q) E14: Accommodation on remand ended",
            "E15": "r) E15: Age assessment determined child was 18 or over", "E16": "s) E16: Child moved abroad",
            "E8": "t) E8: Care ceased for any other reason", "E17": "v) E17: Aged 18+ and remained with current carers",
        ]
        return labels[code] ?? code
    }

    /// Placement types with the template's letters; types newer than the template (K3, Z11-Z14)
    /// carry their code and meaning without a letter.
    static func placementType(_ code: String) -> String {
        let labels = [
            "U1": "a) U1: Foster placement - relatives - long term", "U2": "b) U2: Foster placement - relative - FFA",
            "U3": "c) U3: Foster placement - relative - not FFA", "U4": "d) U4: Foster placement - long term",
            "U5": "e) U5: Foster placement - FFA", "U6": "f) U6: Foster placement - not FFA",
            "A3": "g) A3: Placed for adoption - consent - current foster", "A4": "h) A4: Placed for adoption - consent - not foster",
            "A5": "i) A5: Placed for adoption - order - foster", "A6": "j) A6: Placed for adoption - order - not foster",
            "P1": "k) P1: Placed with parents", "P3": "m) P3: Residential employment",
            "K1": "o) K1: Secure Children's Homes", "K2": "p) K2: Children's Homes", "R1": "q) R1: Residential Care Home",
            "R2": "r) R2: NHS/Health Trust", "R3": "s) R3: Family Centre or Mother and Baby Unit",
            "R5": "t) R5: Young Offender Institution", "S1": "u) S1: Residential school",
            "T0": "w) T0: Temporary placement", "T1": "x) T1: Temporary placement - hospital",
            "T2": "y) T2: Temporary placement - holiday", "T3": "z) T3: Temporary placement - carer holiday",
            "T4": "zz) T4: Temporary placement - seven days or less",
            "K3": "K3: Supported accommodation", "Z11": "Z11: Other placements", "Z12": "Z12: Other placements",
            "Z13": "Z13: Other placements", "Z14": "Z14: Other placements",
        ]
        return labels[code] ?? code
    }

    static func placementProvider(_ code: String) -> String {
        let labels = [
            "PR0": "a) PR0: Parents/Parental responsibility", "PR1": "b) PR1: Own provision",
            "PR2": "c) PR2: Other LA provision", "PR3": "d) PR3: Other public provision",
            "PR4": "e) PR4: Private provision", "PR5": "f) PR5: Voluntary/third sector",
        ]
        return labels[code] ?? code
    }

    static func placementLocation(inArea: Bool) -> String { inArea ? "a) In" : "b) Out" }

    static func eligibility(_ category: AnnexAEligibility) -> String {
        switch category {
        case .relevant: return "a) Relevant child"
        case .formerRelevant: return "b) Former relevant child"
        case .qualifying: return "c) Qualifying care leaver"
        case .eligible: return "d) Eligible child"
        }
    }

    static func inTouch(_ code: String) -> String {
        ["YES": "a) Yes", "NO": "b) No", "DIED": "c) Died", "REFU": "d) Refu", "NREQ": "e) NREQ", "RHOM": "f) Rhom"][code] ?? code
    }

    /// The OC3 accommodation code is a type letter and a suitability digit; Annex A splits them.
    static func accommodationType(_ code: String) -> String {
        guard let type = code.first else { return code }
        let labels: [Character: String] = [
            "B": "With parents or relatives", "C": "Community home/residential care",
            "D": "Semi-independent, transitional accommodation and self-contained accommodation",
            "E": "Supported lodgings", "G": "Abroad", "H": "Deported", "K": "Ordinary lodgings, without formal support",
            "R": "Residence not known", "S": "No fixed abode/homeless", "T": "Foyers and similar supported accommodation",
            "U": "Independent living", "V": "Emergency accommodation", "W": "Bed and breakfast", "X": "In custody",
            "Y": "Other accommodation", "Z": "With former foster carers",
        ]
        return labels[type].map { "\(type): \($0)" } ?? code
    }

    static func accommodationSuitability(_ code: String) -> String? {
        switch code.last {
        case "1": return "a) Suitable"
        case "2": return "b) Unsuitable"
        default: return nil
        }
    }

    /// Annex A joins training and employment, which the SSDA903 records separately (F4/F5, P4/P5).
    static func activity(_ code: String) -> String {
        let labels = [
            "F1": "F1: Full time in higher education", "P1": "P1: Part time in higher education",
            "F2": "F2: Full time in education other than higher", "P2": "P2: Part time in education other than higher",
            "F4": "F3: Full time in training or employment", "F5": "F3: Full time in training or employment",
            "P4": "P3: Part time in training or employment", "P5": "P3: Part time in training or employment",
            "G4": "G4: Not in education, employment or training - illness or disability",
            "G5": "G5: Not in education, employment or training - other",
            "G6": "G6: Not in education, employment or training - pregnancy or parenting",
        ]
        return labels[code] ?? code
    }

    static func reasonNoLongerPlacedForAdoption(_ code: String) -> String {
        let labels = [
            "RD1": "RD1 - The child’s needs changed subsequent to the decision",
            "RD2": "RD2 - The Court did not make a placement order",
            "RD3": "RD3 - Prospective adopters could not be found", "RD4": "RD4 - Any other reason",
        ]
        return labels[code] ?? code
    }

    static func reasonLeftAdoption(_ reason: AnnexAReasonLeftAdoption) -> String {
        switch reason {
        case .adopterWithdrew: return "1 - Adopter withdrew from process"
        case .processOnHold: return "2 - Process put on hold"
        case .applicationRefused: return "3 - Application refused"
        }
    }

    /// a, b, ... for the template's lettered lists.
    private static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + index)))
    }
}

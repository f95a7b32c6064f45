/// The DfE code lists the workflow rules check against, copied from `shared/domain/returns-spec.md`
/// (CIN census 2025-26 section 1, SSDA903 2025-26 section 2).
///
/// Codes stay plain `String`s in the workflow types so that, when the shared code-list module
/// lands, these sets are the only thing to swap: each rule asks `contains`, nothing else.
enum WorkflowCodeSets {
    // MARK: CIN census

    /// Source of referral (list 1.5).
    static let referralSources: Set<String> = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
        "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
    ]

    /// The referral source for a request from the council's own early help service.
    static let earlyHelpReferralSource = "5D"

    /// Primary need (N0 not stated .. N9 cases other than children in need).
    static let primaryNeeds: Set<String> = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]

    /// Reason for closure RC1..RC9.
    static let closureReasons: Set<String> = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]

    /// RC8 and RC9 both mean "closed after assessment" (query 8825Q expects an assessment).
    static let closureReasonsAfterAssessment: Set<String> = ["RC8", "RC9"]

    /// Category of abuse on a child protection plan.
    static let categoriesOfAbuse: Set<String> = ["NEG", "PHY", "SAB", "EMO", "MUL"]

    /// Factors identified at assessment (list 1.6) without the obsolete unsplit 18A and 19A.
    static let assessmentFactors: Set<String> = [
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
        "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A",
        "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A",
    ]

    static let noFactorsIdentified = "21"

    // MARK: SSDA903

    static let legalStatuses: Set<String> = [
        "C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3",
    ]

    /// Each short break under V3 is its own period of care (903 rule 366), so a child never
    /// changes placement or legal status into or out of V3 part-way through a period.
    static let shortBreakLegalStatus = "V3"

    static let reviewParticipation: Set<String> = Set(ReviewParticipation.allCases.map(\.code))
    static let previousPermanence: Set<String> = Set(PreviousPermanence.allCases.map(\.code))

    /// 903 `REASON_PLACED_CEASED`: why a decision to place for adoption was reversed.
    static let adoptionReversalReasons: Set<String> = ["RD1", "RD2", "RD3", "RD4"]

    /// Category of need on a 903 episode: N1..N8 only (N0 and N9 are CIN-census codes).
    static let categoriesOfNeed: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]

    static let placementTypes: Set<String> = [
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
    ]

    static let temporaryPlacementTypes: Set<String> = ["T0", "T1", "T2", "T3", "T4"]

    /// Placed for adoption: the only placements a child can be adopted from (903 rule 390).
    static let adoptionPlacementTypes: Set<String> = ["A3", "A4", "A5", "A6"]

    /// PLACE_PROVIDER must be blank for these placement types.
    static let placementTypesWithoutProvider: Set<String> = ["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"]

    static let placementProviders: Set<String> = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]

    /// Reasons an episode ceased, without X1: X1 ("episode ceases, child still looked after") is
    /// written by the ledger whenever a change opens a new row, never chosen by a practitioner.
    static let reasonsCeasedToBeLookedAfter: Set<String> = [
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17",
    ]

    static let episodeContinues = "X1"

    static let reasonsForPlacementChange: Set<String> = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
    ]

    /// OC3 care-leaver codes.
    static let careLeaverInTouch: Set<String> = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]
    static let careLeaverActivities: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"]
    static let careLeaverAccommodation: Set<String> = [
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
        "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2",
    ]
    /// Accommodation with former foster carers (letter Z), not allowed at the 17th birthday (903 rule 3001).
    static let withFormerFosterCarers: Set<String> = ["Z1", "Z2"]
}

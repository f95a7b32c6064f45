/// SSDA903 code lists as checked in the 2025-26 ruleset.
///
/// Source: shared/domain/returns-spec.md section 2.1, which follows the DfE SSDA903 guide as
/// encoded by csc-validator-be-903 (ruleset lac2025_26).
public enum SSDA903Codes {
    public static let sex: Set<String> = ["M", "F", "U"]
    public static let ethnicity = CINCodes.ethnicity
    public static let upnUnknown: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5"]

    /// RNE. S: started to be looked after; L: legal status changed; P, T: placement changed;
    /// U, B: both changed.
    public static let reasonNewEpisode: Set<String> = ["S", "L", "P", "T", "U", "B"]
    public static let startedToBeLookedAfter = "S"
    public static let legalStatusChangedOnly: Set<String> = ["L"]
    public static let placementChangedOnly: Set<String> = ["P", "T"]
    public static let bothChanged: Set<String> = ["U", "B"]

    public static let legalStatus: Set<String> = [
        "C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3",
    ]
    /// Short breaks: the child is looked after only during each break.
    public static let shortBreaks: Set<String> = ["V3", "V4"]
    public static let youthJustice: Set<String> = ["J1", "J2", "J3"]

    public static let categoryOfNeed: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]

    public static let placement: Set<String> = [
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
    ]
    public static let temporary: Set<String> = ["T0", "T1", "T2", "T3", "T4"]
    public static let otherPlacements: Set<String> = ["Z11", "Z12", "Z13", "Z14"]
    public static let placedForAdoption: Set<String> = ["A3", "A4", "A5", "A6"]
    public static let fostering: Set<String> = ["U1", "U2", "U3", "U4", "U5", "U6"]
    public static let placedWithParents = "P1"
    /// Placements that never carry a provider code (rules 213, 526).
    public static let withoutProvider = temporary.union(otherPlacements)
    /// Placements that need no Ofsted URN (rules 218, 222).
    public static let withoutURN: Set<String> = [
        "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
    ]
    /// The URN used for regional adoption agencies, only with adoption or foster placements (rule 242).
    public static let regionalAdoptionAgencyURN = "XXXXXXX"

    public static let placementProvider: Set<String> = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]
    public static let parentsAsProvider = "PR0"

    /// REC. X1: the episode ends but the child stays looked after.
    public static let reasonEnded: Set<String> = [
        "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17",
    ]
    public static let continuesInCare = "X1"
    public static let adopted: Set<String> = ["E11", "E12"]
    public static let specialGuardianship: Set<String> = ["E45", "E46", "E47", "E48"]
    public static let independentLiving: Set<String> = ["E5", "E6"]
    public static let adultResidentialCare = "E7"
    public static let stayedWithCarersAt18 = "E17"
    /// Died, or an age assessment found the child was an adult: care cannot continue after these.
    public static let careCannotContinue: Set<String> = ["E2", "E15"]

    public static let reasonPlacementChanged: Set<String> = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
    ]

    public static let reviewParticipation: Set<String> = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    /// PN0: the child was under 4 at the review.
    public static let underFour = "PN0"
    public static let missingKind: Set<String> = ["M", "A"]

    public static let sdqReason: Set<String> = ["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]
    public static let inTouch: Set<String> = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]
    public static let activity: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]
    public static let accommodation: Set<String> = [
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2",
        "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0",
    ]
    public static let adoptersSex: Set<String> = ["M1", "F1", "MM", "FF", "MF"]
    public static let adoptersLegalStatus: Set<String> = ["L0", "L11", "L12", "L2", "L3", "L4"]
    public static let placedCeasedReason: Set<String> = ["RD1", "RD2", "RD3", "RD4"]
    public static let previousPermanence: Set<String> = ["P1", "P2", "P3", "P4", "Z1"]
    public static let socialWorkerReason: Set<String> = [
        "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS",
    ]
}

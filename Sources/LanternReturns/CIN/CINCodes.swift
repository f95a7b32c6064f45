/// The CIN census code lists for 2024-25 onwards (unchanged in 2025-26).
///
/// Source: shared/domain/returns-spec.md sections 1.2-1.6, which follow the DfE CIN census guide
/// as encoded by the csc-validator-be-cin rules and the LIIA CIN schemas.
public enum CINCodes {
    public static let sex: Set<String> = ["M", "F", "U"]

    /// Shared with the SSDA903's ETHNIC column.
    public static let ethnicity: Set<String> = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
        "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]

    public static let disability: Set<String> = [
        "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA",
    ]

    public static let referralSource: Set<String> = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D",
        "6", "7", "8", "9", "10",
    ]

    public static let primaryNeed: Set<String> = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]

    public static let reasonForClosure: Set<String> = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]

    public static let categoryOfAbuse: Set<String> = ["NEG", "PHY", "SAB", "EMO", "MUL"]

    public static let upnUnknown: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"]

    /// 18A and 19A are obsolete from 2024-25 (queries 8945Q, 8950Q) and so are not valid here.
    public static let assessmentFactor: Set<String> = [
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
        "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A",
        "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A",
    ]

    /// "No factors identified": only alone, and only when no further action follows.
    public static let noFactorsIdentified = "21"
    /// Reasons for closure meaning the case closed after assessment.
    public static let closedAfterAssessment: Set<String> = ["RC8", "RC9"]
    public static let died = "RC2"
    public static let noDisability = "NONE"
    public static let unborn = "U"
    /// UPN unknown because the referral led to no further action.
    public static let referralWithNoFurtherAction = "UN7"
    /// UPN unknown because the child is not of school age: wrong for a child who is.
    public static let notOfSchoolAge = "UN1"
}

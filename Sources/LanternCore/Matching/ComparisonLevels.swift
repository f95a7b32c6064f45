/// A level of agreement on one field, best first. A field missing on either side has no level
/// and adds nothing to the match weight: absence is not evidence.
public protocol ComparisonLevel: RawRepresentable<UInt8>, CaseIterable, Hashable, Sendable {}

public enum GivenNameLevel: UInt8, ComparisonLevel {
    case exact
    /// Different forms of one name (Lizzie, Elizabeth).
    case nickname
    /// One edit apart, or Jaro-Winkler at least 0.92 (Jonh, John).
    case typo
    /// A nickname, mistyped (Rbbie for Bobby: a slip from Robbie).
    case nicknameSlip
    /// Spelt differently but sound alike (Kaitlin, Caitlin).
    case phonetic
    /// One side's first name is the other side's middle name, alias or previous first name.
    case otherName
    /// Jaro-Winkler at least 0.85 without sounding alike: weakly similar.
    case similar
    /// One side is an initial that agrees with the other's first letter.
    case initial
    case different
}

/// Middle names, compared only when both sides record at least one. A middle name is evidence
/// about the person that is independent of the first name, so it still counts when the first name
/// was mistyped or given as a nickname, and a disagreement helps tell a child from a look-alike
/// stranger or a sibling. Siblings sometimes share a middle name, so agreement counts for little
/// when the first names disagree outright (see `MatchModelParameters.siblingEvidenceKept`).
public enum MiddleNameLevel: UInt8, ComparisonLevel {
    /// A middle name agrees exactly or as another form of the name (Beth, Elizabeth).
    case exact
    /// A middle name is a slip or a sound-alike of the other's (Rose, Rsoe; Louise, Luise).
    case typo
    /// One side records only the initial of the other's middle name (J, James).
    case initial
    case different
}

public enum FamilyNameLevel: UInt8, ComparisonLevel {
    case exact
    case typo
    case phonetic
    /// Agrees with part of a double-barrelled name, or with a previous or alias family name.
    case otherName
    case similar
    case different
}

public enum BirthDateLevel: UInt8, ComparisonLevel {
    case exact
    /// 03/07 recorded as 07/03.
    case dayMonthSwapped
    case oneDayApart
    /// Two of day, month and year agree and the third is a slip: off by one or one digit wrong.
    case oneFieldDiffers
    /// A date of birth within the window around an unborn child's expected date of delivery.
    case nearExpectedDate
    case different
}

public enum PostcodeLevel: UInt8, ComparisonLevel {
    case full
    /// Same sector (B12 9): moved nearby, or one character of the unit wrong.
    case sector
    /// Same district (B12).
    case district
    case different
}

public enum AddressLevel: UInt8, ComparisonLevel {
    case exact
    /// Jaro-Winkler at least 0.9 on the normalised line.
    case similar
    case different
}

public enum SexLevel: UInt8, ComparisonLevel {
    case same
    case different
}

/// NHS number and UPN: exact identifiers, so they either agree or conflict.
public enum IdentifierLevel: UInt8, ComparisonLevel {
    case same
    case different
}

/// Links to other people are recorded only when known, so only a shared link is evidence.
public enum HouseholdLevel: UInt8, ComparisonLevel {
    /// Both are linked to the same person (a sibling, parent or the mother of an unborn child).
    case sharedLink
}

/// How a query and one candidate agree, field by field.
public struct FieldComparison: Hashable, Sendable {
    public var givenName: GivenNameLevel?
    /// Nil when either side has no middle name, or when the first names agreed only by crossing
    /// into a middle name or alias (then the middle names have already been used).
    public var middleName: MiddleNameLevel?
    public var familyName: FamilyNameLevel?
    /// The query's first and last names agree with the candidate's last and first names.
    public var namesTransposed = false
    public var birthDate: BirthDateLevel?
    public var postcode: PostcodeLevel?
    public var address: AddressLevel?
    public var sex: SexLevel?
    public var nhsNumber: IdentifierLevel?
    public var upn: IdentifierLevel?
    public var household: HouseholdLevel?

    public init() {}

    /// First names disagree outright while the family name agrees: the pattern of a sibling, whose
    /// shared surname, address and household say nothing about being the same child.
    public var looksLikeSibling: Bool {
        guard givenName == .different, let family = familyName else { return false }
        return family == .exact || family == .typo || family == .otherName
    }
}

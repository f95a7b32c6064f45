import Foundation

/// The two Fellegi-Sunter probabilities for one level of one field.
public struct LevelProbability: Hashable, Sendable, Codable {
    /// P(this level | the records are the same person).
    public var m: Double
    /// P(this level | the records are different people).
    public var u: Double

    public init(m: Double, u: Double) {
        self.m = m
        self.u = u
    }

    /// log2(m/u): bits of evidence for (positive) or against (negative) a match.
    public var weight: Double { log2(m / u) }
}

/// The m and u probabilities of every level of one field.
public struct FieldProbabilities<Level: ComparisonLevel>: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var byLevel: [Level: LevelProbability]

    public init(dictionaryLiteral elements: (Level, LevelProbability)...) {
        byLevel = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(level: Level) -> LevelProbability? {
        get { byLevel[level] }
        set { byLevel[level] = newValue }
    }

    /// Weights indexed by the level's raw value.
    func weights() -> [Double] {
        Level.allCases.sorted { $0.rawValue < $1.rawValue }.map { byLevel[$0]?.weight ?? 0 }
    }

    func problems(field: String) -> [String] {
        var problems: [String] = []
        for level in Level.allCases {
            guard let p = byLevel[level] else {
                problems.append("\(field).\(level) has no probabilities")
                continue
            }
            if !(p.m > 0 && p.m <= 1) { problems.append("\(field).\(level).m must be in (0, 1]") }
            if !(p.u > 0 && p.u <= 1) { problems.append("\(field).\(level).u must be in (0, 1]") }
        }
        return problems
    }
}

public enum MatchModelError: Error, Hashable, Sendable {
    case invalidParameters([String])
}

/// Every number the matching model uses, in one place.
///
/// The defaults describe intake in an English council's children's services: most repeat contacts
/// spell a child's name the same way, some use a nickname or mistype it, dates of birth are now
/// and then keyed with day and month swapped or one digit wrong, families move within the city,
/// and an NHS number is known on perhaps half of contacts. m values were read off repeat contacts
/// against their true person, and u values off contacts against random other people, in
/// `LanternSynthetic`'s population, then rounded towards caution; where the synthetic data never
/// makes a mistake that real records do (a conflicting NHS number, sex recorded differently), m is
/// judgement. A council with its own labelled pairs can re-estimate them.
///
/// u values are for two people drawn from the whole population, not from a query's blocks:
/// blocking only chooses whom to score, it does not change what agreement means.
public struct MatchModelParameters: Hashable, Sendable {
    public var givenName: FieldProbabilities<GivenNameLevel>
    public var middleName: FieldProbabilities<MiddleNameLevel>
    public var familyName: FieldProbabilities<FamilyNameLevel>
    public var birthDate: FieldProbabilities<BirthDateLevel>
    public var postcode: FieldProbabilities<PostcodeLevel>
    public var address: FieldProbabilities<AddressLevel>
    public var sex: FieldProbabilities<SexLevel>
    public var nhsNumber: FieldProbabilities<IdentifierLevel>
    public var upn: FieldProbabilities<IdentifierLevel>
    public var household: FieldProbabilities<HouseholdLevel>

    /// Added when the names only agree after swapping first and last name: such a swap is a
    /// recording slip, rarer than agreeing names, so it costs a little.
    public var namesTransposedAdjustment: Double

    /// The share of positive evidence from family name, postcode, address, household and middle
    /// name that is kept when first names disagree outright. Siblings, and twins above all, share
    /// all of those (families hand middle names down), so their agreement is not evidence of
    /// being the same child; without this a twin scores as the same person.
    public var siblingEvidenceKept: Double

    /// Family name, postcode, address and household links all say "the same family", which is
    /// worth about log2(population / household size) bits and no more: a new brother agrees on
    /// all of them. This is that household size.
    public var householdSize: Double

    /// The share of queries that are about someone already known. With N people indexed, the
    /// prior probability that one of them is the person a query describes is this share / N, so
    /// the same evidence is less conclusive in a larger population, as it should be.
    public var knownPersonShare: Double
    /// Populations smaller than this (a test, a pilot) are scored as if they were this large, so
    /// that a small index does not make thin evidence look conclusive.
    public var minimumPopulation: Int

    /// Exact name agreement uses the name's own frequency among indexed people as u once the index
    /// holds at least this many people (agreeing on "Smith" is weaker evidence than on "Wojcik");
    /// below it, frequencies are too noisy and the table's u is used.
    public var termFrequencyMinimumPopulation: Int
    /// The smallest u a name's frequency may give, so one rare name cannot outweigh everything else.
    public var termFrequencyMinimumU: Double

    /// Days either side of an expected date of delivery within which a birth counts as near it.
    public var expectedDateWindowDays: Int

    /// When set, a candidate whose NHS number conflicts with the query's is never shown as likely,
    /// however much else agrees: NHS numbers carry a check digit, so a conflict is rarely a typo
    /// and more often a sibling's number or a different child, and a person should look.
    public var conflictingNHSNumberPreventsLikely: Bool

    /// Match probability at or above which a candidate is shown as likely the same person.
    public var likelyThreshold: Double
    /// Match probability at or above which a candidate is worth a look.
    public var possibleThreshold: Double

    public init(givenName: FieldProbabilities<GivenNameLevel>, middleName: FieldProbabilities<MiddleNameLevel>,
                familyName: FieldProbabilities<FamilyNameLevel>,
                birthDate: FieldProbabilities<BirthDateLevel>, postcode: FieldProbabilities<PostcodeLevel>,
                address: FieldProbabilities<AddressLevel>, sex: FieldProbabilities<SexLevel>,
                nhsNumber: FieldProbabilities<IdentifierLevel>, upn: FieldProbabilities<IdentifierLevel>,
                household: FieldProbabilities<HouseholdLevel>, namesTransposedAdjustment: Double,
                siblingEvidenceKept: Double, householdSize: Double, knownPersonShare: Double,
                minimumPopulation: Int, termFrequencyMinimumPopulation: Int,
                termFrequencyMinimumU: Double, expectedDateWindowDays: Int,
                conflictingNHSNumberPreventsLikely: Bool, likelyThreshold: Double,
                possibleThreshold: Double) {
        self.givenName = givenName
        self.middleName = middleName
        self.familyName = familyName
        self.birthDate = birthDate
        self.postcode = postcode
        self.address = address
        self.sex = sex
        self.nhsNumber = nhsNumber
        self.upn = upn
        self.household = household
        self.namesTransposedAdjustment = namesTransposedAdjustment
        self.siblingEvidenceKept = siblingEvidenceKept
        self.householdSize = householdSize
        self.knownPersonShare = knownPersonShare
        self.minimumPopulation = minimumPopulation
        self.termFrequencyMinimumPopulation = termFrequencyMinimumPopulation
        self.termFrequencyMinimumU = termFrequencyMinimumU
        self.expectedDateWindowDays = expectedDateWindowDays
        self.conflictingNHSNumberPreventsLikely = conflictingNHSNumberPreventsLikely
        self.likelyThreshold = likelyThreshold
        self.possibleThreshold = possibleThreshold
    }

    /// Every problem with these parameters; empty when they are usable.
    public var problems: [String] {
        var problems = givenName.problems(field: "givenName") + middleName.problems(field: "middleName")
            + familyName.problems(field: "familyName")
            + birthDate.problems(field: "birthDate") + postcode.problems(field: "postcode")
            + address.problems(field: "address") + sex.problems(field: "sex")
            + nhsNumber.problems(field: "nhsNumber") + upn.problems(field: "upn")
            + household.problems(field: "household")
        if !(0...1).contains(siblingEvidenceKept) { problems.append("siblingEvidenceKept must be in 0...1") }
        if !(householdSize >= 1) { problems.append("householdSize must be at least 1") }
        if !(knownPersonShare > 0 && knownPersonShare < 1) { problems.append("knownPersonShare must be in (0, 1)") }
        if minimumPopulation < 1 { problems.append("minimumPopulation must be at least 1") }
        if !(termFrequencyMinimumU > 0 && termFrequencyMinimumU <= 1) {
            problems.append("termFrequencyMinimumU must be in (0, 1]")
        }
        if expectedDateWindowDays < 0 { problems.append("expectedDateWindowDays must not be negative") }
        if !(0...1).contains(possibleThreshold) || !(0...1).contains(likelyThreshold) || possibleThreshold > likelyThreshold {
            problems.append("thresholds must satisfy 0 <= possibleThreshold <= likelyThreshold <= 1")
        }
        if !namesTransposedAdjustment.isFinite {
            problems.append("namesTransposedAdjustment must be finite")
        }
        return problems
    }

    /// log2 of the prior odds that one of `population` indexed people is the person a query describes.
    public func priorLog2Odds(population: Int) -> Double {
        let n = Double(max(population, minimumPopulation))
        let p = knownPersonShare / n
        return log2(p / (1 - p))
    }

    /// The most, in bits, that family-level agreement can add in a population of this size.
    public func householdEvidenceCap(population: Int) -> Double {
        log2(Double(max(population, minimumPopulation)) / householdSize)
    }

    public func validated() throws(MatchModelError) -> MatchModelParameters {
        let problems = self.problems
        guard problems.isEmpty else { throw .invalidParameters(problems) }
        return self
    }

    public static let `default` = MatchModelParameters(
        givenName: [
            .exact: .init(m: 0.85, u: 0.005),
            .nickname: .init(m: 0.05, u: 0.003),
            .typo: .init(m: 0.06, u: 0.0012),
            .nicknameSlip: .init(m: 0.004, u: 0.0005),
            .phonetic: .init(m: 0.015, u: 0.004),
            .otherName: .init(m: 0.01, u: 0.002),
            .similar: .init(m: 0.004, u: 0.0015),
            .initial: .init(m: 0.005, u: 0.04),
            .different: .init(m: 0.01, u: 0.98),
        ],
        // m is judgement: a middle name is recorded less carefully than a first name (spelt
        // differently, one of two taken, the wrong one remembered). u was read off random pairs
        // of people who both have a middle name; it is the chance that two strangers share one.
        middleName: [
            .exact: .init(m: 0.88, u: 0.008),
            .typo: .init(m: 0.04, u: 0.004),
            .initial: .init(m: 0.02, u: 0.06),
            .different: .init(m: 0.06, u: 0.93),
        ],
        familyName: [
            .exact: .init(m: 0.9, u: 0.006),
            .typo: .init(m: 0.055, u: 0.001),
            .phonetic: .init(m: 0.01, u: 0.0012),
            .otherName: .init(m: 0.02, u: 0.0007),
            .similar: .init(m: 0.003, u: 0.0005),
            .different: .init(m: 0.015, u: 0.99),
        ],
        birthDate: [
            .exact: .init(m: 0.9, u: 0.0001),
            .dayMonthSwapped: .init(m: 0.012, u: 0.000_04),
            .oneDayApart: .init(m: 0.02, u: 0.0002),
            .oneFieldDiffers: .init(m: 0.025, u: 0.0024),
            .nearExpectedDate: .init(m: 0.9, u: 0.004),
            .different: .init(m: 0.01, u: 0.99),
        ],
        postcode: [
            .full: .init(m: 0.8, u: 0.0001),
            .sector: .init(m: 0.03, u: 0.002),
            .district: .init(m: 0.05, u: 0.011),
            .different: .init(m: 0.12, u: 0.987),
        ],
        address: [
            .exact: .init(m: 0.7, u: 0.000_01),
            .similar: .init(m: 0.15, u: 0.0005),
            .different: .init(m: 0.15, u: 0.99),
        ],
        sex: [
            .same: .init(m: 0.98, u: 0.5),
            .different: .init(m: 0.02, u: 0.5),
        ],
        nhsNumber: [
            .same: .init(m: 0.999, u: 0.000_001),
            .different: .init(m: 0.0001, u: 0.999),
        ],
        upn: [
            .same: .init(m: 0.97, u: 0.000_01),
            .different: .init(m: 0.03, u: 0.999),
        ],
        household: [
            .sharedLink: .init(m: 0.6, u: 0.000_01),
        ],
        namesTransposedAdjustment: -2,
        siblingEvidenceKept: 0.2,
        householdSize: 4,
        knownPersonShare: 0.7,
        minimumPopulation: 100_000,
        termFrequencyMinimumPopulation: 5_000,
        termFrequencyMinimumU: 0.000_05,
        expectedDateWindowDays: 42,
        conflictingNHSNumberPreventsLikely: true,
        likelyThreshold: 0.95,
        possibleThreshold: 0.5
    )
}

/// Weights compiled from parameters into arrays indexed by level, for the scoring loop.
struct MatchWeights: Sendable {
    let givenName: [Double]
    let middleName: [Double]
    let familyName: [Double]
    let birthDate: [Double]
    let postcode: [Double]
    let address: [Double]
    let sex: [Double]
    let nhsNumber: [Double]
    let upn: [Double]
    let household: [Double]
    let givenExactM: Double
    let familyExactM: Double

    init(_ p: MatchModelParameters) {
        givenName = p.givenName.weights()
        middleName = p.middleName.weights()
        familyName = p.familyName.weights()
        birthDate = p.birthDate.weights()
        postcode = p.postcode.weights()
        address = p.address.weights()
        sex = p.sex.weights()
        nhsNumber = p.nhsNumber.weights()
        upn = p.upn.weights()
        household = p.household.weights()
        givenExactM = p.givenName[.exact]?.m ?? 1
        familyExactM = p.familyName[.exact]?.m ?? 1
    }
}

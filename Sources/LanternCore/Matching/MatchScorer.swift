import Foundation

/// How strongly a candidate is proposed.
public enum MatchBand: String, Hashable, Sendable, Codable, Comparable {
    case likely
    case possible
    case unlikely

    public static func < (a: MatchBand, b: MatchBand) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .unlikely: 0
        case .possible: 1
        case .likely: 2
        }
    }
}

/// The field a reason is about.
public enum MatchField: String, Hashable, Sendable, Codable {
    case givenName, middleName, familyName, names, birthDate, postcode, address, sex, nhsNumber, upn, household
}

/// One piece of evidence for or against a candidate, in words a practitioner can check.
public struct MatchReason: Hashable, Sendable {
    public let field: MatchField
    /// Bits of evidence: positive for the same person, negative against.
    public let weight: Double
    public let text: String
}

/// An existing person who may be the one a query describes.
public struct MatchCandidate: Hashable, Sendable {
    public let personID: UUID
    /// Match probability, 0...1.
    public let score: Double
    /// Total Fellegi-Sunter weight in bits (before the prior).
    public let weight: Double
    public let band: MatchBand
    public let comparison: FieldComparison
    /// Strongest evidence first.
    public let reasons: [MatchReason]
}

/// Names as recorded, for reasons; matching itself uses the normalised forms.
struct DisplayNames: Hashable, Sendable {
    var given: String?
    var family: String?

    init(given: String?, family: String?) {
        self.given = given?.trimmingCharacters(in: .whitespaces)
        self.family = family?.trimmingCharacters(in: .whitespaces)
    }
}

/// What scoring one query needs to know about the population it is matched against: the
/// prior, the household cap, and exact-agreement weights for the query's own names adjusted for
/// how common they are (nil to use the table's).
struct ScoringContext: Sendable {
    var priorLog2Odds: Double
    var householdEvidenceCap: Double
    var givenExact: Double?
    var familyExact: Double?
}

/// The Fellegi-Sunter scoring model: compares a query with one person field by field, turns the
/// agreement levels into a weight, the weight into a probability, and the levels into reasons.
public struct MatchScorer: Sendable {
    public let parameters: MatchModelParameters
    public let nicknames: NicknameTable
    let weights: MatchWeights

    /// The default model with the British nickname table.
    public init() {
        parameters = .default
        nicknames = .british
        weights = MatchWeights(.default)
    }

    public init(parameters: MatchModelParameters, nicknames: NicknameTable = .british) throws(MatchModelError) {
        self.parameters = try parameters.validated()
        self.nicknames = nicknames
        weights = MatchWeights(parameters)
    }

    /// Scores one query against one person, without an index (no name-frequency adjustment).
    public func compare(_ query: MatchQuery, with record: PersonRecord) -> MatchCandidate {
        let q = PersonFeatures(query, nicknames: nicknames)
        let r = PersonFeatures(record, nicknames: nicknames)
        let comparison = compare(q, r)
        return candidate(id: record.id, comparison: comparison, context: context(population: 0),
                         query: DisplayNames(given: query.givenName, family: query.familyName),
                         record: DisplayNames(given: record.givenName, family: record.familyName))
    }

    /// The context for an index of `population` people, without name frequencies.
    func context(population: Int) -> ScoringContext {
        ScoringContext(priorLog2Odds: parameters.priorLog2Odds(population: population),
                       householdEvidenceCap: parameters.householdEvidenceCap(population: population))
    }

    func probability(weight: Double, context: ScoringContext) -> Double {
        1 / (1 + exp2(-(context.priorLog2Odds + weight)))
    }

    func band(probability: Double, comparison: FieldComparison) -> MatchBand {
        let nhsConflict = comparison.nhsNumber == .different && parameters.conflictingNHSNumberPreventsLikely
        if probability >= parameters.likelyThreshold && !nhsConflict { return .likely }
        if probability >= parameters.possibleThreshold { return .possible }
        return .unlikely
    }

    func candidate(id: UUID, comparison: FieldComparison, context: ScoringContext,
                   query: DisplayNames, record: DisplayNames) -> MatchCandidate {
        let parts = weightedFields(comparison, context: context)
        let weight = parts.reduce(0) { $0 + $1.weight }
        let probability = probability(weight: weight, context: context)
        let reasons = MatchReasonWriter(query: query, record: record, nicknames: nicknames)
            .reasons(for: comparison, weights: parts)
            .sorted { abs($0.weight) > abs($1.weight) }
        return MatchCandidate(personID: id, score: probability, weight: weight,
                              band: band(probability: probability, comparison: comparison), comparison: comparison, reasons: reasons)
    }

    // MARK: Weights

    /// The total weight, for the scoring loop.
    func weight(of c: FieldComparison, context: ScoringContext) -> Double {
        var total = 0.0
        forEachWeight(c, context: context) { _, w in total += w }
        return total
    }

    /// Each field's contribution, for reasons.
    func weightedFields(_ c: FieldComparison, context: ScoringContext) -> [(field: MatchField, weight: Double)] {
        var parts: [(field: MatchField, weight: Double)] = []
        forEachWeight(c, context: context) { parts.append(($0, $1)) }
        return parts
    }

    /// Visits each field's weight: the one place the model's arithmetic lives.
    @inline(__always)
    private func forEachWeight(_ c: FieldComparison, context: ScoringContext, _ visit: (MatchField, Double) -> Void) {
        var given: Double?
        if let g = c.givenName {
            given = g == .exact && !c.namesTransposed ? context.givenExact ?? weights.givenName[0] : weights.givenName[Int(g.rawValue)]
        }
        var family: Double?
        if let f = c.familyName {
            family = f == .exact && !c.namesTransposed ? context.familyExact ?? weights.familyName[0] : weights.familyName[Int(f.rawValue)]
        }
        // A different postcode or address counts against a candidate because a stranger lives
        // elsewhere. When both are linked to the same person, though, they are already known to
        // be one family, and a family's records fall out of date together when it moves (the
        // unborn child's record keeps the old address after the birth): a sibling's record would
        // disagree just as often, so the disagreement says nothing about which child this is.
        let sameFamily = c.household == .sharedLink
        func whereTheyLive(_ w: Double) -> Double { sameFamily ? max(0, w) : w }
        let postcode = c.postcode.map { whereTheyLive(weights.postcode[Int($0.rawValue)]) }
        let address = c.address.map { whereTheyLive(weights.address[Int($0.rawValue)]) }
        let household = c.household.map { weights.household[Int($0.rawValue)] }
        // Family name, postcode, address and household links all say "same family". They are
        // far from independent, so together they count for no more than the cap; and when first
        // names disagree outright they are what a sibling shares, so they count for less still.
        // Evidence against is kept in full.
        let shared = max(0, family ?? 0) + max(0, postcode ?? 0) + max(0, address ?? 0) + max(0, household ?? 0)
        var scale = c.looksLikeSibling ? parameters.siblingEvidenceKept : 1
        if shared * scale > context.householdEvidenceCap { scale = context.householdEvidenceCap / shared }
        func scaled(_ w: Double) -> Double { w > 0 ? w * scale : w }

        if let given { visit(.givenName, given) }
        if let m = c.middleName {
            // Families pass middle names down (a grandparent's name, the same one for every
            // child), so when first names disagree outright a shared middle name is family
            // evidence, discounted like the rest of it, or one twin would be taken for the other.
            let w = weights.middleName[Int(m.rawValue)]
            visit(.middleName, c.looksLikeSibling && w > 0 ? w * parameters.siblingEvidenceKept : w)
        }
        if let family { visit(.familyName, scaled(family)) }
        if c.namesTransposed { visit(.names, parameters.namesTransposedAdjustment) }
        if let b = c.birthDate { visit(.birthDate, weights.birthDate[Int(b.rawValue)]) }
        if let postcode { visit(.postcode, scaled(postcode)) }
        if let address { visit(.address, scaled(address)) }
        if let s = c.sex { visit(.sex, weights.sex[Int(s.rawValue)]) }
        if let n = c.nhsNumber { visit(.nhsNumber, weights.nhsNumber[Int(n.rawValue)]) }
        if let u = c.upn { visit(.upn, weights.upn[Int(u.rawValue)]) }
        if let household { visit(.household, scaled(household)) }
    }

    // MARK: Comparison

    func compare(_ q: PersonFeatures, _ r: PersonFeatures) -> FieldComparison {
        var c = FieldComparison()
        compareNames(q, r, into: &c)
        if q.middleCount > 0 && r.middleCount > 0 && c.givenName != .otherName {
            c.middleName = middleLevel(q.middle, r.middle)
        }
        c.birthDate = compareBirth(q, r)
        if let qp = q.postcode, let rp = r.postcode { c.postcode = comparePostcodes(qp, rp) }
        if let qa = q.address, let ra = r.address {
            if qa == ra {
                c.address = .exact
            } else {
                c.address = qa.withBytes { a in ra.withBytes { b in StringSimilarity.jaroWinkler(a, b) } } >= 0.9 ? .similar : .different
            }
        }
        if q.sex != 0 && r.sex != 0 { c.sex = q.sex == r.sex ? .same : .different }
        if q.nhsNumber != 0 && r.nhsNumber != 0 { c.nhsNumber = q.nhsNumber == r.nhsNumber ? .same : .different }
        if q.upn != 0 && r.upn != 0 { c.upn = q.upn == r.upn ? .same : .different }
        if !q.linked.isEmpty && !r.linked.isEmpty && q.linked.contains(where: r.linked.contains) {
            c.household = .sharedLink
        }
        return c
    }

    private func compareNames(_ q: PersonFeatures, _ r: PersonFeatures, into c: inout FieldComparison) {
        c.givenName = givenLevel(q.given, q.otherGiven, r.given, r.otherGiven)
        if let g = c.givenName, g.rawValue > GivenNameLevel.nicknameSlip.rawValue, let entry = r.given?.nickname,
           q.givenSlipEntries.contains(where: { $0 == entry || nicknames.areNicknames($0, entry) }) {
            c.givenName = .nicknameSlip
        }
        c.familyName = familyLevel(q.family, q.otherFamily, r.family, r.otherFamily)
        guard let qg = q.given, let qf = q.family, let rg = r.given, let rf = r.family,
              let g = c.givenName, let f = c.familyName,
              g.rawValue > GivenNameLevel.typo.rawValue || f.rawValue > FamilyNameLevel.typo.rawValue else { return }
        let swappedGiven = givenLevel(qf, [], rg, [])
        let swappedFamily = familyLevel(qg, [], rf, [])
        guard let sg = swappedGiven, let sf = swappedFamily,
              sg.rawValue <= GivenNameLevel.typo.rawValue, sf.rawValue <= FamilyNameLevel.typo.rawValue else { return }
        let straight = weights.givenName[Int(g.rawValue)] + weights.familyName[Int(f.rawValue)]
        let swapped = weights.givenName[Int(sg.rawValue)] + weights.familyName[Int(sf.rawValue)] + parameters.namesTransposedAdjustment
        if swapped > straight {
            c.givenName = sg
            c.familyName = sf
            c.namesTransposed = true
        }
    }

    func givenLevel(_ q: NameFeature?, _ qOther: [NameFeature], _ r: NameFeature?, _ rOther: [NameFeature]) -> GivenNameLevel? {
        guard let q, let r else { return nil }
        let level = nameLevel(q, r, allowNicknames: true)
        guard level.rawValue > GivenNameLevel.phonetic.rawValue else { return level }
        let crossed = rOther.contains { agreesClosely(q, $0) } || qOther.contains { agreesClosely($0, r) }
        return crossed ? .otherName : level
    }

    /// The best agreement between any of the query's middle names and any of the record's.
    func middleLevel(_ q: ArraySlice<NameFeature>, _ r: ArraySlice<NameFeature>) -> MiddleNameLevel? {
        guard !q.isEmpty, !r.isEmpty else { return nil }
        var best = MiddleNameLevel.different
        for a in q {
            for b in r {
                let level: MiddleNameLevel = switch nameLevel(a, b, allowNicknames: true) {
                case .exact, .nickname: .exact
                case .typo, .phonetic: .typo
                case .initial: .initial
                default: .different
                }
                if level.rawValue < best.rawValue { best = level }
            }
        }
        return best
    }

    func familyLevel(_ q: NameFeature?, _ qOther: [NameFeature], _ r: NameFeature?, _ rOther: [NameFeature]) -> FamilyNameLevel? {
        guard let q, let r else { return nil }
        let base: FamilyNameLevel
        switch nameLevel(q, r, allowNicknames: false) {
        case .exact: return .exact
        case .typo: return .typo
        case .phonetic: base = .phonetic
        case .similar: base = .similar
        default: base = .different
        }
        let crossed = rOther.contains { $0.text == q.text } || qOther.contains { $0.text == r.text }
            || qOther.contains { a in rOther.contains { $0.text == a.text } }
        return crossed ? .otherName : base
    }

    private func agreesClosely(_ a: NameFeature, _ b: NameFeature) -> Bool {
        if a.text == b.text { return true }
        guard let ea = a.nickname, let eb = b.nickname else { return false }
        return nicknames.areNicknames(ea, eb)
    }

    private func nameLevel(_ a: NameFeature, _ b: NameFeature, allowNicknames: Bool) -> GivenNameLevel {
        if a.text == b.text { return .exact }
        if allowNicknames, let ea = a.nickname, let eb = b.nickname, nicknames.areNicknames(ea, eb) { return .nickname }
        if a.text.count == 1 || b.text.count == 1 { return a.text.first == b.text.first ? .initial : .different }
        let (closeEdit, jw) = a.text.withBytes { x in
            b.text.withBytes { y in
                (x.count >= 3 && y.count >= 3 && StringSimilarity.isWithinOneEdit(x, y), StringSimilarity.jaroWinkler(x, y))
            }
        }
        if closeEdit || jw >= 0.92 { return .typo }
        if a.phonetic.soundsLike(b.phonetic) { return .phonetic }
        return jw >= 0.85 ? .similar : .different
    }

    private func comparePostcodes(_ a: PostcodeKey, _ b: PostcodeKey) -> PostcodeLevel {
        if a.full == b.full { return .full }
        if a.sector != 0 && a.sector == b.sector { return .sector }
        if a.district != 0 && a.district == b.district { return .district }
        return .different
    }

    private func compareBirth(_ q: PersonFeatures, _ r: PersonFeatures) -> BirthDateLevel? {
        let unknown = PersonFeatures.unknownDay
        if q.birth != unknown && r.birth != unknown { return BirthDateComparison.level(Int(q.birth), Int(r.birth)) }
        // An unborn child on one side: any known date against the expected date of delivery.
        let qDate = q.birth != unknown ? q.birth : q.expectedBirth
        let rDate = r.birth != unknown ? r.birth : r.expectedBirth
        guard qDate != unknown, rDate != unknown, q.expectedBirth != unknown || r.expectedBirth != unknown else { return nil }
        return abs(Int(qDate) - Int(rDate)) <= parameters.expectedDateWindowDays ? .nearExpectedDate : .different
    }
}

/// The rules for dates of birth that disagree, kept apart because they are the fiddliest.
enum BirthDateComparison {
    static func level(_ a: Int, _ b: Int) -> BirthDateLevel {
        if a == b { return .exact }
        if abs(a - b) == 1 { return .oneDayApart }
        let x = Day(ordinal: a).components, y = Day(ordinal: b).components
        if x.year == y.year && x.day == y.month && x.month == y.day { return .dayMonthSwapped }
        let sameYear = x.year == y.year, sameMonth = x.month == y.month, sameDay = x.day == y.day
        if sameMonth && sameDay && isSlip(x.year, y.year) { return .oneFieldDiffers }
        if sameYear && sameDay && isSlip(x.month, y.month) { return .oneFieldDiffers }
        if sameYear && sameMonth && isSlip(x.day, y.day) { return .oneFieldDiffers }
        return .different
    }

    /// Off by one, or one decimal digit different (2014 for 2011, 12 for 17).
    static func isSlip(_ a: Int, _ b: Int) -> Bool {
        if abs(a - b) == 1 { return true }
        var x = a, y = b, differing = 0
        while x > 0 || y > 0 {
            if x % 10 != y % 10 { differing += 1 }
            x /= 10
            y /= 10
        }
        return differing == 1
    }
}

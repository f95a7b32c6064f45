import Foundation

public enum MatchIndexError: Error, Hashable, Sendable {
    case duplicatePerson(UUID)
    case unknownPerson(UUID)
}

/// The rows filed under one block key. Most keys (an NHS number, a postcode and surname) hold a
/// single person, so that case is stored without an array.
enum Postings: Sendable {
    case one(Int32)
    case many([Int32])

    func forEach(_ body: (Int32) -> Void) {
        switch self {
        case .one(let row): body(row)
        case .many(let rows): rows.forEach(body)
        }
    }

    var count: Int {
        switch self {
        case .one: 1
        case .many(let rows): rows.count
        }
    }

    /// Appends in place: the array is detached from the enum first so that it is uniquely
    /// referenced and grows without being copied.
    mutating func add(_ row: Int32) {
        switch self {
        case .one(let existing):
            self = .many([existing, row])
        case .many(var rows):
            self = .one(row)
            rows.append(row)
            self = .many(rows)
        }
    }

    /// nil when the last row goes.
    func removing(_ row: Int32) -> Postings? {
        switch self {
        case .one(let existing): return existing == row ? nil : self
        case .many(var rows):
            rows.removeAll { $0 == row }
            if rows.count == 1 { return .one(rows[0]) }
            return rows.isEmpty ? nil : .many(rows)
        }
    }
}

/// People Lantern knows, held in memory for matching, with blocking so that a query compares
/// against hundreds of people rather than everyone.
///
/// A value type: copies share storage until one is changed, so a snapshot can be handed to
/// concurrent readers while intake keeps a writable copy.
public struct MatchIndex: Sendable {
    public let scorer: MatchScorer
    /// Blocks holding more people than this are skipped when searching (a very common name sound
    /// with a common birth year): they would slow every query and add little, since other blocks
    /// still find the person. Identifier blocks are never skipped.
    public let maximumBlockSize: Int

    private var rows: [PersonFeatures?] = []
    private var ids: [UUID] = []
    private var names: [DisplayNames] = []
    private var freeRows: [Int32] = []
    private var rowByID: [UUID: Int32] = [:]
    private var blocks: [UInt64: Postings] = [:]
    private var givenNameCounts: [PackedText: Int32] = [:]
    private var familyNameCounts: [PackedText: Int32] = [:]

    public init(scorer: MatchScorer = MatchScorer(), maximumBlockSize: Int = 3_000) {
        self.scorer = scorer
        self.maximumBlockSize = maximumBlockSize
    }

    /// Number of people indexed.
    public var count: Int { rowByID.count }

    public func contains(_ id: UUID) -> Bool { rowByID[id] != nil }

    /// Makes room for `capacity` people in advance, to avoid regrowth when bulk loading.
    public mutating func reserveCapacity(_ capacity: Int) {
        rows.reserveCapacity(capacity)
        ids.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
        rowByID.reserveCapacity(capacity)
        blocks.reserveCapacity(capacity * 4)
    }

    public mutating func insert(_ record: PersonRecord) throws(MatchIndexError) {
        guard rowByID[record.id] == nil else { throw .duplicatePerson(record.id) }
        let row: Int32
        if let free = freeRows.popLast() {
            row = free
        } else {
            row = Int32(rows.count)
            rows.append(nil)
            ids.append(record.id)
            names.append(DisplayNames(given: nil, family: nil))
        }
        file(record, at: row)
    }

    /// Replaces what is known about an existing person.
    public mutating func update(_ record: PersonRecord) throws(MatchIndexError) {
        guard let row = rowByID[record.id] else { throw .unknownPerson(record.id) }
        unfile(row)
        file(record, at: row)
    }

    public mutating func remove(_ id: UUID) throws(MatchIndexError) {
        guard let row = rowByID[id] else { throw .unknownPerson(id) }
        unfile(row)
        rowByID[id] = nil
        freeRows.append(row)
    }

    /// Existing people who may be the person `query` describes, best first, at most `limit`.
    ///
    /// The query's own person (`query.personID`) is never proposed, nor is anyone paired with it
    /// in `notSame`; give a new contact a provisional id so that "not the same person" answers
    /// recorded during intake take effect at once.
    public func candidates(for query: MatchQuery, limit: Int = 10,
                           excluding notSame: Set<NotSamePersonPair> = []) -> [MatchCandidate] {
        guard limit > 0 else { return [] }
        let q = PersonFeatures(query, nicknames: scorer.nicknames)
        let context = scoringContext(q)
        var best = TopCandidates(limit: limit)
        for row in candidateRows(for: q) {
            guard let r = rows[Int(row)] else { continue }
            let comparison = scorer.compare(q, r)
            let weight = scorer.weight(of: comparison, context: context)
            guard best.wouldKeep(weight) else { continue }
            let id = ids[Int(row)]
            if let own = query.personID, own == id || notSame.contains(NotSamePersonPair(own, id)) { continue }
            best.offer(row: row, weight: weight, comparison: comparison)
        }
        let queryNames = DisplayNames(given: query.givenName, family: query.familyName)
        return best.sorted.map {
            scorer.candidate(id: ids[Int($0.row)], comparison: $0.comparison, context: context,
                             query: queryNames, record: names[Int($0.row)])
        }
    }

    /// How many indexed people `query` would be scored against: the size of the union of its
    /// blocks. For benchmarks and capacity planning.
    public func blockedCount(for query: MatchQuery) -> Int {
        candidateRows(for: PersonFeatures(query, nicknames: scorer.nicknames)).count
    }

    /// Rows sharing at least one block with the query, each once.
    func candidateRows(for q: PersonFeatures) -> [Int32] {
        var found: [Int32] = []
        for k in BlockingKeys.forQuery(q, nicknames: scorer.nicknames) {
            guard let postings = blocks[k.key], k.isIdentifier || postings.count <= maximumBlockSize else { continue }
            postings.forEach { found.append($0) }
        }
        found.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(found.count)
        for row in found where unique.last != row { unique.append(row) }
        return unique
    }

    // MARK: Filing

    private mutating func file(_ record: PersonRecord, at row: Int32) {
        let features = PersonFeatures(record, nicknames: scorer.nicknames)
        rows[Int(row)] = features
        ids[Int(row)] = record.id
        names[Int(row)] = DisplayNames(given: record.givenName, family: record.familyName)
        rowByID[record.id] = row
        for key in BlockingKeys.forRecord(features, nicknames: scorer.nicknames) {
            if let i = blocks.index(forKey: key) {
                blocks.values[i].add(row)
            } else {
                blocks[key] = .one(row)
            }
        }
        count(features, by: 1)
    }

    private mutating func unfile(_ row: Int32) {
        guard let features = rows[Int(row)] else { return }
        for key in BlockingKeys.forRecord(features, nicknames: scorer.nicknames) {
            blocks[key] = blocks[key]?.removing(row)
        }
        count(features, by: -1)
        rows[Int(row)] = nil
        names[Int(row)] = DisplayNames(given: nil, family: nil)
    }

    private mutating func count(_ features: PersonFeatures, by delta: Int32) {
        if let g = features.given { givenNameCounts[g.text, default: 0] += delta }
        if let f = features.family { familyNameCounts[f.text, default: 0] += delta }
    }

    // MARK: Population

    /// The prior and household cap for this index's size, and exact-agreement weights for the
    /// query's own names: agreeing on a common name is weaker evidence than on a rare one, so u
    /// for each is its share of the indexed population.
    private func scoringContext(_ q: PersonFeatures) -> ScoringContext {
        var context = scorer.context(population: count)
        let p = scorer.parameters
        guard count >= p.termFrequencyMinimumPopulation else { return context }
        func weight(_ name: NameFeature?, _ counts: [PackedText: Int32], m: Double) -> Double? {
            guard let name else { return nil }
            let share = Double(counts[name.text] ?? 0) / Double(count)
            return log2(m / max(share, p.termFrequencyMinimumU))
        }
        context.givenExact = weight(q.given, givenNameCounts, m: scorer.weights.givenExactM)
        context.familyExact = weight(q.family, familyNameCounts, m: scorer.weights.familyExactM)
        return context
    }
}

/// The best few candidates seen so far, kept sorted (a limit is a handful, so insertion is cheap).
private struct TopCandidates {
    struct Entry {
        let row: Int32
        let weight: Double
        let comparison: FieldComparison
    }

    let limit: Int
    private(set) var sorted: [Entry] = []

    init(limit: Int) { self.limit = limit }

    func wouldKeep(_ weight: Double) -> Bool { sorted.count < limit || weight > sorted[sorted.count - 1].weight }

    mutating func offer(row: Int32, weight: Double, comparison: FieldComparison) {
        guard wouldKeep(weight) else { return }
        let position = sorted.firstIndex { $0.weight < weight } ?? sorted.count
        sorted.insert(Entry(row: row, weight: weight, comparison: comparison), at: position)
        if sorted.count > limit { sorted.removeLast() }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// The in-memory match index of everyone on the person index, built from the store on first use
/// and kept in step by this process's own writes. A contact is matched in milliseconds without
/// a query per candidate. (Several Lantern processes each keep their own; see README.)
final class PersonIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: MatchIndex?
    private var notSame: Set<NotSamePersonPair> = []

    func candidates(for query: MatchQuery, limit: Int = 5, on db: any Database) async throws -> [MatchCandidate] {
        let (index, notSame) = try await loaded(on: db)
        return index.candidates(for: query, limit: limit, excluding: notSame)
    }

    func upsert(personID: UUID, on db: any Database) async throws {
        guard let record = try await PersonQueries.matchRecord(personID: personID, on: db) else { return }
        _ = try await loaded(on: db)
        lock.withLock {
            if index?.contains(personID) == true { try? index?.update(record) } else { try? index?.insert(record) }
        }
    }

    /// A record merged into another leaves the index; the kept record is upserted by the caller.
    func remove(personID: UUID) {
        lock.withLock { try? index?.remove(personID) }
    }

    func markNotSame(_ a: UUID, _ b: UUID) {
        lock.withLock { _ = notSame.insert(NotSamePersonPair(a, b)) }
    }

    func invalidate() { lock.withLock { index = nil } }

    private func loaded(on db: any Database) async throws -> (MatchIndex, Set<NotSamePersonPair>) {
        if let ready = lock.withLock({ index.map { ($0, notSame) } }) { return ready }
        let records = try await PersonQueries.allMatchRecords(on: db)
        let pairs = try await NotSamePersonModel.query(on: db).all().map { NotSamePersonPair($0.firstID, $0.secondID) }
        var built = MatchIndex()
        built.reserveCapacity(records.count)
        for record in records { try? built.insert(record) }
        let result = built
        lock.withLock {
            index = result
            notSame = Set(pairs)
        }
        return (result, Set(pairs))
    }
}

extension Application {
    private struct PersonIndexKey: StorageKey { typealias Value = PersonIndexCache }

    var personIndex: PersonIndexCache {
        if let cache = storage[PersonIndexKey.self] { return cache }
        let cache = PersonIndexCache()
        storage[PersonIndexKey.self] = cache
        return cache
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// What My work and Team read, kept until the database's change count for that worker or team
/// moves (`CaseloadQueries.version(of:on:)`, counted by triggers as each change commits).
///
/// The count is read before the caseload, so a copy is never newer-labelled than its contents: a
/// change committed in between moves the count again and the next request reads afresh. Each
/// server keeps its own copies and checks the shared count on every request, so several servers
/// on one database never show each other stale caseloads.
final class VersionedCache<Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        let version: Int64
        let value: Value
    }

    private let lock = NSLock()
    private var entries: [UUID: Entry] = [:]
    /// A council has about 60 teams and 800 workers; past this the copies are dropped, not grown.
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func value(for owner: UUID, on db: any Database, load: () async throws -> Value) async throws -> Value {
        let version = try await CaseloadQueries.version(of: owner, on: db)
        if let entry = lock.withLock({ entries[owner] }), entry.version == version { return entry.value }
        let value = try await load()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            // A slower reader must not replace a copy made at a later count.
            if let existing = entries[owner], existing.version > version { return }
            entries[owner] = Entry(version: version, value: value)
        }
        return value
    }
}

/// The copies kept for the caseload pages, one set per application.
final class CaseloadCache: Sendable {
    let workers = VersionedCache<[CaseloadQueries.OpenCase]>()
    let teams = VersionedCache<TeamCaseload>()
}

extension Application {
    private struct CaseloadCacheKey: StorageKey { typealias Value = CaseloadCache }

    /// Made by `LanternApp.configure`, before any request can race to make it.
    var caseloadCache: CaseloadCache {
        if let cache = storage[CaseloadCacheKey.self] { return cache }
        let cache = CaseloadCache()
        storage[CaseloadCacheKey.self] = cache
        return cache
    }
}

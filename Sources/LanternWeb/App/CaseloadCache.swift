import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// What My work and Team read, kept until the database's change count for that worker or team
/// moves (`CaseloadQueries.version(of:on:)`, counted by triggers as each change commits).
///
/// The count is read before the caseload, so a copy is never labelled newer than its contents: a
/// change committed in between moves the count again and the next request reads afresh. Each
/// server keeps its own copies and checks the shared count on every request, so several servers
/// on one database never show each other stale caseloads.
final class VersionedCache<Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        let version: Int64
        let value: Value
    }

    private enum Lookup {
        case kept(Value)
        case loading(Task<Value, any Error>)
    }

    private let lock = NSLock()
    private var entries: [UUID: Entry] = [:]
    /// One read at a time per worker or team: after a change, the 30 people looking at a team's
    /// page all find their copy out of date at once, and 30 reads of 500 cases together took
    /// half a second where one takes 20 ms.
    private var loading: [UUID: (version: Int64, task: Task<Value, any Error>)] = [:]
    /// A council has about 60 teams and 800 workers; past this the copies are dropped, not grown.
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func value(for owner: UUID, on db: any Database, load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let version = try await CaseloadQueries.version(of: owner, on: db)
        let lookup: Lookup = lock.withLock {
            // A copy or a read begun at a later count is at least as fresh as one at this count.
            if let entry = entries[owner], entry.version >= version { return .kept(entry.value) }
            if let inFlight = loading[owner], inFlight.version >= version { return .loading(inFlight.task) }
            let task = Task { try await self.read(owner, at: version, load) }
            loading[owner] = (version, task)
            return .loading(task)
        }
        switch lookup {
        case let .kept(value): return value
        case let .loading(task): return try await task.value
        }
    }

    private func read(_ owner: UUID, at version: Int64, _ load: () async throws -> Value) async throws -> Value {
        defer { lock.withLock { if loading[owner]?.version == version { loading[owner] = nil } } }
        let value = try await load()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
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

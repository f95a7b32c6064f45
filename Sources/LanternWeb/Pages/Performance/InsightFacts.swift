import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// The facts the performance pages measure (every contact, every case record and the team that
/// holds it), kept in memory and brought up to date from the rows changed since they were last
/// read: a city's ten years are read once, not on every page. Figures computed from them are
/// kept per question (period and team) until the facts change.
///
/// Rows are found by their `updated_at` stamps. A write stamped before one already read but
/// committed after it (two requests at once) is caught because each reading goes back `overlap`
/// before the latest stamp; rows deleted by retention erasure make the next reading a full one
/// (`forgetAll`); anything else is caught by reading everything again every `fullReadEvery`.
/// Only `CaseSnapshot.measuredFacts` is kept of each case, so a city's facts fit in memory.
actor InsightFacts {
    struct Current: Sendable {
        let version: Int
        let contacts: [ContactFacts]
        let cases: [CaseFacts]
    }

    static let fullReadEvery: TimeInterval = 60 * 60
    static let overlap: TimeInterval = 60
    static let figuresKept = 64

    private var contacts: [UUID: ContactFacts] = [:]
    private var snapshots: [UUID: CaseSnapshot] = [:]
    private var teams: [UUID: UUID] = [:]
    private var readUpTo: Date?
    private var fullReadAt: Date?
    private var current: Current?
    private var refreshing: Task<Current, any Error>?
    private var figures: [String: (version: Int, value: any Sendable)] = [:]

    /// The facts as the database holds them now.
    func current(on db: any Database) async throws -> Current {
        if let refreshing { return try await refreshing.value }
        let latest = try await InsightQueries.latestChange(on: db)
        let stale = fullReadAt.map { Date().timeIntervalSince($0) > Self.fullReadEvery } ?? true
        if let current, !stale, latest == readUpTo { return current }
        let task = Task { try await self.refresh(latest: latest, full: stale, on: db) }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    private func refresh(latest: Date?, full: Bool, on db: any Database) async throws -> Current {
        let since = full ? nil : readUpTo?.addingTimeInterval(-Self.overlap)
        let changedContacts = try await InsightQueries.contactFacts(changedSince: since, on: db)
        let changedCases = try await InsightQueries.caseSnapshots(changedSince: since, keeping: \.measuredFacts, on: db)
        let changedTeams = try await InsightQueries.holdingTeams(changedSince: since, on: db)
        if full {
            contacts = [:]
            snapshots = [:]
            teams = [:]
            fullReadAt = Date()
        }
        for (id, facts) in changedContacts { contacts[id] = facts }
        for (child, snapshot) in changedCases { snapshots[child] = snapshot }
        teams.merge(changedTeams) { _, new in new }
        readUpTo = latest
        let next = Current(version: (current?.version ?? 0) + 1, contacts: Array(contacts.values),
                           cases: snapshots.map { CaseFacts(childID: $0.key, teamID: teams[$0.key], snapshot: $0.value) })
        current = next
        figures = [:]
        if full { GlibcMemory.returnFreedMemory() }
        return next
    }

    /// Rows were deleted: the next reading reads everything.
    func forgetAll() {
        fullReadAt = nil
    }

    /// Figures computed earlier from the same facts for the same question.
    func figures<Value: Sendable>(_ key: String, version: Int, as type: Value.Type) -> Value? {
        guard let kept = figures[key], kept.version == version else { return nil }
        return kept.value as? Value
    }

    func keep(_ value: some Sendable, as key: String, version: Int) {
        if figures.count >= Self.figuresKept { figures.removeAll() }
        figures[key] = (version, value)
    }
}

extension Application {
    private struct InsightFactsKey: StorageKey { typealias Value = InsightFacts }

    var insightFacts: InsightFacts {
        if let facts = storage[InsightFactsKey.self] { return facts }
        let facts = InsightFacts()
        storage[InsightFactsKey.self] = facts
        return facts
    }
}

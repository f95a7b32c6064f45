import FluentKit
import Foundation
import LanternCore

/// The facts the performance page measures: every contact, and every case with the team that
/// holds (or last held) it.
public enum InsightQueries {
    public static func contactFacts(on db: any Database) async throws -> [ContactFacts] {
        try await contactFacts(changedSince: nil, on: db).map(\.facts)
    }

    public static func caseFacts(on db: any Database) async throws -> [CaseFacts] {
        let teams = try await holdingTeams(changedSince: nil, on: db)
        return try await caseSnapshots(changedSince: nil, on: db).map { CaseFacts(childID: $0.child, teamID: teams[$0.child], snapshot: $0.snapshot) }
    }

    /// Rows are read a page at a time in id order: a city's 300,000 contacts never sit in memory
    /// as models at once, and other requests get the database connection between pages.
    public static let pageSize = 5_000

    /// Contacts whose row changed at or after `since` (all of them when nil), with only the
    /// columns the measures read.
    public static func contactFacts(changedSince since: Date?, pageSize: Int = pageSize, on db: any Database) async throws -> [(id: UUID, facts: ContactFacts)] {
        var result: [(id: UUID, facts: ContactFacts)] = []
        var after: UUID?
        while true {
            var query = ContactModel.query(on: db)
                .field(\.$id).field(\.$receivedOn).field(\.$decisionDueAt).field(\.$decidedAt).field(\.$status)
                .field(\.$sourceCode).field(\.$isReReferral).field(\.$referrerOrganisation)
            if let since { query = query.filter(\.$updatedAt >= since) }
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.sort(\.$id).limit(pageSize).all()
            for c in page {
                guard let id = c.id, let received = Day(iso: c.receivedOn) else { continue }
                result.append((id, ContactFacts(receivedOn: received, decisionDue: c.decisionDueAt, decidedAt: c.decidedAt,
                                                becameReferral: c.status == ContactStatus.referralOpened.rawValue,
                                                sourceCode: c.sourceCode, isReReferral: c.isReReferral, organisation: c.referrerOrganisation)))
            }
            guard page.count == pageSize, let last = page.last?.id else { return result }
            after = last
        }
    }

    /// Case records changed at or after `since` (all when nil), by child, each reduced by `keep`
    /// as soon as it is read (the performance page keeps only `CaseSnapshot.measuredFacts`).
    public static func caseSnapshots(changedSince since: Date?, keeping keep: (CaseSnapshot) -> CaseSnapshot = { $0 },
                                     pageSize: Int = pageSize, on db: any Database) async throws -> [(child: UUID, snapshot: CaseSnapshot)] {
        var result: [(child: UUID, snapshot: CaseSnapshot)] = []
        var after: UUID?
        while true {
            var query = ChildCaseModel.query(on: db).field(\.$id).field(\.$person.$id).field(\.$snapshotJSON)
            if let since { query = query.filter(\.$updatedAt >= since) }
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.sort(\.$id).limit(pageSize).all()
            for row in page { result.append((row.$person.id, keep(try row.snapshot()))) }
            guard page.count == pageSize, let last = page.last?.id else { return result }
            after = last
        }
    }

    /// The team that holds (or last held) each child's case, for the children whose allocations
    /// changed at or after `since` (all when nil): the open allocation, else the latest to start.
    public static func holdingTeams(changedSince since: Date?, pageSize: Int = pageSize, on db: any Database) async throws -> [UUID: UUID] {
        var children: [UUID]? = nil
        if let since {
            children = Array(Set(try await AllocationModel.query(on: db).field(\.$id).field(\.$person.$id)
                .filter(\.$updatedAt >= since).all().map(\.$person.id)))
            if children?.isEmpty == true { return [:] }
        }
        var latest: [UUID: (open: Int, started: String, team: UUID)] = [:]
        var after: UUID?
        while true {
            var query = AllocationModel.query(on: db).field(\.$id).field(\.$person.$id).field(\.$team.$id).field(\.$startedOn).field(\.$endedOn)
            if let children { query = query.filter(\.$person.$id ~~ children) }
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.sort(\.$id).limit(pageSize).all()
            for a in page {
                let candidate = (open: a.endedOn == nil ? 1 : 0, started: a.startedOn, team: a.$team.id)
                if let current = latest[a.$person.id], (current.open, current.started) >= (candidate.open, candidate.started) { continue }
                latest[a.$person.id] = candidate
            }
            guard page.count == pageSize, let last = page.last?.id else { break }
            after = last
        }
        return latest.mapValues(\.team)
    }

    /// The latest change to anything the performance figures read, so that a cache of them knows
    /// whether it is current. Each is one step down an index.
    public static func latestChange(on db: any Database) async throws -> Date? {
        let contact = try await ContactModel.query(on: db).max(\.$updatedAt)
        let allocation = try await AllocationModel.query(on: db).max(\.$updatedAt)
        let record = try await ChildCaseModel.query(on: db).max(\.$updatedAt)
        return [contact, allocation, record].compactMap { $0 }.max()
    }
}

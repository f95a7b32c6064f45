import FluentKit
import SQLKit
import Foundation
import LanternCore

/// What the statutory returns read from the store: each child's case record with the person
/// details the returns need.
public enum ReturnsQueries {
    public struct ChildCase: Sendable {
        public let person: PersonSummary
        public let snapshot: CaseSnapshot
    }

    public struct PersonSummary: Sendable {
        public let id: UUID
        public let reference: String
        public let birthDate: Day?
        public let expectedBirthDate: Day?
        public let sex: String
        public let ethnicity: String?
        public let upn: String?
        public let postcode: String?
    }

    /// Every child with a case record, in reference order. Streams in pages so a city's records
    /// never sit in memory twice.
    public struct SocialWorkerSpellRow: Sendable {
        public let number: String?
        public let start: Day
        public let end: Day?
        public let reason: String?
    }

    /// Each child's allocations to a named worker, oldest first (the 903's social worker episodes).
    public static func socialWorkerSpells(for people: [UUID], on db: any Database) async throws -> [UUID: [SocialWorkerSpellRow]] {
        var result: [UUID: [SocialWorkerSpellRow]] = [:]
        for chunk in stride(from: 0, to: people.count, by: 500).map({ Array(people[$0..<min($0 + 500, people.count)]) }) {
            let allocations = try await AllocationModel.query(on: db).filter(\.$person.$id ~~ chunk).filter(\.$worker.$id != nil)
                .with(\.$worker).sort(\.$startedOn).all()
            for a in allocations {
                guard let start = Day(iso: a.startedOn) else { continue }
                result[a.$person.id, default: []].append(SocialWorkerSpellRow(number: a.worker?.socialWorkerNumber, start: start,
                                                                               end: a.endedOn.flatMap { Day(iso: $0) }, reason: a.changeReason))
            }
        }
        return result
    }

    /// Which case records a return reads: its own rules then decide what of each it reports.
    public enum Records: Sendable {
        case all
        /// Records with an episode of need open at some time in the period (the CIN census).
        case episodesOverlapping(from: Day, to: Day)
        /// Records of children ever looked after (the SSDA903).
        case everLookedAfter
    }

    /// How much of each snapshot a reader needs.
    public enum SnapshotParts: Sendable {
        case whole
        /// Without the care record (`CaseSnapshot.EpisodesOnly`): the CIN census.
        case episodesOnly
    }

    /// The case records `records` names with their children, in reference order: one query per
    /// page of records joined to their child, read by id so that a city's records are never all
    /// held at once. Decoding the snapshots is most of the work, so each page is decoded while the
    /// next is read.
    public static func childCases(_ records: Records = .all, reading parts: SnapshotParts = .whole, on db: any Database,
                                  pageSize: Int = 2_000) async throws -> [ChildCase] {
        guard let sql = db as? any SQLDatabase else { throw CaseloadQueryError.notSQL }
        var result: [ChildCase] = []
        var after: UUID?
        var decoding: Task<[ChildCase], any Error>?
        while true {
            let page = try await childCasePage(records, after: after, limit: pageSize, on: sql)
            if let decoding { result += try await decoding.value }
            decoding = Task { try page.map { try $0.decoded(parts) } }
            guard page.count == pageSize, let last = page.last?.caseID else { break }
            after = last
        }
        if let decoding { result += try await decoding.value }
        return result.sorted { $0.person.reference < $1.person.reference }
    }

    /// One row of `childCases` as read, before its snapshot is decoded.
    private struct StoredChildCase: Sendable {
        let caseID: UUID
        let person: PersonSummary
        let snapshotJSON: String

        func decoded(_ parts: SnapshotParts) throws -> ChildCase {
            let data = Data(snapshotJSON.utf8)
            let snapshot = switch parts {
            case .whole: try JSONDecoder().decode(CaseSnapshot.self, from: data)
            case .episodesOnly: try JSONDecoder().decode(CaseSnapshot.EpisodesOnly.self, from: data).snapshot
            }
            return ChildCase(person: person, snapshot: snapshot)
        }
    }

    private static func childCasePage(_ records: Records, after: UUID?, limit: Int, on sql: any SQLDatabase) async throws -> [StoredChildCase] {
        let c = { (column: String) in SQLColumn(column, table: "c") }
        let p = { (column: String) in SQLColumn(column, table: "p") }
        var query = sql.select()
            .column(c("id")).column(c("snapshot")).column(SQLAlias(p("id"), as: SQLIdentifier("person_id")))
            .column(p("reference")).column(p("date_of_birth")).column(p("expected_date_of_birth")).column(p("sex"))
            .column(p("ethnicity")).column(p("upn")).column(p("postcode"))
            .from(SQLAlias(SQLIdentifier(ChildCaseModel.schema), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier(PersonModel.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: p("id"), .equal, c("person_id"))
        switch records {
        case .all:
            break
        case .episodesOverlapping(let start, let end):
            // Dates are ISO text, which sorts as the dates do (CaseSnapshot.Span.episodesOverlap).
            query = query.where(c("first_referral_on"), .lessThanOrEqual, SQLBind(end.iso))
                .where { $0.where(c("episodes_closed_on"), .is, SQLLiteral.null).orWhere(c("episodes_closed_on"), .greaterThanOrEqual, SQLBind(start.iso)) }
        case .everLookedAfter:
            query = query.where(c("ever_looked_after"), .equal, SQLBind(true))
        }
        if let after { query = query.where(c("id"), .greaterThan, SQLBind(after)) }
        return try await query.orderBy(c("id")).limit(limit).all().map { row in
            let day = { (column: String) in try row.decode(column: column, as: String?.self).flatMap { Day(iso: $0) } }
            return StoredChildCase(
                caseID: try row.decode(column: "id", as: UUID.self),
                person: PersonSummary(id: try row.decode(column: "person_id", as: UUID.self),
                                      reference: try row.decode(column: "reference", as: String.self),
                                      birthDate: try day("date_of_birth"), expectedBirthDate: try day("expected_date_of_birth"),
                                      sex: try row.decode(column: "sex", as: String.self),
                                      ethnicity: try row.decode(column: "ethnicity", as: String?.self),
                                      upn: try row.decode(column: "upn", as: String?.self),
                                      postcode: try row.decode(column: "postcode", as: String?.self)),
                snapshotJSON: try row.decode(column: "snapshot", as: String.self))
        }
    }
}

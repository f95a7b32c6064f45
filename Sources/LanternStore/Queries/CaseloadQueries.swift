import FluentKit
import Foundation
import LanternCore
import SQLKit

/// The queries behind My work and the Team page: open cases with their allocation and clocks.
public enum CaseloadQueries {
    public struct OpenCase: Sendable {
        public let personID: UUID
        public let name: String
        public let reference: String
        public let teamID: UUID
        public let teamName: String
        public let workerID: UUID?
        public let workerName: String?
        public let stage: String
        public let category: CaseloadCategory?
        public let nextEvent: StatutoryEvent.Kind?
        public let nextDue: Day?
        public let lastActivity: Day?
        public let lastSeen: Day?
        public let awaitingAuthorisation: Bool
        public let awaitingSignOff: Bool
        public let allocatedOn: Day?
    }

    /// Open allocations (optionally for one worker or one team) joined to their child, team,
    /// worker and the case record's derived columns: one query reading only the columns the pages
    /// show. A city team holds hundreds of open cases, and reading each as five whole models was
    /// most of the Team page's time.
    /// A table under an alias, read through the named index on SQLite. SQLite's planner prefers a
    /// unique index on the same leading column to the covering one (`AddCaseloadIndexes`), and
    /// then reads each case record's snapshot pages; PostgreSQL chooses index-only scans itself.
    static func table(_ name: String, as alias: String, index: String, on sql: any SQLDatabase) -> any SQLExpression {
        guard sql.dialect.name == "sqlite" else { return SQLAlias(SQLIdentifier(name), as: SQLIdentifier(alias)) }
        return SQLRaw("\"\(name)\" AS \"\(alias)\" INDEXED BY \"\(index)\"")
    }

    public static func openCases(workerID: UUID? = nil, teamID: UUID? = nil, on db: any Database) async throws -> [OpenCase] {
        guard let sql = db as? any SQLDatabase else { throw CaseloadQueryError.notSQL }
        var query = sql.select()
            .column(SQLColumn("person_id", table: "a")).column(SQLColumn("team_id", table: "a"))
            .column(SQLColumn("worker_id", table: "a")).column(SQLColumn("started_on", table: "a"))
            .column(SQLColumn("given_name", table: "p")).column(SQLColumn("family_name", table: "p"))
            .column(SQLColumn("reference", table: "p")).column(SQLAlias(SQLColumn("name", table: "t"), as: SQLIdentifier("team_name")))
            .column(SQLColumn("display_name", table: "s"))
            .column(SQLColumn("stage", table: "c")).column(SQLColumn("category", table: "c"))
            .column(SQLColumn("next_event", table: "c")).column(SQLColumn("next_due", table: "c"))
            .column(SQLColumn("last_activity", table: "c")).column(SQLColumn("last_seen", table: "c"))
            .column(SQLColumn("awaiting_authorisation", table: "c")).column(SQLColumn("awaiting_sign_off", table: "c"))
            .from(SQLAlias(SQLIdentifier(AllocationModel.schema), as: SQLIdentifier("a")))
            .join(table(PersonModel.schema, as: "p", index: "people_caseload", on: sql), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(TeamModel.schema), as: SQLIdentifier("t")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "t"), .equal, SQLColumn("team_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(StaffUserModel.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("worker_id", table: "a"))
            .join(table(ChildCaseModel.schema, as: "c", index: "child_cases_caseload", on: sql), method: SQLJoinMethod.left,
                  on: SQLColumn("person_id", table: "c"), .equal, SQLColumn("person_id", table: "a"))
            .where(SQLColumn("ended_on", table: "a"), .is, SQLLiteral.null)
        if let workerID { query = query.where(SQLColumn("worker_id", table: "a"), .equal, SQLBind(workerID)) }
        if let teamID { query = query.where(SQLColumn("team_id", table: "a"), .equal, SQLBind(teamID)) }
        return try await query.all().map { row in
            let given = try row.decode(column: "given_name", as: String.self)
            let family = try row.decode(column: "family_name", as: String.self)
            let day: (String) throws -> Day? = { column in try row.decode(column: column, as: String?.self).flatMap { Day(iso: $0) } }
            return OpenCase(
                personID: try row.decode(column: "person_id", as: UUID.self), name: "\(given) \(family)",
                reference: try row.decode(column: "reference", as: String.self),
                teamID: try row.decode(column: "team_id", as: UUID.self), teamName: try row.decode(column: "team_name", as: String.self),
                workerID: try row.decode(column: "worker_id", as: UUID?.self), workerName: try row.decode(column: "display_name", as: String?.self),
                stage: try row.decode(column: "stage", as: String?.self) ?? "No case recorded",
                category: try row.decode(column: "category", as: String?.self).flatMap(CaseloadCategory.init(rawValue:)),
                nextEvent: try row.decode(column: "next_event", as: String?.self).flatMap(StatutoryEvent.Kind.init(rawValue:)),
                nextDue: try day("next_due"), lastActivity: try day("last_activity"), lastSeen: try day("last_seen"),
                awaitingAuthorisation: try row.decode(column: "awaiting_authorisation", as: Bool?.self) ?? false,
                awaitingSignOff: try row.decode(column: "awaiting_sign_off", as: Bool?.self) ?? false,
                allocatedOn: try day("started_on"))
        }
    }
}

extension CaseloadQueries {
    /// How many times a worker's or a team's caseload has changed, counted by the database as
    /// each change commits (`AddCaseloadVersions`). Equal counts mean nothing the caseload pages
    /// read has changed; the count never goes down.
    public static func version(of owner: UUID, on db: any Database) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase else { throw CaseloadQueryError.notSQL }
        let everyone = UUID(uuidString: AddCaseloadVersions.everyone)!
        let rows = try await sql.raw("""
            SELECT version FROM \(ident: AddCaseloadVersions.table) WHERE owner_id = \(bind: owner) OR owner_id = \(bind: everyone)
            """).all()
        return try rows.reduce(0) { $0 + (try $1.decode(column: "version", as: Int64.self)) }
    }
}

/// Caseloads are read with SQL; every database Lantern runs on speaks it.
public enum CaseloadQueryError: Error {
    case notSQL
}

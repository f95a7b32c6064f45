import FluentKit
import SQLKit

/// Indexes for lookups the screens make by a child, team or worker that had none: a child's
/// page read every early help family and every document's row to find the child's own (42,000
/// and growing at city scale), and the front door counted a family's early help episodes by
/// reading them all. Found by profiling the city's pages.
struct AddLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("early_help_children_person", "early_help_children", "person_id"),
        ("early_help_episodes_family", "early_help_episodes", "family_reference"),
        ("early_help_episodes_team", "early_help_episodes", "team_id, is_open"),
        ("documents_person", "documents", "person_id, uploaded_at"),
        ("staff_users_team", "staff_users", "team_id"),
        ("supervisions_worker", "supervisions", "worker_id, held_on"),
        ("case_audits_person", "case_audits", "person_id"),
        ("case_audits_team", "case_audits", "team_id"),
        ("adopter_households_child", "adopter_households", "child_id"),
    ]

    func prepare(on database: Database) async throws { try await IndexList.create(Self.indexes, on: database) }

    func revert(on database: Database) async throws { try await IndexList.drop(Self.indexes, on: database) }
}

/// Plain indexes a migration adds, made and dropped the same way on SQLite and PostgreSQL.
enum IndexList {
    static func create(_ indexes: [(name: String, table: String, columns: String)], on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }

    static func drop(_ indexes: [(name: String, table: String, columns: String)], on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes { try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index.name)").run() }
    }
}

import FluentKit
import SQLKit

/// When each contact and allocation last changed, and indexes on it and on the case record's
/// own stamp (and one on restricted records): the performance figures are kept in memory and refreshed from the rows that changed
/// since they were last read, instead of re-reading a city's whole history on every page.
struct AddChangeStamps: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ContactModel.schema).field("updated_at", .datetime).update()
        try await database.schema(AllocationModel.schema).field("updated_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX contacts_updated ON contacts (updated_at)").run()
        try await sql.raw("CREATE INDEX allocations_updated ON allocations (updated_at)").run()
        try await sql.raw("CREATE INDEX child_cases_updated ON child_cases (updated_at)").run()
        // Restricted records are few; every search and list asks which they are.
        try await sql.raw("CREATE INDEX people_restricted ON people (restricted)").run()
    }

    func revert(on database: Database) async throws {
        if let sql = database as? any SQLDatabase {
            for index in ["contacts_updated", "allocations_updated", "child_cases_updated", "people_restricted"] {
                try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index)").run()
            }
        }
        try await database.schema(AllocationModel.schema).deleteField("updated_at").update()
        try await database.schema(ContactModel.schema).deleteField("updated_at").update()
    }
}

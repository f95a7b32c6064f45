import FluentKit
import SQLKit

/// Merging two records of the same person (issue 3): the proposals and what each merge moved,
/// and the mark on a duplicate that it now lives on in another record.
struct AddPersonMerges: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PersonModel.schema).field("merged_into", .uuid).update()
        try await database.schema(PersonMergeModel.schema)
            .id()
            .field("kept_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("duplicate_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("proposed_by", .uuid, .required)
            .field("proposed_at", .datetime, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("unmerged_by", .uuid)
            .field("unmerged_at", .datetime)
            .field("moved", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX person_merges_status ON person_merges (status)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PersonMergeModel.schema).delete()
        try await database.schema(PersonModel.schema).deleteField("merged_into").update()
    }
}

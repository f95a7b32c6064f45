import FluentKit
import SQLKit

struct CreateCasework: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ChildCaseModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("snapshot", .string, .required)
            .field("is_open", .bool, .required)
            .field("stage", .string, .required)
            .field("category", .string)
            .field("next_event", .string)
            .field("next_due", .string)
            .field("last_activity", .string)
            .field("last_seen", .string)
            .field("awaiting_authorisation", .bool, .required)
            .field("awaiting_sign_off", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "person_id")
            .create()
        try await database.schema(CaseNoteModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("kind", .string, .required)
            .field("occurred_on", .string, .required)
            .field("child_seen", .bool, .required)
            .field("seen_alone", .bool, .required)
            .field("text", .string, .required)
            .field("significant", .bool, .required)
            .field("author_id", .uuid, .required, .references(StaffUserModel.schema, .id))
            .field("created_at", .datetime)
            .create()
        try await database.schema(DraftModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(StaffUserModel.schema, .id, onDelete: .cascade))
            .field("form_key", .string, .required)
            .field("fields", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "user_id", "form_key")
            .create()
        try await database.schema(BreakGlassModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(StaffUserModel.schema, .id))
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("owner_team_id", .uuid)
            .field("reason", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX break_glass_user_person ON break_glass (user_id, person_id, expires_at)").run()
        try await sql.raw("CREATE INDEX case_notes_person ON case_notes (person_id, occurred_on)").run()
        try await sql.raw("CREATE INDEX child_cases_open ON child_cases (is_open, next_due)").run()
    }

    func revert(on database: Database) async throws {
        for schema in [BreakGlassModel.schema, DraftModel.schema, CaseNoteModel.schema, ChildCaseModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}

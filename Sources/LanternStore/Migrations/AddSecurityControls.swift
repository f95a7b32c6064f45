import FluentKit
import SQLKit

/// Two-factor sign-in, re-authentication, restricted records and retention reviews (issue 8).
/// Columns are added one `ALTER TABLE` at a time: SQLite cannot add several in one statement.
struct AddSecurityControls: AsyncMigration {
    func prepare(on database: Database) async throws {
        // The second factor: a TOTP secret (Base32; confirmed once the user typed a first code),
        // the last step accepted (so a code is never accepted twice), and the recovery code hashes.
        try await database.schema(StaffUserModel.schema).field("totp_secret", .string).update()
        try await database.schema(StaffUserModel.schema).field("totp_confirmed_at", .datetime).update()
        try await database.schema(StaffUserModel.schema).field("totp_last_step", .int64).update()
        try await database.schema(StaffUserModel.schema).field("recovery_code_hashes", .string).update()
        // When the session's user last proved who they are (password, and code when enrolled), and
        // whether the password was right but the second factor is still to come.
        try await database.schema(UserSessionModel.schema).field("authenticated_at", .datetime).update()
        try await database.schema(UserSessionModel.schema)
            .field("second_factor_pending", .bool, .required, .sql(.default(false))).update()

        try await database.schema(RestrictedAccessModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("user_id", .uuid, .required, .references(StaffUserModel.schema, .id))
            .field("granted_by", .uuid, .required)
            .field("granted_at", .datetime, .required)
            .unique(on: "person_id", "user_id")
            .create()
        try await database.schema(RetentionReviewModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("decision", .string, .required)
            .field("reason", .string, .required)
            .field("next_review_on", .string)
            .field("decided_by", .uuid, .required)
            .field("decided_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX retention_reviews_person ON retention_reviews (person_id, decided_at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RetentionReviewModel.schema).delete()
        try await database.schema(RestrictedAccessModel.schema).delete()
        for column in ["second_factor_pending", "authenticated_at"] {
            try await database.schema(UserSessionModel.schema).deleteField(.string(column)).update()
        }
        for column in ["recovery_code_hashes", "totp_last_step", "totp_confirmed_at", "totp_secret"] {
            try await database.schema(StaffUserModel.schema).deleteField(.string(column)).update()
        }
    }
}

import FluentKit

struct CreateEarlyHelp: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(EarlyHelpEpisodeModel.schema)
            .id()
            .field("reference", .string, .required)
            .field("family_reference", .string, .required)
            .field("team_id", .uuid, .required, .references(TeamModel.schema, .id))
            .field("lead_user_id", .uuid, .references(StaffUserModel.schema, .id))
            .field("episode", .string, .required)
            .field("is_open", .bool, .required)
            .field("origin", .string, .required)
            .field("started_on", .string, .required)
            .field("closed_on", .string)
            .field("outcome", .string)
            .field("stepped_up_contact_id", .uuid, .references(ContactModel.schema, .id))
            .field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.schema(EarlyHelpChildModel.schema)
            .id()
            .field("episode_id", .uuid, .required, .references(EarlyHelpEpisodeModel.schema, .id))
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .unique(on: "episode_id", "person_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(EarlyHelpChildModel.schema).delete()
        try await database.schema(EarlyHelpEpisodeModel.schema).delete()
    }
}

import FluentKit

/// The workforce census figures (issue 6): employment (agency, FTE), team establishments and
/// sickness absence by worker and month.
struct CreateWorkforce: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(StaffEmploymentModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(StaffUserModel.schema, .id))
            .field("agency", .bool, .required)
            .field("fte", .double, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema(TeamEstablishmentModel.schema)
            .id()
            .field("team_id", .uuid, .required, .references(TeamModel.schema, .id))
            .field("posts", .double, .required)
            .unique(on: "team_id")
            .create()
        try await database.schema(SicknessAbsenceModel.schema)
            .id()
            .field("worker_id", .uuid, .required, .references(StaffUserModel.schema, .id))
            .field("month", .string, .required)
            .field("days", .double, .required)
            .field("recorded_by", .uuid, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "worker_id", "month")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SicknessAbsenceModel.schema).delete()
        try await database.schema(TeamEstablishmentModel.schema).delete()
        try await database.schema(StaffEmploymentModel.schema).delete()
    }
}

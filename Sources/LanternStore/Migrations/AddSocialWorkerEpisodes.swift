import FluentKit

/// What the SSDA903 social worker episodes need: each worker's Social Work England number and,
/// on each allocation, why that worker's involvement began.
struct AddSocialWorkerEpisodes: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(StaffUserModel.schema).field("social_worker_number", .string).update()
        try await database.schema(AllocationModel.schema).field("change_reason", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AllocationModel.schema).deleteField("change_reason").update()
        try await database.schema(StaffUserModel.schema).deleteField("social_worker_number").update()
    }
}

import FluentKit

/// Prospective adopter households, for Annex A list 11 (issue 6).
struct CreateAdopterHouseholds: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AdopterHouseholdModel.schema)
            .id()
            .field("reference", .string, .required)
            .field("sex", .string, .required)
            .field("fostering_for_adoption", .bool, .required)
            .field("enquiry_on", .string, .required)
            .field("stage1_started_on", .string)
            .field("stage1_ended_on", .string)
            .field("stage2_started_on", .string)
            .field("stage2_ended_on", .string)
            .field("approved_on", .string)
            .field("matched_on", .string)
            .field("placed_on", .string)
            .field("children_placed", .int)
            .field("left_on", .string)
            .field("left_reason", .string)
            .field("child_id", .uuid, .references(PersonModel.schema, "id"))
            .unique(on: "reference")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AdopterHouseholdModel.schema).delete()
    }
}

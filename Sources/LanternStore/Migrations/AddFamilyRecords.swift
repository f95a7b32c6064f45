import FluentKit

/// The family view (issue 4): a relationship can end (a carer leaves, a step-parent separates)
/// and stays on the record as history instead of being deleted.
struct AddFamilyRecords: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RelationshipModel.schema).field("ended_on", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RelationshipModel.schema).deleteField("ended_on").update()
    }
}

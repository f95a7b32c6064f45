import FluentKit

/// Caseload weights an administrator sets (issue 4); without a row the defaults apply.
struct CreateCaseloadWeights: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CaseloadWeightsModel.schema)
            .id()
            .field("child_protection", .double, .required)
            .field("looked_after", .double, .required)
            .field("care_leaver", .double, .required)
            .field("child_in_need", .double, .required)
            .field("assessment", .double, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CaseloadWeightsModel.schema).delete()
    }
}

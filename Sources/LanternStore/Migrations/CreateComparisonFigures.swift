import FluentKit

/// National and statistical-neighbour figures for the performance page (issue 6).
struct CreateComparisonFigures: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ComparisonFigureModel.schema)
            .id()
            .field("measure", .string, .required)
            .field("comparison_group", .string, .required)
            .field("year", .int, .required)
            .field("percent", .double, .required)
            .unique(on: "measure", "comparison_group", "year")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ComparisonFigureModel.schema).delete()
    }
}

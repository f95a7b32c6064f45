import FluentKit
import SQLKit

/// Address history (issue 3: "addresses with UK postcode validation and history").
struct AddPersonAddresses: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PersonAddressModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("address", .string)
            .field("postcode", .string)
            .field("from_on", .string)
            .field("to_on", .string)
            .field("recorded_by", .uuid, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX person_addresses_person ON person_addresses (person_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PersonAddressModel.schema).delete()
    }
}

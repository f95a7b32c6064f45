import FluentKit
import Foundation
import LanternCore
import SQLKit

/// Each case record's `CaseSnapshot.Span` in columns of its own (first referral, last closure,
/// ever looked after), filled in for records already stored, so that the statutory returns read
/// only the records a year can include.
struct AddCaseRecordSpans: AsyncMigration {
    static let pageSize = 1_000

    func prepare(on database: Database) async throws {
        // One column a statement: SQLite adds only one in each ALTER TABLE.
        try await database.schema(ChildCaseModel.schema).field("first_referral_on", .string).update()
        try await database.schema(ChildCaseModel.schema).field("episodes_closed_on", .string).update()
        try await database.schema(ChildCaseModel.schema).field("ever_looked_after", .bool, .required, .sql(.default(false))).update()
        try await Self.fill(on: database)
    }

    /// Computes the columns from each stored snapshot.
    static func fill(on database: Database) async throws {
        var after: UUID?
        while true {
            var query = ChildCaseModel.query(on: database).field(\.$id).field(\.$snapshotJSON)
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.sort(\.$id).limit(Self.pageSize).all()
            // One transaction a page: a statement each would wait for the disk 89,000 times.
            try await database.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                for record in page {
                    let span = try record.snapshot().span
                    try await sql.update(ChildCaseModel.schema)
                        .set("first_referral_on", to: span.firstReferral?.iso)
                        .set("episodes_closed_on", to: span.episodesClosed?.iso)
                        .set("ever_looked_after", to: span.everLookedAfter)
                        .where("id", .equal, record.id)
                        .run()
                }
            }
            guard page.count == Self.pageSize, let last = page.last?.id else { break }
            after = last
        }
    }

    func revert(on database: Database) async throws {
        for column in ["first_referral_on", "episodes_closed_on", "ever_looked_after"] {
            try await database.schema(ChildCaseModel.schema).deleteField(.string(column)).update()
        }
    }
}

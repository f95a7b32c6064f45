import FluentKit
import Foundation
import LanternCore
import SQLKit

/// Moving everything that points at a duplicate person record to the kept one, and back.
public enum PersonMerges {
    /// The rows of one table whose `column` was changed from the duplicate to the kept record.
    public struct MovedRows: Codable, Sendable, Equatable {
        public var table: String
        public var column: String
        public var ids: [UUID]
    }

    /// A column that points at a person. `uniqueWith`: a column that, with this one, must stay
    /// unique (a row that would collide is left on the duplicate, which is hidden anyway).
    /// `notSelf`: the other end of a pair, so a link between the two records is not turned into a
    /// link from the kept record to itself.
    struct Pointer {
        let table: String
        let column: String
        var uniqueWith: String? = nil
        var notSelf: String? = nil
    }

    /// Every table with a person in it, except the audit trail (history is never rewritten) and
    /// `person_merges` itself. A new table that points at people belongs here.
    static let pointers: [Pointer] = [
        Pointer(table: "contact_subjects", column: "person_id"),
        Pointer(table: "allocations", column: "person_id"),
        Pointer(table: "child_cases", column: "person_id"),
        Pointer(table: "case_notes", column: "person_id"),
        Pointer(table: "documents", column: "person_id"),
        Pointer(table: "early_help_children", column: "person_id", uniqueWith: "episode_id"),
        Pointer(table: "relationships", column: "person_id", uniqueWith: "relative_id", notSelf: "relative_id"),
        Pointer(table: "relationships", column: "relative_id", uniqueWith: "person_id", notSelf: "person_id"),
        Pointer(table: "person_aliases", column: "person_id"),
        Pointer(table: "person_addresses", column: "person_id"),
        Pointer(table: "restricted_access", column: "person_id", uniqueWith: "user_id"),
        Pointer(table: "retention_reviews", column: "person_id"),
        Pointer(table: "break_glass", column: "person_id"),
        Pointer(table: "not_same_person", column: "first_id", uniqueWith: "second_id", notSelf: "second_id"),
        Pointer(table: "not_same_person", column: "second_id", uniqueWith: "first_id", notSelf: "first_id"),
    ]

    private struct Row: Decodable { let id: UUID }

    /// The names the merge added to the kept record, listed with the moved rows so the unmerge
    /// deletes them.
    static let addedAliases = (table: "person_aliases", column: "added")

    /// Merges `duplicate` into `kept` on `db` (the caller's transaction): moves every row that
    /// points at the duplicate, keeps the duplicate's names as aliases of the kept record, and
    /// marks the duplicate merged. Returns what changed, for `unmerge`.
    public static func merge(_ duplicate: PersonModel, into kept: PersonModel, on db: any Database) async throws -> [MovedRows] {
        let keptID = try kept.requireID(), duplicateID = try duplicate.requireID()
        var moved = try await move(from: duplicateID, to: keptID, on: db)
        let known = try await PersonAliasModel.query(on: db).filter(\.$person.$id == keptID).all()
            .map { "\($0.givenName) \($0.familyName)".lowercased() } + [kept.fullName.lowercased()]
        if !known.contains(duplicate.fullName.lowercased()) {
            let alias = PersonAliasModel(personID: keptID, givenName: duplicate.givenName, familyName: duplicate.familyName)
            try await alias.create(on: db)
            moved.append(MovedRows(table: addedAliases.table, column: addedAliases.column, ids: [try alias.requireID()]))
        }
        duplicate.mergedInto = keptID
        try await duplicate.save(on: db)
        return moved
    }

    /// Undoes `merge`: deletes the aliases it added, puts back exactly the rows it moved, and
    /// brings the duplicate back to searches.
    public static func unmerge(_ duplicate: PersonModel, moved: [MovedRows], on db: any Database) async throws {
        let added = moved.filter { $0.table == addedAliases.table && $0.column == addedAliases.column }.flatMap(\.ids)
        if !added.isEmpty { try await PersonAliasModel.query(on: db).filter(\.$id ~~ added).delete() }
        try await restore(moved, to: try duplicate.requireID(), on: db)
        duplicate.mergedInto = nil
        try await duplicate.save(on: db)
    }

    /// Moves the duplicate's rows to `kept` on `db` (the caller's transaction) and says which moved.
    static func move(from duplicate: UUID, to kept: UUID, on db: any Database) async throws -> [MovedRows] {
        guard let sql = db as? any SQLDatabase else { throw ReferenceNumbers.ReferenceError.needsSQL }
        var moved: [MovedRows] = []
        for pointer in pointers {
            var query: SQLQueryString = "SELECT a.id FROM \(ident: pointer.table) a WHERE a.\(ident: pointer.column) = \(bind: duplicate)"
            if let other = pointer.notSelf {
                query = query + " AND a.\(ident: other) <> \(bind: kept)"
            }
            if let unique = pointer.uniqueWith {
                query = query + " AND NOT EXISTS (SELECT 1 FROM \(ident: pointer.table) b WHERE b.\(ident: pointer.column) = \(bind: kept) AND b.\(ident: unique) = a.\(ident: unique))"
            }
            let ids = try await sql.raw(query).all(decoding: Row.self).map(\.id)
            guard !ids.isEmpty else { continue }
            try await set(pointer.table, pointer.column, to: kept, ids: ids, on: sql)
            moved.append(MovedRows(table: pointer.table, column: pointer.column, ids: ids))
        }
        return moved
    }

    /// Puts back exactly the rows a merge moved.
    static func restore(_ moved: [MovedRows], to duplicate: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw ReferenceNumbers.ReferenceError.needsSQL }
        // Only tables and columns this code knows: the stored JSON never names SQL on its own.
        let known = Set(pointers.map { "\($0.table).\($0.column)" })
        for rows in moved.reversed() where known.contains("\(rows.table).\(rows.column)") {
            try await set(rows.table, rows.column, to: duplicate, ids: rows.ids, on: sql)
        }
    }

    private static func set(_ table: String, _ column: String, to person: UUID, ids: [UUID], on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE \(ident: table) SET \(ident: column) = \(bind: person) WHERE id IN (\(binds: ids))").run()
    }
}

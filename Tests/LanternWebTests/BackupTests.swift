import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import SQLKit
import Testing
import Vapor

/// A backup taken while Lantern runs, restored into a new file, holds exactly the same records.
@Suite(.enabled(if: TestBackend.postgresTemplateURL == nil, "SQLite backups; PostgreSQL uses pg_dump"))
struct BackupTests {
    static let tables = ["people", "contacts", "contact_subjects", "child_cases", "allocations", "audit_events", "staff_users", "teams"]

    static func counts(_ db: any Database) async throws -> [String: Int] {
        let sql = try #require(db as? any SQLDatabase)
        var result: [String: Int] = [:]
        for table in tables {
            struct Row: Decodable { let n: Int }
            result[table] = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Row.self)?.n
        }
        return result
    }

    @Test func aBackupRestoresToTheSameRecords() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantern-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let backup = folder.appendingPathComponent("backup.sqlite").path
        let restored = folder.appendingPathComponent("restored.sqlite").path
        let original = try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 20)
            try await Backups.sqliteBackup(of: app.db, to: backup)
            return try await Self.counts(app.db)
        }
        #expect((original["people"] ?? 0) >= 20)
        #expect((original["contacts"] ?? 0) > 0)
        try Backups.restoreSQLite(from: backup, to: restored)
        let app = try await Application.make(.testing)
        do {
            try await LanternApp.configure(app, config: LanternConfig(database: .sqliteFile(path: restored), seedDemoWhenEmpty: false), bcryptCost: 4)
            let copy = try await Self.counts(app.db)
            #expect(copy == original)
            let sql = try #require(app.db as? any SQLDatabase)
            struct Check: Decodable { let integrity_check: String }
            let check = try await sql.raw("PRAGMA integrity_check").first(decoding: Check.self)
            #expect(check?.integrity_check == "ok")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        #expect(throws: BackupError.self) { try Backups.restoreSQLite(from: folder.appendingPathComponent("nothing").path, to: restored) }
    }
}

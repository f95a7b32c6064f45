import Foundation
import LanternStore
@testable import LanternWeb
import SQLKit
import Testing
import Vapor

/// SQLite keeps its page cache per connection; `lantern serve` sizes it on every connection.
@Suite struct ConnectionTuningTests {
    @Test func everySQLiteConnectionGetsTheLargerPageCache() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lantern-tuning-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withLantern({ $0.database = .sqliteFile(path: path) }) { app in
            try await LanternApp.tuneConnections(app)
            var loops = 0
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = try #require(app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase)
                let size = try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
                #expect(size == -LanternApp.sqlitePageCacheKiB)
                loops += 1
            }
            #expect(loops >= 1)
        }
    }
}

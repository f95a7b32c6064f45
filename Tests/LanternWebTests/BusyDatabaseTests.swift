import Foundation
@testable import LanternWeb
import Testing
import Vapor

/// When every database connection stays busy past the pool's timeout the client is asked to come
/// back (503 with Retry-After), not told that Lantern failed (500).
@Suite struct BusyDatabaseTests {
    @Test func aBusyDatabaseIsServiceUnavailableWithRetryAfter() async throws {
        try await withLantern { app in
            for path in ["/api/v1/contacts", "/my-work"] {
                let request = Request(application: app, method: .POST, url: URI(path: path), on: app.eventLoopGroup.next())
                let response = try await LanternErrorMiddleware.render(ConnectionPoolTimeoutError.connectionRequestTimeout, for: request)
                #expect(response.status == .serviceUnavailable, "\(path)")
                #expect(response.headers.first(name: .retryAfter) == String(LanternErrorMiddleware.busyRetryAfter), "\(path)")
                let body = response.body.string ?? ""
                #expect(body.contains("the database is busy"), "\(path)")
                if path.hasPrefix("/api/") {
                    #expect(response.headers.first(name: .contentType) == "application/problem+json")
                    #expect(body.contains("\"status\":503"))
                }
            }
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternReturns
import LanternStore
import LanternTestSupport
@testable import LanternWeb
import Testing
import Vapor

/// The demo council's CIN census, exported as `lantern returns cin` does, judged by the DfE's own
/// rules (the independent validators in shared/oracles) and by Lantern's pre-submission checks.
@Suite(.enabled(if: Oracles.enabled, "LANTERN_SKIP_ORACLES=1"), .timeLimit(.minutes(10)))
struct ReturnsExportTests {
    @Test func theDemoCouncilsCINCensusPassesTheDfERules() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 80)
            let calendar = try await app.calendarCache.calendar(on: app.db)
            // The 2025-26 census: the year the demo's histories cover in full.
            let export = try await StatutoryReturns.cinCensus(year: CollectionYear(endingIn: 2026), on: app.db, calendar: calendar)
            #expect(export.input.children.count >= 20)
            let ownErrors = export.issues.filter { $0.severity == .error }
            #expect(ownErrors.isEmpty, "\(ownErrors.prefix(10).map(\.message))")
            let url = try Oracles.temporaryFolder("web-cin").appendingPathComponent("cin-2026.xml")
            try export.xml.write(to: url, atomically: true, encoding: .utf8)
            let rules = try Oracles.run("cin-validator.sh", [url.path])
            #expect(rules.errorCount == 0, "\(rules)")
            let schema = try Oracles.run("cin-xsd.sh", [url.path])
            #expect(schema.errorCount == 0, "\(schema)")
        }
    }
}

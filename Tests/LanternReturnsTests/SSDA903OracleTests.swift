import Foundation
import Testing
@testable import LanternReturns

/// The fixture's CSVs, judged by the DfE rules validator (csc-validator-be-903, 2025-26 ruleset).
@Suite(.enabled(if: Oracles.enabled, "LANTERN_SKIP_ORACLES=1"), .timeLimit(.minutes(10)))
struct SSDA903OracleTests {
    @Test func fixturePassesOurOwnChecks() {
        let issues = SSDA903Checks.check(SSDA903Fixture.input)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func dfeRulesValidatorReportsNoErrors() throws {
        let folder = try Oracles.temporaryFolder("903")
        for (name, text) in SSDA903CSV.render(SSDA903Fixture.input) {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try Oracles.run("903-validator.sh", ["--year", String(SSDA903Fixture.year.endYear),
                                                        "--la", SSDA903Fixture.localAuthority, folder.path])
        #expect(run.errorCount == 0, "\(run)")
    }
}

import Foundation
import Testing
@testable import LanternReturns
import LanternTestSupport

/// The fixture's CSVs, judged by the DfE rules validator (csc-validator-be-903, 2025-26 ruleset).
@Suite(.enabled(if: Oracles.enabled, "LANTERN_SKIP_ORACLES=1"), .timeLimit(.minutes(10)))
struct SSDA903OracleTests {
    @Test func dfeRulesValidatorReportsNoErrors() throws {
        let folder = try Oracles.temporaryFolder("903")
        let files = SSDA903CSV.render(SSDA903Fixture.input)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try Oracles.run("903-validator.sh", ["--year", String(SSDA903Fixture.year.endYear),
                                                        "--la", SSDA903Fixture.localAuthority, folder.path])
        #expect(run.errorCount == 0, "\(run)")
        // Every file was recognised by its header row, and the rules ran (only the two rules
        // the README lists as crashing inside the validator, 231 and 233, may crash).
        for name in files.keys {
            #expect(run.output.contains("'\(name.replacingOccurrences(of: ".csv", with: ""))'"), "table \(name) not loaded: \(run)")
        }
        #expect(!run.output.contains("RULES_RUN: 0"), "\(run)")
        let crashed = run.output.split(separator: "\n").filter { $0.hasPrefix("# CRASH rule ") }
            .map { $0.split(separator: " ")[3] }
        #expect(Set(crashed).isSubset(of: ["231", "233"]), "\(run)")
    }
}

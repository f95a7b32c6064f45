import Foundation
import Testing
@testable import LanternReturns
import LanternTestSupport

/// The fixture's XML, judged by the DfE rules validator and the LIIA schemas.
@Suite(.enabled(if: Oracles.enabled, "LANTERN_SKIP_ORACLES=1"), .timeLimit(.minutes(10)))
struct CINCensusOracleTests {
    static func writeFixture() throws -> URL {
        let url = try Oracles.temporaryFolder("cin").appendingPathComponent("cin-census-2026.xml")
        try CINCensusXML.render(CINFixture.input).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func dfeRulesValidatorReportsNoErrors() throws {
        let run = try Oracles.run("cin-validator.sh", [try Self.writeFixture().path])
        #expect(run.errorCount == 0, "\(run)")
        #expect(run.output.contains("RULES_RUN: 109"), "\(run)")
        #expect(run.output.contains("RULE_CRASHES: 0"), "\(run)")
    }

    @Test func schemaValidatorReportsNoErrors() throws {
        let run = try Oracles.run("cin-xsd.sh", [try Self.writeFixture().path])
        #expect(run.errorCount == 0, "\(run)")
    }
}

import Foundation
@testable import LanternWeb
import Testing

/// The Team page's long lists show the most urgent first and link to the whole list.
@Suite struct TeamListTests {
    static func rows(_ count: Int) -> [TeamController.CaseRow] {
        (0..<count).map { TeamController.CaseRow(id: UUID(), name: "Child \($0)", reference: "L\($0)", worker: "W", detail: "") }
    }

    @Test func aLongListShowsTheFirstAndLinksToTheRest() {
        let list = TeamController.CaseList("quiet", Self.rows(30), whole: false, teamQuery: "")
        #expect(list.total == 30)
        #expect(list.rows.map(\.name) == (0..<25).map { "Child \($0)" })
        #expect(list.more == 5)
        #expect(list.showAll == "/team?all=quiet#quiet")
    }

    @Test func askingForTheWholeListShowsEveryRow() {
        let list = TeamController.CaseList("quiet", Self.rows(30), whole: true, teamQuery: "team=T&")
        #expect(list.rows.count == 30)
        #expect(list.more == 0)
        #expect(list.showAll == nil)
        let short = TeamController.CaseList("overdue", Self.rows(3), whole: false, teamQuery: "team=T&")
        #expect(short.rows.count == 3 && short.showAll == nil)
        let long = TeamController.CaseList("overdue", Self.rows(26), whole: false, teamQuery: "team=T&")
        #expect(long.showAll == "/team?team=T&all=overdue#overdue")
    }

    @Test func weightedCaseloadsShowOneDecimalPlaceRoundedAsAPersonWould() {
        let shown: [(Double, String)] = [(0, "0.0"), (0.25, "0.3"), (0.35, "0.4"), (1.05, "1.1"), (2.25, "2.3"), (12.5, "12.5"),
                                         (17.849, "17.8"), (40, "40.0"), (99.95, "100.0")]
        for (value, text) in shown { #expect(TeamController.oneDecimal(value) == text, "\(value)") }
    }
}

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

    @Test func theDemoCouncilsSSDA903PassesTheDfERules() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 20)
            // The latest complete collection year: the demo's histories are dated back from today.
            let today = Day(Date())
            for endYear in [today.month >= 4 ? today.year : today.year - 1] {
                let export = try await StatutoryReturns.ssda903(year: CollectionYear(endingIn: endYear), on: app.db)
                #expect(export.input.headers.count >= 3, "\(endYear)")
                #expect(export.input.episodes.count >= export.input.headers.count)
                let ownErrors = export.issues.filter { $0.severity == .error }
                #expect(ownErrors.isEmpty, "\(ownErrors.prefix(10).map(\.message))")
                let folder = try Oracles.temporaryFolder("web-903-\(endYear)")
                for (name, text) in export.files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
                let rules = try Oracles.run("903-validator.sh", ["--year", "\(endYear)", "--la", "E08000025", folder.path])
                #expect(rules.errorCount == 0, "\(rules)")
            }
        }
    }

    @Test func theDemoCouncilsAnnexAListsWhatTheRecordsHold() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 30)
            let today = Day(Date())
            let input = try await StatutoryReturns.annexA(extractDate: today, on: app.db)
            let yearStart = today.adding(months: -12).adding(days: 1)
            // List 1: every child named in a contact received in the 12 months.
            let subjects = try await ContactSubjectModel.query(on: app.db).with(\.$contact).all()
                .filter { (Day(iso: $0.contact.receivedOn).map { $0 >= yearStart && $0 <= today }) ?? false }
            #expect(input.contacts.count == subjects.count)
            #expect(input.contacts.count > 0)
            // List 8: every child looked after at some time in the 12 months, once.
            let inCare = try await ChildCaseModel.query(on: app.db).all().filter { model in
                guard let care = try? model.snapshot().care else { return false }
                return care.ledger.episodes.contains { $0.startDate <= today && ($0.endDate.map { $0 >= yearStart } ?? true) }
            }
            #expect(input.childrenInCare.count == inCare.count)
            #expect(input.childrenInCare.count >= 3)
            #expect(Set(input.childrenInCare.map(\.child.id)).count == input.childrenInCare.count)
            #expect(input.childrenInNeed.allSatisfy { $0.start.map { $0 <= today } ?? true })
            let workbook = AnnexAWorkbook.render(input)
            #expect(workbook.prefix(2) == Data("PK".utf8))
            #expect(String(decoding: workbook, as: UTF8.self).contains("xl/worksheets/sheet10.xml"))
        }
    }
}

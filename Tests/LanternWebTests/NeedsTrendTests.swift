import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct NeedsTrendWebTests {
    /// The "Assessments" row of the over-time table, one number per year.
    func assessmentsRow(_ html: String) throws -> [Int] {
        let start = try #require(html.range(of: "<th scope=\"row\">Assessments</th>")).upperBound
        let row = html[start...].prefix { $0 != "\n" }
        return row.components(separatedBy: "<td>").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    @Test func theNeedsPageShowsNeedsOverTimeFilteredByLocality() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 40)
            let analyst = try await app.fixtures.signedIn("numbers", roles: [.analyst])
            let all = try await app.pageBody("/performance/needs", as: analyst)
            #expect(all.contains("Needs over time by locality"))
            #expect(all.contains("Assessments by locality"))
            let years = ReportingYear.recent(5, to: Day(Date())).map(ReportingYear.label)
            #expect(years.allSatisfy(all.contains))
            let total = try assessmentsRow(all)
            #expect(total.count == 5 && total.reduce(0, +) > 0)
            // The page reads only the records whose episodes touch its years: the same counts as every record.
            let everyRecord = try await ReturnsQueries.childCases(on: app.db).map { c in
                NeedsFacts(snapshot: c.snapshot, birthDate: c.person.birthDate, ethnicity: c.person.ethnicity, postcodeDistrict: nil, locality: nil)
            }
            #expect(total == NeedsTrend.compute(everyRecord, years: ReportingYear.recent(5, to: Day(Date())), locality: nil).assessments)
            var sum = Array(repeating: 0, count: 5)
            for locality in ["North", "South", "Not known"] {
                let page = try await app.pageBody("/performance/needs?locality=\(locality.replacingOccurrences(of: " ", with: "+"))", as: analyst)
                #expect(page.contains("<option value=\"\(locality)\" selected>"))
                let row = try assessmentsRow(page)
                for i in row.indices { sum[i] += row[i] }
            }
            // The localities partition the service: their rows add up to the whole.
            #expect(sum == total)
            let factors = try await app.pageBody("/performance/needs?kind=factors&locality=Nowhere", as: analyst)
            #expect(factors.contains("<option value=\"factors\" selected>"))
            #expect(factors.contains("<option value=\"\" selected>All localities"))
            #expect(try assessmentsRow(factors) == total)

            let worker = try await app.fixtures.signedIn("worker1", roles: [.socialWorker], team: try await app.fixtures.team())
            let partner = try await app.fixtures.signedIn("police1", roles: [.partnerReferrer])
            for session in [worker, partner] {
                #expect(try await app.status(of: "/performance/needs?locality=North", as: session) == .forbidden)
            }
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct ComparisonWebTests {
    @Test func anAdministratorEntersNationalFiguresAndThePerformancePageShowsThem() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin1", roles: [.administrator])
            let manager = try await app.fixtures.signedIn("manager1", roles: [.teamManager], team: try await app.fixtures.team())
            let worker = try await app.fixtures.signedIn("worker1", roles: [.socialWorker], team: try await app.fixtures.team())
            let partner = try await app.fixtures.signedIn("police1", roles: [.partnerReferrer])
            let year = ComparisonFigure.collectionYear(of: Day(Date()))

            let bad = try await app.postForm("/admin/comparisons", as: admin, [("measure", "assessmentsWithin45WorkingDays"), ("group", "england"), ("year", "twenty"), ("percent", "140")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"twenty\"") && bad.body.string.contains("value=\"140\""))
            #expect(bad.body.string.contains("Enter a number from 0 to 100"))
            #expect(try await app.postForm("/admin/comparisons", as: admin, [("measure", "assessmentsWithin45WorkingDays"), ("group", "england"), ("year", "\(year)"), ("percent", "80")]).status == .seeOther)
            // Entering the same measure, group and year again replaces the figure.
            #expect(try await app.postForm("/admin/comparisons", as: admin, [("measure", "assessmentsWithin45WorkingDays"), ("group", "england"), ("year", "\(year)"), ("percent", "82.5")]).status == .seeOther)
            #expect(try await app.postForm("/admin/comparisons", as: admin, [("measure", "reReferrals"), ("group", "statisticalNeighbours"), ("year", "\(year - 1)"), ("percent", "19")]).status == .seeOther)
            #expect(try await ComparisonFigureModel.query(on: app.db).count() == 2)
            #expect((try await app.pageBody("/admin/comparisons", as: admin)).contains("82.5% (England, \(year))"))

            let page = try await app.pageBody("/performance", as: manager)
            #expect(page.contains("82.5% (England, \(year))"))
            #expect(page.contains("19% (Statistical neighbours, \(year - 1))"))
            #expect(page.contains("stroke-dasharray"))
            #expect(page.contains("Dashed line: 82.5% (England, \(year))."))
            try await app.testing().test(.GET, "/performance?format=csv", headers: manager.headers) { res in
                #expect(res.body.string.hasPrefix("\"Area\",\"Measure\",\"Value\",\"England\",\"Statistical neighbours\""))
                #expect(res.body.string.contains("\"Assessments authorised within 45 working days\",\"No cases\",\"82.5% (England, \(year))\""))
            }

            let figure = try #require(try await ComparisonFigureModel.query(on: app.db).filter(\.$measure == .reReferrals).first())
            for session in [manager, worker, partner] {
                #expect(try await app.status(of: "/admin/comparisons", as: session) == .forbidden)
                #expect(try await app.postForm("/admin/comparisons", as: session, [("measure", "reReferrals")]).status == .forbidden)
                #expect(try await app.postForm("/admin/comparisons/\(figure.id!)/delete", as: session, []).status == .forbidden)
            }
            #expect(try await app.postForm("/admin/comparisons/\(figure.id!)/delete", as: admin, []).status == .seeOther)
            #expect(try await ComparisonFigureModel.query(on: app.db).count() == 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.comparisonChanged.rawValue).count() == 4)
        }
    }
}

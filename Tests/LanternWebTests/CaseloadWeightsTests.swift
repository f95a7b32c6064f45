import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct CaseloadWeightsWebTests {
    @Test func anAdministratorSetsTheWeightsAndTheTeamPageUsesThem() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let admin = try await app.fixtures.signedIn("admin1", roles: [.administrator])
            let manager = try await app.fixtures.signedIn("manager1", roles: [.teamManager], team: team)
            let worker = try await app.fixtures.signedIn("worker1", roles: [.socialWorker], team: team)
            let partner = try await app.fixtures.signedIn("police1", roles: [.partnerReferrer])
            for n in 1...2 {
                let child = try await app.fixtures.child("Child\(n)", "Weighted", reference: "CW-\(n)")
                try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id!, startedOn: Day(iso: "2026-01-05")!).create(on: app.db)
            }
            // Two cases with no casework yet count as assessments: 0.8 each by default.
            #expect((try await app.pageBody("/team", as: manager)).contains("<td data-label=\"Weighted\">1.6</td>"))
            #expect((try await app.pageBody("/admin/caseload-weights", as: admin)).contains("value=\"0.8\""))

            let fields: [(String, String)] = [("childProtection", "2"), ("lookedAfter", "1.5"), ("careLeaver", "-1"), ("childInNeed", "1"), ("assessment", "heavy")]
            let bad = try await app.postForm("/admin/caseload-weights", as: admin, fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"-1\"") && bad.body.string.contains("value=\"heavy\"") && bad.body.string.contains("value=\"1.5\""))
            #expect(bad.body.string.contains("must be more than 0"))
            #expect(try await CaseloadWeightsModel.query(on: app.db).count() == 0)

            let good = fields.map { $0.0 == "careLeaver" ? ($0.0, "0.6") : $0.0 == "assessment" ? ($0.0, "2") : $0 }
            #expect(try await app.postForm("/admin/caseload-weights", as: admin, good).status == .seeOther)
            #expect(try await CaseloadWeightsModel.current(on: app.db) == CaseloadWeights(childProtection: 2, lookedAfter: 1.5, careLeaver: 0.6, childInNeed: 1, assessment: 2))
            let teamPage = try await app.pageBody("/team", as: manager)
            #expect(teamPage.contains("<td data-label=\"Weighted\">4.0</td>"))
            #expect(teamPage.contains("child protection 2, looked after 1.5, care leaver 0.6, child in need 1, assessment 2"))
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.caseloadWeightsChanged.rawValue).count() == 1)

            for session in [manager, worker, partner] {
                #expect(try await app.status(of: "/admin/caseload-weights", as: session) == .forbidden)
                #expect(try await app.postForm("/admin/caseload-weights", as: session, good).status == .forbidden)
            }
        }
    }
}

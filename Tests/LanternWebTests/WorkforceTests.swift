import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct WorkforceWebTests {
    @Test func managersRecordAbsenceAdministratorsSetPostsAndTheCensusFiguresFollow() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Assessment Team North")
            let other = try await app.fixtures.team("Safeguarding Team South", kind: .safeguarding)
            let admin = try await app.fixtures.signedIn("admin1", roles: [.administrator])
            let manager = try await app.fixtures.signedIn("manager1", roles: [.teamManager], team: team)
            let worker = try await app.fixtures.signedIn("worker1", roles: [.socialWorker], team: team)
            let agencyWorker = try await app.fixtures.user("agency1", roles: [.socialWorker], team: team)
            let elsewhere = try await app.fixtures.user("sgworker", roles: [.socialWorker], team: other)
            let partner = try await app.fixtures.signedIn("police1", roles: [.partnerReferrer])
            let analyst = try await app.fixtures.signedIn("numbers1", roles: [.analyst])
            for n in 1...2 {
                let child = try await app.fixtures.child("Child\(n)", "Case", reference: "W-\(n)")
                try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id!, startedOn: Day(iso: "2026-01-05")!).create(on: app.db)
            }
            // The administrator marks the agency worker as half time and sets the team's posts.
            let badFTE = try await app.postForm("/admin/users/\(agencyWorker.id!)/employment", as: admin, [("agency", "yes"), ("fte", "2")])
            #expect(badFTE.status == .unprocessableEntity)
            #expect(badFTE.body.string.contains("value=\"2\"") && badFTE.body.string.contains("Enter a number from 0.1 to 1"))
            #expect(try await app.postForm("/admin/users/\(agencyWorker.id!)/employment", as: admin, [("agency", "yes"), ("fte", "0.5")]).status == .seeOther)
            let badPosts = try await app.postForm("/performance/workforce/establishment", as: admin, [("team", team.id!.uuidString), ("posts", "-3")])
            #expect(badPosts.status == .unprocessableEntity)
            #expect(badPosts.body.string.contains("value=\"-3\""))
            #expect(try await app.postForm("/performance/workforce/establishment", as: admin, [("team", team.id!.uuidString), ("posts", "4")]).status == .seeOther)

            // The manager records absence for the team, not for another team's worker.
            let month = WorkforceController.recentMonths().first!.key
            let badDays = try await app.postForm("/performance/workforce/absence", as: manager, [("worker", worker.user.id!.uuidString), ("month", month), ("days", "lots")])
            #expect(badDays.status == .unprocessableEntity)
            #expect(badDays.body.string.contains("value=\"lots\"") && badDays.body.string.contains("Enter a number, for example 2.5"))
            let notMine = try await app.postForm("/performance/workforce/absence", as: manager, [("worker", elsewhere.id!.uuidString), ("month", month), ("days", "2")])
            #expect(notMine.status == .unprocessableEntity)
            #expect(notMine.body.string.contains("Choose a member of your team"))
            #expect(try await app.postForm("/performance/workforce/absence", as: manager, [("worker", worker.user.id!.uuidString), ("month", month), ("days", "1")]).status == .seeOther)
            // Recording the month again replaces it.
            #expect(try await app.postForm("/performance/workforce/absence", as: manager, [("worker", worker.user.id!.uuidString), ("month", month), ("days", "3.5")]).status == .seeOther)
            #expect(try await SicknessAbsenceModel.query(on: app.db).count() == 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.workforceRecorded.rawValue).count() == 4)

            let page = try await app.pageBody("/performance/workforce", as: analyst)
            #expect(page.contains("Assessment Team North") && page.contains("50%"))
            #expect(!page.contains("Record sickness absence") && !page.contains("Set a team&#39;s establishment") && !page.contains("Save establishment"))
            try await app.testing().test(.GET, "/performance/workforce?format=csv", headers: manager.headers) { res in
                #expect(res.headers.contentType?.subType == "csv")
                let lines = res.body.string.split(separator: "\r\n").map(String.init)
                #expect(lines.first?.hasPrefix("\"Team\",\"Headcount\",\"Social workers\",\"Managers\",\"FTE\",\"Agency workers\"") == true)
                // Manager, worker and agency worker: 2.5 FTE; 4 posts less 2 employed FTE leaves 2 vacant (50%).
                #expect(lines.contains("\"Assessment Team North\",\"3\",\"2\",\"1\",\"2.5\",\"1 (20% of FTE)\",\"4\",\"2\",\"50%\",\"3.5\",\"2\",\"1.6\""))
                #expect(lines.contains { $0.hasPrefix("\"Safeguarding Team South\",\"1\",\"1\",\"0\",\"1\"") })
            }

            // A download is an export: a sign-in more than 15 minutes old is asked to confirm first.
            let stale = try await app.fixtures.session(for: manager.user, authenticatedAt: Date().addingTimeInterval(-3600))
            try await app.testing().test(.GET, "/performance/workforce?format=csv", headers: stale.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/confirm-identity?next=") == true)
            }
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.reportExported.rawValue).count() == 1)

            // Who may do what.
            #expect(try await app.postForm("/performance/workforce/establishment", as: manager, [("team", team.id!.uuidString), ("posts", "9")]).status == .forbidden)
            #expect(try await app.status(of: "/admin/users/\(worker.user.id!)/employment", as: manager) == .forbidden)
            #expect(try await app.postForm("/admin/users/\(worker.user.id!)/employment", as: manager, [("fte", "1")]).status == .forbidden)
            #expect(try await app.postForm("/performance/workforce/absence", as: admin, [("worker", worker.user.id!.uuidString), ("month", month), ("days", "1")]).status == .forbidden)
            for session in [worker, partner] {
                #expect(try await app.status(of: "/performance/workforce", as: session) == .forbidden)
                #expect(try await app.status(of: "/admin/users/\(worker.user.id!)/employment", as: session) == .forbidden)
                #expect(try await app.postForm("/performance/workforce/absence", as: session, [("days", "1")]).status == .forbidden)
                #expect(try await app.postForm("/performance/workforce/establishment", as: session, [("posts", "1")]).status == .forbidden)
            }
        }
    }
}

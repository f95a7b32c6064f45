import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct AccountTests {
    private func post(_ app: Application, _ path: String, as session: TestSession, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, path, headers: HTTPHeaders.form.merging(session.headers),
                                            body: formBody([("_csrf", session.csrf)] + fields))
    }

    @Test func administratorsAddUsersWithPasswordRulesAndKeepWhatWasTyped() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            let team = try await app.fixtures.team()
            let weak = try await post(app, "/admin/users", as: admin, [("username", "Jo.Bloggs"), ("name", "Jo Bloggs"),
                                                                     ("roles[]", "socialWorker"), ("team", team.id!.uuidString), ("password", "password123")])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("most commonly used"))
            #expect(weak.body.string.contains("value=\"Jo Bloggs\""))
            #expect(!weak.body.string.contains("password123"))
            let good = try await post(app, "/admin/users", as: admin, [("username", "Jo.Bloggs"), ("name", "Jo Bloggs"),
                                                                     ("roles[]", "socialWorker"), ("roles[]", "teamManager"),
                                                                     ("team", team.id!.uuidString), ("password", "harbour falcon thistle")])
            #expect(good.status == .seeOther)
            let created = try #require(try await StaffUserModel.query(on: app.db).filter(\.$username == "jo.bloggs").first())
            #expect(created.roles == [.socialWorker, .teamManager])
            #expect(created.$team.id == team.id)
            #expect(created.passwordHash.hasPrefix("$2"))
            let duplicate = try await post(app, "/admin/users", as: admin, [("username", "jo.bloggs"), ("name", "Another"),
                                                                          ("roles[]", "analyst"), ("password", "harbour falcon thistle")])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("already has the username"))
        }
    }

    @Test func administratorsUnlockLockedAccounts() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            let user = try await app.fixtures.user("sam", roles: [.socialWorker])
            user.failedSignIns = 6
            user.lockedUntil = Date().addingTimeInterval(1200)
            try await user.save(on: app.db)
            try await app.testing().test(.GET, "/admin/users", headers: admin.headers) { res in
                #expect(res.body.string.contains("Locked"))
            }
            let res = try await post(app, "/admin/users/\(user.id!)/unlock", as: admin, [])
            #expect(res.status == .seeOther)
            let stored = try #require(try await StaffUserModel.find(user.id, on: app.db))
            #expect(stored.lockedUntil == nil)
            #expect(stored.failedSignIns == 0)
            let audited = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accountUnlocked.rawValue).count()
            #expect(audited == 1)
        }
    }

    @Test func changingYourPasswordEndsYourOtherSessions() async throws {
        try await withLantern { app in
            let user = try await app.fixtures.user("sam", roles: [.socialWorker])
            let here = try await app.fixtures.session(for: user)
            let elsewhere = try await app.fixtures.session(for: user)
            let wrong = try await post(app, "/account/password", as: here, [("current", "nope"), ("new", "copper meadow falcon"), ("confirm", "copper meadow falcon")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("current password is not right"))
            let res = try await post(app, "/account/password", as: here, [("current", Fixtures.password), ("new", "copper meadow falcon"), ("confirm", "copper meadow falcon")])
            #expect(res.status == .seeOther)
            try await app.testing().test(.GET, "/", headers: here.headers) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/", headers: elsewhere.headers) { #expect($0.status == .seeOther) }
            let stored = try #require(try await StaffUserModel.find(user.id, on: app.db))
            #expect(try await app.password.async.verify("copper meadow falcon", created: stored.passwordHash))
        }
    }
}

@Suite struct DraftTests {
    @Test func aDraftIsKeptForItsAuthorOnlyAndClearedBySaving() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let other = try await app.fixtures.signedIn("kim", roles: [.socialWorker], team: team)
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id, startedOn: Day(Date())).create(on: app.db)
            let key = "visit-\(child.id!)"
            var headers = worker.headers
            headers.contentType = .json
            headers.add(name: CSRFMiddleware.header, value: worker.csrf)
            let body = #"{"fields":{"kind":"homeVisit","text":"Half-typed note about the visit","childSeen":"yes","factors":["2B","3A"]}}"#
            let saved = try await app.testing().sendRequest(.PUT, "/drafts/\(key)", headers: headers, body: ByteBuffer(string: body))
            #expect(saved.status == .noContent)
            try await app.testing().test(.GET, "/drafts/\(key)", headers: worker.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Half-typed note about the visit"))
                #expect(res.body.string.contains("3A"))
            }
            try await app.testing().test(.GET, "/drafts/\(key)", headers: other.headers) { res in
                #expect(res.status == .notFound)
            }
            var forged = worker.headers
            forged.contentType = .json
            let noToken = try await app.testing().sendRequest(.PUT, "/drafts/\(key)", headers: forged, body: ByteBuffer(string: body))
            #expect(noToken.status == .forbidden)
            let visit = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/visits", headers: HTTPHeaders.form.merging(worker.headers),
                                                    body: formBody([("_csrf", worker.csrf), ("kind", "homeVisit"), ("date", DisplayDate.entry(Day(Date()))),
                                                                    ("childSeen", "yes"), ("seenAlone", "no"), ("text", "The finished note")]))
            #expect(visit.status == .seeOther, "\(visit.body.string.prefix(600))")
            try await app.testing().test(.GET, "/drafts/\(key)", headers: worker.headers) { res in
                #expect(res.status == .notFound)
            }
        }
    }
}

@Suite struct HomeTests {
    @Test func theHomePageShowsEachRoleWhatWaitsForThem() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 30)
            let team = try #require(try await TeamModel.query(on: app.db).filter(\.$name == "Assessment Team North").first())
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let partner = try await app.fixtures.signedIn("teacher", roles: [.partnerReferrer])
            let open = try await CaseloadQueries.openCases(teamID: team.id!, on: app.db)
            try await app.testing().test(.GET, "/", headers: manager.headers) { res in
                #expect(res.body.string.contains("\(open.count) open cases"))
                #expect(res.body.string.contains("\(open.filter { $0.workerID == nil }.count) unallocated"))
            }
            let waiting = try await ContactModel.query(on: app.db).filter(\.$status ~~ FrontDoorController.open).count()
            #expect(waiting == 5)
            try await app.testing().test(.GET, "/", headers: frontDoor.headers) { res in
                #expect(res.body.string.contains("\(waiting) contacts waiting for a decision"))
            }
            try await app.testing().test(.GET, "/", headers: partner.headers) { res in
                #expect(res.body.string.contains("Tell us about a child"))
                #expect(!res.body.string.contains("contacts waiting"))
            }
        }
    }
}

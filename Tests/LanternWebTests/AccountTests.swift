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

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct SignInTests {
    @Test func signingInReachesAHomePageNamingTheUserAndTeam() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Assessment Team North")
            _ = try await app.fixtures.user("sam", roles: [.socialWorker], team: team)
            let form = try await signInForm(app)
            let res = try await postSignIn(app, username: "Sam", password: Fixtures.password, form: form)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/")
            let setCookie = try #require(res.setCookies.first { $0.hasPrefix(StaffSessionMiddleware.cookieName + "=") })
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure"))
            let cookie = try #require(res.cookieValue(StaffSessionMiddleware.cookieName))
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "\(StaffSessionMiddleware.cookieName)=\(cookie)")
            try await app.testing().test(.GET, "/", headers: headers) { home in
                #expect(home.status == .ok)
                #expect(home.body.string.contains("Test sam"))
                #expect(home.body.string.contains("Assessment Team North"))
            }
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.signedIn.rawValue).count()
            #expect(audit == 1)
        }
    }

    @Test func secureCookiesWhenConfigured() async throws {
        try await withLantern({ $0.secureCookies = true }) { app in
            _ = try await app.fixtures.user("sam", roles: [.socialWorker])
            let form = try await signInForm(app)
            let res = try await postSignIn(app, username: "sam", password: Fixtures.password, form: form)
            let setCookie = try #require(res.setCookies.first { $0.hasPrefix(StaffSessionMiddleware.cookieName + "=") })
            #expect(setCookie.contains("Secure"))
            #expect(res.headers.first(name: "Strict-Transport-Security") != nil)
        }
    }

    @Test func emptyFieldsComeBackWithMessagesAndTheUsernameKept() async throws {
        try await withLantern { app in
            let form = try await signInForm(app)
            let res = try await postSignIn(app, username: "jo.bloggs", password: "", form: form)
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("There is a problem"))
            #expect(res.body.string.contains("Enter your password"))
            #expect(res.body.string.contains("value=\"jo.bloggs\""))
            #expect(res.body.string.contains("href=\"#password\""))
        }
    }

    @Test func sevenWrongPasswordsLockTheAccountAndAreAudited() async throws {
        try await withLantern { app in
            let user = try await app.fixtures.user("sam", roles: [.socialWorker])
            let form = try await signInForm(app)
            var statuses: [HTTPStatus] = []
            for _ in 1...7 {
                statuses.append(try await postSignIn(app, username: "sam", password: "not the password", form: form).status)
            }
            #expect(statuses.allSatisfy { $0 == .unauthorized })
            let stored = try #require(try await StaffUserModel.find(user.id, on: app.db))
            #expect(stored.lockedUntil != nil)
            // The right password is refused while the lock lasts.
            let locked = try await postSignIn(app, username: "sam", password: Fixtures.password, form: form)
            #expect(locked.status == .unauthorized)
            #expect(locked.body.string.contains("locked"))
            let lockEvents = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accountLocked.rawValue).count()
            let failures = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.signInFailed.rawValue).count()
            #expect(lockEvents == 1)
            #expect(failures == 8)
        }
    }

    @Test func signInWithoutTheCSRFTokenIsRefused() async throws {
        try await withLantern { app in
            _ = try await app.fixtures.user("sam", roles: [.socialWorker])
            let res = try await app.testing().sendRequest(.POST, "/sign-in", headers: .form,
                                                          body: formBody([("username", "sam"), ("password", Fixtures.password)]))
            #expect(res.status == .forbidden)
        }
    }

    @Test func aFormPostWithoutTheCSRFTokenIsRefused() async throws {
        try await withLantern { app in
            let session = try await app.fixtures.signedIn("sam", roles: [.socialWorker])
            let res = try await app.testing().sendRequest(.POST, "/sign-out", headers: HTTPHeaders.form.merging(session.headers), body: formBody([]))
            #expect(res.status == .forbidden)
            let ok = try await app.testing().sendRequest(.POST, "/sign-out", headers: HTTPHeaders.form.merging(session.headers),
                                                         body: formBody([("_csrf", session.csrf)]))
            #expect(ok.status == .seeOther)
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await withLantern { app in
            let session = try await app.fixtures.signedIn("sam", roles: [.socialWorker])
            _ = try await app.testing().sendRequest(.POST, "/sign-out", headers: HTTPHeaders.form.merging(session.headers),
                                                    body: formBody([("_csrf", session.csrf)]))
            try await app.testing().test(.GET, "/", headers: session.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            }
        }
    }

    @Test func sessionsExpireAfterThirtyIdleMinutes() async throws {
        try await withLantern { app in
            let user = try await app.fixtures.user("sam", roles: [.socialWorker])
            let stale = try await app.fixtures.session(for: user, lastSeen: Date().addingTimeInterval(-31 * 60))
            try await app.testing().test(.GET, "/", headers: stale.headers) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/sign-in", headers: stale.headers) { res in
                #expect(res.body.string.contains("inactive for 30 minutes"))
            }
            let fresh = try await app.fixtures.session(for: user, lastSeen: Date().addingTimeInterval(-29 * 60))
            try await app.testing().test(.GET, "/", headers: fresh.headers) { res in
                #expect(res.status == .ok)
            }
        }
    }

    @Test func nextOnlyLeadsToPagesOnThisSite() {
        #expect(SignInController.safeNext("/children") == "/children")
        #expect(SignInController.safeNext("//evil.example") == "/")
        #expect(SignInController.safeNext("https://evil.example") == "/")
        #expect(SignInController.safeNext("/\\evil") == "/")
        #expect(SignInController.safeNext(nil) == "/")
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// Two-factor sign-in (issue 8): the code page after a right password, replay, recovery codes,
/// enrolment, administrators made to enrol, turning it off.
@Suite struct TwoFactorTests {
    private func cookieHeaders(_ cookie: String) -> HTTPHeaders {
        var headers = HTTPHeaders.form
        headers.add(name: .cookie, value: "\(StaffSessionMiddleware.cookieName)=\(cookie)")
        return headers
    }

    /// Password first: returns the half-signed-in cookie and the code page's CSRF token.
    private func passwordStep(_ app: Application, username: String) async throws -> (cookie: String, csrf: String) {
        let res = try await postSignIn(app, username: username, password: Fixtures.password, form: try await signInForm(app))
        #expect(res.status == .seeOther)
        #expect(res.headers.first(name: .location) == "/sign-in/code?next=/")
        let cookie = try #require(res.cookieValue(StaffSessionMiddleware.cookieName))
        var csrf = ""
        try await app.testing().test(.GET, "/sign-in/code", headers: cookieHeaders(cookie)) { page in
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Enter your code"))
            csrf = try csrfField(in: page.body.string)
        }
        return (cookie, csrf)
    }

    private func codeStep(_ app: Application, _ pending: (cookie: String, csrf: String), code: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/sign-in/code", headers: cookieHeaders(pending.cookie),
                                            body: formBody([("_csrf", pending.csrf), ("code", code), ("next", "/")]))
    }

    @Test func aRightPasswordWaitsForTheCodeAndACodeWorksOnce() async throws {
        try await withLantern { app in
            let user = try await app.fixtures.user("sam", roles: [.socialWorker], twoFactor: true)
            let pending = try await passwordStep(app, username: "sam")
            // Half signed in: no page opens yet.
            try await app.testing().test(.GET, "/", headers: cookieHeaders(pending.cookie)) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            }
            let wrong = try await codeStep(app, pending, code: "000000" == Fixtures.totpCode() ? "111111" : "000000")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("The code is not right"))
            #expect(try await StaffUserModel.find(user.id, on: app.db)?.failedSignIns == 1)

            let code = Fixtures.totpCode()
            let right = try await codeStep(app, pending, code: code)
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location) == "/")
            let session = try #require(right.cookieValue(StaffSessionMiddleware.cookieName))
            #expect(session != pending.cookie)
            try await app.testing().test(.GET, "/", headers: cookieHeaders(session)) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Test sam"))
            }
            // The half-signed-in cookie is not a session.
            try await app.testing().test(.GET, "/", headers: cookieHeaders(pending.cookie)) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await StaffUserModel.find(user.id, on: app.db)?.failedSignIns == 0)

            // Replay: the same code (its step is used) does not sign in again.
            let again = try await passwordStep(app, username: "sam")
            let replayed = try await codeStep(app, again, code: code)
            #expect(replayed.status == .unauthorized)

            let actions = try await AuditEventModel.query(on: app.db).filter(\.$actorID == user.id).all().map(\.action)
            #expect(actions.filter { $0 == AuditAction.passwordAccepted.rawValue }.count == 2)
            #expect(actions.filter { $0 == AuditAction.signedIn.rawValue }.count == 1)
            #expect(actions.filter { $0 == AuditAction.signInFailed.rawValue }.count == 2)
        }
    }

    @Test func wrongCodesCountTowardTheLockOut() async throws {
        try await withLantern({ $0.lockout = SignInLockout(maximumFailures: 3) }) { app in
            let user = try await app.fixtures.user("sam", roles: [.socialWorker], twoFactor: true)
            let pending = try await passwordStep(app, username: "sam")
            let bad = Fixtures.totpCode() == "123456" ? "654321" : "123456"
            _ = try await codeStep(app, pending, code: bad)
            _ = try await codeStep(app, pending, code: bad)
            let locked = try await codeStep(app, pending, code: bad)
            #expect(locked.body.string.contains("locked"))
            let stored = try #require(try await StaffUserModel.find(user.id, on: app.db))
            #expect(stored.lockedUntil != nil)
            // The pending session ended: even the right code now gets nowhere.
            let after = try await codeStep(app, pending, code: Fixtures.totpCode())
            #expect(after.status == .forbidden)
            #expect(after.cookieValue(StaffSessionMiddleware.cookieName) == nil)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accountLocked.rawValue).count() == 1)
        }
    }

    @Test func settingUpShowsTheKeyAndTenRecoveryCodesEachUsableOnce() async throws {
        try await withLantern { app in
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker])
            let headers = worker.formHeaders
            try await app.testing().test(.GET, "/account/two-factor", headers: worker.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Set up two-factor sign-in"))
            }
            let started = try await app.testing().sendRequest(.POST, "/account/two-factor/start", headers: headers, body: formBody([]))
            #expect(started.status == .ok)
            #expect(started.body.string.contains("otpauth://totp/Lantern:sam?secret="))
            let secret = try #require(try await StaffUserModel.find(worker.user.id, on: app.db)?.totpSecret)
            let totp = try TOTP(base32Secret: secret)

            let wrong = try await app.testing().sendRequest(.POST, "/account/two-factor/confirm", headers: headers, body: formBody([("code", "12")]))
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await StaffUserModel.find(worker.user.id, on: app.db)?.twoFactorEnabled == false)

            let confirmed = try await app.testing().sendRequest(.POST, "/account/two-factor/confirm", headers: headers,
                                                                body: formBody([("code", totp.code(at: Date()))]))
            #expect(confirmed.status == .ok)
            let html = confirmed.body.string
            let codes = html.components(separatedBy: "<code class=\"code\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
            #expect(codes.count == RecoveryCodes.count)
            let stored = try #require(try await StaffUserModel.find(worker.user.id, on: app.db))
            #expect(stored.twoFactorEnabled)
            #expect(stored.recoveryCodeHashes.count == 10)
            #expect(!stored.recoveryCodeHashes.contains(codes[0]))
            // Not shown again.
            try await app.testing().test(.GET, "/account/two-factor", headers: worker.headers) { res in
                #expect(!res.body.string.contains(codes[0]))
                #expect(res.body.string.contains("10 unused recovery codes"))
            }

            // A recovery code signs in once.
            let first = try await passwordStep(app, username: "sam")
            let used = try await codeStep(app, first, code: codes[0].uppercased())
            #expect(used.status == .seeOther)
            #expect(try await StaffUserModel.find(worker.user.id, on: app.db)?.recoveryCodeHashes.count == 9)
            let second = try await passwordStep(app, username: "sam")
            #expect(try await codeStep(app, second, code: codes[0]).status == .unauthorized)

            // Turning it off needs a code.
            let refused = try await app.testing().sendRequest(.POST, "/account/two-factor/disable", headers: headers, body: formBody([("code", "")]))
            #expect(refused.status == .unprocessableEntity)
            let off = try await app.testing().sendRequest(.POST, "/account/two-factor/disable", headers: headers, body: formBody([("code", codes[1])]))
            #expect(off.status == .seeOther)
            #expect(try await StaffUserModel.find(worker.user.id, on: app.db)?.twoFactorEnabled == false)
            let audited = try await AuditEventModel.query(on: app.db)
                .filter(\.$action ~~ [AuditAction.twoFactorEnabled.rawValue, AuditAction.twoFactorDisabled.rawValue]).count()
            #expect(audited == 2)
        }
    }

    @Test func anAdministratorWithoutItIsSentToSetItUpBeforeAnythingElse() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.session(for: try await app.fixtures.user("root", roles: [.administrator], twoFactor: false))
            for path in ["/", "/admin/users", "/admin/audit", "/children"] {
                try await app.testing().test(.GET, path, headers: admin.headers) { res in
                    #expect(res.status == .seeOther, "\(path)")
                    #expect(res.headers.first(name: .location) == "/account/two-factor")
                }
            }
            // Routes the role never allows still answer 403.
            try await app.testing().test(.GET, "/my-work", headers: admin.headers) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "/account/two-factor", headers: admin.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Administrators must set up two-factor sign-in"))
            }
            // Enrolled administrators go where they like, and cannot turn it off.
            let enrolled = try await app.fixtures.signedIn("admin", roles: [.administrator])
            try await app.testing().test(.GET, "/admin/users", headers: enrolled.headers) { res in
                #expect(res.status == .ok)
            }
            let headers = enrolled.formHeaders
            let off = try await app.testing().sendRequest(.POST, "/account/two-factor/disable", headers: headers,
                                                          body: formBody([("code", Fixtures.totpCode())]))
            #expect(off.status == .unprocessableEntity)
            #expect(off.body.string.contains("Administrators must keep two-factor sign-in on"))
        }
    }
}

/// Re-authentication before sensitive actions: "Confirm it's you", then back where they were going.
@Suite struct ReauthenticationTests {
    @Test func anExportAfterAnOldSignInAsksForThePasswordFirst() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 10)
            let user = try await app.fixtures.user("ana", roles: [.analyst])
            let analyst = try await app.fixtures.session(for: user, authenticatedAt: Date().addingTimeInterval(-20 * 60))
            try await app.testing().test(.GET, "/returns/cin.xml?year=2026", headers: analyst.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/confirm-identity?next=/returns/cin.xml%3Fyear%3D2026")
            }
            try await app.testing().test(.GET, "/performance?format=csv", headers: analyst.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/confirm-identity?next=") == true)
            }
            try await app.testing().test(.GET, "/confirm-identity?next=/returns/cin.xml%3Fyear%3D2026", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Confirm it&#39;s you") || res.body.string.contains("Confirm it's you"))
                #expect(res.body.string.contains("value=\"/returns/cin.xml?year=2026\""))
            }
            let headers = analyst.formHeaders
            let wrong = try await app.testing().sendRequest(.POST, "/confirm-identity", headers: headers,
                                                            body: formBody([("password", "not it"), ("next", "/returns/cin.xml?year=2026")]))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("Your password is not right"))
            let right = try await app.testing().sendRequest(.POST, "/confirm-identity", headers: headers,
                                                            body: formBody([("password", Fixtures.password), ("next", "/returns/cin.xml?year=2026")]))
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location) == "/returns/cin.xml?year=2026")
            try await app.testing().test(.GET, "/returns/cin.xml?year=2026", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .xml)
            }
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.reauthenticated.rawValue).count() == 1)
        }
    }

    @Test func withTwoFactorTheCodeIsAskedToo() async throws {
        try await withLantern { app in
            let user = try await app.fixtures.user("ana", roles: [.analyst], twoFactor: true)
            let analyst = try await app.fixtures.session(for: user, authenticatedAt: Date().addingTimeInterval(-20 * 60))
            let headers = analyst.formHeaders
            let noCode = try await app.testing().sendRequest(.POST, "/confirm-identity", headers: headers,
                                                             body: formBody([("password", Fixtures.password), ("next", "/performance")]))
            #expect(noCode.status == .unprocessableEntity)
            #expect(noCode.body.string.contains("Enter the 6-digit code"))
            let right = try await app.testing().sendRequest(.POST, "/confirm-identity", headers: headers,
                                                            body: formBody([("password", Fixtures.password), ("code", Fixtures.totpCode()), ("next", "/performance")]))
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location) == "/performance")
        }
    }

    @Test func breakGlassIsOfferedOnlyAfterConfirmingItsYou() async throws {
        try await withLantern { app in
            let north = try await app.fixtures.team("Assessment Team North")
            let south = try await app.fixtures.team("Safeguarding Team South", kind: .safeguarding)
            let child = try await app.fixtures.child("Amelia", "Stone", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: north.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            let user = try await app.fixtures.user("outsider", roles: [.socialWorker], team: south)
            let stale = try await app.fixtures.session(for: user, authenticatedAt: Date().addingTimeInterval(-60 * 60))
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: stale.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/confirm-identity?next=/children/\(child.id!)")
            }
            let headers = stale.formHeaders
            let posted = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/break-glass", headers: headers,
                                                             body: formBody([("reason", "Police called out of hours about a missing child")]))
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location) == "/confirm-identity?next=/children/\(child.id!)")
            #expect(try await BreakGlassModel.query(on: app.db).count() == 0)
            // A fresh sign-in sees the form straight away.
            let fresh = try await app.fixtures.session(for: user)
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: fresh.headers) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("Why do you need to open this record?"))
            }
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/sign-in` and `/sign-out`.
struct SignInController {
    struct Form: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let username: String
        let next: String
        let errors: [FieldIssue]
        let notice: String?
        let signInCSRF: String
    }

    func register(_ routes: LanternRoutes) {
        routes.get("sign-in", access: .anyone, use: show)
        routes.post("sign-in", access: .anyone, use: signIn)
        routes.post("sign-out", access: .anySignedIn, use: signOut)
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.signedInUser != nil { return req.redirect(to: "/") }
        let notice = req.sessionExpired ? "You were signed out because you were inactive for 30 minutes. Sign in again to continue." : nil
        return try await render(req, username: "", next: req.query[String.self, at: "next"] ?? "/", errors: [], notice: notice, status: .ok)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let next = Self.safeNext(form.next)
        var errors: [FieldIssue] = []
        if username.isEmpty { errors.append(FieldIssue(field: "username", message: "Enter your username")) }
        if password.isEmpty { errors.append(FieldIssue(field: "password", message: "Enter your password")) }
        guard errors.isEmpty else {
            return try await render(req, username: username, next: next, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        let config = req.application.lanternConfig
        let now = Date()
        guard let user = try await StaffUserModel.query(on: req.db).filter(\.$username == username).first(), user.active else {
            // Spend the same time as a real check, so response times do not reveal which usernames exist.
            _ = try? await req.password.async.verify(password, created: Self.timingDummyHash)
            try await AuditLog.record(.signInFailed, on: req.db, request: req, actor: (nil, username), summary: "Unknown or inactive username")
            return try await render(req, username: username, next: next, errors: [Self.wrongDetails], notice: nil, status: .unauthorized)
        }
        if config.lockout.isLocked(until: user.lockedUntil, now: now) {
            try await AuditLog.record(.signInFailed, on: req.db, request: req, actor: (user.id, user.username), summary: "Attempt while account locked")
            return try await render(req, username: username, next: next, errors: [Self.locked], notice: nil, status: .unauthorized)
        }
        guard try await req.password.async.verify(password, created: user.passwordHash) else {
            let outcome = config.lockout.afterFailure(previousFailures: user.failedSignIns, now: now)
            try await req.db.transaction { db in
                user.failedSignIns = outcome.failures
                user.lockedUntil = outcome.lockedUntil
                try await user.save(on: db)
                try await AuditLog.record(.signInFailed, on: db, request: req, actor: (user.id, user.username),
                                          summary: "Wrong password (\(outcome.failures) in a row)")
                if outcome.lockedUntil != nil {
                    try await AuditLog.record(.accountLocked, on: db, request: req, actor: (user.id, user.username),
                                              summary: "Locked for \(Int(config.lockout.lockDuration / 60)) minutes after \(outcome.failures) wrong passwords")
                }
            }
            let error = outcome.lockedUntil == nil ? Self.wrongDetails : Self.locked
            return try await render(req, username: username, next: next, errors: [error], notice: nil, status: .unauthorized)
        }
        let token = SessionTokens.random()
        try await req.db.transaction { db in
            user.failedSignIns = 0
            user.lockedUntil = nil
            try await user.save(on: db)
            let session = UserSessionModel(tokenHash: SessionTokens.hash(token), userID: try user.requireID(),
                                           csrfToken: SessionTokens.random(), now: now, ip: req.clientAddress)
            try await session.create(on: db)
            try await AuditLog.record(.signedIn, on: db, request: req, actor: (user.id, user.username), summary: "Signed in")
        }
        let response = req.redirect(to: next)
        response.cookies[StaffSessionMiddleware.cookieName] = StaffSessionMiddleware.cookie(token: token, secure: config.secureCookies)
        response.cookies[CSRFMiddleware.signInCookie] = StaffSessionMiddleware.expiredCookie(secure: config.secureCookies)
        return response
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        let user = try req.user()
        try await req.db.transaction { db in
            if let sessionID = user.sessionID, let session = try await UserSessionModel.find(sessionID, on: db) {
                session.revokedAt = Date()
                try await session.save(on: db)
            }
            try await AuditLog.record(.signedOut, on: db, request: req, summary: "Signed out")
        }
        let response = req.redirect(to: "/sign-in")
        response.cookies[StaffSessionMiddleware.cookieName] = StaffSessionMiddleware.expiredCookie(secure: req.application.lanternConfig.secureCookies)
        return response
    }

    private func render(_ req: Request, username: String, next: String, errors: [FieldIssue], notice: String?,
                        status: HTTPResponseStatus) async throws -> Response {
        let token = req.cookies[CSRFMiddleware.signInCookie]?.string ?? SessionTokens.random()
        let page = Page(chrome: Chrome(request: req, title: errors.isEmpty ? "Sign in" : "Error: Sign in"),
                        username: username, next: next, errors: errors, notice: notice, signInCSRF: token)
        let response = try await req.view.render("sign-in", page).encodeResponse(status: status, for: req)
        response.cookies[CSRFMiddleware.signInCookie] = HTTPCookies.Value(
            string: token, maxAge: 3600, path: "/sign-in", isSecure: req.application.lanternConfig.secureCookies,
            isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only a path on this site, so a crafted link cannot send someone elsewhere after sign-in.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.hasPrefix("/sign-") else { return "/" }
        return next
    }

    static let wrongDetails = FieldIssue(field: "username", message: "The username or password is not right")
    static let locked = FieldIssue(field: "username", message: "This account is locked for 30 minutes after too many wrong passwords. Try again later or ask an administrator to unlock it.")
    /// A Bcrypt hash of a random string, used only to spend time on unknown usernames.
    static let timingDummyHash = (try? Bcrypt.hash(SessionTokens.random(), cost: 12)) ?? ""
}

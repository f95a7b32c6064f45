import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/sign-in`, `/sign-in/code` (the second factor) and `/sign-out`.
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
        routes.get("sign-in", "code", access: .anyone, use: showCode)
        routes.post("sign-in", "code", access: .anyone, use: checkCode)
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
            let locked = try await SecondFactor.recordFailure(of: user, what: "Wrong password", on: req)
            return try await render(req, username: username, next: next, errors: [locked ? Self.locked : Self.wrongDetails], notice: nil, status: .unauthorized)
        }
        // With two-factor sign-in the session waits for the code and signs nobody in until then;
        // the failure count is cleared only once the code is right, so code guesses add up.
        let pending = user.twoFactorEnabled
        let token = SessionTokens.random()
        try await req.db.transaction { db in
            if !pending {
                user.failedSignIns = 0
                user.lockedUntil = nil
                try await user.save(on: db)
            }
            let session = UserSessionModel(tokenHash: SessionTokens.hash(token), userID: try user.requireID(),
                                           csrfToken: SessionTokens.random(), now: now, ip: req.clientAddress, secondFactorPending: pending)
            try await session.create(on: db)
            try await AuditLog.record(pending ? .passwordAccepted : .signedIn, on: db, request: req, actor: (user.id, user.username),
                                      summary: pending ? "Password right; asked for the second factor" : "Signed in")
        }
        let response = req.redirect(to: pending ? "/sign-in/code?next=" + LanternErrorMiddleware.queryEncoded(next) : next)
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

    // MARK: The second factor

    struct CodeForm: Content {
        var code: String?
        var next: String?
    }

    struct CodePage: Encodable {
        let chrome: Chrome
        let next: String
        let errors: FormErrors
        let csrf: String
    }

    @Sendable func showCode(req: Request) async throws -> Response {
        guard let pending = req.pendingSignIn else { return req.redirect(to: "/sign-in") }
        return try await renderCode(req, pending: pending, next: Self.safeNext(req.query[String.self, at: "next"]), errors: [], status: .ok)
    }

    @Sendable func checkCode(req: Request) async throws -> Response {
        guard let pending = req.pendingSignIn, let user = try await StaffUserModel.find(pending.userID, on: req.db), user.active else {
            return req.redirect(to: "/sign-in")
        }
        let form = try req.content.decode(CodeForm.self)
        let next = Self.safeNext(form.next)
        let code = form.code ?? ""
        let config = req.application.lanternConfig
        let now = Date()
        if config.lockout.isLocked(until: user.lockedUntil, now: now) {
            try await endPending(pending, req: req, summary: "Code given while account locked")
            return try await render(req, username: user.username, next: next, errors: [Self.locked], notice: nil, status: .unauthorized)
        }
        guard !code.trimmingCharacters(in: .whitespaces).isEmpty else {
            return try await renderCode(req, pending: pending, next: next, errors: [Self.enterCode], status: .unprocessableEntity)
        }
        guard let accepted = SecondFactor.check(code, for: user, now: now) else {
            if try await SecondFactor.recordFailure(of: user, what: "Wrong two-factor code", on: req) {
                try await endPending(pending, req: req, summary: "Sign-in ended: account locked")
                return try await render(req, username: user.username, next: next, errors: [Self.locked], notice: nil, status: .unauthorized)
            }
            return try await renderCode(req, pending: pending, next: next, errors: [Self.wrongCode], status: .unauthorized)
        }
        // A new token once fully signed in, so the half-signed-in cookie never becomes a full session.
        let token = SessionTokens.random()
        try await req.db.transaction { db in
            SecondFactor.consume(accepted, on: user)
            try await user.save(on: db)
            guard let session = try await UserSessionModel.find(pending.sessionID, on: db) else { throw LanternError.unauthenticated }
            session.tokenHash = SessionTokens.hash(token)
            session.csrfToken = SessionTokens.random()
            session.secondFactorPending = false
            session.authenticatedAt = now
            session.lastSeenAt = now
            try await session.save(on: db)
            try await AuditLog.record(.signedIn, on: db, request: req, actor: (user.id, user.username),
                                      summary: "Signed in with \(accepted.summary)")
        }
        let response = req.redirect(to: next)
        response.cookies[StaffSessionMiddleware.cookieName] = StaffSessionMiddleware.cookie(token: token, secure: config.secureCookies)
        return response
    }

    private func endPending(_ pending: PendingSignIn, req: Request, summary: String) async throws {
        try await req.db.transaction { db in
            if let session = try await UserSessionModel.find(pending.sessionID, on: db) {
                session.revokedAt = Date()
                try await session.save(on: db)
            }
            try await AuditLog.record(.signInFailed, on: db, request: req, actor: (pending.userID, pending.username), summary: summary)
        }
    }

    private func renderCode(_ req: Request, pending: PendingSignIn, next: String, errors: [FieldIssue],
                            status: HTTPResponseStatus) async throws -> Response {
        let page = CodePage(chrome: Chrome(request: req, title: errors.isEmpty ? "Enter your code" : "Error: Enter your code"),
                            next: next, errors: FormErrors(errors), csrf: pending.csrfToken)
        return try await req.view.render("sign-in-code", page).encodeResponse(status: status, for: req)
    }

    static let enterCode = FieldIssue(field: "code", message: "Enter the 6-digit code from your authenticator app, or a recovery code")
    static let wrongCode = FieldIssue(field: "code", message: "The code is not right, or has already been used. Wait for the next code and try again.")

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

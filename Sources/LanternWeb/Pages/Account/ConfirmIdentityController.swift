import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/confirm-identity`: "Confirm it's you" before a sensitive action (break-glass, exports,
/// subject access, deletion) when the user last proved who they are too long ago. Password, and
/// a code when two-factor sign-in is on; then back to the page they were going to.
struct ConfirmIdentityController {
    static let path = "/confirm-identity"

    struct Form: Content {
        var password: String?
        var code: String?
        var next: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let next: String
        let askCode: Bool
        let errors: FormErrors
    }

    func register(_ routes: LanternRoutes) {
        routes.get("confirm-identity", access: .anySignedIn, use: show)
        routes.post("confirm-identity", access: .anySignedIn, use: confirm)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await render(req, next: SignInController.safeNext(req.query[String.self, at: "next"]), errors: [])
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let signedIn = try req.user()
        guard let sessionID = signedIn.sessionID, let user = try await StaffUserModel.find(signedIn.id, on: req.db) else {
            throw LanternError.forbidden
        }
        let form = try req.content.decode(Form.self)
        let next = SignInController.safeNext(form.next)
        var issues: [FieldIssue] = []
        if (form.password ?? "").isEmpty { issues.append(FieldIssue(field: "password", message: "Enter your password")) }
        if user.twoFactorEnabled, (form.code ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(FieldIssue(field: "code", message: "Enter the 6-digit code from your authenticator app"))
        }
        guard issues.isEmpty else {
            return try await render(req, next: next, errors: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let passwordRight = try await req.password.async.verify(form.password ?? "", created: user.passwordHash)
        let accepted = user.twoFactorEnabled ? SecondFactor.check(form.code ?? "", for: user) : nil
        guard passwordRight, !user.twoFactorEnabled || accepted != nil else {
            let what = passwordRight ? "Wrong two-factor code when confirming identity" : "Wrong password when confirming identity"
            if try await SecondFactor.recordFailure(of: user, what: what, on: req) {
                // Locked: this session ends too, so whoever is at the screen cannot keep trying.
                try await req.db.transaction { db in
                    try await UserSessionModel.query(on: db).filter(\.$id == sessionID).set(\.$revokedAt, to: Date()).update()
                    try await AuditLog.record(.signedOut, on: db, request: req, summary: "Signed out: account locked while confirming identity")
                }
                let response = req.redirect(to: "/sign-in")
                response.cookies[StaffSessionMiddleware.cookieName] = StaffSessionMiddleware.expiredCookie(secure: req.application.lanternConfig.secureCookies)
                return response
            }
            let issue = passwordRight ? FieldIssue(field: "code", message: "The code is not right, or has already been used")
                                      : FieldIssue(field: "password", message: "Your password is not right")
            return try await render(req, next: next, errors: [issue]).encodeResponse(status: .unauthorized, for: req)
        }
        let now = Date()
        try await req.db.transaction { db in
            if let accepted { SecondFactor.consume(accepted, on: user) } else {
                user.failedSignIns = 0
                user.lockedUntil = nil
            }
            try await user.save(on: db)
            try await UserSessionModel.query(on: db).filter(\.$id == sessionID).set(\.$authenticatedAt, to: now).update()
            try await AuditLog.record(.reauthenticated, on: db, request: req, subjectKind: "user", subjectID: user.id,
                                      summary: "Confirmed identity with password" + (accepted.map { " and \($0.summary)" } ?? ""))
        }
        return req.redirect(to: next)
    }

    private func render(_ req: Request, next: String, errors: [FieldIssue]) async throws -> View {
        let user = try req.user()
        return try await req.view.render("account/confirm-identity", Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Confirm it's you" : "Error: Confirm it's you"),
            next: next, askCode: user.twoFactorEnabled, errors: FormErrors(errors)))
    }
}

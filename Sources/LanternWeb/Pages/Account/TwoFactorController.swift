import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/account/two-factor`: set up two-factor sign-in (an authenticator app, TOTP, RFC 6238) with
/// ten recovery codes shown once, or turn it off with a current code. Required for administrators:
/// until they set it up, every other page sends them here.
struct TwoFactorController {
    static let path = "/account/two-factor"
    /// The routes an administrator without two-factor sign-in may still use.
    static let enrolmentRoutes: Set<String> = [path, path + "/start", path + "/confirm", "/sign-out"]

    /// Administrators signed in with a browser must have it; API tokens are made at the command
    /// line for other systems and are not sessions.
    static func isRequired(for user: SignedInUser) -> Bool {
        user.has(.administrator) && !user.twoFactorEnabled && user.sessionID != nil
    }

    struct CodeForm: Content {
        var code: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let enabled: Bool
        let required: Bool
        /// Set while setting up: the secret to type into the app, and the key URI a QR code would carry.
        let secret: String?
        let uri: String?
        let recoveryCodesLeft: Int
        let recoveryCodes: [String]
        let errors: FormErrors
        let notice: String?
    }

    func register(_ routes: LanternRoutes) {
        routes.get("account", "two-factor", access: .anySignedIn, use: show)
        routes.post("account", "two-factor", "start", access: .anySignedIn, use: start)
        routes.post("account", "two-factor", "confirm", access: .anySignedIn, use: confirm)
        routes.post("account", "two-factor", "disable", access: .anySignedIn, use: disable)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try await currentUser(req)
        let notice = req.query[String.self, at: "off"] != nil ? "Two-factor sign-in is off." : nil
        return try await render(req, user: user, setup: false, errors: [], notice: notice)
    }

    /// A new secret, kept unconfirmed until the user types a first code from it.
    @Sendable func start(req: Request) async throws -> Response {
        let user = try await currentUser(req)
        guard !user.twoFactorEnabled else { return req.redirect(to: Self.path) }
        user.totpSecret = TOTP(secret: TOTP.generateSecret()).base32Secret
        user.totpConfirmedAt = nil
        user.totpLastStep = nil
        try await user.save(on: req.db)
        return try await render(req, user: user, setup: true, errors: [], notice: nil).encodeResponse(for: req)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let user = try await currentUser(req)
        guard !user.twoFactorEnabled, user.totpSecret != nil else { return req.redirect(to: Self.path) }
        let code = try req.content.decode(CodeForm.self).code ?? ""
        guard let accepted = SecondFactor.check(code, for: user, allowRecovery: false) else {
            let issue = code.trimmingCharacters(in: .whitespaces).isEmpty
                ? FieldIssue(field: "code", message: "Enter the 6-digit code your authenticator app shows")
                : FieldIssue(field: "code", message: "The code is not right. Check the app shows Lantern and enter the code it shows now.")
            return try await render(req, user: user, setup: true, errors: [issue], notice: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let issued = RecoveryCodes.generate()
        let now = Date()
        try await req.db.transaction { db in
            SecondFactor.consume(accepted, on: user)
            user.totpConfirmedAt = now
            user.recoveryCodeHashes = issued.hashes
            try await user.save(on: db)
            try await AuditLog.record(.twoFactorEnabled, on: db, request: req, subjectKind: "user", subjectID: user.id,
                                      summary: "Set up two-factor sign-in with \(issued.hashes.count) recovery codes")
        }
        // The codes are shown on this one response and never again.
        return try await req.view.render("account/two-factor-codes", Page(
            chrome: Chrome(request: req, title: "Save your recovery codes"), enabled: true, required: false, secret: nil, uri: nil,
            recoveryCodesLeft: issued.codes.count, recoveryCodes: issued.codes, errors: FormErrors(), notice: nil))
            .encodeResponse(for: req)
    }

    /// Turning it off needs a current code, so someone at an unlocked screen cannot. Administrators cannot.
    @Sendable func disable(req: Request) async throws -> Response {
        let signedIn = try req.user()
        let user = try await currentUser(req)
        guard user.twoFactorEnabled else { return req.redirect(to: Self.path) }
        guard !signedIn.has(.administrator) else {
            return try await render(req, user: user, setup: false, errors: [
                FieldIssue(field: "code", message: "Administrators must keep two-factor sign-in on"),
            ], notice: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let code = try req.content.decode(CodeForm.self).code ?? ""
        guard let accepted = SecondFactor.check(code, for: user) else {
            let locked = try await SecondFactor.recordFailure(of: user, what: "Wrong code to turn off two-factor sign-in", on: req)
            let message = locked ? "Too many wrong codes: the account is locked for 30 minutes" : "The code is not right, or has already been used"
            return try await render(req, user: user, setup: false, errors: [FieldIssue(field: "code", message: message)], notice: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.transaction { db in
            SecondFactor.consume(accepted, on: user)
            user.totpSecret = nil
            user.totpConfirmedAt = nil
            user.totpLastStep = nil
            user.recoveryCodeHashesJSON = nil
            try await user.save(on: db)
            try await AuditLog.record(.twoFactorDisabled, on: db, request: req, subjectKind: "user", subjectID: user.id,
                                      summary: "Turned off two-factor sign-in with \(accepted.summary)")
        }
        return req.redirect(to: Self.path + "?off=1")
    }

    private func currentUser(_ req: Request) async throws -> StaffUserModel {
        guard let user = try await StaffUserModel.find(try req.user().id, on: req.db) else { throw LanternError.unauthenticated }
        return user
    }

    private func render(_ req: Request, user: StaffUserModel, setup: Bool, errors: [FieldIssue], notice: String?) async throws -> View {
        let signedIn = try req.user()
        let totp = setup ? user.totpSecret.flatMap { try? TOTP(base32Secret: $0) } : nil
        let title = user.twoFactorEnabled ? "Two-factor sign-in" : "Set up two-factor sign-in"
        let page = Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? title : "Error: " + title),
            enabled: user.twoFactorEnabled, required: signedIn.has(.administrator),
            // Groups of four, as apps show the key for typing.
            secret: totp.map { secret in
                stride(from: 0, to: secret.base32Secret.count, by: 4).map { offset in
                    String(secret.base32Secret.dropFirst(offset).prefix(4))
                }.joined(separator: " ")
            },
            uri: totp?.provisioningURI(username: user.username),
            recoveryCodesLeft: user.recoveryCodeHashes.count, recoveryCodes: [], errors: FormErrors(errors), notice: notice)
        return try await req.view.render("account/two-factor", page)
    }
}

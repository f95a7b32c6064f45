import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/account/password`: change your own password. Every other session of yours ends, so a
/// password someone else learned stops working everywhere at once.
struct PasswordController {
    struct Form: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let done: Bool
    }

    func register(_ routes: LanternRoutes) {
        routes.get("account", "password", access: .anySignedIn, use: show)
        routes.post("account", "password", access: .anySignedIn, use: change)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await req.view.render("account/password", Page(chrome: Chrome(request: req, title: "Change your password"),
                                                             errors: FormErrors(), done: req.query[String.self, at: "done"] != nil))
    }

    @Sendable func change(req: Request) async throws -> Response {
        let signedIn = try req.user()
        let form = try req.content.decode(Form.self)
        guard let user = try await StaffUserModel.find(signedIn.id, on: req.db) else { throw LanternError.unauthenticated }
        var issues: [FieldIssue] = []
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            issues.append(FieldIssue(field: "current", message: "Your current password is not right"))
        }
        if let problem = PasswordPolicy().problem(with: form.new ?? "", username: user.username) {
            issues.append(FieldIssue(field: "new", message: problem.message))
        } else if form.new != form.confirm {
            issues.append(FieldIssue(field: "confirm", message: "The two new passwords do not match"))
        }
        guard issues.isEmpty else {
            return try await req.view.render("account/password", Page(chrome: Chrome(request: req, title: "Error: Change your password"),
                                                                      errors: FormErrors(issues), done: false))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let hash = try await req.password.async.hash(form.new ?? "")
        try await req.db.transaction { db in
            user.passwordHash = hash
            user.passwordChangedAt = Date()
            try await user.save(on: db)
            var others = UserSessionModel.query(on: db)
                .filter(\.$user.$id == signedIn.id)
                .filter(\.$revokedAt == nil)
            if let current = signedIn.sessionID { others = others.filter(\.$id != current) }
            try await others.set(\.$revokedAt, to: Date()).update()
            try await AuditLog.record(.passwordChanged, on: db, request: req, subjectKind: "user", subjectID: signedIn.id,
                                      summary: "Changed own password; other sessions ended")
        }
        return req.redirect(to: "/account/password?done=1")
    }
}

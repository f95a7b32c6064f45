import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/users`: who can sign in, with what roles; add users and unlock locked accounts.
struct UsersController {
    struct UserRow: Encodable {
        let id: UUID
        let username: String
        let name: String
        let roles: String
        let team: String
        let status: String
        let locked: Bool
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let users: [UserRow]
    }


    struct NewUserForm: Content {
        var username: String?
        var name: String?
        var roles: [String]?
        var team: String?
        var agency: String?
        var organisation: String?
        /// Social Work England registration number, for social workers and managers.
        var socialWorkerNumber: String?
        var password: String?
    }

    struct NewUserPage: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let username: String
        let name: String
        let organisation: String
        let socialWorkerNumber: String
        let roles: [FormOption]
        let teams: [FormOption]
        let agencies: [FormOption]
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "users", access: admin, use: list)
        routes.get("admin", "users", "new", access: admin, use: newUser)
        routes.post("admin", "users", access: admin, use: create)
        routes.post("admin", "users", ":userID", "unlock", access: admin, use: unlock)
    }

    @Sendable func list(req: Request) async throws -> View {
        let now = Date()
        let users = try await StaffUserModel.query(on: req.db).with(\.$team).sort(\.$username).all()
        let rows = users.map { user in
            let locked = req.application.lanternConfig.lockout.isLocked(until: user.lockedUntil, now: now)
            return UserRow(id: user.id!, username: user.username, name: user.displayName,
                           roles: user.roles.sorted().map(\.label).joined(separator: ", "),
                           team: user.team?.name ?? user.organisation ?? "",
                           status: !user.active ? "Inactive" : locked ? "Locked" : "Active", locked: locked)
        }
        return try await req.view.render("admin/users", ListPage(chrome: Chrome(request: req, title: "Users"), users: rows))
    }

    @Sendable func newUser(req: Request) async throws -> View {
        try await renderNew(req, form: NewUserForm(), errors: FormErrors())
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewUserForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        let roles = Set((form.roles ?? []).compactMap(Role.init(rawValue:)))
        let agency = Agency(rawValue: form.agency ?? "") ?? .council
        var issues: [FieldIssue] = []
        if username.isEmpty {
            issues.append(FieldIssue(field: "username", message: "Enter a username"))
        } else if !username.allSatisfy({ $0.isLetter || $0.isNumber || ".-_".contains($0) }) || username.count > 40 {
            issues.append(FieldIssue(field: "username", message: "Username can only contain letters, numbers, dots, hyphens and underscores, up to 40 characters"))
        } else if try await StaffUserModel.query(on: req.db).filter(\.$username == username).count() > 0 {
            issues.append(FieldIssue(field: "username", message: "Someone already has the username \(username)"))
        }
        if name.isEmpty { issues.append(FieldIssue(field: "name", message: "Enter the person's full name")) }
        if roles.isEmpty { issues.append(FieldIssue(field: "roles", message: "Select at least one role")) }
        if roles.contains(.partnerReferrer), agency == .council {
            issues.append(FieldIssue(field: "agency", message: "Select the agency a partner referrer works for"))
        }
        var teamID: UUID?
        if let text = form.team, !text.isEmpty {
            guard let id = UUID(uuidString: text), let team = try await TeamModel.find(id, on: req.db) else {
                throw LanternError.invalidFields([FieldIssue(field: "team", message: "Select a team from the list")])
            }
            teamID = team.id
        }
        let socialWorkerNumber = (form.socialWorkerNumber ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !socialWorkerNumber.isEmpty, !Self.isSocialWorkerNumber(socialWorkerNumber) {
            issues.append(FieldIssue(field: "socialWorkerNumber", message: "Enter the Social Work England number as SW followed by digits, like SW123456"))
        }
        if let problem = PasswordPolicy().problem(with: form.password ?? "", username: username) {
            issues.append(FieldIssue(field: "password", message: problem.message))
        }
        guard issues.isEmpty else {
            var kept = form
            kept.password = nil
            return try await renderNew(req, form: kept, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let user = StaffUserModel(username: username, displayName: name, passwordHash: try await req.password.async.hash(form.password ?? ""),
                                  roles: roles, teamID: teamID, agency: agency,
                                  organisation: form.organisation.flatMap { $0.isEmpty ? nil : $0 })
        user.socialWorkerNumber = socialWorkerNumber.isEmpty ? nil : socialWorkerNumber
        try await req.db.transaction { db in
            try await user.create(on: db)
            try await AuditLog.record(.userCreated, on: db, request: req, subjectKind: "user", subjectID: user.id,
                                      summary: "Created user \(username) with roles \(user.rolesText)")
        }
        return req.redirect(to: "/admin/users")
    }

    /// Social Work England numbers are "SW" and digits (the 903's SW_ID).
    static func isSocialWorkerNumber(_ text: String) -> Bool {
        text.count >= 3 && text.count <= 12 && text.hasPrefix("SW") && text.dropFirst(2).allSatisfy(\.isASCII) && text.dropFirst(2).allSatisfy(\.isNumber)
    }

    @Sendable func unlock(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await StaffUserModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that user")
        }
        try await req.db.transaction { db in
            user.failedSignIns = 0
            user.lockedUntil = nil
            try await user.save(on: db)
            try await AuditLog.record(.accountUnlocked, on: db, request: req, subjectKind: "user", subjectID: id,
                                      summary: "Unlocked \(user.username)")
        }
        return req.redirect(to: "/admin/users")
    }

    private func renderNew(_ req: Request, form: NewUserForm, errors: FormErrors) async throws -> View {
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let chosenRoles = Set(form.roles ?? [])
        let page = NewUserPage(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Add a user" : "Error: Add a user"), errors: errors,
            username: form.username ?? "", name: form.name ?? "", organisation: form.organisation ?? "",
            socialWorkerNumber: form.socialWorkerNumber ?? "",
            roles: Role.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: chosenRoles.contains($0.rawValue)) },
            teams: [FormOption(value: "", label: "No team", selected: (form.team ?? "").isEmpty)]
                + teams.map { FormOption(value: $0.id!.uuidString, label: $0.name, selected: form.team == $0.id!.uuidString) },
            agencies: Agency.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: (form.agency ?? "council") == $0.rawValue) })
        return try await req.view.render("admin/user-new", page)
    }
}

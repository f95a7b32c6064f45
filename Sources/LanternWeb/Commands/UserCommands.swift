import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `lantern user add ...`: creates a sign-in for a member of staff or a partner referrer.
struct UserCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["add": AddUserCommand(), "token": APITokenCommand()] }
    var help: String { "Manages sign-ins." }
}

struct AddUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Sign-in name, e.g. jsmith")
        var username: String?
        @Option(name: "name", help: "Full name as shown to colleagues")
        var name: String?
        @Option(name: "roles", help: "Comma-separated: \(Role.allCases.map(\.rawValue).joined(separator: ","))")
        var roles: String?
        @Option(name: "team", help: "Team name (optional)")
        var team: String?
        @Option(name: "agency", help: "For partner referrers: \(Agency.allCases.map(\.rawValue).joined(separator: ","))")
        var agency: String?
        @Option(name: "organisation", help: "For partner referrers: their school, GP practice or station")
        var organisation: String?
        @Option(name: "sw-number", help: "Social Work England number (SW and digits), used as SW_ID in the SSDA903")
        var socialWorkerNumber: String?
    }

    var help: String { "Adds a user. The password is read from LANTERN_NEW_PASSWORD or asked for without echo." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await LanternApp.migrate(app)
        guard let username = signature.username?.lowercased(), !username.isEmpty,
              let name = signature.name, !name.isEmpty else {
            throw UserCommandError("Give --username and --name.")
        }
        let roles = Role.parseList(signature.roles ?? "")
        guard !roles.isEmpty else { throw UserCommandError("Give at least one role with --roles (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))") }
        let agency = try signature.agency.map { text in
            guard let agency = Agency(rawValue: text) else { throw UserCommandError("Unknown agency \(text)") }
            return agency
        } ?? .council
        var teamID: UUID?
        if let teamName = signature.team {
            guard let team = try await TeamModel.query(on: app.db).filter(\.$name == teamName).first() else {
                throw UserCommandError("No team is called \(teamName)")
            }
            teamID = team.id
        }
        if let number = signature.socialWorkerNumber, !UsersController.isSocialWorkerNumber(number.uppercased()) {
            throw UserCommandError("The Social Work England number is SW followed by digits, like SW123456.")
        }
        let password = ProcessInfo.processInfo.environment["LANTERN_NEW_PASSWORD"] ?? context.console.ask("Password for \(username)".consoleText(), isSecure: true)
        if let problem = PasswordPolicy().problem(with: password, username: username) {
            throw UserCommandError(problem.message)
        }
        let user = StaffUserModel(username: username, displayName: name, passwordHash: try await app.password.async.hash(password),
                                  roles: roles, teamID: teamID, agency: agency, organisation: signature.organisation)
        user.socialWorkerNumber = signature.socialWorkerNumber?.uppercased()
        try await app.db.transaction { db in
            try await user.create(on: db)
            try await AuditLog.record(.userCreated, on: db, request: nil, actor: (nil, "lantern user add"),
                                      subjectKind: "user", subjectID: user.id, summary: "Created user \(username) with roles \(user.rolesText)")
        }
        context.console.print("Added \(username) (\(roles.sorted().map(\.label).joined(separator: ", "))).")
    }
}

/// `lantern user token --username U --name N`: an API token for another system, shown once.
struct APITokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "The user the system acts as, e.g. a police referrer account")
        var username: String?
        @Option(name: "name", help: "What the token is for, e.g. \"Police case system\"")
        var name: String?
    }

    var help: String { "Makes an API bearer token for a user and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await LanternApp.migrate(app)
        guard let username = signature.username?.lowercased(),
              let user = try await StaffUserModel.query(on: app.db).filter(\.$username == username).first() else {
            throw UserCommandError("Give --username of an existing user.")
        }
        let token = SessionTokens.random()
        let model = APITokenModel(userID: try user.requireID(), tokenHash: SessionTokens.hash(token),
                                  name: signature.name ?? "API token", createdAt: Date())
        try await app.db.transaction { db in
            try await model.create(on: db)
            try await AuditLog.record(.apiTokenCreated, on: db, request: nil, actor: (nil, "lantern user token"),
                                      subjectKind: "user", subjectID: user.id, summary: "API token \"\(model.name)\" made for \(username)")
        }
        context.console.print("API token for \(username) (shown once): \(token)")
    }
}

struct UserCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

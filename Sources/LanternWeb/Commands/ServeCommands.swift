import Fluent
import Foundation
import LanternStore
import Vapor

/// `lantern serve`: migrates, seeds the demo council into an empty database, then serves.
struct LanternServeCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    var help: String { "Runs pending migrations, seeds a demo council into an empty database, and serves Lantern (default http://127.0.0.1:8080)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await LanternApp.migrate(app)
        if app.lanternConfig.seedDemoWhenEmpty, try await DemoCouncil.isEmpty(app.db) {
            let accounts = try await DemoCouncil.seed(app: app, password: app.lanternConfig.demoPassword,
                                                      adminTOTPSecret: app.lanternConfig.demoTOTPSecret)
            context.console.print(DemoCouncil.describe(accounts))
        }
        context.console.print("Lantern is using \(app.lanternConfig.database.safeDescription).")
        try await app.servers.asyncCommand.run(using: context, signature: signature)
    }
}

/// `lantern migrate`: brings the database schema up to date without asking.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Runs any pending database migrations (SQLite file, or PostgreSQL when DATABASE_URL is set)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await LanternApp.migrate(context.application)
        context.console.print("Migrations are up to date on \(context.application.lanternConfig.database.safeDescription).")
    }
}

/// `lantern demo [--reset]`: loads the synthetic demo council.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "reset", help: "Delete everything in the database first, then load the demo council.")
        var reset: Bool
    }

    var help: String { "Loads a small synthetic demo council (teams, staff, children) and prints the demo sign-ins once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.reset {
            try await app.autoRevert()
        }
        try await LanternApp.migrate(app)
        guard try await DemoCouncil.isEmpty(app.db) else {
            context.console.print("The database already holds data. Use `lantern demo --reset` to replace it with the demo council.")
            return
        }
        let accounts = try await DemoCouncil.seed(app: app, password: app.lanternConfig.demoPassword,
                                                      adminTOTPSecret: app.lanternConfig.demoTOTPSecret)
        context.console.print(DemoCouncil.describe(accounts))
    }
}

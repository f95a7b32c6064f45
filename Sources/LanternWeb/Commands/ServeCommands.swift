import Fluent
import Foundation
import LanternCore
import LanternStore
import LanternSynthetic
import Vapor

/// `lantern serve`: migrates, seeds the demo council into an empty database, then serves.
struct LanternServeCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    var help: String { "Runs pending migrations, seeds a demo council into an empty database, and serves Lantern (default http://127.0.0.1:8080)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        GlibcMemory.limitArenas(to: 2)
        try await LanternApp.migrate(app)
        try await LanternApp.tuneConnections(app)
        if app.lanternConfig.seedDemoWhenEmpty, try await DemoCouncil.isEmpty(app.db) {
            let accounts = try await DemoCouncil.seed(app: app, password: app.lanternConfig.demoPassword,
                                                      adminTOTPSecret: app.lanternConfig.demoTOTPSecret)
            context.console.print(DemoCouncil.describe(accounts))
        }
        context.console.print("Lantern is using \(app.lanternConfig.database.safeDescription).")
        // Read the performance facts while the server starts, so the first analyst does not wait.
        let facts = app.insightFacts
        let db = app.db
        Task { _ = try? await facts.current(on: db) }
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

/// `lantern demo [--scale small|council|city] [--years N] [--seed S] [--reset]`: loads a synthetic council.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "reset", help: "Delete everything in the database first, then load the demo council.")
        var reset: Bool
        @Option(name: "scale", help: "small (the default: a few hundred children), council (about 8,000 contacts a year) or city (about 30,000 a year, 750 staff)")
        var scale: String?
        @Option(name: "years", help: "Years of history for council or city (default 5 and 10)")
        var years: Int?
        @Option(name: "seed", help: "Generator seed: the same seed makes the same council (default 1)")
        var seed: Int?
    }

    var help: String { "Loads a synthetic council (teams, staff, children and their histories), prints the demo sign-ins once and, for council and city, what it loaded against the targets." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let scale = CouncilScale(rawValue: signature.scale ?? "small") else {
            context.console.error("--scale must be small, council or city.")
            throw DemoCommandError.badOption
        }
        if let years = signature.years, !(1...20).contains(years) {
            context.console.error("--years must be between 1 and 20.")
            throw DemoCommandError.badOption
        }
        if signature.reset {
            try await app.autoRevert()
        }
        try await LanternApp.migrate(app)
        guard try await DemoCouncil.isEmpty(app.db) else {
            context.console.print("The database already holds data. Use `lantern demo --reset` to replace it with the demo council.")
            return
        }
        let seed = UInt64(max(0, signature.seed ?? 1))
        guard var shape = CouncilShape.preset(scale) else {
            let accounts = try await DemoCouncil.seed(app: app, password: app.lanternConfig.demoPassword,
                                                      adminTOTPSecret: app.lanternConfig.demoTOTPSecret)
            context.console.print(DemoCouncil.describe(accounts))
            return
        }
        if let years = signature.years { shape.years = years }
        let started = Date()
        let console = context.console
        context.console.print("Generating a \(scale.rawValue) council: \(shape.contactsPerYear.formatted()) contacts a year for \(shape.years) years (seed \(seed)) into \(app.lanternConfig.database.safeDescription)...")
        let loaded = try await ScaledCouncil.seed(app: app, shape: shape, seed: seed, password: app.lanternConfig.demoPassword,
                                                  adminTOTPSecret: app.lanternConfig.demoTOTPSecret,
                                                  progress: { console.print($0) })
        let seconds = Date().timeIntervalSince(started)
        context.console.print(DemoCouncil.describe(loaded.accounts))
        let census = try await CouncilCensus.count(shape, today: Day(Date()), on: app.db)
        context.console.print(census.table)
        context.console.print("")
        context.console.print("Loaded in \(Int(seconds.rounded())) s. Journeys the rules refused (left out): \(loaded.refusedCases) cases, \(loaded.refusedEarlyHelp) early help.")
        if let reason = loaded.firstRefusal { context.console.print("The first refused: \(reason)") }
        context.console.print(census.allWithinTarget ? "Every count with a target is within 10% of it." : "Some counts are outside 10% of their targets (marked ✗).")
    }
}

enum DemoCommandError: Error {
    case badOption
}

import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LanternCore
import LanternStore
import SQLKit
import Vapor

/// Builds the Lantern application from a config value: one explicit function, so the app that
/// `lantern serve` runs and the app the tests run are the same.
public enum LanternApp {
    public static func configure(_ app: Application, config: LanternConfig, bcryptCost: Int = 12,
                                 rateLimits: RateLimitMiddleware.Limits = .init()) async throws {
        app.lanternConfig = config
        app.logger = app.logger.privacyFiltered
        let databaseID: DatabaseID = config.database.isPostgres ? .psql : .sqlite
        app.databases.use(try config.database.configurationFactory(), as: databaseID, isDefault: true)
        app.migrations.add(LanternMigrations.all)
        _ = app.caseloadCache
        _ = app.layoutFrames
        app.passwords.use(.bcrypt(cost: bcryptCost))
        // Dates in the API are ISO 8601 strings, as the OpenAPI document says.
        ContentConfiguration.global.use(encoder: JSONEncoder.custom(dates: .iso8601), for: .json)
        ContentConfiguration.global.use(decoder: JSONDecoder.custom(dates: .iso8601), for: .json)

        if let root = ResourceRoot.find(environment: ProcessInfo.processInfo.environment,
                                        workingDirectory: app.directory.workingDirectory,
                                        executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first ?? "") {
            if root != app.directory.workingDirectory { app.directory = DirectoryConfiguration(workingDirectory: root) }
        } else {
            app.logger.error("Lantern's templates (Resources/Views) are not under \(app.directory.workingDirectory); start lantern from its folder or set LANTERN_ROOT")
        }
        app.views.use(.leaf)
        app.leaf.cache.isEnabled = app.environment.isRelease

        app.middleware = Middlewares()
        app.middleware.use(RequestLogMiddleware())
        app.middleware.use(LanternErrorMiddleware())
        app.middleware.use(SecurityHeadersMiddleware(secure: config.secureCookies))
        var rateLimits = rateLimits
        if let perMinute = config.apiCallsPerMinute { rateLimits.apiRefill = 60 / TimeInterval(perMinute) }
        app.middleware.use(RateLimitMiddleware(limits: rateLimits))
        app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
        app.middleware.use(StaffSessionMiddleware(lifetime: config.sessionLifetime))
        app.middleware.use(CSRFMiddleware())

        registerRoutes(app)
        registerCommands(app)
    }

    static func registerRoutes(_ app: Application) {
        let routes = LanternRoutes(app: app)
        HealthController().register(routes)
        SignInController().register(routes)
        HomeController().register(routes)
        ChildrenController().register(routes)
        FamilyController().register(routes)
        MergeController().register(routes)
        FrontDoorController().register(routes)
        CaseworkController().register(routes)
        CareController().register(routes)
        EarlyHelpController().register(routes)
        DocumentsController().register(routes)
        MyWorkController().register(routes)
        TeamController().register(routes)
        SupervisionController().register(routes)
        PerformanceController().register(routes)
        NeedsController().register(routes)
        ReturnsController().register(routes)
        ReferralsController().register(routes)
        AuditController().register(routes)
        UsersController().register(routes)
        PasswordController().register(routes)
        DraftsController().register(routes)
        CalendarController().register(routes)
        TwoFactorController().register(routes)
        ConfirmIdentityController().register(routes)
        RestrictedRecordsController().register(routes)
        SubjectAccessController().register(routes)
        RetentionController().register(routes)
        CaseAuditController().register(routes)
        AuditTemplateController().register(routes)
        WorkforceController().register(routes)
        ComparisonsController().register(routes)
        AdoptersController().register(routes)
        CaseloadWeightsController().register(routes)
        let api = routes.grouped("api", "v1")
        ChildrenAPI().register(api)
        ContactsAPI().register(api)
        OpenAPIController().register(api)
    }

    static func registerCommands(_ app: Application) {
        app.asyncCommands.use(LanternServeCommand(), as: "serve", isDefault: true)
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(UserCommands(), as: "user")
        app.asyncCommands.use(ReturnsCommands(), as: "returns")
        app.asyncCommands.use(BenchCommands(), as: "bench")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
    }

    /// Brings the schema up to date. SQLite files also switch to write-ahead logging, so readers
    /// never wait for a writer.
    public static func migrate(_ app: Application) async throws {
        if case .sqliteFile = app.lanternConfig.database, let sql = app.db as? any SQLDatabase {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
    }

    /// Each SQLite connection's page cache, in KiB. SQLite's default (2 MB) holds a fraction of
    /// what a city team's caseload touches, so each read of it went to the operating system a page
    /// at a time (two thirds of its time in `pread`). Bigger is not free: a write on one connection
    /// empties the other's cache, and emptying takes longer the more it holds. On the city, 8 MB
    /// took the Team page's p99 at 32 users from 56 to 41 ms and contact ingest from 205 to 190 a
    /// second; 16 MB gained little more for pages and cut ingest to 163 a second.
    static let sqlitePageCacheKiB = 8_192

    /// Settings SQLite keeps per connection, made on the one connection each event loop holds.
    /// `LANTERN_SQLITE_CACHE_KIB` overrides the page cache size.
    public static func tuneConnections(_ app: Application) async throws {
        guard case .sqliteFile = app.lanternConfig.database else { return }
        let kib = Environment.get("LANTERN_SQLITE_CACHE_KIB").flatMap(Int.init).map { max(64, $0) } ?? sqlitePageCacheKiB
        for loop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(kib))").run()
        }
    }
}

/// One structured line per request: method, route pattern, status and duration. The route pattern
/// (`/children/:personID`) is logged, never the query string, which may hold a name someone searched for.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger = request.logger.privacyFiltered
        let started = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - started
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        request.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "route": .string(route),
            "status": .stringConvertible(response.status.code),
            "ms": .stringConvertible(Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1000 + Double(elapsed.components.seconds) * 1000),
        ])
        return response
    }
}

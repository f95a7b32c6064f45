import Foundation
import LanternCore
import LanternStore

/// Everything Lantern reads from its environment, turned into one value by one pure function so
/// that it can be tested and never prints a secret.
public struct LanternConfig: Sendable, Equatable {
    public var database: DatabaseLocation
    /// Adds the Secure flag to cookies and sends HSTS; set when Lantern is served over HTTPS.
    public var secureCookies: Bool
    public var sessionLifetime: SessionLifetime
    public var lockout: SignInLockout
    /// A fixed password for every demo account, for scripted demos and the browser suite;
    /// otherwise each demo account gets a random password printed once.
    public var demoPassword: String?
    /// Seeds the demo council when `serve` finds an empty database.
    public var seedDemoWhenEmpty: Bool
    /// How long after proving who they are a user may take a sensitive action (break-glass,
    /// exports, subject access, deletion) before being asked to confirm it's them again.
    public var reauthenticateAfter: TimeInterval = 15 * 60
    /// The demo administrator's TOTP secret (Base32), so scripted demos and the browser suite can
    /// compute codes; otherwise the demo generates one and prints it once.
    public var demoTOTPSecret: String?
    /// How long each kind of record is kept; the retention review list applies it.
    public var retentionPolicy: RetentionPolicy = .englandDefault
    /// API calls a minute allowed to each token (or address) once the burst is spent; nil keeps
    /// `RateLimitMiddleware.Limits`' default. Raised for a bulk feed, or by `lantern bench ingest`.
    public var apiCallsPerMinute: Int?

    public init(database: DatabaseLocation, secureCookies: Bool = false, sessionLifetime: SessionLifetime = .init(),
                lockout: SignInLockout = .init(), demoPassword: String? = nil, seedDemoWhenEmpty: Bool = true) {
        self.database = database
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.lockout = lockout
        self.demoPassword = demoPassword
        self.seedDemoWhenEmpty = seedDemoWhenEmpty
    }

    public enum Problem: Error, Equatable, Sendable {
        case invalid(variable: String, reason: String)

        public var message: String {
            switch self {
            case .invalid(let variable, let reason): "\(variable): \(reason)"
            }
        }
    }

    public static func from(environment env: [String: String]) throws(Problem) -> LanternConfig {
        let database: DatabaseLocation
        do {
            database = try DatabaseLocation.from(databaseURL: env["DATABASE_URL"],
                                                 sqlitePath: env["LANTERN_SQLITE_PATH"] ?? "lantern.sqlite")
        } catch {
            throw .invalid(variable: "DATABASE_URL", reason: error.message)
        }
        var config = LanternConfig(database: database)
        config.secureCookies = try flag(env, "LANTERN_SECURE_COOKIES") ?? false
        config.seedDemoWhenEmpty = try flag(env, "LANTERN_SEED_DEMO") ?? true
        if let minutes = env["LANTERN_SESSION_IDLE_MINUTES"] {
            guard let value = Int(minutes), (1...24 * 60).contains(value) else {
                throw .invalid(variable: "LANTERN_SESSION_IDLE_MINUTES", reason: "expected a whole number of minutes from 1 to 1440")
            }
            config.sessionLifetime.idleTimeout = TimeInterval(value * 60)
        }
        if let password = env["LANTERN_DEMO_PASSWORD"], !password.isEmpty {
            config.demoPassword = password
        }
        if let minutes = env["LANTERN_REAUTHENTICATE_MINUTES"] {
            guard let value = Int(minutes), (1...12 * 60).contains(value) else {
                throw .invalid(variable: "LANTERN_REAUTHENTICATE_MINUTES", reason: "expected a whole number of minutes from 1 to 720")
            }
            config.reauthenticateAfter = TimeInterval(value * 60)
        }
        if let calls = env["LANTERN_API_CALLS_PER_MINUTE"] {
            guard let value = Int(calls), (1...10_000_000).contains(value) else {
                throw .invalid(variable: "LANTERN_API_CALLS_PER_MINUTE", reason: "expected a whole number from 1 to 10000000")
            }
            config.apiCallsPerMinute = value
        }
        if let secret = env["LANTERN_DEMO_TOTP_SECRET"], !secret.isEmpty {
            guard let bytes = try? Base32.decode(secret), bytes.count >= 10 else {
                throw .invalid(variable: "LANTERN_DEMO_TOTP_SECRET", reason: "expected a Base32 secret of at least 16 characters")
            }
            config.demoTOTPSecret = secret
        }
        return config
    }

    private static func flag(_ env: [String: String], _ name: String) throws(Problem) -> Bool? {
        guard let raw = env[name]?.lowercased() else { return nil }
        switch raw {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off", "": return false
        default: throw .invalid(variable: name, reason: "expected 1 or 0")
        }
    }
}

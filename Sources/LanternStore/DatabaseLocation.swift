import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where Lantern keeps its data: an SQLite file by default, PostgreSQL in production.
public enum DatabaseLocation: Equatable, Sendable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public enum Problem: Error, Equatable, Sendable {
        case unsupportedURL(scheme: String)
        case malformedURL

        public var message: String {
            switch self {
            case .unsupportedURL(let scheme): "DATABASE_URL must start with postgres:// or postgresql:// (found \(scheme)://)"
            case .malformedURL: "DATABASE_URL is not a valid URL"
            }
        }
    }

    /// `DATABASE_URL` names PostgreSQL; otherwise the SQLite file (default `./lantern.sqlite`).
    public static func from(databaseURL: String?, sqlitePath: String = "lantern.sqlite") throws(Problem) -> DatabaseLocation {
        guard let text = databaseURL?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .sqliteFile(path: sqlitePath)
        }
        guard let scheme = URL(string: text)?.scheme?.lowercased() else { throw .malformedURL }
        switch scheme {
        case "postgres", "postgresql": return .postgres(url: text)
        default: throw .unsupportedURL(scheme: scheme)
        }
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }

    /// Names the backend without the credentials a URL may carry.
    public var safeDescription: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url):
            if let u = URL(string: url), let host = u.host { "PostgreSQL at \(host):\(u.port ?? 5432)\(u.path)" } else { "PostgreSQL" }
        }
    }

    public func configurationFactory() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            return .sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30))
        case .sqliteMemory:
            return .sqlite(.memory)
        case .postgres(let url):
            return try .postgres(url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30))
        }
    }
}

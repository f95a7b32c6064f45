import Foundation
import LanternCore
import Vapor

/// The member of staff behind a request, loaded once per request by `StaffSessionMiddleware`.
public struct SignedInUser: Sendable, Equatable, Codable {
    public let id: UUID
    public let username: String
    public let displayName: String
    public let roles: Set<Role>
    public let teamID: UUID?
    public let teamName: String?
    public let agency: Agency
    public let sessionID: UUID?
    /// The synchronizer token every form must echo back (OWASP CSRF prevention).
    public let csrfToken: String?

    public func has(_ role: Role) -> Bool { roles.contains(role) }
    public func hasAny(_ wanted: Set<Role>) -> Bool { !roles.isDisjoint(with: wanted) }
}

extension Request {
    private struct SignedInUserKey: StorageKey { typealias Value = SignedInUser }
    private struct SessionExpiredKey: StorageKey { typealias Value = Bool }

    public var signedInUser: SignedInUser? {
        get { storage[SignedInUserKey.self] }
        set { storage[SignedInUserKey.self] = newValue }
    }

    /// The user, for handlers behind an access check (which guarantees one).
    func user() throws -> SignedInUser {
        guard let user = signedInUser else { throw LanternError.unauthenticated }
        return user
    }

    var sessionExpired: Bool {
        get { storage[SessionExpiredKey.self] ?? false }
        set { storage[SessionExpiredKey.self] = newValue }
    }

    /// The caller's address for the audit trail.
    var clientAddress: String? {
        headers.forwarded.first?.for ?? headers.first(name: .xForwardedFor) ?? remoteAddress?.ipAddress
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = LanternConfig }

    public var lanternConfig: LanternConfig {
        get { storage[ConfigKey.self] ?? LanternConfig(database: .sqliteMemory) }
        set { storage[ConfigKey.self] = newValue }
    }
}

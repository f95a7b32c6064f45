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
    /// Whether the user has two-factor sign-in set up.
    public var twoFactorEnabled: Bool = false
    /// When the user last proved who they are in this session (nil for API tokens).
    public var authenticatedAt: Date? = nil
    /// The partner organisation the account belongs to (a school, a GP practice), if any.
    public var organisation: String? = nil

    public func has(_ role: Role) -> Bool { roles.contains(role) }
    public func hasAny(_ wanted: Set<Role>) -> Bool { !roles.isDisjoint(with: wanted) }
}

extension Request {
    private struct SignedInUserKey: StorageKey { typealias Value = SignedInUser }
    private struct SessionExpiredKey: StorageKey { typealias Value = Bool }
    private struct PendingSignInKey: StorageKey { typealias Value = PendingSignIn }

    public var signedInUser: SignedInUser? {
        get { storage[SignedInUserKey.self] }
        set { storage[SignedInUserKey.self] = newValue }
    }

    /// The user, for handlers behind an access check (which guarantees one).
    func user() throws -> SignedInUser {
        guard let user = signedInUser else { throw LanternError.unauthenticated }
        return user
    }

    /// A session whose password was right and whose second factor is still to come. It signs
    /// nobody in: only the code page reads it.
    var pendingSignIn: PendingSignIn? {
        get { storage[PendingSignInKey.self] }
        set { storage[PendingSignInKey.self] = newValue }
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

/// The half-finished sign-in behind a session cookie: password accepted, code not yet given.
struct PendingSignIn: Sendable {
    let sessionID: UUID
    let userID: UUID
    let username: String
    let csrfToken: String
    /// How long the code page waits before the password has to be given again.
    static let lifetime: TimeInterval = 5 * 60
}

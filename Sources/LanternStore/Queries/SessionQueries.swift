import FluentKit
import Foundation
import LanternCore
import SQLKit

/// The query every signed-in page starts with: the session, its user and the user's team.
public enum SessionQueries {
    public struct SignedInSession: Sendable {
        public let sessionID: UUID
        public let csrfToken: String
        public let createdAt: Date
        public let lastSeenAt: Date
        public let revokedAt: Date?
        public let authenticatedAt: Date?
        public let secondFactorPending: Bool
        public let userID: UUID
        public let username: String
        public let displayName: String
        public let roles: Set<Role>
        public let teamID: UUID?
        public let teamName: String?
        public let agency: Agency
        public let organisation: String?
        public let active: Bool
        public let twoFactorEnabled: Bool

        /// The last time the user proved who they are.
        public var lastAuthenticatedAt: Date { authenticatedAt ?? createdAt }
    }

    /// Written out once rather than built per request: building and escaping a three-table Fluent
    /// join was a tenth of a small page's time.
    static let signedInSQL = """
        SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, s.revoked_at, s.authenticated_at, s.second_factor_pending,
               u.id AS user_id, u.username, u.display_name, u.roles, u.team_id, u.agency, u.organisation, u.active,
               u.totp_secret IS NOT NULL AND u.totp_confirmed_at IS NOT NULL AS two_factor, t.name AS team_name
        FROM user_sessions s JOIN staff_users u ON u.id = s.user_id LEFT JOIN teams t ON t.id = u.team_id
        WHERE s.token_hash = 
        """

    static func agency(_ stored: String) throws -> Agency {
        guard let agency = Agency(rawValue: stored) else { throw SessionQueryError.unknownAgency(stored) }
        return agency
    }

    public static func session(tokenHash: String, on db: any Database) async throws -> SignedInSession? {
        guard let sql = db as? any SQLDatabase else { throw CaseloadQueryError.notSQL }
        guard let row = try await sql.raw("\(unsafeRaw: signedInSQL)\(bind: tokenHash)").first() else { return nil }
        return SignedInSession(
            sessionID: try row.decode(column: "id", as: UUID.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            authenticatedAt: try row.decode(column: "authenticated_at", as: Date?.self),
            secondFactorPending: try row.decode(column: "second_factor_pending", as: Bool.self),
            userID: try row.decode(column: "user_id", as: UUID.self),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            roles: Role.parseList(try row.decode(column: "roles", as: String.self)),
            teamID: try row.decode(column: "team_id", as: UUID?.self),
            teamName: try row.decode(column: "team_name", as: String?.self),
            agency: try agency(row.decode(column: "agency", as: String.self)),
            organisation: try row.decode(column: "organisation", as: String?.self),
            active: try row.decode(column: "active", as: Bool.self),
            twoFactorEnabled: try row.decode(column: "two_factor", as: Bool.self))
    }
}

public enum SessionQueryError: Error {
    /// A member of staff's agency is not one Lantern knows: the database was changed by hand.
    case unknownAgency(String)
}

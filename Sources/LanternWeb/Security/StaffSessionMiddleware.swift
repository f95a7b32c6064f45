import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Reads the session cookie, ends sessions that are idle or too old, and puts the signed-in user
/// on the request. Replaces Vapor's sessions, whose cookie is not HttpOnly and lasts a week.
struct StaffSessionMiddleware: AsyncMiddleware {
    static let cookieName = "lantern_session"
    /// Writing `last_seen_at` on every request would turn each page view into a write.
    static let touchInterval: TimeInterval = 30

    let lifetime: SessionLifetime

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token, request.url.path.hasPrefix("/api/") {
            try await loadAPIToken(bearer, on: request)
        } else if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty {
            try await load(token: token, on: request)
        }
        let response = try await next.respond(to: request)
        if request.sessionExpired && request.signedInUser == nil {
            response.cookies[Self.cookieName] = StaffSessionMiddleware.expiredCookie(secure: request.application.lanternConfig.secureCookies)
        }
        return response
    }

    private func load(token: String, on request: Request) async throws {
        let now = Date()
        guard let session = try await SessionQueries.session(tokenHash: SessionTokens.hash(token), on: request.db) else {
            request.sessionExpired = true
            return
        }
        if session.revokedAt != nil || !session.active
            || lifetime.hasExpired(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) {
            if session.revokedAt == nil { try await revoke(session, at: now, on: request.db) }
            request.sessionExpired = true
            return
        }
        if session.secondFactorPending {
            guard now.timeIntervalSince(session.createdAt) <= PendingSignIn.lifetime else {
                try await revoke(session, at: now, on: request.db)
                request.sessionExpired = true
                return
            }
            request.pendingSignIn = PendingSignIn(sessionID: session.sessionID, userID: session.userID,
                                                  username: session.username, csrfToken: session.csrfToken)
            return
        }
        if now.timeIntervalSince(session.lastSeenAt) > Self.touchInterval {
            try await UserSessionModel.query(on: request.db).filter(\.$id == session.sessionID).set(\.$lastSeenAt, to: now).update()
        }
        request.signedInUser = SignedInUser(
            id: session.userID, username: session.username, displayName: session.displayName, roles: session.roles,
            teamID: session.teamID, teamName: session.teamName, agency: session.agency,
            sessionID: session.sessionID, csrfToken: session.csrfToken,
            twoFactorEnabled: session.twoFactorEnabled, authenticatedAt: session.lastAuthenticatedAt, organisation: session.organisation)
        request.logger[metadataKey: "user"] = .string(session.username)
    }

    private func revoke(_ session: SessionQueries.SignedInSession, at now: Date, on db: any Database) async throws {
        try await UserSessionModel.query(on: db).filter(\.$id == session.sessionID).set(\.$revokedAt, to: now).update()
    }

    /// Another system calling the API with a token made by `lantern user token`. The token and its
    /// account are read in one query: partner systems post many contacts a minute, and each
    /// extra query holds the database for every other caller.
    private func loadAPIToken(_ token: String, on request: Request) async throws {
        guard let stored = try await APITokenModel.query(on: request.db)
            .join(StaffUserModel.self, on: \APITokenModel.$user.$id == \StaffUserModel.$id)
            .filter(\.$tokenHash == SessionTokens.hash(token)).filter(\.$revokedAt == nil)
            .filter(StaffUserModel.self, \.$active == true).first() else { return }
        let user = try stored.joined(StaffUserModel.self)
        var teamName: String?
        if let teamID = user.$team.id { teamName = try await TeamModel.find(teamID, on: request.db)?.name }
        request.signedInUser = SignedInUser(
            id: try user.requireID(), username: user.username, displayName: user.displayName, roles: user.roles,
            teamID: user.$team.id, teamName: teamName, agency: user.agency, sessionID: nil, csrfToken: nil,
            twoFactorEnabled: user.twoFactorEnabled, organisation: user.organisation)
        request.logger[metadataKey: "user"] = .string(user.username)
    }

    static func cookie(token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

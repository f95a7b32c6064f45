import LanternCore
import Vapor

/// Every state-changing request made with a session cookie must carry the session's CSRF token,
/// in the `_csrf` form field or the `X-CSRF-Token` header (OWASP synchronizer token pattern).
/// Requests authenticated by an API bearer token carry no cookie and need none.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else {
            return try await next.respond(to: request)
        }
        // With no session there is nothing to forge; the route's own access check answers.
        let hasSessionCookie = request.cookies[StaffSessionMiddleware.cookieName] != nil
        let isSignInForm = request.url.path == "/sign-in"
        guard hasSessionCookie || isSignInForm else { return try await next.respond(to: request) }
        let expected: String? = if isSignInForm { request.cookies[Self.signInCookie]?.string }
            else { request.signedInUser?.csrfToken ?? request.pendingSignIn?.csrfToken }
        let sent = request.headers.first(name: Self.header) ?? (try? request.content.get(String.self, at: Self.field))
        guard let expected, !expected.isEmpty, let sent, ConstantTime.isEqual(expected, sent) else {
            throw LanternError.csrfRejected
        }
        return try await next.respond(to: request)
    }

    /// The sign-in form is posted before a session exists, so its token lives in a short cookie.
    static let signInCookie = "lantern_signin_csrf"
}

import Foundation
import LanternCore
import Vapor

/// Slows down password guessing and API floods: sign-in attempts per address, and API calls per
/// user or address (OWASP ASVS 5.0 V2.4 anti-automation). Refusals are 429 with Retry-After.
public final class RateLimitMiddleware: AsyncMiddleware, @unchecked Sendable {
    public struct Limits: Sendable {
        public init() {}
        // A council office signs in from one address at 9am, so the per-address limit is generous;
        // guessing one account's password is stopped by the lock-out after 6 failures.
        public var signInBurst = 60
        public var signInRefill: TimeInterval = 1          // 60 a minute once the burst is spent
        public var apiBurst = 120
        public var apiRefill: TimeInterval = 0.1           // 600 a minute
    }

    private let lock = NSLock()
    private var signIn: RateLimiter
    private var api: RateLimiter

    public init(limits: Limits = Limits()) {
        signIn = RateLimiter(burst: limits.signInBurst, refillInterval: limits.signInRefill)
        api = RateLimiter(burst: limits.apiBurst, refillInterval: limits.apiRefill)
    }

    /// Password and code guesses share one budget per address.
    static let signInPaths: Set<String> = ["/sign-in", "/sign-in/code", "/confirm-identity"]

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let address = request.clientAddress ?? "unknown"
        let now = Date()
        let decision: RateLimiter.Decision
        if request.method == .POST && Self.signInPaths.contains(request.url.path) {
            decision = lock.withLock { signIn.allow(key: address, now: now) }
        } else if request.url.path.hasPrefix("/api/") {
            let key = request.headers.bearerAuthorization.map { "token:" + SessionTokens.hash($0.token) } ?? "address:" + address
            decision = lock.withLock { api.allow(key: key, now: now) }
        } else {
            decision = .allowed
        }
        if case .retryAfter(let seconds) = decision {
            request.logger.warning("rate limited", metadata: ["route": .string(request.url.path)])
            let error = LanternError.tooManyRequests
            let response = try await LanternErrorMiddleware.render(error, for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        return try await next.respond(to: request)
    }
}

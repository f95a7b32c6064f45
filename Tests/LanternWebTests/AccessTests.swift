import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// Walks the route table: every route, every role. Where the table says a role may not use a
/// route, that role must get 403; where it may, it must not. Anonymous callers are sent to sign in
/// (pages) or get 401 (API). New routes are covered as soon as they are registered.
@Suite struct AccessTests {
    private func concretePath(_ pattern: String) -> String {
        pattern.split(separator: "/").map { $0.hasPrefix(":") ? UUID().uuidString : String($0) }
            .reduce("") { $0 + "/" + $1 }.nilIfEmpty ?? "/"
    }

    @Test func everyRouteRefusesEveryRoleItDoesNotAllow() async throws {
        try await withLantern { app in
            var sessions: [Role: TestSession] = [:]
            // The team manager runs a children in care team: /adopters is for those managers only.
            let careTeam = try await app.fixtures.team("Children in Care", kind: .childrenInCare)
            for role in Role.allCases {
                sessions[role] = try await app.fixtures.signedIn("user-\(role.rawValue.lowercased())", roles: [role],
                                                                 team: role == .teamManager ? careTeam : nil)
            }
            let entries = app.routeTable.entries
            #expect(entries.count >= 8)
            var checked = 0
            for entry in entries where entry.access != .anyone && entry.path != "/sign-out" {
                for role in Role.allCases {
                    let session = try #require(sessions[role])
                    var headers = HTTPHeaders.form.merging(session.headers)
                    headers.add(name: CSRFMiddleware.header, value: session.csrf)
                    let res = try await app.testing().sendRequest(entry.method, concretePath(entry.path), headers: headers, body: formBody([]))
                    if entry.access.allows([role]) {
                        #expect(res.status != .forbidden, "\(role) should be allowed \(entry.method) \(entry.path)")
                    } else {
                        #expect(res.status == .forbidden, "\(role) should get 403 on \(entry.method) \(entry.path), got \(res.status)")
                    }
                    checked += 1
                }
            }
            #expect(checked >= Role.allCases.count * 5)
        }
    }

    @Test func anonymousCallersAreSentToSignInOrGet401() async throws {
        try await withLantern { app in
            for entry in app.routeTable.entries where entry.access != .anyone {
                let res = try await app.testing().sendRequest(entry.method, concretePath(entry.path))
                if entry.isAPI {
                    #expect(res.status == .unauthorized, "\(entry.path)")
                    #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                } else if entry.method == .GET {
                    #expect(res.status == .seeOther, "\(entry.path)")
                    #expect(res.headers.first(name: .location)?.hasPrefix("/sign-in?next=") == true)
                } else {
                    #expect([.seeOther, .forbidden].contains(res.status), "\(entry.method) \(entry.path)")
                }
            }
        }
    }

    @Test func apiWithoutASessionAnswers401WithAProblemDocument() async throws {
        try await withLantern { app in
            try await app.testing().test(.GET, "/api/v1/children") { res in
                #expect(res.status == .unauthorized)
                let problem = try JSONDecoder().decode(ProblemDocument.self, from: Data(res.body.string.utf8))
                #expect(problem.status == 401)
                #expect(!problem.title.isEmpty)
            }
            try await app.testing().test(.GET, "/api/v1/no-such-thing") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
        }
    }

    @Test func unknownPagesGetAPlainEnglishPage() async throws {
        try await withLantern { app in
            try await app.testing().test(.GET, "/no-such-page") { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("Page not found"))
                #expect(!res.body.string.contains("Abort"))
            }
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await withLantern { app in
            try await app.testing().test(.GET, "/sign-in") { res in
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                #expect(res.headers.first(name: .cacheControl) == "no-store")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
        }
    }

    @Test func healthSaysTheDatabaseIsReachable() async throws {
        try await withLantern { app in
            try await app.testing().test(.GET, "/health") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("reachable"))
            }
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

@Suite struct RateLimitTests {
    @Test func signInAttemptsFromOneAddressAreSlowedDown() async throws {
        var limits = RateLimitMiddleware.Limits()
        limits.signInBurst = 3
        limits.signInRefill = 60
        try await withLantern(rateLimits: limits) { app in
            var statuses: [HTTPStatus] = []
            for _ in 0..<5 {
                let res = try await app.testing().sendRequest(.POST, "/sign-in", headers: .form, body: formBody([("username", "x"), ("password", "y")]))
                statuses.append(res.status)
                if res.status == .tooManyRequests {
                    #expect(Int(res.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
                }
            }
            #expect(statuses.prefix(3).allSatisfy { $0 != .tooManyRequests })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
        }
    }

    @Test func apiCallsAreLimitedWithAProblemDocument() async throws {
        var limits = RateLimitMiddleware.Limits()
        limits.apiBurst = 2
        limits.apiRefill = 60
        try await withLantern(rateLimits: limits) { app in
            var last: HTTPStatus = .ok
            for _ in 0..<3 {
                let res = try await app.testing().sendRequest(.GET, "/api/v1/children")
                last = res.status
                if res.status == .tooManyRequests {
                    #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                }
            }
            #expect(last == .tooManyRequests)
        }
    }
}

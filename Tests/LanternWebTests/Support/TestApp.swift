import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// Which database the integration tests run on. `scripts/test` runs the suite twice: once with
/// nothing set (SQLite in memory, one per test) and once with `LANTERN_TEST_POSTGRES_URL` naming
/// a migrated template database on a throwaway PostgreSQL server, which each test clones.
enum TestBackend {
    static var postgresTemplateURL: String? {
        ProcessInfo.processInfo.environment["LANTERN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var name: String { postgresTemplateURL == nil ? "SQLite" : "PostgreSQL" }
}

/// A fresh, migrated Lantern for one test, shut down (and its database dropped) afterwards.
func withLantern<T>(_ configure: (inout LanternConfig) -> Void = { _ in },
                    rateLimits: RateLimitMiddleware.Limits = .init(),
                    _ body: (Application) async throws -> T) async throws -> T {
    let clone = try TestBackend.postgresTemplateURL.map(PostgresClone.make)
    var config = LanternConfig(database: clone.map { .postgres(url: $0.url) } ?? .sqliteMemory, seedDemoWhenEmpty: false)
    configure(&config)
    let app = try await Application.make(.testing)
    let result: T
    do {
        try await LanternApp.configure(app, config: config, bcryptCost: 4, rateLimits: rateLimits)
        if clone == nil { try await app.autoMigrate() }
        result = try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? clone?.drop()
        throw error
    }
    try await app.asyncShutdown()
    try clone?.drop()
    return result
}

/// A throwaway database cloned from the migrated template (`CREATE DATABASE ... TEMPLATE`), which
/// takes milliseconds where running the migrations would take seconds.
struct PostgresClone {
    let url: String
    let adminURL: String
    let name: String

    static func make(templateURL: String) throws -> PostgresClone {
        guard var parts = URLComponents(string: templateURL) else { throw TestSetupError("bad LANTERN_TEST_POSTGRES_URL") }
        let template = String(parts.path.dropFirst())
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        parts.path = "/postgres"
        let admin = parts.string!
        try psql(admin, "CREATE DATABASE \(name) TEMPLATE \(template)")
        parts.path = "/" + name
        return PostgresClone(url: parts.string!, adminURL: admin, name: String(name))
    }

    func drop() throws {
        try Self.psql(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestSetupError("psql failed: \(message)")
        }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A signed-in browser for tests: its cookie and CSRF token.
struct TestSession {
    let user: StaffUserModel
    let cookie: String
    let csrf: String

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(StaffSessionMiddleware.cookieName)=\(cookie)")
        return headers
    }

    /// For posting a form as this browser: the cookie, the form content type and the CSRF token.
    var formHeaders: HTTPHeaders {
        var headers = HTTPHeaders.form.merging(self.headers)
        headers.add(name: CSRFMiddleware.header, value: csrf)
        return headers
    }
}

struct Fixtures {
    let app: Application
    static let password = "correct horse battery staple"

    @discardableResult
    func team(_ name: String = "Assessment Team North", kind: TeamKind = .assessment) async throws -> TeamModel {
        if let existing = try await TeamModel.query(on: app.db).filter(\.$name == name).first() { return existing }
        let team = TeamModel(name: name, kind: kind, localityID: nil)
        try await team.create(on: app.db)
        return team
    }

    /// A TOTP key (Base32) for test users with two-factor sign-in.
    static let totpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

    /// Administrators must use two-factor sign-in, so by default they have it set up; pass
    /// `twoFactor` to choose.
    func user(_ username: String, roles: Set<Role>, team: TeamModel? = nil, agency: Agency = .council,
              twoFactor: Bool? = nil) async throws -> StaffUserModel {
        let user = StaffUserModel(username: username, displayName: "Test \(username)", passwordHash: try await app.password.async.hash(Self.password),
                                  roles: roles, teamID: team?.id, agency: agency)
        if twoFactor ?? roles.contains(.administrator) {
            user.totpSecret = Self.totpSecret
            user.totpConfirmedAt = Date()
        }
        try await user.create(on: app.db)
        return user
    }

    /// The code an authenticator app shows for `totpSecret` at `instant`.
    static func totpCode(at instant: Date = Date()) -> String {
        (try? TOTP(base32Secret: totpSecret).code(at: instant)) ?? ""
    }

    /// A session made directly in the store, as sign-in would make it.
    func session(for user: StaffUserModel, lastSeen: Date = Date(), authenticatedAt: Date? = nil) async throws -> TestSession {
        let token = SessionTokens.random()
        let csrf = SessionTokens.random()
        let session = UserSessionModel(tokenHash: SessionTokens.hash(token), userID: try user.requireID(), csrfToken: csrf, now: lastSeen, ip: nil)
        if let authenticatedAt { session.authenticatedAt = authenticatedAt }
        try await session.create(on: app.db)
        return TestSession(user: user, cookie: token, csrf: csrf)
    }

    func signedIn(_ username: String, roles: Set<Role>, team: TeamModel? = nil) async throws -> TestSession {
        try await session(for: try await user(username, roles: roles, team: team))
    }

    func child(_ given: String, _ family: String, reference: String, born: String = "2015-04-01") async throws -> PersonModel {
        let person = PersonModel(reference: reference, givenName: given, familyName: family, dateOfBirth: Day(iso: born),
                                 sex: "F", isChild: true, postcode: "B1 1BB")
        try await person.create(on: app.db)
        return person
    }
}

extension Application {
    var fixtures: Fixtures { Fixtures(app: self) }
}

extension TestingHTTPResponse {
    var setCookies: [String] { headers[.setCookie] }

    func cookieValue(_ name: String) -> String? {
        for header in setCookies {
            let first = header.split(separator: ";").first.map(String.init) ?? ""
            let pair = first.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name { return pair[1] }
        }
        return nil
    }
}

/// Form bodies as a browser sends them.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

extension HTTPHeaders {
    static var form: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return headers
    }

    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var merged = self
        for (name, value) in other { merged.add(name: name, value: value) }
        return merged
    }
}

extension Application {
    /// Posts a form as `session`, with its CSRF token.
    func postForm(_ path: String, as session: TestSession, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        try await testing().sendRequest(.POST, path, headers: HTTPHeaders.form.merging(session.headers),
                                        body: formBody([("_csrf", session.csrf)] + fields))
    }

    /// The body of a page that must open for `session`.
    func pageBody(_ path: String, as session: TestSession) async throws -> String {
        var body = ""
        try await testing().test(.GET, path, headers: session.headers) { res in
            #expect(res.status == .ok, "GET \(path)")
            body = res.body.string
        }
        return body
    }

    func status(of path: String, as session: TestSession) async throws -> HTTPStatus {
        var status = HTTPStatus.internalServerError
        try await testing().test(.GET, path, headers: session.headers) { status = $0.status }
        return status
    }
}

/// Gets the sign-in page, as a browser would, for its CSRF cookie and token.
func signInForm(_ app: Application) async throws -> (cookie: String, token: String) {
    var result: (String, String)?
    try await app.testing().test(.GET, "/sign-in") { res in
        #expect(res.status == .ok)
        let cookie = try #require(res.cookieValue(CSRFMiddleware.signInCookie))
        let html = res.body.string
        result = (cookie, try csrfField(in: html))
    }
    return try #require(result)
}

func postSignIn(_ app: Application, username: String, password: String,
                form: (cookie: String, token: String), next: String = "/") async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders.form
    headers.add(name: .cookie, value: "\(CSRFMiddleware.signInCookie)=\(form.cookie)")
    return try await app.testing().sendRequest(.POST, "/sign-in", headers: headers,
                                               body: formBody([("_csrf", form.token), ("username", username), ("password", password), ("next", next)]))
}

/// The value of the `_csrf` hidden field in a page's form.
func csrfField(in html: String) throws -> String {
    let marker = "name=\"_csrf\" value=\""
    let start = try #require(html.range(of: marker)).upperBound
    return String(html[start...].prefix { $0 != "\"" })
}

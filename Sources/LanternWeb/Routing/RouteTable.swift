import LanternCore
import Vapor

/// Who may use a route. Every route Lantern serves is registered with one, through `LanternRoutes`,
/// so the route table is also the access table that the role tests walk.
public enum RouteAccess: Sendable, Equatable {
    /// Anyone, signed in or not (sign-in page, health check, static files).
    case anyone
    /// Any signed-in user.
    case anySignedIn
    /// Signed-in users holding at least one of these roles.
    case roles(Set<Role>)

    public func allows(_ roles: Set<Role>) -> Bool {
        switch self {
        case .anyone, .anySignedIn: true
        case .roles(let allowed): !allowed.isDisjoint(with: roles)
        }
    }
}

/// One registered route: what the role tests and `lantern routes` list.
public struct RouteEntry: Sendable, Equatable {
    public let method: HTTPMethod
    public let path: String
    public let access: RouteAccess
    /// A sensitive action: the user must have proved who they are in the last few minutes.
    public var reauthenticate: Bool = false
    public var isAPI: Bool { path.hasPrefix("/api/") }
}

/// The routes registered so far, kept in application storage.
public final class RouteTable: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RouteEntry] = []
    public var entries: [RouteEntry] { lock.withLock { stored } }
    func append(_ entry: RouteEntry) { lock.withLock { stored.append(entry) } }
}

extension Application {
    private struct RouteTableKey: StorageKey { typealias Value = RouteTable }

    public var routeTable: RouteTable {
        if let table = storage[RouteTableKey.self] { return table }
        let table = RouteTable()
        storage[RouteTableKey.self] = table
        return table
    }
}

/// Registers routes together with who may use them. The handler runs only after the access check.
struct LanternRoutes {
    let builder: any RoutesBuilder
    let table: RouteTable
    let prefix: [PathComponent]

    init(app: Application) {
        self.builder = app.routes
        self.table = app.routeTable
        self.prefix = []
    }

    private init(builder: any RoutesBuilder, table: RouteTable, prefix: [PathComponent]) {
        self.builder = builder
        self.table = table
        self.prefix = prefix
    }

    func grouped(_ path: PathComponent...) -> LanternRoutes {
        LanternRoutes(builder: builder.grouped(path), table: table, prefix: prefix + path)
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(_ path: PathComponent..., access: RouteAccess, reauthenticate: Bool = false,
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.GET, path, access, reauthenticate, handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ path: PathComponent..., access: RouteAccess, reauthenticate: Bool = false,
                                          use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.POST, path, access, reauthenticate, handler)
    }

    @discardableResult
    func put<R: AsyncResponseEncodable>(_ path: PathComponent..., access: RouteAccess, reauthenticate: Bool = false,
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.PUT, path, access, reauthenticate, handler)
    }

    @discardableResult
    func delete<R: AsyncResponseEncodable>(_ path: PathComponent..., access: RouteAccess, reauthenticate: Bool = false,
                                            use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.DELETE, path, access, reauthenticate, handler)
    }

    /// A POST that accepts a body up to `maxBody` (uploads); others keep Vapor's small default.
    @discardableResult
    func upload<R: AsyncResponseEncodable>(_ path: PathComponent..., access: RouteAccess, maxBody: ByteCount,
                                            use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        register(.POST, path, access, false, handler, body: .collect(maxSize: maxBody))
    }

    private func register<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: [PathComponent], _ access: RouteAccess,
                                                     _ reauthenticate: Bool,
                                                     _ handler: @escaping @Sendable (Request) async throws -> R,
                                                     body: HTTPBodyStreamStrategy = .collect) -> Route {
        let full = prefix + path
        let entry = RouteEntry(method: method, path: "/" + full.map(\.description).joined(separator: "/"), access: access,
                               reauthenticate: reauthenticate)
        table.append(entry)
        return builder.on(method, path, body: body) { req async throws -> R in
            try req.requireAccess(access, route: entry.path)
            if reauthenticate { try req.requireRecentAuthentication() }
            return try await handler(req)
        }
    }
}

extension Request {
    /// Anonymous visitors to a page are sent to sign in; to the API they get 401. A signed-in user
    /// without a permitted role gets 403.
    /// An administrator signed in with a browser who has not set up two-factor sign-in is sent to
    /// set it up before using any other route (after the role check, so refusals stay 403).
    func requireAccess(_ access: RouteAccess, route: String) throws {
        if access == .anyone { return }
        guard let user = signedInUser else {
            if url.path.hasPrefix("/api/") {
                throw LanternError.unauthenticated
            }
            throw LanternError.signInRequired(returnTo: url.path)
        }
        guard access.allows(user.roles) else { throw LanternError.forbidden }
        if TwoFactorController.isRequired(for: user), !TwoFactorController.enrolmentRoutes.contains(route) {
            throw LanternError.twoFactorSetupRequired
        }
    }

    /// The guard for sensitive actions (merging people, break-glass, exports, subject access,
    /// deletion): if the user last proved who they are more than `reauthenticateAfter` ago, they
    /// are sent to "Confirm it's you" and then to `returnTo` (by default this page, for a GET).
    /// Register a route with `reauthenticate: true`, or call this inside a handler before the
    /// sensitive part, passing the GET page a POST form came from.
    func requireRecentAuthentication(returnTo: String? = nil) throws {
        let user = try self.user()
        // API tokens belong to other systems and have no session to confirm.
        guard user.sessionID != nil else { return }
        let window = application.lanternConfig.reauthenticateAfter
        if let at = user.authenticatedAt, Date().timeIntervalSince(at) <= window { return }
        let here = url.query.map { url.path + "?" + $0 } ?? url.path
        throw LanternError.reauthenticationRequired(returnTo: returnTo ?? (method == .GET ? here : "/"))
    }
}

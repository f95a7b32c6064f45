import AsyncHTTPClient
import Fluent
import Foundation
import LanternCore
import LanternStore
import SQLKit
import Vapor

/// `lantern bench pages`: HTTP load on the screens staff use most, against a `lantern serve`
/// child process on the same database, each compared with the raw SQL the screen needs.
struct PagesBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "users", help: "Concurrent users, comma-separated (default 1,8,32)")
        var users: String?
        @Option(name: "seconds", help: "Seconds of load per screen and level (default 5)")
        var seconds: Double?
        @Option(name: "port", help: "Port for the child server (default 8099)")
        var port: Int?
        @Option(name: "changes", help: "Changes a second to the cases of My work and Team while they are measured, as colleagues would make (default 1; 0 for none)")
        var changes: Double?
    }

    var help: String { "HTTP load on My work, Team, a child's page, the front door queue and Performance: p50/p95/p99, requests/s, the ratio to raw SQL, and the server's peak memory." }

    /// A screen, who looks at it, and the queries it essentially needs.
    struct Screen: Sendable {
        let name: String
        let username: String
        let session: String
        let path: @Sendable () -> String
        let baseline: @Sendable () async throws -> Void
        /// A change to one of the screen's cases, made while it is measured: the pages keep what
        /// they read until a change, so measuring with none would flatter them.
        var change: (@Sendable () async throws -> Void)? = nil
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.warnIfDebugBuild()
        let levels = (signature.users ?? "1,8,32").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
        guard !levels.isEmpty else { throw BenchError("Give --users as whole numbers, e.g. 1,8,32.") }
        let seconds = signature.seconds ?? 5
        let app = context.application
        guard let sql = app.db as? any SQLDatabase else { throw BenchError("The database does not speak SQL.") }
        let cast = try await BenchCast.choose(on: app.db)
        let sessions = try await BenchSessions.mint(for: [cast.worker, cast.manager, cast.frontDoor, cast.leader], on: app.db)
        let client = LoadRunner.client(connections: levels.max()!)
        var server: BenchServer?
        do {
            let screens = try Self.screens(cast, sessions: sessions, sql: sql)
            let running = try await BenchServer.start(port: signature.port ?? 8099, environmentName: app.environment.name, client: client, console: context.console)
            server = running
            let failures = try await measure(screens, levels: levels, seconds: seconds, changesPerSecond: max(0, signature.changes ?? 1),
                                             server: running, client: client, context: context)
            if let kilobytes = running.peakResidentKilobytes() {
                context.console.print("Peak memory of lantern serve (VmHWM): \(kilobytes / 1024) MB (target under 500 MB).")
            } else {
                context.console.print("Peak memory of lantern serve: not available (no /proc on this system).")
            }
            await running.stop()
            try await BenchSessions.delete(sessions, on: app.db)
            try await client.shutdown()
            if let failures { throw BenchError(failures) }
        } catch {
            await server?.stop()
            try? await BenchSessions.delete(sessions, on: app.db)
            try? await client.shutdown()
            throw error
        }
    }

    /// Runs every screen at every level and prints the tables; returns a message if any request failed.
    private func measure(_ screens: [Screen], levels: [Int], seconds: Double, changesPerSecond: Double, server: BenchServer,
                         client: HTTPClient, context: CommandContext) async throws -> String? {
        var load = BenchTable(["Screen", "Users", "Requests", "p50 ms", "p95 ms", "p99 ms", "Req/s", "Errors", "Changes"])
        var ratios = BenchTable(["Screen", "Signed in as", "SQL p50 ms", "Page p50 ms", "Page/SQL", "Within 3x"], textColumns: 2)
        var errors = 0
        var firstError: String?
        // A server reads the performance facts as it starts; measuring before that finishes would
        // time the start-up, not the pages. One request to Performance waits for it.
        if let performance = screens.first(where: { $0.name == "Performance" }) {
            let started = Date()
            var request = HTTPClientRequest(url: server.baseURL + performance.path())
            request.headers.add(name: "Cookie", value: "\(StaffSessionMiddleware.cookieName)=\(performance.session)")
            if let failure = await LoadRunner.send(request, with: client, timeout: .minutes(15)) { return "The server did not warm up: \(failure)" }
            context.console.print("The server read its performance facts in \(BenchTable.decimal(Date().timeIntervalSince(started))) s; measuring from now.")
        }
        for screen in screens {
            let fetch: @Sendable (Int) async -> String? = { _ in
                var request = HTTPClientRequest(url: server.baseURL + screen.path())
                request.headers.add(name: "Cookie", value: "\(StaffSessionMiddleware.cookieName)=\(screen.session)")
                return await LoadRunner.send(request, with: client)
            }
            _ = await LoadRunner.run(concurrency: 1, jobs: 3, job: fetch)   // warm up: templates, caches, connections
            var quietest: LatencySample?
            for level in levels {
                let changes = ChangeMaker.start(screen.change, perSecond: changesPerSecond)
                let result = await LoadRunner.run(concurrency: level, seconds: seconds, job: fetch)
                let made = try await changes.stop()
                load.add([screen.name, "\(level)", "\(result.sample.count + result.errors)", BenchTable.ms(result.sample.p50),
                          BenchTable.ms(result.sample.p95), BenchTable.ms(result.sample.p99), BenchTable.decimal(result.perSecond), "\(result.errors)",
                          screen.change == nil ? "-" : "\(made)"])
                errors += result.errors
                firstError = firstError ?? result.firstError
                if quietest == nil { quietest = result.sample }
            }
            let baseline = try await LoadRunner.baseline(times: 20, screen.baseline)
            let ratio = quietest?.p50.flatMap { page in baseline.p50.map { page / max($0, 0.001) } }
            ratios.add([screen.name, screen.username, BenchTable.ms(baseline.p50), BenchTable.ms(quietest?.p50),
                        ratio.map { BenchTable.decimal($0) + "x" } ?? "-", ratio.map { $0 <= 3 ? "yes" : "no" } ?? "-"])
        }
        context.console.print("\nPages under load (\(seconds) s per screen and level; targets: p99 under 50 ms at 32 users, Performance under 200 ms;")
        context.console.print("Changes: changes made to the screen's cases during the run, each of which makes the page read them again):")
        context.console.print(load.text)
        context.console.print("\nEach screen against the raw SQL it needs (SQL run 20 times in this process; page p50 at \(levels[0]) user(s)):")
        context.console.print(ratios.text)
        context.console.print("Every child page view above was written to the audit log, as any view is.")
        return errors == 0 ? nil : "\(errors) requests did not answer 200 OK. The first: \(firstError ?? "unknown")"
    }

    static func screens(_ cast: BenchCast, sessions: BenchSessions, sql: any SQLDatabase) throws -> [Screen] {
        let open = FrontDoorController.open
        let children = cast.workerChildren
        return [
            Screen(name: "My work", username: cast.worker.username, session: try sessions.token(for: cast.worker), path: { "/my-work" }, baseline: {
                _ = try await sql.raw("""
                    SELECT a.person_id, a.started_on, p.given_name, p.family_name, p.reference, t.name, c.stage, c.category,
                           c.next_event, c.next_due, c.last_activity, c.last_seen
                    FROM allocations a JOIN people p ON p.id = a.person_id JOIN teams t ON t.id = a.team_id
                    LEFT JOIN child_cases c ON c.person_id = a.person_id
                    WHERE a.worker_id = \(bind: cast.worker.id!) AND a.ended_on IS NULL
                    """).all()
            }, change: { try await ChangeMaker.touchCase(of: children.randomElement()!, on: sql) }),
            Screen(name: "Team", username: cast.manager.username, session: try sessions.token(for: cast.manager), path: { "/team" }, baseline: {
                let team = cast.manager.$team.id!
                _ = try await sql.raw("""
                    SELECT a.person_id, a.worker_id, a.started_on, p.given_name, p.family_name, p.reference, s.display_name, c.stage,
                           c.category, c.next_event, c.next_due, c.last_activity, c.last_seen, c.awaiting_authorisation, c.awaiting_sign_off
                    FROM allocations a JOIN people p ON p.id = a.person_id LEFT JOIN staff_users s ON s.id = a.worker_id
                    LEFT JOIN child_cases c ON c.person_id = a.person_id
                    WHERE a.team_id = \(bind: team) AND a.ended_on IS NULL
                    """).all()
                _ = try await sql.raw("SELECT id, display_name, roles FROM staff_users WHERE team_id = \(bind: team) AND active = \(bind: true)").all()
                _ = try await sql.raw("SELECT * FROM supervisions WHERE worker_id IN (SELECT id FROM staff_users WHERE team_id = \(bind: team))").all()
            }, change: { try await ChangeMaker.touchCase(of: cast.teamChildren.randomElement()!, on: sql) }),
            Screen(name: "Child page", username: cast.worker.username, session: try sessions.token(for: cast.worker),
                   path: { "/children/\(children.randomElement()!)" }) {
                let child = children.randomElement()!
                _ = try await sql.raw("SELECT * FROM people WHERE id = \(bind: child)").all()
                _ = try await sql.raw("SELECT * FROM child_cases WHERE person_id = \(bind: child)").all()
                _ = try await sql.raw("SELECT * FROM allocations WHERE person_id = \(bind: child) AND ended_on IS NULL").all()
                _ = try await sql.raw("""
                    SELECT n.*, s.display_name FROM case_notes n JOIN staff_users s ON s.id = n.author_id WHERE n.person_id = \(bind: child)
                    """).all()
            },
            Screen(name: "Front door queue", username: cast.frontDoor.username, session: try sessions.token(for: cast.frontDoor),
                   path: { "/front-door" }) {
                _ = try await sql.raw("SELECT * FROM contacts WHERE status IN (\(binds: open)) ORDER BY decision_due_at LIMIT 500").all()
                _ = try await sql.raw("""
                    SELECT * FROM contact_subjects WHERE contact_id IN
                    (SELECT id FROM contacts WHERE status IN (\(binds: open)) ORDER BY decision_due_at LIMIT 500)
                    """).all()
            },
            Screen(name: "Performance", username: cast.leader.username, session: try sessions.token(for: cast.leader), path: { "/performance" }) {
                _ = try await sql.raw("SELECT received_on, decision_due_at, decided_at, status, source_code, is_re_referral, referrer_organisation FROM contacts").all()
                _ = try await sql.raw("SELECT person_id, team_id, started_on, ended_on FROM allocations").all()
                _ = try await sql.raw("SELECT person_id, snapshot FROM child_cases").all()
                _ = try await sql.raw("SELECT id, name FROM teams").all()
            },
        ]
    }
}

/// The realistic users the pages benchmark signs in as, chosen from the data.
struct BenchCast {
    /// The social worker with the most open allocations, and those children.
    let worker: StaffUserModel
    let workerChildren: [UUID]
    /// The manager of the team with the most open cases, and those children.
    let manager: StaffUserModel
    let teamChildren: [UUID]
    let frontDoor: StaffUserModel
    /// A service leader, or else an analyst: the Performance page's readers.
    let leader: StaffUserModel

    static func choose(on db: any Database) async throws -> BenchCast {
        let staff = try await StaffUserModel.query(on: db).filter(\.$active == true).sort(\.$username).all()
        let open = try await AllocationModel.query(on: db).filter(\.$endedOn == nil).all()
        let childrenByWorker = Dictionary(grouping: open.filter { $0.$worker.id != nil }, by: { $0.$worker.id! }).mapValues { $0.map(\.$person.id) }
        let casesByTeam = Dictionary(grouping: open, by: { $0.$team.id }).mapValues(\.count)
        func most(_ role: Role, by count: (StaffUserModel) -> Int) -> StaffUserModel? {
            staff.filter { $0.roles.contains(role) }.max { count($0) < count($1) }
        }
        guard let worker = most(.socialWorker, by: { childrenByWorker[$0.id!]?.count ?? 0 }), let children = childrenByWorker[worker.id!],
              let manager = most(.teamManager, by: { $0.$team.id.flatMap { casesByTeam[$0] } ?? 0 }), manager.$team.id != nil,
              let frontDoor = staff.first(where: { $0.roles.contains(.frontDoor) }),
              let leader = staff.first(where: { $0.roles.contains(.serviceLeader) }) ?? staff.first(where: { $0.roles.contains(.analyst) }) else {
            throw BenchError("The database needs a social worker with open allocations, a team manager, a front door practitioner and a "
                + "service leader or analyst. Load one with `lantern demo`.")
        }
        let teamChildren = open.filter { $0.$team.id == manager.$team.id }.map(\.$person.id)
        return BenchCast(worker: worker, workerChildren: children, manager: manager, teamChildren: teamChildren, frontDoor: frontDoor, leader: leader)
    }
}

/// Sessions made in the store exactly as sign-in makes them, so the benchmark needs no passwords;
/// deleted when it ends.
struct BenchSessions: Sendable {
    let tokens: [UUID: String]
    let sessionIDs: [UUID]

    static func mint(for users: [StaffUserModel], on db: any Database) async throws -> BenchSessions {
        var tokens: [UUID: String] = [:]
        var ids: [UUID] = []
        for user in users where tokens[user.id!] == nil {
            let token = SessionTokens.random()
            let session = UserSessionModel(tokenHash: SessionTokens.hash(token), userID: try user.requireID(),
                                           csrfToken: SessionTokens.random(), now: Date(), ip: nil)
            try await session.create(on: db)
            tokens[user.id!] = token
            ids.append(try session.requireID())
        }
        return BenchSessions(tokens: tokens, sessionIDs: ids)
    }

    func token(for user: StaffUserModel) throws -> String {
        guard let id = user.id, let token = tokens[id] else { throw BenchError("No session was made for \(user.username).") }
        return token
    }

    static func delete(_ sessions: BenchSessions, on db: any Database) async throws {
        try await UserSessionModel.query(on: db).filter(\.$id ~~ sessions.sessionIDs).delete()
    }
}

/// Colleagues' changes to the cases a screen shows, made at a steady rate while it is measured.
struct ChangeMaker: Sendable {
    private let task: Task<Int, any Error>?

    static func start(_ change: (@Sendable () async throws -> Void)?, perSecond: Double) -> ChangeMaker {
        guard let change, perSecond > 0 else { return ChangeMaker(task: nil) }
        let interval = Duration.milliseconds(Int(1000 / perSecond))
        return ChangeMaker(task: Task {
            var made = 0
            while true {
                do { try await Task.sleep(for: interval) } catch { return made }
                try await change()
                made += 1
            }
        })
    }

    /// Stops making changes; the number made.
    func stop() async throws -> Int {
        guard let task else { return 0 }
        task.cancel()
        return try await task.value
    }

    /// Marks a child's case record as changed, as recording anything on it does: the database
    /// moves the change counts of the teams and workers holding the case.
    static func touchCase(of person: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE child_cases SET updated_at = \(bind: Date()) WHERE person_id = \(bind: person)").run()
    }
}

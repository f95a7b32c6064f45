import AsyncHTTPClient
import Fluent
import Foundation
import LanternCore
import LanternStore
import LanternSynthetic
import NIOCore
import SQLKit
import Vapor

/// `lantern bench ingest`: synthetic contacts posted concurrently to `/api/v1/contacts` of a
/// `lantern serve` child process, against inserting the same rows with raw SQL. On SQLite it works
/// on a copy of the database, so the original is left as it was.
struct IngestBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "contacts", help: "Contacts to post (default 1000)")
        var contacts: Int?
        @Option(name: "users", help: "Partner systems posting at once, each with its own API token (default 8)")
        var users: Int?
        @Option(name: "seed", help: "Generator seed (default 2026)")
        var seed: Int?
        @Option(name: "port", help: "Port for the child server (default 8099)")
        var port: Int?
    }

    var help: String { "Contacts per second through the API, p50/p95/p99 per contact, and the raw-SQL insert rate (on a copy of a SQLite database)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.warnIfDebugBuild()
        let app = context.application
        let count = max(signature.contacts ?? 1000, 1)
        let users = max(signature.users ?? 8, 1)
        let target = try await BenchDatabase.prepare(app, console: context.console, adding: count + 1)
        // One more than measured: the last warms the server before the clock starts.
        let bodies = try Self.bodies(count + 1, seed: UInt64(signature.seed ?? 2026))
        let tokens = try await Self.mintTokens(users, on: target.db)
        let client = LoadRunner.client(connections: users)
        var server: BenchServer?
        do {
            // The API's per-token limit (600 a minute) would measure the limiter, not Lantern.
            let running = try await BenchServer.start(port: signature.port ?? 8099, environmentName: app.environment.name,
                                                      overrides: target.serverEnvironment.merging(["LANTERN_API_CALLS_PER_MINUTE": "10000000"]) { a, _ in a },
                                                      client: client, console: context.console)
            server = running
            try await Self.warmUp(running, body: bodies[count], token: tokens[0], client: client, on: target.db, console: context.console)
            let api = await LoadRunner.run(concurrency: users, jobs: count) { number in
                var request = HTTPClientRequest(url: running.baseURL + "/api/v1/contacts")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(tokens[number % tokens.count])")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(data: bodies[number]))
                return await LoadRunner.send(request, expecting: .created, with: client)
            }
            await running.stop()
            let sql = try await Self.baseline(min(count, 1000), users: users, on: target.db)
            var table = BenchTable(["Path", "Users", "Contacts", "Contacts/s", "p50 ms", "p95 ms", "p99 ms", "Errors"])
            table.add(["POST /api/v1/contacts", "\(users)", "\(count)", BenchTable.decimal(api.perSecond), BenchTable.ms(api.sample.p50),
                       BenchTable.ms(api.sample.p95), BenchTable.ms(api.sample.p99), "\(api.errors)"])
            table.add(["Raw SQL insert", "\(users)", "\(sql.sample.count)", BenchTable.decimal(sql.perSecond), BenchTable.ms(sql.sample.p50),
                       BenchTable.ms(sql.sample.p95), BenchTable.ms(sql.sample.p99), "\(sql.errors)"])
            context.console.print("\nContacts through the API from partner systems (target over 500 contacts/s); the front door matches each when it opens it:")
            context.console.print(table.text)
            context.console.print("The API takes \(BenchTable.decimal(sql.perSecond / max(api.perSecond, 0.001)))x as long per contact as the raw insert.")
            try await target.finish(tokens: tokens, console: context.console)
            try await client.shutdown()
            if api.errors > 0 { throw BenchError("\(api.errors) contacts were not accepted. The first: \(api.firstError ?? "unknown")") }
        } catch {
            await server?.stop()
            try? await target.finish(tokens: tokens, console: context.console)
            try? await client.shutdown()
            throw error
        }
    }

    private static let concerns = [
        "School reports the child arrived hungry several days this week and has a mark on the arm.",
        "Police attended a domestic incident at the home last night; the children were present.",
        "Health visitor is worried about the baby's weight and the home conditions.",
        "The young person told a teacher they do not want to go home.",
        "Neighbour reports the children are often left alone in the evening.",
    ]

    /// JSON bodies as a partner system sends them, about children in a synthetic population: the
    /// generator's slips in names and dates included, adults and nameless entries left out.
    static func bodies(_ count: Int, seed: UInt64) throws -> [Data] {
        let population = SyntheticPeople.population(size: max(count, 500), seed: seed)
        let today = Day(Date())
        var bodies: [Data] = []
        var batch = 0
        while bodies.count < count {
            for contact in SyntheticPeople.repeatContacts(count, about: population, seed: seed &+ UInt64(batch)) where bodies.count < count {
                let q = contact.query
                guard let given = q.givenName, let family = q.familyName, q.dateOfBirth.map({ $0.age(on: today) < 18 && $0 <= today }) ?? true else { continue }
                let child = ContactsAPI.ChildIn(givenName: given, familyName: family, dateOfBirth: q.dateOfBirth?.iso, sex: q.sex,
                                                postcode: q.postcode, nhsNumber: q.nhsNumber, upn: q.upn)
                let body = ContactsAPI.ContactIn(children: [child], concerns: concerns[bodies.count % concerns.count],
                                                 urgency: ContactUrgency.routine.rawValue, consent: ContactConsent.given.rawValue,
                                                 source: ReferralSource.police.rawValue, referrer: .init(name: "Synthetic referrer"))
                bodies.append(try JSONEncoder().encode(body))
            }
            batch += 1
        }
        return bodies
    }

    /// One API token for each simulated partner system, for the partner referrers in the data
    /// (or the front door when there are none).
    private static func mintTokens(_ count: Int, on db: any Database) async throws -> [String] {
        let staff = try await StaffUserModel.query(on: db).filter(\.$active == true).sort(\.$username).all()
        let senders = staff.filter { $0.roles.contains(.partnerReferrer) }.nilIfEmpty ?? staff.filter { $0.roles.contains(.frontDoor) }
        guard !senders.isEmpty else { throw BenchError("The database has no partner referrer or front door user to send contacts as. Load one with `lantern demo`.") }
        var tokens: [String] = []
        for i in 0..<count {
            let token = SessionTokens.random()
            try await APITokenModel(userID: try senders[i % senders.count].requireID(), tokenHash: SessionTokens.hash(token),
                                    name: BenchDatabase.tokenName, createdAt: Date()).create(on: db)
            tokens.append(token)
        }
        return tokens
    }

    /// Waits for what a server does once after it starts: reading the performance facts (one
    /// request to Performance as a service leader or analyst) and the first contact (which builds
    /// the person index when the sender is the front door, whose contacts are matched at intake).
    /// Measuring before would time the start-up, not the API.
    private static func warmUp(_ server: BenchServer, body: Data, token: String, client: HTTPClient, on db: any Database,
                               console: any Console) async throws {
        let started = Date()
        let staff = try await StaffUserModel.query(on: db).filter(\.$active == true).all()
        if let reader = staff.first(where: { $0.roles.contains(.serviceLeader) }) ?? staff.first(where: { $0.roles.contains(.analyst) }) {
            let sessions = try await BenchSessions.mint(for: [reader], on: db)
            var request = HTTPClientRequest(url: server.baseURL + "/performance")
            request.headers.add(name: "Cookie", value: "\(StaffSessionMiddleware.cookieName)=\(try sessions.token(for: reader))")
            let failure = await LoadRunner.send(request, with: client, timeout: .minutes(15))
            try await BenchSessions.delete(sessions, on: db)
            if let failure { throw BenchError("The server did not warm up: \(failure)") }
        }
        var contact = HTTPClientRequest(url: server.baseURL + "/api/v1/contacts")
        contact.method = .POST
        contact.headers.add(name: "Authorization", value: "Bearer \(token)")
        contact.headers.add(name: "Content-Type", value: "application/json")
        contact.body = .bytes(ByteBuffer(data: body))
        if let failure = await LoadRunner.send(contact, expecting: .created, with: client, timeout: .minutes(15)) {
            throw BenchError("The server did not warm up: \(failure)")
        }
        console.print("The server read its performance facts and person index in \(BenchTable.decimal(Date().timeIntervalSince(started))) s; measuring from now.")
    }

    /// The same rows a contact makes (the contact and its child), one transaction each, then removed.
    static func baseline(_ count: Int, users: Int, on db: any Database) async throws -> LoadRunner.Result {
        let marker = "BENCH-" + UUID().uuidString.prefix(8)
        let now = Date()
        let result = await LoadRunner.run(concurrency: users, jobs: count) { number in
            do {
                try await db.transaction { tx in
                    guard let sql = tx as? any SQLDatabase else { throw BenchError("The database does not speak SQL.") }
                    let id = UUID()
                    try await sql.raw("""
                        INSERT INTO contacts (id, reference, received_at, received_on, decision_due_at, source_code, referrer_name,
                            referrer_agency, concerns, consent, urgency, status, is_re_referral, workflow)
                        VALUES (\(bind: id), \(bind: "\(marker)-\(number)"), \(bind: now), \(bind: Day(now).iso), \(bind: now),
                            \(bind: ReferralSource.police.rawValue), \(bind: "Synthetic referrer"), \(bind: "police"), \(bind: concerns[0]),
                            \(bind: "given"), \(bind: "routine"), \(bind: "received"), \(bind: false), \(bind: "{}"))
                        """).run()
                    try await sql.raw("""
                        INSERT INTO contact_subjects (id, contact_id, is_child, given_name, family_name, date_of_birth, sex, postcode)
                        VALUES (\(bind: UUID()), \(bind: id), \(bind: true), \(bind: "Synthetic"), \(bind: "Child"), \(bind: "2015-04-01"),
                            \(bind: "F"), \(bind: "B1 1BB"))
                        """).run()
                }
                return nil
            } catch {
                return "raw insert failed: \(error)"
            }
        }
        guard let sql = db as? any SQLDatabase else { return result }
        try await sql.raw("DELETE FROM contact_subjects WHERE contact_id IN (SELECT id FROM contacts WHERE reference LIKE \(bind: marker + "-%"))").run()
        try await sql.raw("DELETE FROM contacts WHERE reference LIKE \(bind: marker + "-%")").run()
        return result
    }
}

/// Where `bench ingest` writes: a copy of a SQLite file (removed at the end), or the PostgreSQL
/// database itself, which keeps the contacts and says so.
struct BenchDatabase {
    static let tokenName = "lantern bench ingest"
    let db: any Database
    let copyPath: String?
    /// What the child server needs to use the same database.
    var serverEnvironment: [String: String] { copyPath.map { ["LANTERN_SQLITE_PATH": $0] } ?? [:] }

    static func prepare(_ app: Application, console: any Console, adding count: Int) async throws -> BenchDatabase {
        switch app.lanternConfig.database {
        case .sqliteFile:
            guard let sql = app.db as? any SQLDatabase else { throw BenchError("The database does not speak SQL.") }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("lantern-bench-ingest-\(UUID().uuidString).sqlite").path
            // VACUUM INTO makes a consistent copy even with a write-ahead log in use.
            try await sql.raw("VACUUM INTO \(bind: path)").run()
            let id = DatabaseID(string: "bench-copy")
            app.databases.use(try DatabaseLocation.sqliteFile(path: path).configurationFactory(), as: id)
            console.print("Working on a copy of \(app.lanternConfig.database.safeDescription) at \(path); the original is not changed.")
            return BenchDatabase(db: app.db(id), copyPath: path)
        case .postgres:
            console.warning("This adds \(count) synthetic contacts to \(app.lanternConfig.database.safeDescription) and keeps them.")
            return BenchDatabase(db: app.db, copyPath: nil)
        case .sqliteMemory:
            throw BenchError("An in-memory database cannot be shared with a server process.")
        }
    }

    /// Removes the copy, or on PostgreSQL the benchmark's API tokens.
    func finish(tokens: [String], console: any Console) async throws {
        if let copyPath {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copyPath + suffix) }
        } else {
            try await APITokenModel.query(on: db).filter(\.$tokenHash ~~ tokens.map(SessionTokens.hash)).delete()
            console.print("The benchmark's API tokens were deleted; the contacts it posted stay.")
        }
    }
}

private extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}

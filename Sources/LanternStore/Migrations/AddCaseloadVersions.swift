import FluentKit
import SQLKit

/// A change counter for every team and every worker, kept by the database itself.
///
/// My work and Team are the pages staff open most, many times an hour, and each needs every open
/// case of a worker or a team (a city team holds 500). The pages keep what they read and read it
/// again only when it may have changed: a trigger on each table the pages read counts a change
/// against the teams and workers it touches, in the same transaction as the change. Counting in the
/// database, not the app, means no write path can forget to, and several servers on one
/// PostgreSQL database see each other's changes.
///
/// Whose counter a change moves:
/// - an allocation: its team and worker, before and after;
/// - a child's case record or name: the teams and workers holding the child's open allocations,
///   and teams shown a break-glass opening of the child's record;
/// - a member of staff: their team before and after, the teams of cases they hold, and teams shown
///   their break-glass openings;
/// - a supervision: the worker's team; a break-glass opening: the team that holds the case;
/// - caseload weights or a team's name: everyone's, kept as one counter (`everyone`) that every
///   reader adds to its own.
struct AddCaseloadVersions: AsyncMigration {
    static let table = "caseload_versions"
    /// The counter every reader adds to its own: changes that touch every page move only this one.
    static let everyone = "00000000-0000-0000-0000-000000000000"

    func prepare(on database: Database) async throws {
        try await database.schema(Self.table)
            .field("owner_id", .uuid, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The triggers look up break-glass openings by child and by member of staff.
        try await sql.raw("CREATE INDEX break_glass_person ON break_glass (person_id)").run()
        try await sql.raw("CREATE INDEX break_glass_user ON break_glass (user_id)").run()
        let statements = sql.dialect.name == "postgresql" ? Self.postgres : Self.sqlite
        for statement in statements { try await sql.raw("\(unsafeRaw: statement)").run() }
    }

    func revert(on database: Database) async throws {
        if let sql = database as? any SQLDatabase {
            let drops = sql.dialect.name == "postgresql" ? Self.postgresDrops : Self.sqliteTriggers.map { "DROP TRIGGER IF EXISTS \($0.name)" }
            for statement in drops { try await sql.raw("\(unsafeRaw: statement)").run() }
            try await sql.raw("DROP INDEX IF EXISTS break_glass_person").run()
            try await sql.raw("DROP INDEX IF EXISTS break_glass_user").run()
        }
        try await database.schema(Self.table).delete()
    }

    // MARK: SQLite: one trigger per table and event; a transaction's triggers run as it writes.

    /// The owners whose counters a change to a child moves, as a SELECT of `owner`.
    static func ownersOfPerson(_ person: String) -> String {
        """
        SELECT team_id AS owner FROM allocations WHERE person_id = \(person) AND ended_on IS NULL
        UNION SELECT worker_id FROM allocations WHERE person_id = \(person) AND ended_on IS NULL
        UNION SELECT owner_team_id FROM break_glass WHERE person_id = \(person)
        """
    }

    static func ownersOfStaff(_ row: String) -> String {
        """
        SELECT \(row).team_id AS owner
        UNION SELECT team_id FROM allocations WHERE worker_id = \(row).id AND ended_on IS NULL
        UNION SELECT owner_team_id FROM break_glass WHERE user_id = \(row).id
        """
    }

    static let everyoneOwner = "SELECT '\(everyone)' AS owner"

    static let sqliteTriggers: [(name: String, event: String, table: String, owners: String)] = {
        let allocation: (String) -> String = { "SELECT \($0).team_id AS owner UNION SELECT \($0).worker_id" }
        let supervision: (String) -> String = { "SELECT team_id AS owner FROM staff_users WHERE id = \($0).worker_id" }
        let breakGlass: (String) -> String = { "SELECT \($0).owner_team_id AS owner" }
        return [
            ("caseload_allocation_insert", "INSERT", "allocations", allocation("NEW")),
            ("caseload_allocation_update", "UPDATE", "allocations", allocation("NEW") + " UNION " + allocation("OLD")),
            ("caseload_allocation_delete", "DELETE", "allocations", allocation("OLD")),
            ("caseload_case_insert", "INSERT", "child_cases", ownersOfPerson("NEW.person_id")),
            ("caseload_case_update", "UPDATE", "child_cases", ownersOfPerson("NEW.person_id")),
            ("caseload_case_delete", "DELETE", "child_cases", ownersOfPerson("OLD.person_id")),
            ("caseload_person_update", "UPDATE", "people", ownersOfPerson("NEW.id")),
            ("caseload_staff_insert", "INSERT", "staff_users", ownersOfStaff("NEW")),
            ("caseload_staff_update", "UPDATE", "staff_users", ownersOfStaff("NEW") + " UNION " + ownersOfStaff("OLD")),
            ("caseload_staff_delete", "DELETE", "staff_users", ownersOfStaff("OLD")),
            ("caseload_supervision_insert", "INSERT", "supervisions", supervision("NEW")),
            ("caseload_supervision_update", "UPDATE", "supervisions", supervision("NEW") + " UNION " + supervision("OLD")),
            ("caseload_supervision_delete", "DELETE", "supervisions", supervision("OLD")),
            ("caseload_break_glass_insert", "INSERT", "break_glass", breakGlass("NEW")),
            ("caseload_break_glass_update", "UPDATE", "break_glass", breakGlass("NEW") + " UNION " + breakGlass("OLD")),
            ("caseload_break_glass_delete", "DELETE", "break_glass", breakGlass("OLD")),
            ("caseload_weights_insert", "INSERT", "caseload_weights", everyoneOwner),
            ("caseload_weights_update", "UPDATE", "caseload_weights", everyoneOwner),
            ("caseload_weights_delete", "DELETE", "caseload_weights", everyoneOwner),
            ("caseload_team_insert", "INSERT", "teams", everyoneOwner),
            ("caseload_team_update", "UPDATE", "teams", everyoneOwner),
            ("caseload_team_delete", "DELETE", "teams", everyoneOwner),
        ]
    }()

    static var sqlite: [String] {
        sqliteTriggers.map { trigger in
            // `WHERE` before `ON CONFLICT` is how SQLite tells an upsert from a join.
            let body = "INSERT INTO \(table) (owner_id, version) SELECT owner, 1 FROM (\(trigger.owners)) WHERE owner IS NOT NULL "
                + "ON CONFLICT (owner_id) DO UPDATE SET version = version + 1;"
            return "CREATE TRIGGER \(trigger.name) AFTER \(trigger.event) ON \(trigger.table) FOR EACH ROW BEGIN \(body) END"
        }
    }

    // MARK: PostgreSQL: the counters move at commit (deferred constraint triggers) under one
    // transaction-scoped advisory lock, so two transactions never wait on each other's counters
    // in opposite orders (no deadlock) and no counter row is locked for longer than a commit.

    static let advisoryLock = 7_231_004

    static let postgres: [String] = [
        """
        CREATE FUNCTION caseload_bump(owners uuid[]) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_advisory_xact_lock(\(advisoryLock));
          INSERT INTO \(table) (owner_id, version)
            SELECT DISTINCT o, 1 FROM unnest(owners) AS o WHERE o IS NOT NULL ORDER BY o
            ON CONFLICT (owner_id) DO UPDATE SET version = \(table).version + 1;
        END $$
        """,
        """
        CREATE FUNCTION caseload_owners_of_person(p uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
          SELECT array(\(ownersOfPerson("p")))
        $$
        """,
        """
        CREATE FUNCTION caseload_owners_of_staff(staff uuid, team uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
          SELECT array(SELECT team AS owner
            UNION SELECT team_id FROM allocations WHERE worker_id = staff AND ended_on IS NULL
            UNION SELECT owner_team_id FROM break_glass WHERE user_id = staff)
        $$
        """,
        """
        CREATE FUNCTION caseload_allocation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM caseload_bump(ARRAY[OLD.team_id, OLD.worker_id]); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM caseload_bump(ARRAY[NEW.team_id, NEW.worker_id]); END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION caseload_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN PERFORM caseload_bump(caseload_owners_of_person(OLD.person_id));
          ELSE PERFORM caseload_bump(caseload_owners_of_person(NEW.person_id)); END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION caseload_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM caseload_bump(caseload_owners_of_person(NEW.id));
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION caseload_staff_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM caseload_bump(caseload_owners_of_staff(OLD.id, OLD.team_id)); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM caseload_bump(caseload_owners_of_staff(NEW.id, NEW.team_id)); END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION caseload_supervision_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM caseload_bump(array(SELECT team_id FROM staff_users WHERE id = OLD.worker_id)); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM caseload_bump(array(SELECT team_id FROM staff_users WHERE id = NEW.worker_id)); END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION caseload_break_glass_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM caseload_bump(ARRAY[OLD.owner_team_id]); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM caseload_bump(ARRAY[NEW.owner_team_id]); END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION caseload_everyone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM caseload_bump(ARRAY['\(everyone)'::uuid]);
          RETURN NULL;
        END $$
        """,
    ] + postgresTriggers.map { name, events, table, function in
        "CREATE CONSTRAINT TRIGGER \(name) AFTER \(events) ON \(table) DEFERRABLE INITIALLY DEFERRED "
            + "FOR EACH ROW EXECUTE FUNCTION \(function)()"
    }

    static let postgresTriggers: [(name: String, events: String, table: String, function: String)] = [
        ("caseload_allocation", "INSERT OR UPDATE OR DELETE", "allocations", "caseload_allocation_changed"),
        ("caseload_case", "INSERT OR UPDATE OR DELETE", "child_cases", "caseload_case_changed"),
        ("caseload_person", "UPDATE", "people", "caseload_person_changed"),
        ("caseload_staff", "INSERT OR UPDATE OR DELETE", "staff_users", "caseload_staff_changed"),
        ("caseload_supervision", "INSERT OR UPDATE OR DELETE", "supervisions", "caseload_supervision_changed"),
        ("caseload_break_glass", "INSERT OR UPDATE OR DELETE", "break_glass", "caseload_break_glass_changed"),
        ("caseload_weights", "INSERT OR UPDATE OR DELETE", "caseload_weights", "caseload_everyone_changed"),
        ("caseload_team", "INSERT OR UPDATE OR DELETE", "teams", "caseload_everyone_changed"),
    ]

    static var postgresDrops: [String] {
        postgresTriggers.map { "DROP TRIGGER IF EXISTS \($0.name) ON \($0.table)" }
            + ["caseload_allocation_changed", "caseload_case_changed", "caseload_person_changed", "caseload_staff_changed",
               "caseload_supervision_changed", "caseload_break_glass_changed", "caseload_everyone_changed"]
            .map { "DROP FUNCTION IF EXISTS \($0)()" }
            + ["DROP FUNCTION IF EXISTS caseload_owners_of_person(uuid)", "DROP FUNCTION IF EXISTS caseload_owners_of_staff(uuid, uuid)",
               "DROP FUNCTION IF EXISTS caseload_bump(uuid[])"]
    }
}

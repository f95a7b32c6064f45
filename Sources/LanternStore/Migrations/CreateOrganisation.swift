import FluentKit
import SQLKit

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CouncilModel.schema)
            .id()
            .field("name", .string, .required)
            .field("la_number", .string, .required)
            .field("ons_code", .string, .required)
            .create()
        try await database.schema(LocalityModel.schema)
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema(TeamModel.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("locality_id", .uuid, .references(LocalityModel.schema, .id))
            .field("manager_id", .uuid)
            .unique(on: "name")
            .create()
        try await database.schema(StaffUserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("team_id", .uuid, .references(TeamModel.schema, .id))
            .field("agency", .string, .required)
            .field("organisation", .string)
            .field("active", .bool, .required)
            .field("failed_sign_ins", .int, .required)
            .field("locked_until", .datetime)
            .field("password_changed_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(CalendarDayModel.schema)
            .id()
            .field("day", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("moved_from", .string)
            .unique(on: "day")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [CalendarDayModel.schema, StaffUserModel.schema, TeamModel.schema, LocalityModel.schema, CouncilModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}

struct CreateSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UserSessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(StaffUserModel.schema, .id, onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("ip", .string)
            .unique(on: "token_hash")
            .create()
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(StaffUserModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
        try await database.schema(UserSessionModel.schema).delete()
    }
}

/// The audit trail, with triggers that make the database itself refuse to change or delete a line.
struct CreateAuditTrail: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_username", .string, .required)
            .field("action", .string, .required)
            .field("subject_kind", .string)
            .field("subject_id", .uuid)
            .field("summary", .string, .required)
            .field("ip", .string)
            .field("request_id", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX audit_events_subject ON audit_events (subject_id, occurred_at)").run()
        try await sql.raw("CREATE INDEX audit_events_actor ON audit_events (actor_id, occurred_at)").run()
        switch sql.dialect.name {
        case "sqlite":
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                """).run()
        case "postgresql":
            try await sql.raw("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        default:
            break
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEventModel.schema).delete()
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }
}

struct CreatePeople: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PersonModel.schema)
            .id()
            .field("reference", .string, .required)
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("other_names", .string)
            .field("date_of_birth", .string)
            .field("expected_date_of_birth", .string)
            .field("sex", .string, .required)
            .field("ethnicity", .string)
            .field("nhs_number", .string)
            .field("upn", .string)
            .field("postcode", .string)
            .field("address", .string)
            .field("is_child", .bool, .required)
            .field("restricted", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.schema(AllocationModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("team_id", .uuid, .required, .references(TeamModel.schema, .id))
            .field("worker_id", .uuid, .references(StaffUserModel.schema, .id))
            .field("started_on", .string, .required)
            .field("ended_on", .string)
            .create()
        try await database.schema(RelationshipModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("relative_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("kind", .string, .required)
            .field("lives_with", .bool, .required)
            .unique(on: "person_id", "relative_id")
            .create()
        try await database.schema(PersonAliasModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX people_family_name ON people (family_name)").run()
        try await sql.raw("CREATE INDEX relationships_relative ON relationships (relative_id)").run()
        try await sql.raw("CREATE INDEX person_aliases_person ON person_aliases (person_id)").run()
        try await sql.raw("CREATE INDEX allocations_worker ON allocations (worker_id, ended_on)").run()
        try await sql.raw("CREATE INDEX allocations_team ON allocations (team_id, ended_on)").run()
        try await sql.raw("CREATE INDEX allocations_person ON allocations (person_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PersonAliasModel.schema).delete()
        try await database.schema(RelationshipModel.schema).delete()
        try await database.schema(AllocationModel.schema).delete()
        try await database.schema(PersonModel.schema).delete()
    }
}

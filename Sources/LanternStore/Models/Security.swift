import FluentKit
import Foundation

/// A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a copy
/// of the database cannot be used to take over a session.
public final class UserSessionModel: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: StaffUserModel
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "ip") public var ip: String?

    public init() {}

    public init(id: UUID? = nil, tokenHash: String, userID: UUID, csrfToken: String, now: Date, ip: String?) {
        self.id = id
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
        self.ip = ip
    }
}

/// One line of the audit trail. Append-only: the store offers no update or delete, and the
/// database refuses them (see `CreateAuditTrail`). Summaries never hold a child's personal details.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "occurred_at") public var occurredAt: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_username") public var actorUsername: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "subject_kind") public var subjectKind: String?
    @OptionalField(key: "subject_id") public var subjectID: UUID?
    @Field(key: "summary") public var summary: String
    @OptionalField(key: "ip") public var ip: String?
    @OptionalField(key: "request_id") public var requestID: String?

    public init() {}

    public init(id: UUID? = nil, occurredAt: Date, actorID: UUID?, actorUsername: String, action: String,
                subjectKind: String?, subjectID: UUID?, summary: String, ip: String?, requestID: String?) {
        self.id = id
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorUsername = actorUsername
        self.action = action
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.summary = summary
        self.ip = ip
        self.requestID = requestID
    }
}

/// A bearer token for another system (a police case system, a school MIS) to call the API as a
/// user. Only the token's SHA-256 is stored; the token itself is shown once when it is made.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: StaffUserModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "name") public var name: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(userID: UUID, tokenHash: String, name: String, createdAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.name = name
        self.createdAt = createdAt
    }
}

/// A member of staff opened a child's record with no relationship to the child, giving a reason
/// ("break-glass"). It lasts a working day, is audited, and is shown to the team that holds the case.
public final class BreakGlassModel: Model, @unchecked Sendable {
    public static let schema = "break_glass"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: StaffUserModel
    @Parent(key: "person_id") public var person: PersonModel
    @OptionalField(key: "owner_team_id") public var ownerTeamID: UUID?
    @Field(key: "reason") public var reason: String
    @Field(key: "opened_at") public var openedAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(userID: UUID, personID: UUID, ownerTeamID: UUID?, reason: String, openedAt: Date, expiresAt: Date) {
        self.$user.id = userID
        self.$person.id = personID
        self.ownerTeamID = ownerTeamID
        self.reason = reason
        self.openedAt = openedAt
        self.expiresAt = expiresAt
    }
}

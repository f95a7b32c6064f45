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
    /// When the user last proved who they are in this session: at sign-in, and again on the
    /// "Confirm it's you" page before a sensitive action. Nil on sessions older than the column.
    @OptionalField(key: "authenticated_at") public var authenticatedAt: Date?
    /// The password was right but the second factor has not been given yet: the session signs
    /// nobody in until it is.
    @Field(key: "second_factor_pending") public var secondFactorPending: Bool

    public init() {}

    public init(id: UUID? = nil, tokenHash: String, userID: UUID, csrfToken: String, now: Date, ip: String?,
                secondFactorPending: Bool = false) {
        self.id = id
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
        self.ip = ip
        self.authenticatedAt = now
        self.secondFactorPending = secondFactorPending
    }

    /// The last time the user proved who they are.
    public var lastAuthenticatedAt: Date { authenticatedAt ?? createdAt }
}

/// A member of staff named as allowed to see a restricted record (a child of a member of staff,
/// a high-profile case). Nobody else sees it, whatever their role, and break-glass is not offered.
public final class RestrictedAccessModel: Model, @unchecked Sendable {
    public static let schema = "restricted_access"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Parent(key: "user_id") public var user: StaffUserModel
    @Field(key: "granted_by") public var grantedBy: UUID
    @Field(key: "granted_at") public var grantedAt: Date

    public init() {}

    public init(personID: UUID, userID: UUID, grantedBy: UUID, grantedAt: Date) {
        self.$person.id = personID
        self.$user.id = userID
        self.grantedBy = grantedBy
        self.grantedAt = grantedAt
    }
}

/// An administrator's decision on a record due for retention review: keep it (with a reason and
/// the next review date) or delete its personal data.
public final class RetentionReviewModel: Model, @unchecked Sendable {
    public static let schema = "retention_reviews"

    public enum Decision: String, Codable, Sendable {
        case keep, delete
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Enum(key: "decision") public var decision: Decision
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "next_review_on") public var nextReviewOn: String?
    @Field(key: "decided_by") public var decidedBy: UUID
    @Field(key: "decided_at") public var decidedAt: Date

    public init() {}

    public init(personID: UUID, decision: Decision, reason: String, nextReviewOn: String?, decidedBy: UUID, decidedAt: Date) {
        self.$person.id = personID
        self.decision = decision
        self.reason = reason
        self.nextReviewOn = nextReviewOn
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
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

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension UserSessionModel {
    public var properties: [any AnyProperty] {
        [_id, _tokenHash, _user, _csrfToken, _createdAt, _lastSeenAt, _revokedAt, _ip, _authenticatedAt,
         _secondFactorPending]
    }
}
extension RestrictedAccessModel {
    public var properties: [any AnyProperty] { [_id, _person, _user, _grantedBy, _grantedAt] }
}
extension RetentionReviewModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _decision, _reason, _nextReviewOn, _decidedBy, _decidedAt]
    }
}
extension AuditEventModel {
    public var properties: [any AnyProperty] {
        [_id, _occurredAt, _actorID, _actorUsername, _action, _subjectKind, _subjectID, _summary, _ip, _requestID]
    }
}
extension APITokenModel {
    public var properties: [any AnyProperty] { [_id, _user, _tokenHash, _name, _createdAt, _revokedAt] }
}
extension BreakGlassModel {
    public var properties: [any AnyProperty] { [_id, _user, _person, _ownerTeamID, _reason, _openedAt, _expiresAt] }
}

import FluentKit
import Foundation
import LanternCore

/// The council running Lantern: one row. Its DfE LA number and ONS code label the statutory returns.
public final class CouncilModel: Model, @unchecked Sendable {
    public static let schema = "council"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "la_number") public var laNumber: String
    @Field(key: "ons_code") public var onsCode: String

    public init() {}

    public init(id: UUID? = nil, name: String, laNumber: String, onsCode: String) {
        self.id = id
        self.name = name
        self.laNumber = laNumber
        self.onsCode = onsCode
    }
}

/// A service area of the council (a locality), which owns teams.
public final class LocalityModel: Model, @unchecked Sendable {
    public static let schema = "localities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String

    public init() {}

    public init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// What a team does; it decides which queues and pages the team's members see first.
public enum TeamKind: String, Codable, CaseIterable, Sendable {
    case frontDoor, assessment, safeguarding, childrenInCare, careLeavers, disabledChildren, earlyHelp, partnerAgency

    public var label: String {
        switch self {
        case .frontDoor: "Front door (MASH)"
        case .assessment: "Assessment"
        case .safeguarding: "Safeguarding and family support"
        case .childrenInCare: "Children in care"
        case .careLeavers: "Care leavers"
        case .disabledChildren: "Disabled children"
        case .earlyHelp: "Family support (early help)"
        case .partnerAgency: "Partner agency"
        }
    }
}

public final class TeamModel: Model, @unchecked Sendable {
    public static let schema = "teams"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Enum(key: "kind") public var kind: TeamKind
    @OptionalParent(key: "locality_id") public var locality: LocalityModel?
    /// Not a foreign key: staff belong to teams, so the two rows are created in either order.
    @OptionalField(key: "manager_id") public var managerID: UUID?

    public init() {}

    public init(id: UUID? = nil, name: String, kind: TeamKind, localityID: UUID?, managerID: UUID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.$locality.id = localityID
        self.managerID = managerID
    }
}

/// A person who signs in: council staff or a partner referrer.
public final class StaffUserModel: Model, @unchecked Sendable {
    public static let schema = "staff_users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    /// Comma-separated `Role` raw values; see `Role.parseList`.
    @Field(key: "roles") public var rolesText: String
    @OptionalParent(key: "team_id") public var team: TeamModel?
    @Enum(key: "agency") public var agency: Agency
    /// The partner's organisation, e.g. "Greenfield Primary School"; feeds conversion by referrer.
    @OptionalField(key: "organisation") public var organisation: String?
    @Field(key: "active") public var active: Bool
    @Field(key: "failed_sign_ins") public var failedSignIns: Int
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?
    /// Social Work England registration number ("SW" and digits), the 903's SW_ID.
    @OptionalField(key: "social_worker_number") public var socialWorkerNumber: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// The TOTP secret in Base32. Set when the user starts setting up two-factor sign-in; in use
    /// once `totpConfirmedAt` is set (they typed a first code).
    @OptionalField(key: "totp_secret") public var totpSecret: String?
    @OptionalField(key: "totp_confirmed_at") public var totpConfirmedAt: Date?
    /// The last TOTP step accepted: no code from it or before it is accepted again (replay).
    @OptionalField(key: "totp_last_step") public var totpLastStep: Int64?
    /// JSON array of the SHA-256 hashes of the unused recovery codes.
    @OptionalField(key: "recovery_code_hashes") public var recoveryCodeHashesJSON: String?

    public init() {}

    public init(id: UUID? = nil, username: String, displayName: String, passwordHash: String,
                roles: Set<Role>, teamID: UUID?, agency: Agency = .council, organisation: String? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.rolesText = Role.formatList(roles)
        self.$team.id = teamID
        self.agency = agency
        self.organisation = organisation
        self.active = true
        self.failedSignIns = 0
        self.passwordChangedAt = Date()
    }

    public var roles: Set<Role> {
        get { Role.parseList(rolesText) }
        set { rolesText = Role.formatList(newValue) }
    }

    /// Two-factor sign-in is on: a confirmed secret.
    public var twoFactorEnabled: Bool { totpConfirmedAt != nil && totpSecret != nil }

    public var recoveryCodeHashes: [String] {
        get { recoveryCodeHashesJSON.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? [] }
        set { recoveryCodeHashesJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
}

/// A council closure day or a one-off change to the bank holidays, held as data an administrator
/// edits. The changes proclaimed up to 2023 ship with the calendar; later ones are added here.
public final class CalendarDayModel: Model, @unchecked Sendable {
    public static let schema = "calendar_days"

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case closure, addedBankHoliday, movedBankHoliday

        public var label: String {
            switch self {
            case .closure: "Council closure day"
            case .addedBankHoliday: "Extra bank holiday"
            case .movedBankHoliday: "Bank holiday moved"
            }
        }
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "day") public var day: String
    @Enum(key: "kind") public var kind: Kind
    @Field(key: "name") public var name: String
    /// For a moved bank holiday: the day it would usually have fallen on.
    @OptionalField(key: "moved_from") public var movedFrom: String?

    public init() {}

    public init(id: UUID? = nil, day: Day, kind: Kind, name: String, movedFrom: Day? = nil) {
        self.id = id
        self.day = day.iso
        self.kind = kind
        self.name = name
        self.movedFrom = movedFrom?.iso
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension CouncilModel {
    public var properties: [any AnyProperty] { [_id, _name, _laNumber, _onsCode] }
}
extension LocalityModel {
    public var properties: [any AnyProperty] { [_id, _name] }
}
extension TeamModel {
    public var properties: [any AnyProperty] { [_id, _name, _kind, _locality, _managerID] }
}
extension StaffUserModel {
    public var properties: [any AnyProperty] {
        [_id, _username, _displayName, _passwordHash, _rolesText, _team, _agency, _organisation, _active,
         _failedSignIns, _lockedUntil, _passwordChangedAt, _socialWorkerNumber, _createdAt, _totpSecret,
         _totpConfirmedAt, _totpLastStep, _recoveryCodeHashesJSON]
    }
}
extension CalendarDayModel {
    public var properties: [any AnyProperty] { [_id, _day, _kind, _name, _movedFrom] }
}

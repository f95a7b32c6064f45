import Foundation

/// Who may open a child's record. Access follows a legitimate relationship: the child is
/// allocated to the user or to their team. The front door (which must see history to screen),
/// service leaders and administrators see every record. Partners never open records.
///
/// A restricted record (a child of a member of staff, a high-profile case) opens only for the
/// users an administrator named, whatever their role, and break-glass does not open it.
public struct ChildAccessPolicy: Sendable {
    public struct Viewer: Sendable {
        public var userID: UUID
        public var roles: Set<Role>
        public var teamID: UUID?

        public init(userID: UUID, roles: Set<Role>, teamID: UUID?) {
            self.userID = userID
            self.roles = roles
            self.teamID = teamID
        }
    }

    public struct Allocation: Sendable {
        public var teamID: UUID
        public var workerID: UUID?

        public init(teamID: UUID, workerID: UUID?) {
            self.teamID = teamID
            self.workerID = workerID
        }
    }

    public enum Decision: Equatable, Sendable {
        case allowed
        /// A member of staff with no relationship to the child: the record is closed to them.
        case noRelationship
        /// Not a role that opens children's records at all.
        case notPermitted
        /// A restricted record and the viewer is not one of its named users. Break-glass is not offered.
        case restricted
    }

    /// Whether a record is restricted, and to whom.
    public struct Restriction: Sendable, Equatable {
        public var namedUsers: Set<UUID>

        public init(namedUsers: Set<UUID>) { self.namedUsers = namedUsers }
    }

    public static let seeEveryRecord: Set<Role> = [.frontDoor, .serviceLeader, .administrator]
    /// Early help practitioners work on the early help record only, never by break-glass on social care's.
    public static let caseworkRoles: Set<Role> = [.socialWorker, .teamManager]

    public init() {}

    /// `breakGlass`: the viewer opened this record with a stated reason that has not yet expired.
    /// `restriction`: nil for an ordinary record; for a restricted one, the users named on it.
    public func decide(_ viewer: Viewer, openAllocations: [Allocation], breakGlass: Bool = false,
                       restriction: Restriction? = nil) -> Decision {
        if let restriction {
            // Named users still need a role that opens records; nobody else gets in, not even by
            // break-glass or a see-every-record role.
            guard !viewer.roles.isDisjoint(with: Self.seeEveryRecord.union(Self.caseworkRoles)) else { return .notPermitted }
            return restriction.namedUsers.contains(viewer.userID) ? .allowed : .restricted
        }
        if !viewer.roles.isDisjoint(with: Self.seeEveryRecord) { return .allowed }
        guard !viewer.roles.isDisjoint(with: Self.caseworkRoles) else { return .notPermitted }
        if breakGlass { return .allowed }
        let related = openAllocations.contains { allocation in
            allocation.workerID == viewer.userID || (viewer.teamID != nil && allocation.teamID == viewer.teamID)
        }
        return related ? .allowed : .noRelationship
    }
}

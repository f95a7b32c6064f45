import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Restricted records (a child of a member of staff, a high-profile case): the users named on
/// each, for `ChildAccessPolicy`, and the records a user's lists and searches must leave out.
enum RestrictedRecords {
    /// Nil for an ordinary record; for a restricted one, who is named on it.
    static func restriction(of person: PersonModel, on db: any Database) async throws -> ChildAccessPolicy.Restriction? {
        guard person.restricted else { return nil }
        let named = try await RestrictedAccessModel.query(on: db).filter(\.$person.$id == person.requireID()).all().map(\.$user.id)
        return ChildAccessPolicy.Restriction(namedUsers: Set(named))
    }

    /// The restricted people this user is not named on: never listed, searched or counted for them.
    static func hiddenPersonIDs(from user: SignedInUser, on db: any Database) async throws -> Set<UUID> {
        let restricted = try await PersonModel.query(on: db).filter(\.$restricted == true).field(\.$id).all().compactMap(\.id)
        guard !restricted.isEmpty else { return [] }
        let named = try await RestrictedAccessModel.query(on: db).filter(\.$user.$id == user.id).all().map(\.$person.id)
        return Set(restricted).subtracting(named)
    }
}

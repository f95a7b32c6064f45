import FluentKit
import Foundation
import LanternCore

/// A person's relationships read from both sides: a row stored on them ("Sarah is Amelia's
/// parent") and a row stored on the relative ("Amelia is Sarah's... parent", read as Sarah's child).
public enum FamilyQueries {
    public struct Link: Sendable {
        public let relationshipID: UUID
        public let relative: PersonModel
        /// What the relative is to the person.
        public let role: FamilyRole
        public let livesWith: Bool
        public let endedOn: Day?
    }

    public static func links(of personID: UUID, on db: any Database) async throws -> [Link] {
        let outward = try await RelationshipModel.query(on: db).filter(\.$person.$id == personID).with(\.$relative).all()
        let inward = try await RelationshipModel.query(on: db).filter(\.$relative.$id == personID).with(\.$person).all()
        let links = outward.map {
            Link(relationshipID: $0.id!, relative: $0.relative, role: $0.kind.role, livesWith: $0.livesWith, endedOn: $0.endedOn.flatMap(Day.init(iso:)))
        } + inward.map {
            Link(relationshipID: $0.id!, relative: $0.person, role: $0.kind.inverse, livesWith: $0.livesWith, endedOn: $0.endedOn.flatMap(Day.init(iso:)))
        }
        // A row a merge could not move (the kept record already had the same link) stays on the
        // merged record, which is not shown.
        return links.filter { $0.relative.mergedInto == nil }.sorted { $0.relative.familyName == $1.relative.familyName ? $0.relative.givenName < $1.relative.givenName : $0.relative.familyName < $1.relative.familyName }
    }

    /// Whether the two already have a relationship that has not ended, stored either way round.
    public static func areLinked(_ a: UUID, _ b: UUID, on db: any Database) async throws -> Bool {
        try await RelationshipModel.query(on: db).filter(\.$endedOn == nil).group(.or) { either in
            either.group(.and) { $0.filter(\.$person.$id == a).filter(\.$relative.$id == b) }
            either.group(.and) { $0.filter(\.$person.$id == b).filter(\.$relative.$id == a) }
        }.count() > 0
    }
}

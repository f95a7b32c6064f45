import FluentKit
import Foundation

/// A proposal that two person records are the same person, its approval, and (once merged)
/// exactly which rows moved from the duplicate to the kept record, so an unmerge can put them back.
public final class PersonMergeModel: Model, @unchecked Sendable {
    public static let schema = "person_merges"

    public enum Status: String, Codable, Sendable {
        case proposed, merged, declined, unmerged
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "kept_id") public var kept: PersonModel
    @Parent(key: "duplicate_id") public var duplicate: PersonModel
    @Field(key: "reason") public var reason: String
    @Enum(key: "status") public var status: Status
    @Field(key: "proposed_by") public var proposedBy: UUID
    @Field(key: "proposed_at") public var proposedAt: Date
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "unmerged_by") public var unmergedBy: UUID?
    @OptionalField(key: "unmerged_at") public var unmergedAt: Date?
    /// JSON `[MovedRows]`: what the merge changed, for the unmerge.
    @OptionalField(key: "moved") public var movedJSON: String?

    public init() {}

    public init(keptID: UUID, duplicateID: UUID, reason: String, proposedBy: UUID, at: Date) {
        self.$kept.id = keptID
        self.$duplicate.id = duplicateID
        self.reason = reason
        self.status = .proposed
        self.proposedBy = proposedBy
        self.proposedAt = at
    }

    public var moved: [PersonMerges.MovedRows] {
        get { movedJSON.flatMap { try? JSONDecoder().decode([PersonMerges.MovedRows].self, from: Data($0.utf8)) } ?? [] }
        set { movedJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension PersonMergeModel {
    public var properties: [any AnyProperty] {
        [_id, _kept, _duplicate, _reason, _status, _proposedBy, _proposedAt, _decidedBy, _decidedAt, _unmergedBy,
         _unmergedAt, _movedJSON]
    }
}

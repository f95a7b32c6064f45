import FluentKit
import Foundation
import LanternCore

/// The council's caseload weights, one row, set by an administrator. No row: the defaults.
public final class CaseloadWeightsModel: Model, @unchecked Sendable {
    public static let schema = "caseload_weights"

    @ID(key: .id) public var id: UUID?
    @Field(key: "child_protection") public var childProtection: Double
    @Field(key: "looked_after") public var lookedAfter: Double
    @Field(key: "care_leaver") public var careLeaver: Double
    @Field(key: "child_in_need") public var childInNeed: Double
    @Field(key: "assessment") public var assessment: Double

    public init() {}

    public init(id: UUID? = nil, weights: CaseloadWeights) {
        self.id = id
        set(weights)
    }

    public func set(_ w: CaseloadWeights) {
        childProtection = w.childProtection
        lookedAfter = w.lookedAfter
        careLeaver = w.careLeaver
        childInNeed = w.childInNeed
        assessment = w.assessment
    }

    public var weights: CaseloadWeights {
        CaseloadWeights(childProtection: childProtection, lookedAfter: lookedAfter, careLeaver: careLeaver,
                        childInNeed: childInNeed, assessment: assessment)
    }

    /// The weights in force.
    public static func current(on db: any Database) async throws -> CaseloadWeights {
        try await query(on: db).first()?.weights ?? CaseloadWeights()
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension CaseloadWeightsModel {
    public var properties: [any AnyProperty] {
        [_id, _childProtection, _lookedAfter, _careLeaver, _childInNeed, _assessment]
    }
}

import FluentKit
import Foundation
import LanternCore

/// A household assessed or approved to adopt (Annex A list 11), and the child placed with them.
public final class AdopterHouseholdModel: Model, @unchecked Sendable {
    public static let schema = "adopter_households"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reference") public var reference: String
    @Field(key: "sex") public var sex: String
    @Field(key: "fostering_for_adoption") public var fosteringForAdoption: Bool
    @Field(key: "enquiry_on") public var enquiryOn: String
    @OptionalField(key: "stage1_started_on") public var stage1StartedOn: String?
    @OptionalField(key: "stage1_ended_on") public var stage1EndedOn: String?
    @OptionalField(key: "stage2_started_on") public var stage2StartedOn: String?
    @OptionalField(key: "stage2_ended_on") public var stage2EndedOn: String?
    @OptionalField(key: "approved_on") public var approvedOn: String?
    @OptionalField(key: "matched_on") public var matchedOn: String?
    @OptionalField(key: "placed_on") public var placedOn: String?
    @OptionalField(key: "children_placed") public var childrenPlaced: Int?
    @OptionalField(key: "left_on") public var leftOn: String?
    @OptionalField(key: "left_reason") public var leftReason: String?
    /// The child placed with the household, once there is one.
    @OptionalParent(key: "child_id") public var child: PersonModel?

    public init() {}

    public init(id: UUID? = nil, household: AdopterHousehold, childID: UUID? = nil) {
        self.id = id
        self.$child.id = childID
        update(household)
    }

    public func update(_ household: AdopterHousehold) {
        reference = household.reference
        sex = household.sex
        fosteringForAdoption = household.fosteringForAdoption
        enquiryOn = household.enquiry.iso
        stage1StartedOn = household.stage1Started?.iso
        stage1EndedOn = household.stage1Ended?.iso
        stage2StartedOn = household.stage2Started?.iso
        stage2EndedOn = household.stage2Ended?.iso
        approvedOn = household.approved?.iso
        matchedOn = household.matched?.iso
        placedOn = household.placed?.iso
        childrenPlaced = household.childrenPlaced
        leftOn = household.left?.iso
        leftReason = household.leftReason?.rawValue
    }

    /// The record as the domain sees it; nil if a stored date cannot be read.
    public var household: AdopterHousehold? {
        guard let enquiry = Day(iso: enquiryOn) else { return nil }
        let day: (String?) -> Day? = { $0.flatMap { Day(iso: $0) } }
        return AdopterHousehold(reference: reference, sex: sex, fosteringForAdoption: fosteringForAdoption, enquiry: enquiry,
                                stage1Started: day(stage1StartedOn), stage1Ended: day(stage1EndedOn), stage2Started: day(stage2StartedOn),
                                stage2Ended: day(stage2EndedOn), approved: day(approvedOn), matched: day(matchedOn), placed: day(placedOn),
                                childrenPlaced: childrenPlaced, left: day(leftOn),
                                leftReason: leftReason.flatMap(AdopterHousehold.LeavingReason.init(rawValue:)))
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension AdopterHouseholdModel {
    public var properties: [any AnyProperty] {
        [_id, _reference, _sex, _fosteringForAdoption, _enquiryOn, _stage1StartedOn, _stage1EndedOn,
         _stage2StartedOn, _stage2EndedOn, _approvedOn, _matchedOn, _placedOn, _childrenPlaced, _leftOn,
         _leftReason, _child]
    }
}

/// How two people are related. Stored once per direction a person would say it ("Amelia's mother"
/// is stored on Amelia as `parent`); the other person's view of the same link is its `inverse`.
/// The kinds are the ones issue 3 asks the person index to hold (parent, step-parent, sibling,
/// carer, household member, other), with half-siblings kept apart from full siblings.
public enum RelationshipKind: String, Codable, CaseIterable, Sendable {
    case parent, stepParent, sibling, halfSibling, carer, householdMember, other

    public var label: String {
        switch self {
        case .parent: "Parent"
        case .stepParent: "Step-parent"
        case .sibling: "Sibling"
        case .halfSibling: "Half-sibling"
        case .carer: "Carer"
        case .householdMember: "Household member"
        case .other: "Other"
        }
    }

    /// What the relative is to the person, in the person's own words.
    public var role: FamilyRole {
        switch self {
        case .parent: .parent
        case .stepParent: .stepParent
        case .sibling: .sibling
        case .halfSibling: .halfSibling
        case .carer: .carer
        case .householdMember: .householdMember
        case .other: .other
        }
    }

    /// What the person is to the relative: a parent's child is their child, a sibling's sibling
    /// is their sibling. Lets one stored row serve both people's family views.
    public var inverse: FamilyRole {
        switch self {
        case .parent: .child
        case .stepParent: .stepChild
        case .carer: .caredFor
        case .sibling: .sibling
        case .halfSibling: .halfSibling
        case .householdMember: .householdMember
        case .other: .other
        }
    }
}

/// Where someone stands in a child's family, seen from the child: either side of a stored
/// relationship (`RelationshipKind.role` or `.inverse`).
public enum FamilyRole: String, Codable, CaseIterable, Sendable {
    case parent, stepParent, carer, sibling, halfSibling, child, stepChild, caredFor, householdMember, other

    public var label: String {
        switch self {
        case .parent: "Parent"
        case .stepParent: "Step-parent"
        case .carer: "Carer"
        case .sibling: "Sibling"
        case .halfSibling: "Half-sibling"
        case .child: "Child"
        case .stepChild: "Step-child"
        case .caredFor: "Cared for by them"
        case .householdMember: "Household member"
        case .other: "Other"
        }
    }

    /// The generation the role sits in, for the family diagram. Household members and others have
    /// none of their own: they sit with the adults or the children by age.
    var generation: FamilyDiagram.Row? {
        switch self {
        case .parent, .stepParent, .carer: .adults
        case .sibling, .halfSibling: .children
        case .child, .stepChild, .caredFor: .nextGeneration
        case .householdMember, .other: nil
        }
    }
}

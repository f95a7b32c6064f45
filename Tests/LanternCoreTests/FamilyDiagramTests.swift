import Foundation
import Testing
@testable import LanternCore

@Suite struct FamilyDiagramTests {
    private func member(_ name: String, _ role: FamilyRole?, livesWith: Bool, isChild: Bool = false) -> FamilyDiagram.Member {
        FamilyDiagram.Member(id: UUID(), name: name, role: role, livesWithChild: livesWith, isChild: isChild)
    }

    @Test func eachRelationshipHasTheInverseThePersonWouldSay() {
        #expect(RelationshipKind.parent.inverse == .child)
        #expect(RelationshipKind.stepParent.inverse == .stepChild)
        #expect(RelationshipKind.carer.inverse == .caredFor)
        #expect(RelationshipKind.sibling.inverse == .sibling)
        #expect(RelationshipKind.halfSibling.inverse == .halfSibling)
        #expect(RelationshipKind.householdMember.inverse == .householdMember)
        // Read from the person's side, each kind is itself.
        for kind in RelationshipKind.allCases { #expect(kind.role.rawValue == kind.rawValue) }
    }

    @Test func parentsAboveSiblingsBesideTheHouseholdGroupedLeft() {
        let child = member("Amelia", nil, livesWith: false, isChild: true)
        let mother = member("Sarah", .parent, livesWith: true)
        let father = member("Dan", .parent, livesWith: false)
        let brother = member("Leo", .sibling, livesWith: true, isChild: true)
        let halfSister = member("Ava", .halfSibling, livesWith: false, isChild: true)
        let lodger = member("Pat", .householdMember, livesWith: true)
        let diagram = FamilyDiagram(child: child, relatives: [father, halfSister, lodger, brother, mother])

        #expect(diagram.rows == [.adults, .children])
        // The child is first in the middle row and always inside the household, whatever was passed.
        #expect(diagram.placement(of: child.id) == FamilyDiagram.Placement(
            member: FamilyDiagram.Member(id: child.id, name: "Amelia", role: nil, livesWithChild: true, isChild: true), row: .children, column: 0))
        #expect(diagram.placement(of: brother.id)?.row == .children)
        #expect(diagram.placement(of: brother.id)?.column == 1)
        // Adults living with the child: parent before household member; two of them, so the box is two wide.
        #expect(diagram.placement(of: mother.id).map { [$0.row.rawValue, $0.column] } == [0, 0])
        #expect(diagram.placement(of: lodger.id).map { [$0.row.rawValue, $0.column] } == [0, 1])
        #expect(diagram.household == FamilyDiagram.Household(rows: .adults ... .children, columns: 2))
        // Those living elsewhere start right of the box on their own row.
        #expect(diagram.placement(of: father.id).map { [$0.row.rawValue, $0.column] } == [0, 2])
        #expect(diagram.placement(of: halfSister.id).map { [$0.row.rawValue, $0.column] } == [1, 2])
        #expect(diagram.columnCount == 3)
    }

    @Test func aChildLivingAloneWithNobodyHasAHouseholdOfOne() {
        let child = member("Mia", nil, livesWith: true, isChild: true)
        let father = member("Tom", .parent, livesWith: false)
        let diagram = FamilyDiagram(child: child, relatives: [father])
        #expect(diagram.household == FamilyDiagram.Household(rows: .children ... .children, columns: 1))
        #expect(diagram.placement(of: father.id)?.column == 1)
        #expect(diagram.placement(of: father.id)?.row == .adults)
    }

    @Test func aYoungParentsBabyGoesBelowAndOthersSitByAge() {
        let child = member("Kayla", nil, livesWith: true, isChild: true)
        let baby = member("Noah", .child, livesWith: true, isChild: true)
        let cousin = member("Zoe", .other, livesWith: false, isChild: true)
        let aunt = member("Jo", .other, livesWith: false)
        let diagram = FamilyDiagram(child: child, relatives: [baby, cousin, aunt])
        #expect(diagram.rows == [.adults, .children, .nextGeneration])
        #expect(diagram.placement(of: baby.id)?.row == .nextGeneration)
        #expect(diagram.placement(of: cousin.id)?.row == .children)
        #expect(diagram.placement(of: aunt.id)?.row == .adults)
        #expect(diagram.household.rows == .children ... .nextGeneration)
    }

    @Test func someoneLinkedTwiceAppearsOnce() {
        let child = member("Amelia", nil, livesWith: true, isChild: true)
        let sister = member("Ruby", .sibling, livesWith: true, isChild: true)
        var again = sister
        again.livesWithChild = false
        let diagram = FamilyDiagram(child: child, relatives: [sister, again])
        #expect(diagram.placements.filter { $0.member.id == sister.id }.count == 1)
        #expect(diagram.placements.count == 2)
    }

    @Test func aMoveRunsForwardsAndNotIntoTheFuture() throws {
        let today = try #require(Day(year: 2026, month: 6, day: 10)), since = try #require(Day(year: 2025, month: 1, day: 4))
        try AddressMove.check(movedOn: today, currentSince: since, today: today)
        try AddressMove.check(movedOn: try #require(Day(year: 2020, month: 1, day: 1)), currentSince: nil, today: today)
        #expect(throws: AddressMove.Problem.inTheFuture) { try AddressMove.check(movedOn: today.adding(days: 1), currentSince: nil, today: today) }
        #expect(throws: AddressMove.Problem.beforeCurrentAddress(since: since)) { try AddressMove.check(movedOn: since, currentSince: since, today: today) }
    }
}

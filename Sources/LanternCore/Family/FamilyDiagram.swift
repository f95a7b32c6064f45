import Foundation

/// Where each person goes in a child's family diagram: parents and carers in the row above, the
/// child with their siblings in the middle, the child's own children (a young parent) below, and
/// everyone the child lives with grouped at the left of their row inside one "lives with" box.
/// A pure layout on a grid of rows and columns; drawing it is the web layer's job.
public struct FamilyDiagram: Equatable, Sendable {
    public enum Row: Int, Comparable, CaseIterable, Sendable {
        case adults, children, nextGeneration

        public static func < (a: Row, b: Row) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Member: Equatable, Sendable {
        public var id: UUID
        public var name: String
        /// What they are to the child; nil for the child the diagram is about.
        public var role: FamilyRole?
        public var livesWithChild: Bool
        public var isChild: Bool

        public init(id: UUID, name: String, role: FamilyRole?, livesWithChild: Bool, isChild: Bool) {
            self.id = id
            self.name = name
            self.role = role
            self.livesWithChild = livesWithChild
            self.isChild = isChild
        }
    }

    public struct Placement: Equatable, Sendable {
        public var member: Member
        public var row: Row
        public var column: Int
    }

    /// The "lives with" box: the first `columns` columns of the rows from `rows.lowerBound` to
    /// `rows.upperBound`. Always holds the child.
    public struct Household: Equatable, Sendable {
        public var rows: ClosedRange<Row>
        public var columns: Int
    }

    public let placements: [Placement]
    public let household: Household
    /// The rows with anyone in them, top to bottom.
    public let rows: [Row]
    public let columnCount: Int

    public init(child: Member, relatives: [Member]) {
        var focus = child
        focus.role = nil
        focus.livesWithChild = true
        // One person appears once, even when two stored rows link them (both directions recorded).
        var seen: Set<UUID> = [focus.id]
        let unique = relatives.filter { seen.insert($0.id).inserted }
        var byRow: [Row: [Member]] = [.children: [focus]]
        for member in unique {
            let row = member.role?.generation ?? (member.isChild ? .children : .adults)
            byRow[row, default: []].append(member)
        }
        let order = FamilyRole.allCases
        func sorted(_ members: [Member]) -> [Member] {
            members.sorted { a, b in
                // The child first in their row; then by role as the table lists them, then name.
                if a.role == nil || b.role == nil { return a.role == nil && b.role != nil }
                let ra = order.firstIndex(of: a.role!)!, rb = order.firstIndex(of: b.role!)!
                return ra != rb ? ra < rb : a.name < b.name
            }
        }
        // Everyone living with the child goes left, so one rectangle can enclose the household;
        // the others start to the right of the widest household row.
        let boxColumns = byRow.values.map { $0.filter(\.livesWithChild).count }.max() ?? 1
        var placements: [Placement] = []
        for row in Row.allCases {
            guard let members = byRow[row] else { continue }
            let inside = sorted(members.filter(\.livesWithChild)), outside = sorted(members.filter { !$0.livesWithChild })
            placements += inside.enumerated().map { Placement(member: $0.element, row: row, column: $0.offset) }
            placements += outside.enumerated().map { Placement(member: $0.element, row: row, column: boxColumns + $0.offset) }
        }
        let householdRows = placements.filter(\.member.livesWithChild).map(\.row)
        self.placements = placements
        self.household = Household(rows: householdRows.min()!...householdRows.max()!, columns: boxColumns)
        self.rows = Row.allCases.filter { byRow[$0] != nil }
        self.columnCount = (placements.map(\.column).max() ?? 0) + 1
    }

    public func placement(of id: UUID) -> Placement? {
        placements.first { $0.member.id == id }
    }
}

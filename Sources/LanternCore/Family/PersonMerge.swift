import Foundation

/// When two person records may be merged into one (issue 3: "merging two records of the same
/// person, with manager approval, audited, reversible"). The merge itself moves rows in the store;
/// these are the rules that say whether it may happen at all, so every path refuses the same way.
public enum PersonMergeRules {
    /// What the rules need to know about each record.
    public struct Record: Sendable, Equatable {
        public var id: UUID
        public var nhsNumber: String?
        /// A social care case record (episodes, plans, care): two cannot be joined automatically.
        public var hasCaseRecord: Bool
        public var isRestricted: Bool
        public var isMerged: Bool

        public init(id: UUID, nhsNumber: String?, hasCaseRecord: Bool, isRestricted: Bool, isMerged: Bool) {
            self.id = id
            self.nhsNumber = nhsNumber
            self.hasCaseRecord = hasCaseRecord
            self.isRestricted = isRestricted
            self.isMerged = isMerged
        }
    }

    public enum Refusal: Error, Equatable, Sendable {
        case sameRecord
        case alreadyMerged
        case markedNotSamePerson
        case differentNHSNumbers
        case bothHaveCaseRecords
        case restricted
        case proposerCannotApprove
        case notPending

        public var message: String {
            switch self {
            case .sameRecord: "These are the same record: choose the duplicate's reference"
            case .alreadyMerged: "One of these records has already been merged into another"
            case .markedNotSamePerson: "These records were marked as not the same person, so they cannot be merged"
            case .differentNHSNumbers: "These records have different NHS numbers, so they are not the same person"
            case .bothHaveCaseRecords:
                "Both records have a social care case. Close or combine the cases by hand first, then merge the records"
            case .restricted: "One of these records is restricted. An administrator must lift the restriction before a merge"
            case .proposerCannotApprove: "You proposed this merge, so another manager must approve it"
            case .notPending: "This merge has already been decided"
            }
        }
    }

    /// Whether `duplicate` may be proposed for merging into `kept`.
    public static func check(kept: Record, duplicate: Record, markedNotSame: Bool) throws(Refusal) {
        if kept.id == duplicate.id { throw .sameRecord }
        if kept.isMerged || duplicate.isMerged { throw .alreadyMerged }
        if markedNotSame { throw .markedNotSamePerson }
        if let a = kept.nhsNumber, let b = duplicate.nhsNumber, !a.isEmpty, !b.isEmpty, a != b { throw .differentNHSNumbers }
        if kept.hasCaseRecord && duplicate.hasCaseRecord { throw .bothHaveCaseRecords }
        if kept.isRestricted || duplicate.isRestricted { throw .restricted }
    }

    /// Whether `approver` may approve a merge `proposer` proposed: the four-eyes rule. The records
    /// are checked again at approval, since either may have changed since the proposal.
    public static func checkApproval(proposer: UUID, approver: UUID, kept: Record, duplicate: Record,
                                     markedNotSame: Bool) throws(Refusal) {
        if proposer == approver { throw .proposerCannotApprove }
        try check(kept: kept, duplicate: duplicate, markedNotSame: markedNotSame)
    }
}

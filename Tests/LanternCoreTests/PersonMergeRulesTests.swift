import Foundation
import Testing
@testable import LanternCore

@Suite struct PersonMergeRulesTests {
    private func record(nhs: String? = nil, hasCase: Bool = false, restricted: Bool = false, merged: Bool = false) -> PersonMergeRules.Record {
        PersonMergeRules.Record(id: UUID(), nhsNumber: nhs, hasCaseRecord: hasCase, isRestricted: restricted, isMerged: merged)
    }

    @Test func allowsTwoRecordsOfOnePersonWithAtMostOneCase() throws {
        try PersonMergeRules.check(kept: record(nhs: "9434765919", hasCase: true), duplicate: record(nhs: "9434765919"), markedNotSame: false)
        try PersonMergeRules.check(kept: record(), duplicate: record(nhs: "9434765919", hasCase: true), markedNotSame: false)
    }

    @Test func refusesWhatCannotBeTheSamePersonOrCannotBeJoined() {
        let kept = record()
        #expect(throws: PersonMergeRules.Refusal.sameRecord) { try PersonMergeRules.check(kept: kept, duplicate: kept, markedNotSame: false) }
        #expect(throws: PersonMergeRules.Refusal.markedNotSamePerson) { try PersonMergeRules.check(kept: kept, duplicate: record(), markedNotSame: true) }
        #expect(throws: PersonMergeRules.Refusal.differentNHSNumbers) {
            try PersonMergeRules.check(kept: record(nhs: "9434765919"), duplicate: record(nhs: "4010232137"), markedNotSame: false)
        }
        #expect(throws: PersonMergeRules.Refusal.bothHaveCaseRecords) {
            try PersonMergeRules.check(kept: record(hasCase: true), duplicate: record(hasCase: true), markedNotSame: false)
        }
        #expect(throws: PersonMergeRules.Refusal.restricted) { try PersonMergeRules.check(kept: kept, duplicate: record(restricted: true), markedNotSame: false) }
        #expect(throws: PersonMergeRules.Refusal.alreadyMerged) { try PersonMergeRules.check(kept: kept, duplicate: record(merged: true), markedNotSame: false) }
        #expect(PersonMergeRules.Refusal.bothHaveCaseRecords.message.contains("Close or combine the cases by hand first"))
    }

    @Test func theProposerCannotApproveTheirOwnMerge() throws {
        let proposer = UUID(), other = UUID()
        #expect(throws: PersonMergeRules.Refusal.proposerCannotApprove) {
            try PersonMergeRules.checkApproval(proposer: proposer, approver: proposer, kept: record(), duplicate: record(), markedNotSame: false)
        }
        try PersonMergeRules.checkApproval(proposer: proposer, approver: other, kept: record(), duplicate: record(), markedNotSame: false)
        // The records are checked again at approval.
        #expect(throws: PersonMergeRules.Refusal.markedNotSamePerson) {
            try PersonMergeRules.checkApproval(proposer: proposer, approver: other, kept: record(), duplicate: record(), markedNotSame: true)
        }
    }
}

import FluentKit
import Foundation
import LanternCore

/// The queries behind My work and the Team page: open cases with their allocation and clocks.
public enum CaseloadQueries {
    public struct OpenCase: Sendable {
        public let personID: UUID
        public let name: String
        public let reference: String
        public let teamID: UUID
        public let teamName: String
        public let workerID: UUID?
        public let workerName: String?
        public let stage: String
        public let category: CaseloadCategory?
        public let nextEvent: StatutoryEvent.Kind?
        public let nextDue: Day?
        public let lastActivity: Day?
        public let lastSeen: Day?
        public let awaitingAuthorisation: Bool
        public let awaitingSignOff: Bool
        public let allocatedOn: Day?
    }

    /// Open allocations (optionally for one worker or one team) joined to their case.
    public static func openCases(workerID: UUID? = nil, teamID: UUID? = nil, on db: any Database) async throws -> [OpenCase] {
        var query = AllocationModel.query(on: db).filter(\.$endedOn == nil).with(\.$person).with(\.$team).with(\.$worker)
        if let workerID { query = query.filter(\.$worker.$id == workerID) }
        if let teamID { query = query.filter(\.$team.$id == teamID) }
        let allocations = try await query.all()
        let personIDs = allocations.map(\.$person.id)
        // The derived columns only: the snapshot itself is large and these pages never read it.
        let cases = personIDs.isEmpty ? [] : try await ChildCaseModel.query(on: db).filter(\.$person.$id ~~ personIDs)
            .field(\.$id).field(\.$person.$id).field(\.$stage).field(\.$category).field(\.$nextEvent).field(\.$nextDue)
            .field(\.$lastActivity).field(\.$lastSeen).field(\.$awaitingAuthorisation).field(\.$awaitingSignOff).all()
        let byPerson = Dictionary(cases.map { ($0.$person.id, $0) }, uniquingKeysWith: { a, _ in a })
        return allocations.map { allocation in
            let c = byPerson[allocation.$person.id]
            return OpenCase(
                personID: allocation.$person.id, name: allocation.person.fullName, reference: allocation.person.reference,
                teamID: allocation.$team.id, teamName: allocation.team.name, workerID: allocation.$worker.id,
                workerName: allocation.worker?.displayName, stage: c?.stage ?? "No case recorded",
                category: c?.category.flatMap(CaseloadCategory.init(rawValue:)),
                nextEvent: c?.nextEvent.flatMap(StatutoryEvent.Kind.init(rawValue:)), nextDue: c?.nextDue.flatMap { Day(iso: $0) },
                lastActivity: c?.lastActivity.flatMap { Day(iso: $0) }, lastSeen: c?.lastSeen.flatMap { Day(iso: $0) },
                awaitingAuthorisation: c?.awaitingAuthorisation ?? false, awaitingSignOff: c?.awaitingSignOff ?? false,
                allocatedOn: Day(iso: allocation.startedOn))
        }
    }
}

import FluentKit
import Foundation
import LanternCore

/// The facts the performance page measures: every contact, and every case with the team that
/// holds (or last held) it.
public enum InsightQueries {
    public static func contactFacts(on db: any Database) async throws -> [ContactFacts] {
        try await ContactModel.query(on: db).all().compactMap { c in
            guard let received = Day(iso: c.receivedOn) else { return nil }
            return ContactFacts(receivedOn: received, decisionDue: c.decisionDueAt, decidedAt: c.decidedAt,
                                becameReferral: c.status == ContactStatus.referralOpened.rawValue,
                                sourceCode: c.sourceCode, isReReferral: c.isReReferral, organisation: c.referrerOrganisation)
        }
    }

    public static func caseFacts(on db: any Database) async throws -> [CaseFacts] {
        let allocations = try await AllocationModel.query(on: db).all()
        var latestTeam: [UUID: (Day, UUID)] = [:]
        for a in allocations {
            guard let started = Day(iso: a.startedOn) else { continue }
            if let current = latestTeam[a.$person.id], current.0 > started, a.endedOn != nil { continue }
            if a.endedOn == nil || latestTeam[a.$person.id] == nil || latestTeam[a.$person.id]!.0 <= started {
                latestTeam[a.$person.id] = (started, a.$team.id)
            }
        }
        return try await ChildCaseModel.query(on: db).all().map { model in
            CaseFacts(childID: model.$person.id, teamID: latestTeam[model.$person.id]?.1, snapshot: try model.snapshot())
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Applies casework actions to a child's case: loads the case, asks the rules, stores the new
/// state with its derived columns and an audit line, all in one transaction.
enum CaseRecorder {
    static func actor(for user: SignedInUser) -> WorkflowActor {
        WorkflowActor(id: user.id.uuidString, capabilities: user.has(.teamManager) ? [.practitioner, .manager] : [.practitioner])
    }

    /// Applies `actions` in order; nothing is stored unless every one is allowed.
    static func apply(_ actions: [CaseworkAction], to personID: UUID, by user: SignedInUser, request: Request,
                      on db: (any Database)? = nil, summary: String) async throws(CaseRecorderError) {
        do {
            let calendar = try await request.workingDays()
            let timescales = StatutoryTimescales(calendar: calendar)
            let work: @Sendable (any Database) async throws -> Void = { db in
                guard let person = try await PersonModel.find(personID, on: db) else { throw LanternError.notFound(what: "that child") }
                let model = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).first() ?? ChildCaseModel(personID: personID)
                var snapshot = model.id == nil ? CaseSnapshot(childBirthDate: person.birthDay) : try model.snapshot()
                let today = Day(Date())
                for action in actions {
                    snapshot = try CaseworkRules.apply(action, to: snapshot, on: today, by: actor(for: user))
                }
                let lastNote = try await CaseNoteModel.query(on: db).filter(\.$person.$id == personID)
                    .sort(\.$occurredOn, .descending).first().flatMap { Day(iso: $0.occurredOn) }
                try model.setSnapshot(snapshot, timescales: timescales, lastActivity: lastNote)
                try await model.save(on: db)
                try await AuditLog.record(.caseUpdated, on: db, request: request, subjectKind: "person", subjectID: personID, summary: summary)
            }
            if let db { try await work(db) } else { try await request.db.transaction { try await work($0) } }
        } catch let refusal as WorkflowRefusal {
            throw .refused(refusal)
        } catch {
            throw .failed(error)
        }
    }

    /// Recomputes a case's derived columns after something outside the workflow changed (a visit
    /// or note), so "last activity" and "last seen" stay true.
    static func refresh(_ personID: UUID, request: Request, on db: any Database) async throws {
        guard let model = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).first() else { return }
        let timescales = StatutoryTimescales(calendar: try await request.workingDays())
        let lastNote = try await CaseNoteModel.query(on: db).filter(\.$person.$id == personID)
            .sort(\.$occurredOn, .descending).first().flatMap { Day(iso: $0.occurredOn) }
        try model.setSnapshot(try model.snapshot(), timescales: timescales, lastActivity: lastNote)
        try await model.save(on: db)
    }
}

enum CaseRecorderError: Error {
    case refused(WorkflowRefusal)
    case failed(any Error)

    var message: String {
        switch self {
        case .refused(let refusal): refusal.message
        case .failed: "The change could not be saved. Try again."
        }
    }
}

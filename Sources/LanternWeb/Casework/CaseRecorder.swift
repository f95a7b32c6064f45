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
    /// Inside a transaction, pass `db` and the `timescales` read before it began: reading the
    /// calendar needs a connection of its own, which a transaction on a one-connection pool
    /// (SQLite) would never get.
    static func apply(_ actions: [CaseworkAction], to personID: UUID, by user: SignedInUser, request: Request,
                      on db: (any Database)? = nil, timescales given: StatutoryTimescales? = nil,
                      summary: String) async throws(CaseRecorderError) {
        do {
            let timescales: StatutoryTimescales
            if let given { timescales = given } else { timescales = StatutoryTimescales(calendar: try await request.workingDays()) }
            let work: @Sendable (any Database) async throws -> Void = { db in
                try await CaseWrites.apply(actions, to: personID, by: actor(for: user), today: Day(Date()), timescales: timescales, on: db)
                try await AuditLog.record(.caseUpdated, on: db, request: request, subjectKind: "person", subjectID: personID, summary: summary)
            }
            if let db { try await work(db) } else { try await request.db.transaction { try await work($0) } }
        } catch let refusal as WorkflowRefusal {
            throw .refused(refusal)
        } catch {
            throw .failed(error)
        }
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

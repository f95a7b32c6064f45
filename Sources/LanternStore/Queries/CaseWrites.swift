import FluentKit
import Foundation
import LanternCore

/// Writing a child's case through the workflow rules: the one path every change takes, from a
/// social worker's form or from the synthetic council generator.
public enum CaseWrites {
    /// Applies `actions` in order on `db` (the caller's transaction) and stores the new snapshot
    /// with its derived columns. Nothing is stored unless every action is allowed.
    public static func apply(_ actions: [CaseworkAction], to personID: UUID, by actor: WorkflowActor, today: Day,
                             timescales: StatutoryTimescales, on db: any Database) async throws {
        guard let person = try await PersonModel.find(personID, on: db) else { throw CaseWriteError.noSuchPerson }
        let model = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).first() ?? ChildCaseModel(personID: personID)
        let snapshot = try applying(actions, to: model.id == nil ? CaseSnapshot(childBirthDate: person.birthDay) : try model.snapshot(),
                                    by: actor, today: today)
        try model.setSnapshot(snapshot, timescales: timescales, lastActivity: try await lastNoteDay(personID, on: db))
        try await model.save(on: db)
    }

    /// A new child's case record made from `actions` by the same rules, not yet saved: the synthetic
    /// council generator saves thousands at a time in one batch.
    public static func newCase(_ actions: [CaseworkAction], personID: UUID, birthDate: Day?, by actor: WorkflowActor, today: Day,
                               timescales: StatutoryTimescales) throws -> ChildCaseModel {
        let model = ChildCaseModel(personID: personID)
        try model.setSnapshot(try applying(actions, to: CaseSnapshot(childBirthDate: birthDate), by: actor, today: today),
                              timescales: timescales, lastActivity: nil)
        return model
    }

    static func applying(_ actions: [CaseworkAction], to start: CaseSnapshot, by actor: WorkflowActor, today: Day) throws -> CaseSnapshot {
        try actions.reduce(start) { snapshot, action in try CaseworkRules.apply(action, to: snapshot, on: today, by: actor) }
    }

    /// Recomputes the derived columns after a visit or note changed "last activity".
    public static func refresh(_ personID: UUID, timescales: StatutoryTimescales, on db: any Database) async throws {
        guard let model = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).first() else { return }
        try model.setSnapshot(try model.snapshot(), timescales: timescales, lastActivity: try await lastNoteDay(personID, on: db))
        try await model.save(on: db)
    }

    static func lastNoteDay(_ personID: UUID, on db: any Database) async throws -> Day? {
        try await CaseNoteModel.query(on: db).filter(\.$person.$id == personID)
            .sort(\.$occurredOn, .descending).first().flatMap { Day(iso: $0.occurredOn) }
    }
}

public enum CaseWriteError: Error {
    case noSuchPerson
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Two records of the same person: a practitioner proposes the merge from the record to keep, a
/// team manager who did not propose it approves (after confirming it's them), and a manager can
/// undo it. Every step is audited; the rules are `PersonMergeRules`.
struct MergeController {
    static let proposers: Set<Role> = FamilyController.recorders
    static let approvers: Set<Role> = [.teamManager]

    func register(_ routes: LanternRoutes) {
        routes.get("children", ":personID", "merge", access: .roles(Self.proposers), use: proposal)
        routes.post("children", ":personID", "merge", access: .roles(Self.proposers), use: propose)
        routes.get("people", "merges", access: .roles(Self.approvers), use: list)
        routes.post("people", "merges", ":mergeID", "approve", access: .roles(Self.approvers), reauthenticate: true, use: approve)
        routes.post("people", "merges", ":mergeID", "decline", access: .roles(Self.approvers), use: decline)
        routes.post("people", "merges", ":mergeID", "unmerge", access: .roles(Self.approvers), reauthenticate: true, use: unmerge)
    }

    struct ProposalForm: Content {
        var duplicateReference: String?
        var reason: String?
    }

    struct ProposalPage: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let name: String
        let form: ProposalForm
        let errors: FormErrors
    }

    // MARK: Proposing

    @Sendable func proposal(req: Request) async throws -> View {
        let person = try await ChildrenController.authorisedChild(req)
        // From the front door's match list: the other record is already known.
        let form = ProposalForm(duplicateReference: req.query[String.self, at: "duplicate"], reason: nil)
        return try await proposalPage(req, person: person, form: form, errors: FormErrors())
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let user = try req.user()
        let kept = try await ChildrenController.authorisedChild(req)
        let keptID = try kept.requireID()
        let form = try req.content.decode(ProposalForm.self)
        let typed = (form.duplicateReference ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [FieldIssue] = []
        var duplicate: PersonModel?
        if typed.isEmpty {
            issues.append(FieldIssue(field: "duplicateReference", message: "Enter the reference number of the duplicate record"))
        } else {
            duplicate = try await PersonModel.query(on: req.db).filter(\.$reference == typed).first()
            // A record this user could not open is not theirs to merge, and is not confirmed to exist.
            if let found = duplicate, found.isChild, try await ChildrenController.accessDecision(to: found, for: user, on: req.db) != .allowed {
                duplicate = nil
            }
            if duplicate == nil {
                issues.append(FieldIssue(field: "duplicateReference", message: "There is no record with the reference \(typed) that you may open"))
            }
        }
        if reason.count < 10 {
            issues.append(FieldIssue(field: "reason", message: "Say why these are the same person (at least 10 characters), for the manager who approves"))
        }
        if let duplicate, issues.isEmpty {
            let (keptRecord, duplicateRecord) = (try await Self.record(kept, on: req.db), try await Self.record(duplicate, on: req.db))
            let notSame = try await Self.markedNotSame(keptID, try duplicate.requireID(), on: req.db)
            do throws(PersonMergeRules.Refusal) {
                try PersonMergeRules.check(kept: keptRecord, duplicate: duplicateRecord, markedNotSame: notSame)
            } catch {
                issues.append(FieldIssue(field: "duplicateReference", message: error.message))
            }
            if try await PersonMergeModel.query(on: req.db).filter(\.$status == .proposed).group(.or, { either in
                either.filter(\.$kept.$id ~~ [keptID, try duplicate.requireID()])
                either.filter(\.$duplicate.$id ~~ [keptID, try duplicate.requireID()])
            }).count() > 0 {
                issues.append(FieldIssue(field: "duplicateReference", message: "A merge of one of these records is already waiting for a manager"))
            }
        }
        guard issues.isEmpty, let duplicate else {
            return try await proposalPage(req, person: kept, form: form, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let duplicateID = try duplicate.requireID()
        try await req.db.transaction { db in
            let merge = PersonMergeModel(keptID: keptID, duplicateID: duplicateID, reason: reason, proposedBy: user.id, at: Date())
            try await merge.create(on: db)
            try await AuditLog.record(.mergeProposed, on: db, request: req, subjectKind: "person", subjectID: keptID,
                                      summary: "Proposed merging \(duplicate.reference) into \(kept.reference)")
        }
        return req.redirect(to: "/children/\(keptID)")
    }

    private func proposalPage(_ req: Request, person: PersonModel, form: ProposalForm, errors: FormErrors) async throws -> View {
        try await req.view.render("children/merge", ProposalPage(
            chrome: Chrome(request: req, title: errors.isEmpty ? "These records are the same person" : "Error: These records are the same person"),
            id: try person.requireID(), reference: person.reference, name: person.fullName, form: form, errors: errors))
    }

    // MARK: Deciding

    struct MergeRow: Encodable {
        let id: UUID
        let kept: String
        let keptLink: String
        let duplicate: String
        let reason: String
        let proposedBy: String
        let proposedOn: String
        let status: String
        let canApprove: Bool
        let canUnmerge: Bool
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let waiting: [MergeRow]
        let done: [MergeRow]
        let error: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        try await listPage(req, error: nil)
    }

    private func listPage(_ req: Request, error: String?) async throws -> View {
        let user = try req.user()
        let merges = try await PersonMergeModel.query(on: req.db).with(\.$kept).with(\.$duplicate).sort(\.$proposedAt, .descending).limit(200).all()
        let proposers = Dictionary(try await StaffUserModel.query(on: req.db).filter(\.$id ~~ Array(Set(merges.map(\.proposedBy)))).all()
            .map { ($0.id!, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        var rows: [MergeRow] = []
        // Only merges of records this manager could open themselves.
        for merge in merges {
            guard try await Self.mayOpen(merge.kept, user: user, on: req.db), try await Self.mayOpen(merge.duplicate, user: user, on: req.db) else { continue }
            rows.append(MergeRow(
                id: merge.id!, kept: "\(merge.kept.fullName) (\(merge.kept.reference))", keptLink: "/children/\(merge.$kept.id)",
                duplicate: "\(merge.duplicate.fullName) (\(merge.duplicate.reference))", reason: merge.reason,
                proposedBy: proposers[merge.proposedBy] ?? "A former member of staff", proposedOn: DisplayDate.long(Day(merge.proposedAt)),
                status: Self.describe(merge.status), canApprove: merge.status == .proposed && merge.proposedBy != user.id,
                canUnmerge: merge.status == .merged))
        }
        let title = "Merging person records"
        return try await req.view.render("people/merges", ListPage(
            chrome: Chrome(request: req, title: error == nil ? title : "Error: \(title)"),
            waiting: rows.filter { $0.status == Self.describe(.proposed) }, done: rows.filter { $0.status != Self.describe(.proposed) }, error: error))
    }

    static func describe(_ status: PersonMergeModel.Status) -> String {
        switch status {
        case .proposed: "Waiting for approval"
        case .merged: "Merged"
        case .declined: "Not the same person"
        case .unmerged: "Merged, then undone"
        }
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let user = try req.user()
        let merge = try await authorisedMerge(req)
        let (kept, duplicate) = (merge.kept, merge.duplicate)
        let (keptRecord, duplicateRecord) = (try await Self.record(kept, on: req.db), try await Self.record(duplicate, on: req.db))
        let notSame = try await Self.markedNotSame(kept.id!, duplicate.id!, on: req.db)
        do throws(PersonMergeRules.Refusal) {
            guard merge.status == .proposed else { throw .notPending }
            try PersonMergeRules.checkApproval(proposer: merge.proposedBy, approver: user.id, kept: keptRecord, duplicate: duplicateRecord,
                                               markedNotSame: notSame)
        } catch {
            try await AuditLog.record(.mergeRefused, on: req.db, request: req, subjectKind: "person", subjectID: kept.id,
                                      summary: "Merge of \(duplicate.reference) into \(kept.reference) refused: \(error)")
            return try await listPage(req, error: error.message).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.transaction { db in
            merge.moved = try await PersonMerges.merge(duplicate, into: kept, on: db)
            merge.status = .merged
            merge.decidedBy = user.id
            merge.decidedAt = Date()
            try await merge.save(on: db)
            let count = merge.moved.reduce(0) { $0 + $1.ids.count }
            try await AuditLog.record(.personMerged, on: db, request: req, subjectKind: "person", subjectID: kept.id,
                                      summary: "Merged \(duplicate.reference) into \(kept.reference): \(count) rows moved")
            try await AuditLog.record(.personMerged, on: db, request: req, subjectKind: "person", subjectID: duplicate.id,
                                      summary: "Merged into \(kept.reference)")
        }
        try await refreshMatching(req, kept: try kept.requireID(), duplicate: try duplicate.requireID(), merged: true)
        return req.redirect(to: "/people/merges")
    }

    @Sendable func decline(req: Request) async throws -> Response {
        let user = try req.user()
        let merge = try await authorisedMerge(req)
        guard merge.status == .proposed else {
            return try await listPage(req, error: PersonMergeRules.Refusal.notPending.message).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let (keptID, duplicateID) = (merge.$kept.id, merge.$duplicate.id)
        let alreadyMarked = try await Self.markedNotSame(keptID, duplicateID, on: req.db)
        try await req.db.transaction { db in
            merge.status = .declined
            merge.decidedBy = user.id
            merge.decidedAt = Date()
            try await merge.save(on: db)
            // So the pair is not proposed again, here or by matching.
            if !alreadyMarked { try await NotSamePersonModel(keptID, duplicateID, decidedBy: user.id, at: Date()).create(on: db) }
            try await AuditLog.record(.mergeDeclined, on: db, request: req, subjectKind: "person", subjectID: keptID,
                                      summary: "Declined merging \(merge.duplicate.reference) into \(merge.kept.reference): not the same person")
        }
        req.application.personIndex.markNotSame(keptID, duplicateID)
        return req.redirect(to: "/people/merges")
    }

    @Sendable func unmerge(req: Request) async throws -> Response {
        let user = try req.user()
        let merge = try await authorisedMerge(req)
        guard merge.status == .merged else {
            return try await listPage(req, error: "Only a merged pair can be separated again").encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.transaction { db in
            try await PersonMerges.unmerge(merge.duplicate, moved: merge.moved, on: db)
            merge.status = .unmerged
            merge.unmergedBy = user.id
            merge.unmergedAt = Date()
            try await merge.save(on: db)
            try await AuditLog.record(.personUnmerged, on: db, request: req, subjectKind: "person", subjectID: merge.$kept.id,
                                      summary: "Separated \(merge.duplicate.reference) from \(merge.kept.reference) again")
            try await AuditLog.record(.personUnmerged, on: db, request: req, subjectKind: "person", subjectID: merge.$duplicate.id,
                                      summary: "Separated from \(merge.kept.reference) again")
        }
        try await refreshMatching(req, kept: merge.$kept.id, duplicate: merge.$duplicate.id, merged: false)
        return req.redirect(to: "/people/merges")
    }

    // MARK: Helpers

    /// Keeps this process's match index in step: a merged duplicate leaves it, and the kept
    /// record, the duplicate (after an unmerge) and their relatives are re-read, since names and
    /// household links moved between them.
    private func refreshMatching(_ req: Request, kept: UUID, duplicate: UUID, merged: Bool) async throws {
        let index = req.application.personIndex
        if merged { index.remove(personID: duplicate) }
        let people: [UUID] = merged ? [kept] : [kept, duplicate]
        var ids = Set(people)
        for id in people {
            for link in try await FamilyQueries.links(of: id, on: req.db) { ids.insert(try link.relative.requireID()) }
        }
        for id in ids { try await index.upsert(personID: id, on: req.db) }
    }

    /// The merge in the URL, if this manager may open both records; 403 (audited) otherwise.
    private func authorisedMerge(_ req: Request) async throws -> PersonMergeModel {
        let user = try req.user()
        guard let id = req.parameters.get("mergeID", as: UUID.self),
              let merge = try await PersonMergeModel.query(on: req.db).filter(\.$id == id).with(\.$kept).with(\.$duplicate).first() else {
            throw LanternError.notFound(what: "that merge")
        }
        for person in [merge.kept, merge.duplicate] where !(try await Self.mayOpen(person, user: user, on: req.db)) {
            try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "person", subjectID: person.id,
                                      summary: "Refused: merge of a record with no relationship to the user")
            throw LanternError.forbidden
        }
        return merge
    }

    /// Children by the child access policy; adults unless restricted to others. A merged record has
    /// given everything (its allocation too) to the kept record, so access follows that one.
    static func mayOpen(_ person: PersonModel, user: SignedInUser, on db: any Database) async throws -> Bool {
        if let keptID = person.mergedInto, let kept = try await PersonModel.find(keptID, on: db) {
            return try await mayOpen(kept, user: user, on: db)
        }
        if person.isChild { return try await ChildrenController.accessDecision(to: person, for: user, on: db) == .allowed }
        return try await RestrictedRecords.restriction(of: person, on: db).map { $0.namedUsers.contains(user.id) } ?? true
    }

    static func record(_ person: PersonModel, on db: any Database) async throws -> PersonMergeRules.Record {
        let id = try person.requireID()
        return PersonMergeRules.Record(id: id, nhsNumber: person.nhsNumber,
                                       hasCaseRecord: try await ChildCaseModel.query(on: db).filter(\.$person.$id == id).count() > 0,
                                       isRestricted: person.restricted, isMerged: person.mergedInto != nil)
    }

    static func markedNotSame(_ a: UUID, _ b: UUID, on db: any Database) async throws -> Bool {
        try await NotSamePersonModel.query(on: db).group(.or) { either in
            either.group(.and) { $0.filter(\.$firstID == a).filter(\.$secondID == b) }
            either.group(.and) { $0.filter(\.$firstID == b).filter(\.$secondID == a) }
        }.count() > 0
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/retention`: the records whose retention period has ended under the council's rules
/// (`LanternConfig.retentionPolicy`), and the administrator's review of each: keep it (a reason
/// and the next review date) or delete its personal data. Deletion is refused while the case is
/// open, happens in one transaction and is audited.
struct RetentionController {
    struct Row: Encodable {
        let id: UUID
        let reference: String
        let name: String
        let reviewDate: String
        let reason: String
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let today: String
        let rows: [Row]
        let notice: String?
    }

    struct ReviewPage: Encodable {
        let chrome: Chrome
        let row: Row?
        let id: UUID
        let reference: String
        let name: String
        let openCase: Bool
        let decisions: [FormOption]
        let reason: String
        let nextReview: String
        let errors: FormErrors
    }

    struct Form: Content {
        var decision: String?
        var reason: String?
        var nextReview: String?
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "retention", access: admin, use: list)
        routes.get("admin", "retention", ":personID", access: admin, reauthenticate: true, use: review)
        routes.post("admin", "retention", ":personID", access: admin, use: decide)
    }

    @Sendable func list(req: Request) async throws -> View {
        let today = Day(Date())
        let due = try await Self.due(on: today, req: req)
        let people = Dictionary(try await PersonModel.query(on: req.db).filter(\.$id ~~ due.compactMap { UUID(uuidString: $0.subject.recordID) }).all()
            .map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = due.compactMap { item -> Row? in
            guard let id = UUID(uuidString: item.subject.recordID), let person = people[id] else { return nil }
            return Row(id: id, reference: person.reference, name: person.fullName, reviewDate: DisplayDate.long(item.reviewDate), reason: item.reason)
        }
        let notice: String? = switch req.query[String.self, at: "done"] {
        case "keep": "The review is recorded and the record is kept."
        case "delete": "The record's personal data has been deleted."
        default: nil
        }
        return try await req.view.render("admin/retention", ListPage(
            chrome: Chrome(request: req, title: "Records due for retention review"), today: DisplayDate.long(today), rows: rows, notice: notice))
    }

    @Sendable func review(req: Request) async throws -> View {
        let person = try await PersonSearch.person(req)
        return try await render(req, person: person, form: Form(), errors: [])
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let person = try await PersonSearch.person(req)
        let personID = try person.requireID()
        try req.requireRecentAuthentication(returnTo: "/admin/retention/\(personID)")
        let form = try req.content.decode(Form.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let decision = RetentionReviewModel.Decision(rawValue: form.decision ?? "")
        let today = Day(Date())
        var issues: [FieldIssue] = []
        var nextReview: Day?
        if decision == nil { issues.append(FieldIssue(field: "decision", message: "Select whether to keep the record or delete it")) }
        if reason.count < 10 { issues.append(FieldIssue(field: "reason", message: "Give the reason for the decision, in a sentence (at least 10 characters)")) }
        if decision == .keep {
            do {
                let day = try DateEntry.parse(form.nextReview ?? "")
                if day <= today { issues.append(FieldIssue(field: "nextReview", message: "The next review date must be in the future")) }
                nextReview = day
            } catch {
                issues.append(FieldIssue(field: "nextReview", message: error == .empty ? "Enter the date of the next review" : error.message))
            }
        }
        if decision == .delete, try await Self.hasOpenCase(personID, on: req.db) {
            issues.append(FieldIssue(field: "decision", message: "This person has an open case, so the record cannot be deleted. Close the case first, or keep the record."))
        }
        guard issues.isEmpty, let decision else {
            return try await render(req, person: person, form: form, errors: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let due = try await Self.due(on: today, req: req).first { $0.subject.recordID == personID.uuidString }
        let actor = try req.user().id
        let nextReviewOn = nextReview?.iso
        let now = Date()
        try await req.db.transaction { db in
            try await RetentionReviewModel(personID: personID, decision: decision, reason: reason, nextReviewOn: nextReviewOn,
                                           decidedBy: actor, decidedAt: now).create(on: db)
            switch decision {
            case .keep:
                try await AuditLog.record(.retentionReviewed, on: db, request: req, subjectKind: "person", subjectID: personID,
                                          summary: "Retention review: kept until a review on \(nextReviewOn ?? "")")
            case .delete:
                try await Self.erasePersonalData(of: person, on: db)
                try await AuditLog.record(.retentionDeleted, on: db, request: req, subjectKind: "person", subjectID: personID,
                                          summary: "Retention review: personal data deleted (\(due?.subject.kind.label ?? "no rule due"))")
            }
        }
        if decision == .delete { await req.application.insightFacts.forgetAll() }
        return req.redirect(to: "/admin/retention?done=\(decision.rawValue)")
    }

    /// Open case or open allocation: the record is in use.
    static func hasOpenCase(_ personID: UUID, on db: any Database) async throws -> Bool {
        let openCase = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).filter(\.$isOpen == true).count() > 0
        let allocated = try await AllocationModel.query(on: db).filter(\.$person.$id == personID).filter(\.$endedOn == nil).count() > 0
        return openCase || allocated
    }

    /// The records due for review today under the configured rules, leaving out those already
    /// deleted and those kept until a review date still to come.
    static func due(on today: Day, req: Request) async throws -> [RetentionDue] {
        let reviews = try await RetentionReviewModel.query(on: req.db).sort(\.$decidedAt).all()
        // The latest decision on each person wins.
        let latest = Dictionary(reviews.map { ($0.$person.id, $0) }, uniquingKeysWith: { _, later in later })
        let settled = Set(latest.filter { _, review in
            review.decision == .delete || (review.nextReviewOn.flatMap { Day(iso: $0) }.map { $0 > today } ?? false)
        }.keys)
        let people = try await PersonModel.query(on: req.db).filter(\.$isChild == true).all().filter { !settled.contains($0.id!) }
        let cases = Dictionary(try await ChildCaseModel.query(on: req.db).all().map { ($0.$person.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lastContact: [UUID: Day] = [:]
        for subject in try await ContactSubjectModel.query(on: req.db).filter(\.$person.$id != nil).with(\.$contact).all() {
            guard let id = subject.$person.id, let day = Day(iso: subject.contact.receivedOn) else { continue }
            lastContact[id] = max(lastContact[id] ?? day, day)
        }
        let subjects = try people.compactMap { person in
            RetentionSubject.forChild(recordID: person.id!.uuidString, dateOfBirth: person.birthDay,
                                      snapshot: try cases[person.id!]?.snapshot(), lastContactOn: lastContact[person.id!])
        }
        return req.application.lanternConfig.retentionPolicy.due(on: today, subjects: subjects)
    }

    /// Deletion keeps an empty tombstone of the person row (the reference only) and removes every
    /// piece of personal data: identifying fields, aliases, relationships, notes, documents, the
    /// case, allocations, break-glass and restriction rows; contact subjects linked to the person
    /// are blanked, and so is the text of contacts about nobody else.
    ///
    /// Why anonymise rather than delete the row: the audit trail is append-only by design (the
    /// database refuses to change it) and refers to the person's id, as do retention reviews and
    /// contacts that also concern other children. Keeping a row with no personal data keeps those
    /// references valid on both databases without weakening the audit trail, and the reference
    /// is not personal data on its own.
    static func erasePersonalData(of person: PersonModel, on db: any Database) async throws {
        let id = try person.requireID()
        try await PersonAliasModel.query(on: db).filter(\.$person.$id == id).delete()
        try await PersonAddressModel.query(on: db).filter(\.$person.$id == id).delete()
        try await RelationshipModel.query(on: db).filter(\.$person.$id == id).delete()
        try await RelationshipModel.query(on: db).filter(\.$relative.$id == id).delete()
        try await CaseNoteModel.query(on: db).filter(\.$person.$id == id).delete()
        try await DocumentModel.query(on: db).filter(\.$person.$id == id).delete()
        try await ChildCaseModel.query(on: db).filter(\.$person.$id == id).delete()
        try await AllocationModel.query(on: db).filter(\.$person.$id == id).delete()
        try await BreakGlassModel.query(on: db).filter(\.$person.$id == id).delete()
        try await RestrictedAccessModel.query(on: db).filter(\.$person.$id == id).delete()
        try await NotSamePersonModel.query(on: db).group(.or) { $0.filter(\.$firstID == id).filter(\.$secondID == id) }.delete()
        try await PersonMergeModel.query(on: db).group(.or) { $0.filter(\.$kept.$id == id).filter(\.$duplicate.$id == id) }.delete()
        let subjects = try await ContactSubjectModel.query(on: db).filter(\.$person.$id == id).all()
        for subject in subjects {
            subject.givenName = "Deleted"
            subject.familyName = "record"
            subject.dateOfBirth = nil
            subject.expectedDateOfBirth = nil
            subject.postcode = nil
            subject.address = nil
            subject.nhsNumber = nil
            subject.upn = nil
            subject.school = nil
            try await subject.save(on: db)
        }
        for contactID in Set(subjects.map(\.$contact.id)) {
            let others = try await ContactSubjectModel.query(on: db).filter(\.$contact.$id == contactID)
                .filter(\.$person.$id != id).filter(\.$person.$id != nil).count()
            if others == 0, let contact = try await ContactModel.find(contactID, on: db) {
                contact.concerns = "[removed at retention review]"
                try await contact.save(on: db)
            }
        }
        person.givenName = "Deleted"
        person.familyName = "record"
        person.otherNames = nil
        person.dateOfBirth = nil
        person.expectedDateOfBirth = nil
        person.sex = Sex.unknown.rawValue
        person.ethnicity = nil
        person.nhsNumber = nil
        person.upn = nil
        person.postcode = nil
        person.address = nil
        person.restricted = false
        try await person.save(on: db)
    }

    private func render(_ req: Request, person: PersonModel, form: Form, errors: [FieldIssue]) async throws -> View {
        let personID = try person.requireID()
        let due = try await Self.due(on: Day(Date()), req: req).first { $0.subject.recordID == personID.uuidString }
        let title = "Retention review: \(person.reference)"
        return try await req.view.render("admin/retention-review", ReviewPage(
            chrome: Chrome(request: req, title: errors.isEmpty ? title : "Error: " + title),
            row: due.map { Row(id: personID, reference: person.reference, name: person.fullName,
                               reviewDate: DisplayDate.long($0.reviewDate), reason: $0.reason) },
            id: personID, reference: person.reference, name: person.fullName,
            openCase: try await Self.hasOpenCase(personID, on: req.db),
            decisions: [
                FormOption(value: "keep", label: "Keep the record and review it again later", selected: form.decision == "keep"),
                FormOption(value: "delete", label: "Delete the record's personal data", selected: form.decision == "delete"),
            ],
            reason: form.reason ?? "", nextReview: form.nextReview ?? "", errors: FormErrors(errors)))
    }
}

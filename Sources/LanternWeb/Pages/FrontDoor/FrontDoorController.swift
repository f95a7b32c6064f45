import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/front-door`: the queue of contacts awaiting a decision, ordered by time left on the
/// one-working-day clock, and `/front-door/contacts/...`: recording a contact and screening it.
struct FrontDoorController {
    /// Front door practitioners screen; team managers approve and oversee.
    static let staff: Set<Role> = [.frontDoor, .teamManager]
    static let viewers: Set<Role> = staff.union([.serviceLeader])

    func register(_ routes: LanternRoutes) {
        routes.get("front-door", access: .roles(Self.viewers), use: queue)
        routes.get("front-door", "contacts", "new", access: .roles(Self.staff), use: new)
        routes.post("front-door", "contacts", access: .roles(Self.staff), use: create)
        routes.get("front-door", "contacts", ":contactID", access: .roles(Self.viewers), use: screen)
        routes.post("front-door", "contacts", ":contactID", "link", access: .roles(Self.staff), use: link)
        routes.post("front-door", "contacts", ":contactID", "decision", access: .roles(Self.staff), use: decide)
        routes.post("front-door", "contacts", ":contactID", "approval", access: .roles([.teamManager]), use: approve)
    }

    // MARK: Queue

    struct QueueRow: Encodable {
        let id: UUID
        let reference: String
        let received: String
        let children: String
        let source: String
        let urgency: String
        let clock: String
        let overdue: Bool
        let status: String
    }

    struct QueuePage: Encodable {
        let chrome: Chrome
        let rows: [QueueRow]
        let sources: [FormOption]
        let urgencies: [FormOption]
        let overdueCount: Int
        /// Contacts matching the filters, when there are more than the page shows.
        let totalWhenMore: Int?
    }

    /// The most urgent this many are shown; the rest are counted so that nobody thinks the
    /// queue is shorter than it is.
    static let queueShown = 300

    static let open: [String] = [ContactStatus.received, .decided, .returned, .awaitingApproval].map(\.rawValue)

    @Sendable func queue(req: Request) async throws -> View {
        let source = req.query[String.self, at: "source"].flatMap { $0.isEmpty ? nil : $0 }
        let urgency = req.query[String.self, at: "urgency"].flatMap { $0.isEmpty ? nil : $0 }
        var query = ContactModel.query(on: req.db).filter(\.$status ~~ Self.open)
        if let source { query = query.filter(\.$sourceCode == source) }
        if let urgency { query = query.filter(\.$urgency == urgency) }
        let total = try await query.count()
        // Only the columns the queue shows, and the children looked up by contact in one query:
        // Fluent's eager loading matches every child against every contact.
        let contacts = try await query.field(\.$id).field(\.$reference).field(\.$receivedAt).field(\.$sourceCode).field(\.$urgency)
            .field(\.$decisionDueAt).field(\.$status).sort(\.$decisionDueAt).limit(Self.queueShown).all()
        let subjects = contacts.isEmpty ? [] : try await ContactSubjectModel.query(on: req.db).filter(\.$contact.$id ~~ contacts.compactMap(\.id))
            .field(\.$id).field(\.$contact.$id).field(\.$givenName).field(\.$familyName).all()
        let children = Dictionary(grouping: subjects, by: \.$contact.id)
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        let now = Date()
        let rows = contacts.map { contact in
            let clock = DecisionClock(due: contact.decisionDueAt, now: now, timescales: timescales)
            return QueueRow(id: contact.id!, reference: contact.reference, received: DisplayTime.long(contact.receivedAt),
                            children: (children[contact.id!] ?? []).map(\.fullName).joined(separator: ", "),
                            source: ReferralSource(rawValue: contact.sourceCode)?.label ?? contact.sourceCode,
                            urgency: ContactUrgency(rawValue: contact.urgency)?.shortLabel ?? contact.urgency,
                            clock: clock.label, overdue: clock.isOverdue,
                            status: ContactStatus(rawValue: contact.status).map(Self.statusLabel) ?? contact.status)
        }
        let page = QueuePage(
            chrome: Chrome(request: req, title: "Front door"), rows: rows,
            sources: [FormOption(value: "", label: "All sources", selected: source == nil)]
                + ReferralSource.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: source == $0.rawValue) },
            urgencies: [FormOption(value: "", label: "Any urgency", selected: urgency == nil)]
                + ContactUrgency.allCases.map { FormOption(value: $0.rawValue, label: $0.shortLabel, selected: urgency == $0.rawValue) },
            overdueCount: rows.filter(\.overdue).count, totalWhenMore: total > rows.count ? total : nil)
        return try await req.view.render("front-door/queue", page)
    }

    static func statusLabel(_ status: ContactStatus) -> String {
        switch status {
        case .received: "Awaiting decision"
        case .decided: "Decided"
        case .awaitingApproval: "Awaiting manager approval"
        case .approved: "Approved"
        case .returned: "Returned for a new decision"
        case .referralOpened: "Referral opened"
        case .closed: "Closed"
        }
    }

    // MARK: New contact (front door staff)

    @Sendable func new(req: Request) async throws -> View {
        try await req.view.render("contact-form", ContactForm().page(req, action: "/front-door/contacts", isPartner: false, errors: FormErrors()))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.user()
        let form = try req.content.decode(ContactForm.self)
        switch form.draft.validated(today: Day(Date()), field: ContactForm.fieldName) {
        case .failure(let problems):
            return try await req.view.render("contact-form", form.page(req, action: "/front-door/contacts", isPartner: false, errors: FormErrors(problems.issues)))
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            let contact = try await ContactIntake.record(valid, referrerUserID: nil, enteredBy: user, request: req)
            try await DraftsController.clear("contact", for: user.id, on: req.db)
            return req.redirect(to: "/front-door/contacts/\(contact.id!)")
        }
    }

    // MARK: Screening

    @Sendable func screen(req: Request) async throws -> View {
        let (contact, _) = try await load(req)
        return try await ScreeningPage.render(req, contact: contact, decision: DecisionForm(source: contact.sourceCode), errors: FormErrors())
    }

    struct LinkForm: Content {
        var subjectID: UUID?
        var personID: String?
    }

    @Sendable func link(req: Request) async throws -> Response {
        let user = try req.user()
        let (contact, _) = try await load(req)
        let form = try req.content.decode(LinkForm.self)
        guard let subject = contact.subjects.first(where: { $0.id == form.subjectID }) else {
            throw LanternError.invalidFields([FieldIssue(field: "subjectID", message: "Choose a child named in this contact")])
        }
        guard let choice = form.personID, !choice.isEmpty else {
            return try await ScreeningPage.render(req, contact: contact, decision: DecisionForm(source: contact.sourceCode),
                                                  errors: FormErrors([FieldIssue(field: "match-\(subject.id!)", message: "Choose an existing record or a new record for \(subject.fullName)")]))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let index = req.application.personIndex
        let rejected = choice == "new"
            ? try await index.candidates(for: ContactIntake.matchQuery(for: subject), limit: 5, on: req.db).filter { $0.band == .likely }.map(\.personID)
            : []
        let personID: UUID = try await req.db.transaction { db in
            let personID: UUID
            if choice == "new" {
                let person = PersonModel(reference: try await ReferenceNumbers.next(.person, on: db), givenName: subject.givenName,
                                         familyName: subject.familyName, dateOfBirth: subject.dateOfBirth.flatMap { Day(iso: $0) },
                                         sex: subject.sex, isChild: subject.isChild, postcode: subject.postcode)
                person.expectedDateOfBirth = subject.expectedDateOfBirth
                person.nhsNumber = subject.nhsNumber
                person.upn = subject.upn
                person.address = subject.address
                try await person.create(on: db)
                personID = try person.requireID()
                try await AuditLog.record(.personCreated, on: db, request: req, subjectKind: "person", subjectID: personID,
                                          summary: "Created from contact \(contact.reference)")
                // The worker looked at the likely matches and said this is someone new.
                for other in rejected {
                    try await NotSamePersonModel(personID, other, decidedBy: user.id, at: Date()).create(on: db)
                    try await AuditLog.record(.notSamePerson, on: db, request: req, subjectKind: "person", subjectID: personID,
                                              summary: "Marked not the same person as \(other.uuidString)")
                }
            } else {
                guard let id = UUID(uuidString: choice), let person = try await PersonModel.find(id, on: db) else {
                    throw LanternError.invalidFields([FieldIssue(field: "personID", message: "Choose a record from the list")])
                }
                personID = try person.requireID()
            }
            subject.$person.id = personID
            try await subject.save(on: db)
            try await AuditLog.record(.contactLinked, on: db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Linked to contact \(contact.reference)")
            return personID
        }
        for other in rejected { index.markNotSame(personID, other) }
        if choice == "new" { try await index.upsert(personID: personID, on: req.db) }
        return req.redirect(to: "/front-door/contacts/\(contact.id!)#decision")
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let user = try req.user()
        let (contact, workflow) = try await load(req)
        var form = try req.content.decode(DecisionForm.self)
        if (form.referralSource ?? "").isEmpty { form.referralSource = contact.sourceCode }
        let today = Day(Date())
        let actor = WorkflowActor(id: user.id.uuidString, capabilities: user.has(.teamManager) ? [.practitioner, .manager] : [.practitioner])
        func refuse(_ issues: [FieldIssue]) async throws -> Response {
            try await ScreeningPage.render(req, contact: contact, decision: form, errors: FormErrors(issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        if let unlinked = contact.subjects.first(where: { $0.$person.id == nil }) {
            return try await refuse([FieldIssue(field: "match-\(unlinked.id!)", message: "Link \(unlinked.fullName) to an existing record or a new one before deciding")])
        }
        let parsed = form.decision(on: today)
        guard case .success(let decision) = parsed else {
            if case .failure(let problems) = parsed { return try await refuse(problems.issues) }
            return try await refuse([])
        }
        if decision.decision == .earlyHelp, try await Self.familySupportTeam(named: decision.familySupportTeam, on: req.db) == nil {
            return try await refuse([FieldIssue(field: "familySupportTeam", message: "Choose one of the council's family support teams")])
        }
        var updated = workflow
        updated.childIDs = contact.subjects.compactMap { $0.$person.id?.uuidString }
        do {
            updated = try FrontDoorRules.apply(.recordDecision(decision), to: updated, on: today, by: actor)
            if decision.decision.needsManagerApproval {
                updated = try FrontDoorRules.apply(.submitForApproval(on: today), to: updated, on: today, by: actor)
                if actor.has(.manager) {
                    updated = try FrontDoorRules.apply(.approve(on: today), to: updated, on: today, by: actor)
                    updated = try FrontDoorRules.apply(decision.decision.opensReferral ? .openReferral(on: today) : .close(on: today), to: updated, on: today, by: actor)
                }
            } else {
                updated = try FrontDoorRules.apply(decision.decision.opensReferral ? .openReferral(on: today) : .close(on: today), to: updated, on: today, by: actor)
            }
        } catch {
            return try await refuse([FieldIssue(field: "decision", message: error.message)])
        }
        try await save(updated, contact: contact, user: user, approving: actor.has(.manager) && decision.decision.needsManagerApproval,
                       action: .contactDecided, summary: "Decision recorded: \(decision.decision.rawValue)", req: req)
        try await DraftsController.clear("decision-\(contact.id!)", for: user.id, on: req.db)
        return req.redirect(to: "/front-door/contacts/\(contact.id!)")
    }

    struct ApprovalForm: Content {
        var outcome: String?
        var reason: String?
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let user = try req.user()
        let (contact, workflow) = try await load(req)
        let form = try req.content.decode(ApprovalForm.self)
        let today = Day(Date())
        let actor = WorkflowActor.manager(user.id.uuidString)
        var updated = workflow
        do throws(WorkflowRefusal) {
            switch form.outcome {
            case "approve":
                updated = try FrontDoorRules.apply(.approve(on: today), to: updated, on: today, by: actor)
                let opens = updated.decision?.decision.opensReferral ?? false
                updated = try FrontDoorRules.apply(opens ? .openReferral(on: today) : .close(on: today), to: updated, on: today, by: actor)
            case "return":
                updated = try FrontDoorRules.apply(.returnForNewDecision(on: today, reason: form.reason ?? ""), to: updated, on: today, by: actor)
            default:
                throw WorkflowRefusal(.init("approval.choice"), "Choose whether to approve the decision or return it")
            }
        } catch {
            return try await ScreeningPage.render(req, contact: contact, decision: DecisionForm(source: contact.sourceCode),
                                                  errors: FormErrors([FieldIssue(field: "outcome", message: error.message)]))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let approving = form.outcome == "approve"
        try await save(updated, contact: contact, user: user, approving: approving,
                       action: approving ? .contactApproved : .contactReturned,
                       summary: approving ? "Decision approved" : "Decision returned for a new decision", req: req)
        return req.redirect(to: "/front-door/contacts/\(contact.id!)")
    }

    // MARK: Shared

    private func load(_ req: Request) async throws -> (ContactModel, FrontDoorContact) {
        guard let id = req.parameters.get("contactID", as: UUID.self),
              let contact = try await ContactModel.query(on: req.db).filter(\.$id == id).with(\.$subjects).first() else {
            throw LanternError.notFound(what: "that contact")
        }
        return (contact, try contact.workflow())
    }

    /// Writes the new workflow state, the re-referral flag and the outcome for the referrer, with
    /// the audit line, in one transaction.
    private func save(_ updated: FrontDoorContact, contact: ContactModel, user: SignedInUser, approving: Bool,
                      action: AuditAction, summary: String, req: Request) async throws {
        let now = Date()
        var reReferral = contact.isReReferral
        if updated.status == .referralOpened, let referralDay = updated.concludedOn {
            for subject in contact.subjects {
                guard let personID = subject.$person.id else { continue }
                let earlier = try await PersonQueries.history(of: personID, on: req.db).referralDates
                if ReReferral.isReReferral(referralDay, previousReferrals: earlier) { reReferral = true }
            }
        }
        let isReReferral = reReferral
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        // Early help decided and closed: the family goes to the named team's list at once, so
        // nobody has to re-enter them (Working Together 2023: early help is a handover, not a letter).
        var earlyHelp: (team: TeamModel, episode: EarlyHelpEpisode)?
        if updated.status == .closed, let decision = updated.decision, decision.decision == .earlyHelp,
           let team = try await Self.familySupportTeam(named: decision.familySupportTeam, on: req.db),
           try await EarlyHelpEpisodeModel.query(on: req.db).filter(\.$familyReference == contact.reference).count() == 0 {
            let episode = try EarlyHelpRules.start(from: updated, familyID: contact.reference,
                                                   leadPractitioner: Professional(name: "\(team.name) (to be allocated)", agency: .earlyHelp),
                                                   on: Day(now), today: Day(now), by: CaseRecorder.actor(for: user))
            earlyHelp = (team, episode)
        }
        let handover = earlyHelp
        try await req.db.transaction { db in
            if let handover {
                try await EarlyHelpWrites.open(handover.episode, teamID: try handover.team.requireID(),
                                               children: contact.subjects.compactMap { $0.$person.id }, on: db)
            }
            try contact.setWorkflow(updated, decidedBy: user.id, approvedBy: approving ? user.id : nil, now: now)
            contact.isReReferral = isReReferral
            if updated.status.isFinal, contact.outcomeSentAt == nil {
                // The referrer's page shows the outcome from this moment: that is the feedback Working Together asks for.
                contact.outcomeSentAt = now
            }
            try await contact.save(on: db)
            if updated.status == .referralOpened, let referralDay = updated.concludedOn {
                try await Self.openReferral(for: contact, on: referralDay, decision: updated.decision, user: user, req: req, db: db,
                                            timescales: timescales)
            }
            for subject in contact.subjects {
                try await AuditLog.record(action, on: db, request: req, subjectKind: "person", subjectID: subject.$person.id,
                                          summary: "\(summary) on contact \(contact.reference)")
            }
        }
    }
}

extension FrontDoorController {
    /// A family support (early help) team, by the name the front door gave.
    static func familySupportTeam(named name: String?, on db: any Database) async throws -> TeamModel? {
        let wanted = (name ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return nil }
        return try await TeamModel.query(on: db).filter(\.$kind == .earlyHelp).all().first { $0.name.lowercased() == wanted }
    }

    /// A referral opens each child's episode of need and puts the child in the receiving team's
    /// unallocated queue (a strategy discussion goes to safeguarding, an assessment to assessment).
    static func openReferral(for contact: ContactModel, on referralDay: Day, decision: ReferralDecision?, user: SignedInUser,
                             req: Request, db: any Database, timescales: StatutoryTimescales) async throws {
        let wanted: [TeamKind] = decision?.decision == .strategyDiscussion ? [.safeguarding, .assessment] : [.assessment, .safeguarding]
        var team: TeamModel?
        for kind in wanted where team == nil {
            team = try await TeamModel.query(on: db).filter(\.$kind == kind).sort(\.$name).first()
        }
        let source = decision?.referralSource ?? contact.sourceCode
        for subject in contact.subjects where subject.isChild {
            guard let personID = subject.$person.id else { continue }
            // A child already open to a team stays with that team: the contact joins their record.
            if try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).filter(\.$isOpen == true).count() > 0 { continue }
            do throws(CaseRecorderError) {
                try await CaseRecorder.apply([.openEpisodeOfNeed(referralDate: referralDay, source: source, primaryNeed: nil)],
                                             to: personID, by: user, request: req, on: db, timescales: timescales,
                                             summary: "Referral opened from contact \(contact.reference)")
            } catch {
                throw LanternError.refused(error.message)
            }
            let open = try await AllocationModel.query(on: db).filter(\.$person.$id == personID).filter(\.$endedOn == nil).count()
            if open == 0, let teamID = team?.id {
                try await AllocationModel(personID: personID, teamID: teamID, workerID: nil, startedOn: referralDay).create(on: db)
            }
        }
    }
}

/// The decision clock shown on the queue and the screening page, in working hours.
struct DecisionClock {
    let isOverdue: Bool
    let label: String

    init(due: Date, now: Date, timescales: StatutoryTimescales) {
        if now > due {
            let hours = timescales.workingHoursLeft(now: due, due: now)
            isOverdue = true
            label = "Overdue by \(DecisionClock.hours(hours))"
        } else {
            isOverdue = false
            label = "\(DecisionClock.hours(timescales.workingHoursLeft(now: now, due: due))) left"
        }
    }

    static func hours(_ value: Double) -> String {
        let rounded = (value * 2).rounded() / 2
        if rounded < 1 { return "under 1 working hour" }
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        return "\(text) working hour" + (rounded == 1 ? "" : "s")
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children/:personID/...`: recording on a child's case: the statutory steps, visits and notes,
/// allocation, and the chronology.
struct CaseworkController {
    static let caseworkers: Set<Role> = [.socialWorker, .teamManager]

    func register(_ routes: LanternRoutes) {
        routes.post("children", ":personID", "casework", access: .roles(Self.caseworkers), use: record)
        routes.get("children", ":personID", "visits", "new", access: .roles(Self.caseworkers), use: newVisit)
        routes.post("children", ":personID", "visits", access: .roles(Self.caseworkers), use: saveVisit)
        routes.post("children", ":personID", "allocation", access: .roles([.teamManager]), use: allocate)
        routes.get("children", ":personID", "chronology", access: .roles(ChildrenController.readers), use: chronology)
    }

    /// Form posts arrive as `name=value&name=value`; checkbox groups repeat a name.
    static func formValues(_ req: Request) -> [String: [String]] {
        guard let body = req.body.string else { return [:] }
        var values: [String: [String]] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first, !name.isEmpty else { continue }
            values[name.hasSuffix("[]") ? String(name.dropLast(2)) : name, default: []].append(parts.count > 1 ? parts[1] : "")
        }
        return values
    }

    @Sendable func record(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let values = Self.formValues(req)
        let actionName = values["action"]?.first ?? ""
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await ChildPage.render(req, person: person, errors: FormErrors([FieldIssue(field: "\(actionName)-\(field)", message: message)]),
                                       refill: (actionName, values)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let action: CaseworkAction
        do { action = try CaseActionParser.parse(actionName, values: values) } catch { return try await refuse(error.field, error.message) }
        var actions = [action]
        if case .holdStrategyDiscussion(let discussion) = action, discussion.decidedToStartSection47 {
            actions.append(.startSection47Enquiry(on: discussion.date))
        }
        let personID = try person.requireID()
        do throws(CaseRecorderError) {
            try await CaseRecorder.apply(actions, to: personID, by: user, request: req, summary: "Recorded \(actionName)")
        } catch {
            return try await refuse("date", error.message)
        }
        return req.redirect(to: "/children/\(try person.requireID())")
    }

    // MARK: Visits (one page: the form)

    struct VisitPage: Encodable {
        let chrome: Chrome
        let id: UUID
        let name: String
        let errors: FormErrors
        let form: VisitForm
        let kinds: [FormOption]
    }

    struct VisitForm: Content {
        var kind: String?
        var date: String?
        var childSeen: String?
        var seenAlone: String?
        var text: String?
        var significant: String?
    }

    @Sendable func newVisit(req: Request) async throws -> View {
        let person = try await ChildrenController.authorisedChild(req)
        var form = VisitForm()
        form.kind = CaseNoteKind.homeVisit.rawValue
        form.date = DisplayDate.entry(Day(Date()))
        return try await visitPage(req, person: person, form: form, errors: FormErrors())
    }

    @Sendable func saveVisit(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        let form = try req.content.decode(VisitForm.self)
        var issues: [FieldIssue] = []
        let kind = CaseNoteKind(rawValue: form.kind ?? "")
        if kind == nil || kind == .managementOversight && !user.has(.teamManager) {
            issues.append(FieldIssue(field: "kind", message: "Choose what you are recording"))
        }
        var day: Day?
        do {
            let parsed = try DateEntry.parse(form.date ?? "")
            if parsed > Day(Date()) { issues.append(FieldIssue(field: "date", message: "The date cannot be in the future")) } else { day = parsed }
        } catch { issues.append(FieldIssue(field: "date", message: error.message)) }
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { issues.append(FieldIssue(field: "text", message: "Write what happened, and what the child said")) }
        let seen = form.childSeen == "yes", alone = form.seenAlone == "yes"
        if alone && !seen { issues.append(FieldIssue(field: "seenAlone", message: "A child seen alone must also be seen: check the answers")) }
        guard issues.isEmpty, let kind, let day else {
            return try await visitPage(req, person: person, form: form, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let snapshot = try await ChildCaseModel.query(on: req.db).filter(\.$person.$id == personID).first()?.snapshot()
        let hasOpenEpisode = snapshot?.openEpisode != nil
        // A visit that sees a looked-after child is also their statutory visit (regulation 28).
        let isLookedAfter = snapshot?.care.map { $0.ledger.isLookedAfter(on: day) } ?? false
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        do {
            try await req.db.transaction { db in
                let note = CaseNoteModel(personID: personID, kind: kind, occurredOn: day, childSeen: seen, seenAlone: alone, text: text,
                                         significant: form.significant == "yes", authorID: user.id)
                try await note.create(on: db)
                try await AuditLog.record(.noteRecorded, on: db, request: req, subjectKind: "person", subjectID: personID,
                                          summary: "Recorded \(kind.rawValue)\(seen ? ", child seen" : "")")
                var actions: [CaseworkAction] = []
                if seen && hasOpenEpisode { actions.append(.recordChildSeen(on: day, seenAlone: alone)) }
                if seen && isLookedAfter && kind.isVisit { actions.append(.lookedAfter(.recordVisit(.init(date: day, seenAlone: alone)))) }
                if !actions.isEmpty {
                    try await CaseRecorder.apply(actions, to: personID, by: user, request: req, on: db,
                                                 timescales: timescales, summary: "Child seen on a visit")
                } else {
                    try await CaseWrites.refresh(personID, timescales: timescales, on: db)
                }
            }
        } catch let error as CaseRecorderError {
            return try await visitPage(req, person: person, form: form, errors: FormErrors([FieldIssue(field: "date", message: error.message)]))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await DraftsController.clear("visit-\(personID)", for: user.id, on: req.db)
        return req.redirect(to: "/children/\(personID)")
    }

    private func visitPage(_ req: Request, person: PersonModel, form: VisitForm, errors: FormErrors) async throws -> View {
        let user = try req.user()
        let kinds = CaseNoteKind.allCases.filter { $0 != .managementOversight || user.has(.teamManager) }
            .map { FormOption(value: $0.rawValue, label: $0.label, selected: form.kind == $0.rawValue) }
        return try await req.view.render("children/visit", VisitPage(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Record a visit or note" : "Error: Record a visit or note"),
            id: try person.requireID(), name: person.fullName, errors: errors, form: form, kinds: kinds))
    }

    // MARK: Allocation

    struct AllocationForm: Content {
        var workerID: String?
        /// SSDA903 SW_REASON, asked when the child already has (or had) a social worker.
        var changeReason: String?
    }

    @Sendable func allocate(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        let form = try req.content.decode(AllocationForm.self)
        guard let teamID = user.teamID, let workerID = form.workerID.flatMap(UUID.init(uuidString:)),
              let worker = try await StaffUserModel.find(workerID, on: req.db), worker.$team.id == teamID else {
            return try await ChildPage.render(req, person: person, errors: FormErrors([FieldIssue(field: "workerID", message: "Choose a worker in your team")]), refill: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let today = Day(Date())
        let hadWorker = try await AllocationModel.query(on: req.db).filter(\.$person.$id == personID).filter(\.$worker.$id != nil).count() > 0
        let reason = hadWorker ? SocialWorkerChangeReason(rawValue: form.changeReason ?? "") : .firstContact
        guard let reason else {
            return try await ChildPage.render(req, person: person, errors: FormErrors([FieldIssue(field: "changeReason", message: "Choose why the social worker is changing")]),
                                              refill: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.transaction { db in
            let open = try await AllocationModel.query(on: db).filter(\.$person.$id == personID).filter(\.$endedOn == nil).all()
            guard open.allSatisfy({ $0.$team.id == teamID }) else {
                throw LanternError.refused("This child is open to another team. Their manager must transfer the case first.")
            }
            for allocation in open {
                allocation.endedOn = today.iso
                try await allocation.save(on: db)
            }
            let allocation = AllocationModel(personID: personID, teamID: teamID, workerID: workerID, startedOn: today)
            allocation.changeReason = reason.code
            try await allocation.create(on: db)
            try await AuditLog.record(.allocationChanged, on: db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Allocated to \(worker.username)")
        }
        return req.redirect(to: "/children/\(personID)")
    }

    // MARK: Chronology

    struct ChronologyPage: Encodable {
        let chrome: Chrome
        let id: UUID
        let name: String
        let entries: [ChronologyEntry]
    }

    @Sendable func chronology(req: Request) async throws -> Response {
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        if req.query[String.self, at: "format"] == "csv" { try req.requireRecentAuthentication() }
        let snapshot = try await ChildCaseModel.query(on: req.db).filter(\.$person.$id == personID).first()?.snapshot() ?? CaseSnapshot()
        let notes = try await CaseNoteModel.query(on: req.db).filter(\.$person.$id == personID).with(\.$author).all()
        let contacts = try await ContactSubjectModel.query(on: req.db).filter(\.$person.$id == personID).with(\.$contact).all().map(\.contact)
        let entries = Chronology.entries(snapshot: snapshot, notes: notes, contacts: contacts)
        if req.query[String.self, at: "format"] == "csv" {
            try await AuditLog.record(.chronologyExported, on: req.db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Downloaded the chronology as CSV")
            let response = Response(status: .ok, body: .init(string: Chronology.csv(entries)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"chronology-\(person.reference).csv\"")
            return response
        }
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: personID, summary: "Viewed the chronology")
        return try await req.view.render("children/chronology", ChronologyPage(chrome: Chrome(request: req, title: "Chronology: \(person.fullName)"),
                                                                                id: personID, name: person.fullName, entries: entries))
            .encodeResponse(for: req)
    }
}

/// One line of a child's chronology.
struct ChronologyEntry: Encodable {
    let date: String
    let sortKey: String
    let event: String
    let detail: String
    let source: String
}

/// The chronology: every statutory event from the case, every contact, and the significant notes.
enum Chronology {
    static func entries(snapshot: CaseSnapshot, notes: [CaseNoteModel], contacts: [ContactModel]) -> [ChronologyEntry] {
        var entries: [ChronologyEntry] = []
        func add(_ day: Day, _ event: String, _ detail: String = "", _ source: String = "Case record") {
            entries.append(ChronologyEntry(date: DisplayDate.long(day), sortKey: day.iso, event: event, detail: detail, source: source))
        }
        for contact in contacts {
            let decision = contact.decision.flatMap(ScreeningDecision.init(rawValue:))?.plainEnglish ?? "awaiting decision"
            if let day = Day(iso: contact.receivedOn) { add(day, "Contact \(contact.reference)", "From \(contact.referrerName); \(decision)", "Front door") }
        }
        for episode in snapshot.episodes {
            add(episode.referralDate, "Referral", "Source \(episode.referralSource)")
            for a in episode.assessments {
                add(a.startDate, "Assessment started")
                if let s = a.submission { add(s.submittedOn, "Assessment submitted", "Factors: \(s.factors.joined(separator: ", "))") }
                if let auth = a.authorisation { add(auth.authorisedOn, "Assessment authorised") }
            }
            for s in episode.strategyDiscussions { add(s.date, "Strategy discussion", s.participants.map { "\($0.name) (\($0.agency.plainEnglish))" }.joined(separator: ", ")) }
            for e in episode.section47Enquiries {
                add(e.startDate, "Section 47 enquiry started")
                if let day = e.initialConferenceDate { add(day, "Initial child protection conference") }
                if e.initialConferenceNotRequired, let day = e.outcome?.date { add(day, "No conference needed") }
            }
            for p in episode.childProtectionPlans {
                add(p.startDate, "Child protection plan started", "Category \(p.initialCategory)")
                for r in p.reviewDates { add(r, "Review conference") }
                for m in p.coreGroupMeetings ?? [] { add(m, "Core group meeting") }
                for c in p.categoryChanges { add(c.date, "Category of abuse changed", "\(c.from) to \(c.to)") }
                if let end = p.end { add(end.date, "Child protection plan ended", end.reason.plainEnglish) }
            }
            for p in episode.childInNeedPlans {
                add(p.startDate, "Child in need plan started")
                if let end = p.endDate { add(end, "Child in need plan ended") }
            }
            if let closure = episode.closure { add(closure.date, "Episode closed", "Reason \(closure.reason)") }
        }
        for note in notes where note.significant || (note.kind.isVisit && note.childSeen) {
            guard let day = Day(iso: note.occurredOn) else { continue }
            add(day, note.significant ? "Significant event: \(note.kind.label)" : note.kind.label,
                (note.childSeen ? (note.seenAlone ? "Child seen alone. " : "Child seen. ") : "") + note.text, note.author.displayName)
        }
        return entries.sorted { $0.sortKey == $1.sortKey ? $0.event < $1.event : $0.sortKey < $1.sortKey }
    }

    static func csv(_ entries: [ChronologyEntry]) -> String {
        CSV.table(["Date", "Event", "Detail", "Recorded by"], entries.map { [$0.sortKey, $0.event, $0.detail, $0.source] })
    }
}

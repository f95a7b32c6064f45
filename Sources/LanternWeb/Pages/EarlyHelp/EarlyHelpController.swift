import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/early-help...`: the family support teams' record of early help for a family, and the two
/// bridges to social care: step-down (`/children/:personID/step-down`) when an episode of need
/// closes, and step-up (`/early-help/:episodeID/step-up`), which opens a front door contact that
/// carries the early help history.
///
/// Early help practitioners, who may come from schools, health or the police, see the episodes
/// their team holds and never the social care record (`ChildrenController.readers` leaves them out).
struct EarlyHelpController {
    static let practitioners: Set<Role> = [.earlyHelp, .teamManager]
    static let readers: Set<Role> = [.earlyHelp, .teamManager, .serviceLeader, .administrator]

    func register(_ routes: LanternRoutes) {
        routes.get("early-help", access: .roles(Self.readers), use: list)
        routes.get("early-help", ":episodeID", access: .roles(Self.readers), use: show)
        routes.post("early-help", ":episodeID", access: .roles(Self.practitioners), use: record)
        routes.post("early-help", ":episodeID", "step-up", access: .roles(Self.practitioners), use: stepUp)
        routes.post("children", ":personID", "step-down", access: .roles(CaseworkController.caseworkers), use: stepDown)
    }

    // MARK: List

    struct Row: Encodable {
        let id: UUID
        let reference: String
        let children: String
        let lead: String
        let started: String
        let origin: String
        let outstanding: Int
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let rows: [Row]
        let teamName: String?
        /// Families stepped down from social care in the last 12 months, and how many of them
        /// were stepped up again: the re-referrals that say whether stepping down was right.
        var steppedDown: Int = 0
        var steppedUpAgain: Int = 0
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.user()
        func scoped(_ query: QueryBuilder<EarlyHelpEpisodeModel>) -> QueryBuilder<EarlyHelpEpisodeModel>? {
            if user.hasAny([.serviceLeader, .administrator]) { return query }
            guard let teamID = user.teamID else { return nil }
            return query.group(.or) { $0.filter(\.$team.$id == teamID).filter(\.$leadUser.$id == user.id) }
        }
        guard let query = scoped(EarlyHelpEpisodeModel.query(on: req.db).filter(\.$isOpen == true).with(\.$children) { $0.with(\.$person) }),
              let recent = scoped(EarlyHelpEpisodeModel.query(on: req.db).filter(\.$origin == "stepDown")
                  .filter(\.$startedOn >= Day(Date()).adding(months: -12).iso)) else {
            return try await req.view.render("early-help/list", ListPage(chrome: Chrome(request: req, title: "Early help"), rows: [], teamName: nil))
        }
        let models = try await query.sort(\.$startedOn).all()
        let stepDowns = try await recent.all()
        let rows = try models.map { model in
            let episode = try model.episode()
            return Row(id: try model.requireID(), reference: model.reference,
                       children: model.children.map { $0.person.fullName }.sorted().joined(separator: ", "),
                       lead: episode.leadPractitioner.name, started: Day(iso: model.startedOn).map(DisplayDate.long) ?? model.startedOn,
                       origin: Self.originText(episode.origin), outstanding: episode.outstandingPlanActions.count)
        }
        var page = ListPage(chrome: Chrome(request: req, title: "Early help"), rows: rows, teamName: user.teamName)
        page.steppedDown = stepDowns.count
        page.steppedUpAgain = stepDowns.filter { $0.outcome == EarlyHelpEpisode.Outcome.steppedUpToSocialCare.rawValue }.count
        return try await req.view.render("early-help/list", page)
    }

    static func originText(_ origin: EarlyHelpEpisode.Origin) -> String {
        switch origin {
        case .frontDoor: "Front door decision"
        case .stepDown(let closed): "Stepped down from social care (closed \(DisplayDate.long(closed)))"
        case .partnerAgency: "Started by a partner agency"
        }
    }

    // MARK: One episode

    typealias Line = DatedLine

    struct Page: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let team: String
        let lead: String
        let origin: String
        let status: String
        let children: [String]
        let consent: String
        let assessments: [Line]
        let actions: [Line]
        let meetings: [Line]
        let forms: [CaseActionForm]
        let actionsURL: String
        let canStepUp: Bool
        let concerns: String
        let errors: FormErrors
        let failedAction: String?
        let steppedUpContact: String?
    }

    /// The episode, if the user may see it: their team holds it, they lead it, or they lead the service.
    static func authorisedEpisode(_ req: Request) async throws -> EarlyHelpEpisodeModel {
        let user = try req.user()
        guard let id = req.parameters.get("episodeID", as: UUID.self),
              let model = try await EarlyHelpEpisodeModel.query(on: req.db).filter(\.$id == id)
                .with(\.$team).with(\.$children) { $0.with(\.$person) }.first() else {
            throw LanternError.notFound(what: "that early help episode")
        }
        let allowed = user.hasAny([.serviceLeader, .administrator]) || model.$team.id == user.teamID || model.$leadUser.id == user.id
        guard allowed else {
            try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "early-help", subjectID: id,
                                      summary: "Early help episode held by another team")
            throw LanternError.forbidden
        }
        return model
    }

    @Sendable func show(req: Request) async throws -> View {
        let model = try await Self.authorisedEpisode(req)
        return try await render(req, model: model, errors: FormErrors(), refill: nil, concerns: "")
    }

    private func render(_ req: Request, model: EarlyHelpEpisodeModel, errors: FormErrors,
                        refill: (action: String, values: [String: [String]])?, concerns: String) async throws -> View {
        let user = try req.user()
        let episode = try model.episode()
        let id = try model.requireID()
        let today = Day(Date())
        var forms = user.hasAny(Self.practitioners) && episode.isOpen ? EarlyHelpForms.available(for: episode, today: today) : []
        if let refill {
            for index in forms.indices where forms[index].action == refill.action { forms[index].refill(from: refill.values) }
        }
        try await AuditLog.record(.earlyHelpViewed, on: req.db, request: req, subjectKind: "early-help", subjectID: id,
                                  summary: "Viewed early help episode \(model.reference)")
        let contactReference = try await model.$steppedUpContact.get(on: req.db)?.reference
        let page = Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Early help \(model.reference)" : "Error: Early help \(model.reference)"),
            id: id, reference: model.reference, team: model.team.name,
            lead: episode.leadPractitioner.name + (episode.leadPractitioner.role.map { ", \($0)" } ?? ""),
            origin: Self.originText(episode.origin),
            status: episode.closure.map { "Closed \(DisplayDate.long($0.closedOn)): \($0.outcome.plainEnglish)" } ?? "Open",
            children: model.children.map { $0.person.fullName }.sorted(),
            consent: episode.consentGivenOn.map { "Given \(DisplayDate.long($0))" } ?? "Not yet recorded",
            assessments: episode.assessments.map {
                Line(date: DisplayDate.long($0.startedOn),
                     text: "Early help assessment by \($0.organisation)" + ($0.completedOn.map { ", completed \(DisplayDate.long($0))" } ?? ", in progress"))
            },
            actions: episode.planActions.map {
                Line(date: DisplayDate.long($0.agreedOn),
                     text: "\($0.description) (\($0.owner.name), \($0.owner.agency.plainEnglish))"
                        + ($0.completedOn.map { " · done \(DisplayDate.long($0))" } ?? ($0.dueBy.map { " · due \(DisplayDate.long($0))" } ?? "")))
            },
            meetings: episode.meetings.map {
                Line(date: DisplayDate.long($0.date),
                     text: ($0.kind == .initial ? "Team around the family meeting" : "Review meeting")
                        + ": " + $0.attendees.map(\.name).joined(separator: ", ") + ($0.familyAttended ? "; family attended" : "; family did not attend"))
            },
            forms: forms, actionsURL: "/early-help/\(id)", canStepUp: user.hasAny(Self.practitioners) && episode.isOpen,
            concerns: concerns, errors: errors, failedAction: refill?.action, steppedUpContact: contactReference)
        return try await req.view.render("early-help/show", page)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let user = try req.user()
        let model = try await Self.authorisedEpisode(req)
        let values = CaseworkController.formValues(req)
        let actionName = values["action"]?.first ?? ""
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await render(req, model: model, errors: FormErrors([FieldIssue(field: "\(actionName)-\(field)", message: message)]),
                             refill: (actionName, values), concerns: "").encodeResponse(status: .unprocessableEntity, for: req)
        }
        let episode = try model.episode()
        let action: EarlyHelpAction
        do { action = try EarlyHelpForms.parse(actionName, values: values, episode: episode) } catch { return try await refuse(error.field, error.message) }
        let updated: EarlyHelpEpisode
        do throws(WorkflowRefusal) { updated = try EarlyHelpRules.apply(action, to: episode, on: Day(Date()), by: CaseRecorder.actor(for: user)) } catch {
            return try await refuse("date", error.message)
        }
        try await req.db.transaction { db in
            try model.setEpisode(updated)
            try await model.save(on: db)
            for child in model.children {
                try await AuditLog.record(.earlyHelpUpdated, on: db, request: req, subjectKind: "person", subjectID: child.$person.id,
                                          summary: "Early help \(model.reference): \(actionName)")
            }
        }
        return req.redirect(to: "/early-help/\(try model.requireID())")
    }

    // MARK: Step up

    struct StepUpForm: Content {
        var concerns: String?
    }

    @Sendable func stepUp(req: Request) async throws -> Response {
        let user = try req.user()
        let model = try await Self.authorisedEpisode(req)
        let form = try req.content.decode(StepUpForm.self)
        let concerns = (form.concerns ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let today = Day(Date())
        let current = try model.episode()
        let result: (episode: EarlyHelpEpisode, contact: FrontDoorContact)
        do throws(WorkflowRefusal) { result = try EarlyHelpRules.stepUp(current, on: today, concerns: concerns, today: today, by: CaseRecorder.actor(for: user)) } catch {
            return try await render(req, model: model, errors: FormErrors([FieldIssue(field: "concerns", message: error.message)]),
                                    refill: nil, concerns: form.concerns ?? "").encodeResponse(status: .unprocessableEntity, for: req)
        }
        let now = Date()
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        // A step up within 12 months of a child's last referral is a re-referral: the measure that
        // shows whether stepping down was right.
        var isReReferral = false
        for child in model.children {
            let earlier = try await PersonQueries.history(of: child.$person.id, on: req.db).referralDates
            if ReReferral.isReReferral(today, previousReferrals: earlier) { isReReferral = true }
        }
        let reReferral = isReReferral
        let people = model.children.map(\.person)
        let contactID = try await req.db.transaction { db -> UUID in
            let reference = try await ReferenceNumbers.next(.contact, on: db)
            let contact = ContactModel(reference: reference, receivedAt: now, receivedOn: today,
                                       decisionDueAt: timescales.contactDecisionDue(receivedAt: now),
                                       sourceCode: result.contact.suggestedReferralSource ?? "5D", referrerName: user.displayName,
                                       referrerAgency: "Early help (\(model.team.name))", concerns: concerns, consent: "given", urgency: "standard")
            contact.$enteredBy.id = user.id
            contact.isReReferral = reReferral
            var workflow = result.contact
            workflow.summary = reference
            workflow.childIDs = people.compactMap { $0.id?.uuidString }
            try contact.setWorkflow(workflow, decidedBy: nil, approvedBy: nil, now: now)
            try await contact.create(on: db)
            for person in people {
                let subject = ContactSubjectModel(contactID: try contact.requireID(), isChild: true, givenName: person.givenName,
                                                  familyName: person.familyName, sex: person.sex)
                subject.$person.id = person.id
                subject.dateOfBirth = person.dateOfBirth
                subject.postcode = person.postcode
                subject.nhsNumber = person.nhsNumber
                try await subject.create(on: db)
                try await AuditLog.record(.earlyHelpSteppedUp, on: db, request: req, subjectKind: "person", subjectID: person.id,
                                          summary: "Stepped up from early help \(model.reference) to the front door as contact \(reference)")
            }
            try model.setEpisode(result.episode)
            model.$steppedUpContact.id = contact.id
            try await model.save(on: db)
            return try contact.requireID()
        }
        req.logger.info("early help stepped up", metadata: ["episode": "\(model.reference)", "contact": "\(contactID)"])
        return req.redirect(to: "/early-help/\(try model.requireID())")
    }

    // MARK: Step down

    struct StepDownForm: Content {
        var teamID: String?
        var lead: String?
        var leadRole: String?
    }

    @Sendable func stepDown(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        let form = try req.content.decode(StepDownForm.self)
        let lead = (form.lead ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let teamID = form.teamID.flatMap(UUID.init(uuidString:)),
              let team = try await TeamModel.find(teamID, on: req.db), team.kind == .earlyHelp else {
            return try await ChildPage.render(req, person: person, errors: FormErrors([FieldIssue(field: "stepDownTeam", message: "Choose the family support team")]),
                                              refill: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let snapshot = try await ChildCaseModel.query(on: req.db).filter(\.$person.$id == personID).first()?.snapshot()
            ?? CaseSnapshot(childBirthDate: person.birthDay)
        let today = Day(Date())
        let episode: EarlyHelpEpisode
        do throws(WorkflowRefusal) {
            episode = try EarlyHelpRules.stepDown(from: snapshot, familyID: person.reference, childIDs: [personID.uuidString],
                                                  leadPractitioner: Professional(name: lead, agency: .earlyHelp, role: form.leadRole),
                                                  on: today, today: today, by: CaseRecorder.actor(for: user))
        } catch {
            return try await ChildPage.render(req, person: person, errors: FormErrors([FieldIssue(field: "stepDownLead", message: error.message)]),
                                              refill: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let episodeID = try await req.db.transaction { db -> UUID in
            let model = try await EarlyHelpWrites.open(episode, teamID: teamID, children: [personID], on: db)
            try await AuditLog.record(.earlyHelpSteppedDown, on: db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Stepped down to early help \(model.reference) with \(team.name)")
            return try model.requireID()
        }
        req.logger.info("stepped down to early help", metadata: ["episode": "\(episodeID)"])
        return req.redirect(to: "/children/\(personID)")
    }
}

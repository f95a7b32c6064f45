import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children/:personID/care`: a looked-after child's care and a care leaver's pathway: placement,
/// legal status, the care clocks, the 903 episode rows Lantern derives from what was recorded,
/// missing episodes, reviews, visits, health, education, adoption and the care leaver follow-up.
struct CareController {
    func register(_ routes: LanternRoutes) {
        routes.get("children", ":personID", "care", access: .roles(ChildrenController.readers), use: show)
        routes.post("children", ":personID", "care", access: .roles(CaseworkController.caseworkers), use: record)
    }

    struct Fact: Encodable {
        let label: String
        let value: String
    }

    struct EpisodeRow: Encodable {
        let start: String
        let reasonNew: String
        let legalStatus: String
        let categoryOfNeed: String
        let placement: String
        let provider: String
        let postcode: String
        let end: String
        let reasonEnded: String
        let reasonPlaceChange: String
    }

    typealias Line = DatedLine

    struct Page: Encodable {
        let chrome: Chrome
        let id: UUID
        let name: String
        let status: String
        let facts: [Fact]
        let clocks: [ChildPage.Clock]
        let rows: [EpisodeRow]
        let missing: [Line]
        let history: [Line]
        let followUps: [Line]
        let forms: [CaseActionForm]
        let actionsURL: String
        let errors: FormErrors
        let failedAction: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        let person = try await ChildrenController.authorisedChild(req)
        return try await render(req, person: person, errors: FormErrors(), refill: nil)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        let values = CaseworkController.formValues(req)
        let actionName = values["action"]?.first ?? ""
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await render(req, person: person, errors: FormErrors([FieldIssue(field: "\(actionName)-\(field)", message: message)]),
                             refill: (actionName, values)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let action: LookedAfterAction
        do { action = try CareActionParser.parse(actionName, values: values) } catch { return try await refuse(error.field, error.message) }
        do throws(CaseRecorderError) {
            try await CaseRecorder.apply([.lookedAfter(action)], to: personID, by: user, request: req, summary: "Recorded care: \(actionName)")
        } catch {
            return try await refuse("date", error.message)
        }
        return req.redirect(to: "/children/\(personID)/care")
    }

    private func render(_ req: Request, person: PersonModel, errors: FormErrors,
                        refill: (action: String, values: [String: [String]])?) async throws -> View {
        let user = try req.user()
        let id = try person.requireID()
        let today = Day(Date())
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        let snapshot = try await ChildCaseModel.query(on: req.db).filter(\.$person.$id == id).first()?.snapshot()
            ?? CaseSnapshot(childBirthDate: person.birthDay)
        let care = snapshot.care
        let clocks = care.map { LookedAfterClocks.events(for: $0, birthDate: person.birthDay, timescales: timescales, today: today) } ?? []
        var forms = user.hasAny(CaseworkController.caseworkers) ? CareActionForms.available(for: care, snapshot: snapshot, today: today) : []
        if let refill {
            for index in forms.indices where forms[index].action == refill.action { forms[index].refill(from: refill.values) }
        }
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: id, summary: "Viewed the child's care record")
        let page = Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Care: \(person.fullName)" : "Error: Care: \(person.fullName)"),
            id: id, name: person.fullName, status: CaseClocks.stage(of: snapshot, today: today),
            facts: care.map { Self.facts($0, birthDate: person.birthDay, today: today) } ?? [],
            clocks: clocks.sorted { $0.due < $1.due }.map { ChildPage.Clock($0, timescales: timescales, today: today) },
            rows: care?.ledger.episodes.map(Self.row) ?? [],
            missing: care?.ledger.missingEpisodes.map(Self.missingLine) ?? [],
            history: care.map(Self.history) ?? [],
            followUps: care?.careLeaver?.birthdayFollowUps.map {
                Line(date: DisplayDate.long($0.contactedOn),
                     text: "\($0.age)th birthday: in touch \($0.inTouch)\($0.activity.map { ", activity \($0) " } ?? "")\($0.accommodation.map { ", accommodation \($0)" } ?? "")")
            } ?? [],
            forms: forms, actionsURL: "/children/\(id)/care", errors: errors, failedAction: refill?.action)
        return try await req.view.render("children/care", page)
    }

    static func facts(_ care: LookedAfterRecord, birthDate: Day?, today: Day) -> [Fact] {
        var facts: [Fact] = []
        if let current = care.ledger.currentEpisode {
            facts.append(Fact(label: "Legal status", value: label(LegalStatus.self, current.legalStatus)))
            facts.append(Fact(label: "Placement", value: label(PlacementType.self, current.placement.type)
                + (current.placement.postcode.map { " at \($0)" } ?? "")))
            if let provider = current.placement.provider { facts.append(Fact(label: "Provider", value: label(PlacementProvider.self, provider))) }
            if let start = care.currentPlacementStart { facts.append(Fact(label: "In this placement since", value: DisplayDate.long(start))) }
            facts.append(Fact(label: "Category of need", value: label(CategoryOfNeed.self, current.categoryOfNeed)))
        }
        if let start = care.periodStart { facts.append(Fact(label: "Period of care began", value: DisplayDate.long(start))) }
        if let plan = care.permanencePlan { facts.append(Fact(label: "Permanence plan", value: plan.label)) }
        if let uasc = care.uasc {
            facts.append(Fact(label: "Unaccompanied asylum-seeking child", value: "Since \(DisplayDate.long(uasc.since))" + (uasc.ceasedOn.map { " until \(DisplayDate.long($0))" } ?? "")))
        }
        if let leaver = care.careLeaver { facts.append(Fact(label: "Leaving care status", value: leaver.eligibility.label)) }
        if let adviser = care.personalAdviser { facts.append(Fact(label: "Personal adviser", value: adviser)) }
        if let born = birthDate { facts.append(Fact(label: "Age", value: "\(born.age(on: today))")) }
        return facts
    }

    static func label<C: CodeList>(_ list: C.Type, _ code: String) -> String {
        C(rawValue: code).map { "\(code): \($0.label)" } ?? code
    }

    static func row(_ row: CareEpisodeRow) -> EpisodeRow {
        EpisodeRow(start: DisplayDate.long(row.startDate), reasonNew: row.reasonForNewEpisode.rawValue, legalStatus: row.legalStatus,
                   categoryOfNeed: row.categoryOfNeed, placement: row.placement.type, provider: row.placement.provider ?? "",
                   postcode: row.placement.postcode ?? "", end: row.endDate.map(DisplayDate.long) ?? "",
                   reasonEnded: row.reasonEnded ?? "", reasonPlaceChange: row.reasonForPlacementChange ?? "")
    }

    static func missingLine(_ episode: MissingEpisode) -> Line {
        let kind = episode.kind == .missing ? "Missing" : "Away without authorisation"
        let end = episode.end.map { " to \(DisplayDate.long($0))" } ?? " (still missing)"
        let interview = episode.returnInterview.map { $0.accepted ? "; return interview accepted" : "; return interview offered, not accepted" } ?? ""
        return Line(date: DisplayDate.long(episode.start), text: kind + end + interview)
    }

    static func history(_ care: LookedAfterRecord) -> [Line] {
        var lines: [(Day, String)] = []
        lines += care.reviews.map { ($0.date, "Looked-after review (\(label(ReviewParticipation.self, $0.participation)))") }
        lines += care.visits.map { ($0.date, $0.seenAlone ? "Statutory visit, child seen alone" : "Statutory visit") }
        lines += care.iroContacts.map { ($0, "Contact with the independent reviewing officer") }
        lines += care.healthAssessments.map { ($0, "Health assessment") }
        lines += care.dentalChecks.map { ($0, "Dental check") }
        lines += care.immunisations.map { [($0.checkedOn, $0.upToDate ? "Immunisations up to date" : "Immunisations not up to date")] } ?? []
        lines += care.strengthsAndDifficulties.map { ($0.date, "Strengths and difficulties score \($0.score)") }
        lines += care.personalEducationPlans.map { ($0, "Personal education plan") }
        if let adoption = care.adoption {
            let steps: [(AdoptionMilestone, Day?)] = [(.decision, adoption.decisionOn), (.placementOrder, adoption.placementOrderOn),
                                                       (.matched, adoption.matchedOn), (.placed, adoption.placedOn), (.adoptionOrder, adoption.adoptionOrderOn)]
            lines += steps.compactMap { step in step.1.map { ($0, step.0.label) } }
            if let reversed = adoption.reversed { lines.append((reversed.date, "Adoption decision reversed (\(reversed.reason))")) }
        }
        if let plan = care.careLeaver?.pathwayPlan {
            lines.append((plan.madeOn, "Pathway plan made"))
            lines += plan.reviewDates.map { ($0, "Pathway plan reviewed") }
        }
        return lines.sorted { $0.0 > $1.0 }.map { Line(date: DisplayDate.long($0.0), text: $0.1) }
    }
}

/// One dated line in a list on a record page: "12 January 2026: Looked-after review".
struct DatedLine: Encodable {
    let date: String
    let text: String
}

extension CareLeaverRecord.Eligibility {
    var label: String {
        switch self {
        case .eligible: "Eligible (still looked after)"
        case .relevant: "Relevant (left care at 16 or 17)"
        case .formerRelevant: "Former relevant (18 or over)"
        case .qualifying: "Qualifying"
        }
    }
}

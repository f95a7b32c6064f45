import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/audits`: case file audits. A team manager (or a service leader) chooses a case, or has
/// Lantern draw a random sample of the team's open or closed cases, grades each section of the
/// administrator's template, sets actions and gives an overall grade. Results roll up by team
/// and by theme. Routes: team managers and service leaders only.
struct CaseAuditController {
    static let users: Set<Role> = [.teamManager, .serviceLeader]
    static let actionRows = 3

    func register(_ routes: LanternRoutes) {
        let access = RouteAccess.roles(Self.users)
        routes.get("audits", access: access, use: index)
        routes.get("audits", "new", access: access, use: new)
        routes.post("audits", access: access, use: save)
        routes.get("audits", ":auditID", access: access, use: show)
    }

    // MARK: Roll-up

    struct GradeCell: Encodable {
        let count: Int
        let share: String
    }

    struct RollUpRow: Encodable {
        let key: String
        let cells: [GradeCell]
        let total: Int
        let meetingStandard: String
    }

    struct AuditRow: Encodable {
        let id: UUID
        let child: String
        let team: String
        let auditor: String
        let date: String
        let overall: String
    }

    struct IndexPage: Encodable {
        let chrome: Chrome
        let grades: [String]
        let byTeam: [RollUpRow]
        let byTheme: [RollUpRow]
        let overall: RollUpRow
        let teamChart: String
        let themeChart: String
        let audits: [AuditRow]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.user()
        let format = req.query[String.self, at: "format"]
        // A download is an export: confirm it's you first when the last sign-in is not recent.
        if format == "csv" { try req.requireRecentAuthentication() }
        let audits = try await CaseAuditModel.query(on: req.db).with(\.$team).with(\.$person).with(\.$auditor)
            .sort(\.$auditedOn, .descending).all()
        let rollUp = CaseAuditRollUp.compute(audits.map { audit in
            CaseAuditResult(team: audit.team.name, overall: audit.overall, sections: audit.sections.map { ($0.title, $0.grade) })
        })
        func row(_ r: CaseAuditRollUp.Row) -> RollUpRow {
            RollUpRow(key: r.key, cells: CaseAuditGrade.allCases.map { GradeCell(count: r.count($0), share: Self.percent(r.percent($0))) },
                      total: r.total, meetingStandard: Self.percent(r.percentMeetingStandard))
        }
        if format == "csv" {
            let table = req.query[String.self, at: "table"] == "themes" ? "themes" : "teams"
            let rows = table == "themes" ? rollUp.byTheme : rollUp.byTeam
            let header = [table == "themes" ? "Theme" : "Team"] + CaseAuditGrade.allCases.flatMap { [$0.label, "\($0.label) (share)"] }
                + ["Audits graded", "Good or better (share)"]
            let csv = CSV.table(header, rows.map(row).map { r in
                [r.key] + r.cells.flatMap { ["\($0.count)", $0.share] } + ["\(r.total)", r.meetingStandard]
            })
            try await AuditLog.record(.reportExported, on: req.db, request: req, summary: "Downloaded case audit results by \(table)")
            return CSV.response(csv, filename: "lantern-case-audits-by-\(table).csv")
        }
        // Individual audits name children: a manager sees the team's own, a leader every one,
        // and nobody sees a restricted record they are not named on.
        let hidden = try await RestrictedRecords.hiddenPersonIDs(from: user, on: req.db)
        let visible = audits.filter { audit in
            !hidden.contains(audit.$person.id) && (user.has(.serviceLeader) || audit.$team.id == user.teamID)
        }
        let page = IndexPage(
            chrome: Chrome(request: req, title: "Case audits"), grades: CaseAuditGrade.allCases.map(\.label),
            byTeam: rollUp.byTeam.map(row), byTheme: rollUp.byTheme.map(row), overall: row(rollUp.overall),
            teamChart: Self.gradeChart("Overall grades by team", rollUp.byTeam),
            themeChart: Self.gradeChart("Section grades by theme", rollUp.byTheme),
            audits: visible.map { audit in
                AuditRow(id: audit.id!, child: "\(audit.person.fullName) (\(audit.person.reference))", team: audit.team.name,
                         auditor: audit.auditor.displayName, date: Day(iso: audit.auditedOn).map(DisplayDate.long) ?? audit.auditedOn,
                         overall: audit.overall.label)
            })
        return try await req.view.render("audits/index", page).encodeResponse(for: req)
    }

    /// Each row's grades as one bar split by share: green for outstanding to red for inadequate.
    static func gradeChart(_ title: String, _ rows: [CaseAuditRollUp.Row]) -> String {
        SVGChart.stackedShares(title: title, categories: CaseAuditGrade.allCases.map(\.label),
                               colours: ["#00703c", "#85994b", "#f47738", "#d4351c"],
                               rows: rows.map { row in (row.key, CaseAuditGrade.allCases.map { row.percent($0) ?? 0 }) })
    }

    static func percent(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))%" } ?? "–" }

    // MARK: Choosing a case

    struct SampleRow: Encodable {
        let id: UUID
        let name: String
        let reference: String
        let status: String
    }

    struct ChoosePage: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let reference: String
        let size: String
        let statuses: [FormOption]
        let teams: [FormOption]
        let sample: [SampleRow]?
    }

    /// Without a child: choose one by reference or draw a sample. With `person`: the audit form.
    @Sendable func new(req: Request) async throws -> Response {
        if let personID = req.query[UUID.self, at: "person"] {
            let target = try await Self.authorisedCase(req, personID: personID)
            try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Opened for case audit")
            var form = AuditForm()
            form.date = DisplayDate.entry(Day(Date()))
            return try await renderAudit(req, target: target, form: form, errors: FormErrors()).encodeResponse(for: req)
        }
        let user = try req.user()
        let reference = (req.query[String.self, at: "reference"] ?? "").trimmingCharacters(in: .whitespaces)
        let size = req.query[String.self, at: "size"] ?? "5"
        let status = req.query[String.self, at: "status"] == "closed" ? "closed" : "open"
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let chosenTeam = user.has(.serviceLeader) ? (req.query[UUID.self, at: "team"] ?? user.teamID ?? teams.first?.id) : user.teamID
        var issues: [FieldIssue] = []
        var sample: [SampleRow]?
        if req.query[String.self, at: "choose"] != nil {
            if let person = try await PersonModel.query(on: req.db).filter(\.$reference == reference).filter(\.$isChild == true).first(),
               let id = person.id {
                return req.redirect(to: "/audits/new?person=\(id)")
            }
            issues.append(FieldIssue(field: "reference", message: reference.isEmpty ? "Enter the child's reference" : "No child has the reference \(reference)"))
        } else if req.query[String.self, at: "draw"] != nil {
            if let n = Int(size.trimmingCharacters(in: .whitespaces)), (1...CaseAuditSample.maximum).contains(n), let teamID = chosenTeam {
                var generator = SystemRandomNumberGenerator()
                let hidden = try await RestrictedRecords.hiddenPersonIDs(from: user, on: req.db)
                let candidates = try await Self.teamCases(teamID: teamID, open: status == "open", on: req.db)
                    .filter { !hidden.contains($0.id!) }
                sample = CaseAuditSample.draw(n, from: candidates, using: &generator).map {
                    SampleRow(id: $0.id!, name: $0.fullName, reference: $0.reference, status: status == "open" ? "Open" : "Closed")
                }
            } else {
                issues.append(FieldIssue(field: "size", message: "Enter a number of cases from 1 to \(CaseAuditSample.maximum)"))
            }
        }
        let page = ChoosePage(
            chrome: Chrome(request: req, title: issues.isEmpty ? "Audit a case" : "Error: Audit a case"), errors: FormErrors(issues),
            reference: reference, size: size,
            statuses: [FormOption(value: "open", label: "Open cases", selected: status == "open"),
                       FormOption(value: "closed", label: "Closed cases", selected: status == "closed")],
            teams: user.has(.serviceLeader) ? teams.map { FormOption(value: $0.id!.uuidString, label: $0.name, selected: $0.id == chosenTeam) } : [],
            sample: sample)
        return try await req.view.render("audits/choose", page).encodeResponse(status: issues.isEmpty ? .ok : .unprocessableEntity, for: req)
    }

    /// The team's open cases (an open allocation with the team), or its closed ones (a closed
    /// case whose last allocation was with the team).
    static func teamCases(teamID: UUID, open: Bool, on db: any Database) async throws -> [PersonModel] {
        if open {
            let ids = try await AllocationModel.query(on: db).filter(\.$team.$id == teamID).filter(\.$endedOn == nil).all().map(\.$person.id)
            return ids.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$id ~~ Array(Set(ids))).filter(\.$isChild == true).all()
        }
        let closed = try await ChildCaseModel.query(on: db).filter(\.$isOpen == false).all().map(\.$person.id)
        guard !closed.isEmpty else { return [] }
        let allocations = try await AllocationModel.query(on: db).filter(\.$person.$id ~~ closed).all()
        let last = Dictionary(grouping: allocations, by: \.$person.id).compactMapValues { $0.max { $0.startedOn < $1.startedOn } }
        let ids = last.filter { $0.value.$team.id == teamID && $0.value.endedOn != nil }.map(\.key)
        return ids.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$id ~~ ids).all()
    }

    /// A case this user may audit, and the team it rolls up to.
    struct Target {
        let person: PersonModel
        let teamID: UUID
        let teamName: String
    }

    /// The child access policy decides, as for opening the record: an open case belongs to the team
    /// allocated; a closed one to the team that last held it, so its manager may audit it. Audit
    /// never offers break-glass.
    static func authorisedCase(_ req: Request, personID: UUID) async throws -> Target {
        let user = try req.user()
        guard let person = try await PersonModel.find(personID, on: req.db), person.isChild else {
            throw LanternError.notFound(what: "that child's case")
        }
        let allocations = try await AllocationModel.query(on: req.db).filter(\.$person.$id == personID).with(\.$team).all()
        let open = allocations.filter { $0.endedOn == nil }
        let holding = open.isEmpty ? allocations.max { $0.startedOn < $1.startedOn }.map { [$0] } ?? [] : open
        guard let team = holding.first?.team else { throw LanternError.notFound(what: "a team that held that child's case") }
        let decision = ChildAccessPolicy().decide(.init(userID: user.id, roles: user.roles, teamID: user.teamID),
                                                  openAllocations: holding.map { .init(teamID: $0.$team.id, workerID: $0.$worker.id) },
                                                  restriction: try await RestrictedRecords.restriction(of: person, on: req.db))
        guard decision == .allowed else {
            try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Refused: case audit of a case outside the auditor's team")
            throw LanternError.forbidden
        }
        // The manager's own team's allocation when there are several open ones.
        let mine = holding.first { $0.$team.id == user.teamID }?.team ?? team
        return Target(person: person, teamID: mine.id!, teamName: mine.name)
    }

    // MARK: The audit form

    struct AuditForm {
        var fields: [String: String] = [:]
        var date: String? {
            get { fields["date"] }
            set { fields["date"] = newValue }
        }
        subscript(_ key: String) -> String { fields[key] ?? "" }
    }

    struct SectionField: Encodable {
        let index: Int
        let title: String
        let prompt: String
        let grades: [FormOption]
        let comment: String
        let gradeError: String?
        let commentError: String?
    }

    struct ActionField: Encodable {
        let index: Int
        let text: String
        let owner: String
        let due: String
        let error: String?
    }

    struct AuditPage: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let personID: UUID
        let child: String
        let team: String
        let date: String
        let sections: [SectionField]
        let overall: [FormOption]
        let summary: String
        let actions: [ActionField]
    }

    private func renderAudit(_ req: Request, target: Target, form: AuditForm, errors: FormErrors) async throws -> View {
        let template = try await CaseAuditSectionModel.template(on: req.db)
        func options(_ name: String) -> [FormOption] {
            CaseAuditGrade.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: form[name] == $0.rawValue) }
        }
        let page = AuditPage(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Audit a case" : "Error: Audit a case"), errors: errors,
            personID: target.person.id!, child: "\(target.person.fullName) (\(target.person.reference))", team: target.teamName,
            date: form["date"],
            sections: template.sections.enumerated().map { i, s in
                SectionField(index: i, title: s.title, prompt: s.prompt, grades: options("grade\(i)"), comment: form["comment\(i)"],
                             gradeError: errors.byField["grade\(i)"], commentError: errors.byField["comment\(i)"])
            },
            overall: options("overall"), summary: form["summary"],
            actions: (0..<Self.actionRows).map { i in
                ActionField(index: i, text: form["actionText\(i)"], owner: form["actionOwner\(i)"], due: form["actionDue\(i)"],
                            error: errors.byField["actionText\(i)"])
            })
        return try await req.view.render("audits/audit", page)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let user = try req.user()
        let fields = try req.content.decode([String: String].self)
        guard let personID = fields["person"].flatMap(UUID.init(uuidString:)) else { throw LanternError.notFound(what: "that child's case") }
        let target = try await Self.authorisedCase(req, personID: personID)
        let form = AuditForm(fields: fields)
        let template = try await CaseAuditSectionModel.template(on: req.db)
        var issues: [FieldIssue] = []
        var graded: [CaseAuditModel.GradedSection] = []
        for (i, section) in template.sections.enumerated() {
            let comment = form["comment\(i)"].trimmingCharacters(in: .whitespacesAndNewlines)
            guard let grade = CaseAuditGrade(rawValue: form["grade\(i)"]) else {
                issues.append(FieldIssue(field: "grade\(i)", message: "Choose a grade for \(section.title.lowercased())"))
                continue
            }
            // A grade below good must say why, or nobody can act on it.
            if !grade.meetsStandard && comment.isEmpty {
                issues.append(FieldIssue(field: "comment\(i)", message: "Say why \(section.title.lowercased()) \(grade == .inadequate ? "is inadequate" : "requires improvement")"))
            }
            graded.append(.init(title: section.title, prompt: section.prompt, grade: grade, comment: comment))
        }
        let overall = CaseAuditGrade(rawValue: form["overall"])
        if overall == nil { issues.append(FieldIssue(field: "overall", message: "Choose an overall grade")) }
        var day: Day?
        do { day = try DateEntry.parse(form["date"]) } catch { issues.append(FieldIssue(field: "date", message: error.message)) }
        var actions: [CaseAuditAction] = []
        for i in 0..<Self.actionRows {
            let text = form["actionText\(i)"].trimmingCharacters(in: .whitespacesAndNewlines)
            let owner = form["actionOwner\(i)"].trimmingCharacters(in: .whitespacesAndNewlines)
            let due = form["actionDue\(i)"].trimmingCharacters(in: .whitespaces)
            if text.isEmpty && owner.isEmpty && due.isEmpty { continue }
            guard !text.isEmpty, !owner.isEmpty, let dueDay = try? DateEntry.parse(due) else {
                issues.append(FieldIssue(field: "actionText\(i)", message: "Action \(i + 1): enter what must be done, who will do it and the date it is due, for example 27 3 2026"))
                continue
            }
            actions.append(CaseAuditAction(text: text, owner: owner, due: dueDay))
        }
        if actions.isEmpty && graded.contains(where: { !$0.grade.meetsStandard }) {
            issues.append(FieldIssue(field: "actionText0", message: "Set at least one action: a section is graded below good"))
        }
        guard issues.isEmpty, let overall, let day else {
            return try await renderAudit(req, target: target, form: form, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let audit = CaseAuditModel(personID: personID, teamID: target.teamID, auditorID: user.id, auditedOn: day, overall: overall,
                                   sections: graded, actions: actions,
                                   summary: form["summary"].trimmingCharacters(in: .whitespacesAndNewlines))
        let summary = "Case file audited: overall \(overall.label.lowercased()), \(actions.count) actions"
        try await req.db.transaction { db in
            try await audit.create(on: db)
            try await AuditLog.record(.caseAudited, on: db, request: req, subjectKind: "person", subjectID: personID, summary: summary)
        }
        return req.redirect(to: "/audits/\(audit.id!)")
    }

    // MARK: One audit

    struct ShowPage: Encodable {
        struct Section: Encodable {
            let title: String
            let prompt: String
            let grade: String
            let comment: String
        }
        struct Action: Encodable {
            let text: String
            let owner: String
            let due: String
        }
        let chrome: Chrome
        let personID: UUID
        let child: String
        let team: String
        let auditor: String
        let date: String
        let overall: String
        let summary: String
        let sections: [Section]
        let actions: [Action]
    }

    @Sendable func show(req: Request) async throws -> View {
        guard let id = req.parameters.get("auditID", as: UUID.self),
              let audit = try await CaseAuditModel.query(on: req.db).filter(\.$id == id).with(\.$team).with(\.$auditor).first() else {
            throw LanternError.notFound(what: "that audit")
        }
        let target = try await Self.authorisedCase(req, personID: audit.$person.id)
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: audit.$person.id,
                                  summary: "Viewed a case audit")
        return try await req.view.render("audits/show", ShowPage(
            chrome: Chrome(request: req, title: "Case audit"), personID: audit.$person.id,
            child: "\(target.person.fullName) (\(target.person.reference))", team: audit.team.name, auditor: audit.auditor.displayName,
            date: Day(iso: audit.auditedOn).map(DisplayDate.long) ?? audit.auditedOn, overall: audit.overall.label, summary: audit.summary,
            sections: audit.sections.map { .init(title: $0.title, prompt: $0.prompt, grade: $0.grade.label, comment: $0.comment) },
            actions: audit.actions.map { .init(text: $0.text, owner: $0.owner, due: DisplayDate.long($0.due)) }))
    }
}

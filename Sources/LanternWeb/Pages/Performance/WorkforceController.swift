import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/performance/workforce`: staff per team, establishment and vacancies, agency staff, sickness
/// absence and caseloads: the figures of the DfE children's social work workforce census.
/// Viewing: the performance page's users. Recording absence: team managers, for their own team.
/// Establishments: administrators. `/admin/users/:userID/employment` (agency, FTE): administrators.
struct WorkforceController {
    func register(_ routes: LanternRoutes) {
        routes.get("performance", "workforce", access: .roles(PerformanceController.users), use: show)
        routes.post("performance", "workforce", "absence", access: .roles([.teamManager]), use: recordAbsence)
        routes.post("performance", "workforce", "establishment", access: .roles([.administrator]), use: setEstablishment)
        routes.get("admin", "users", ":userID", "employment", access: .roles([.administrator]), use: employment)
        routes.post("admin", "users", ":userID", "employment", access: .roles([.administrator]), use: saveEmployment)
    }

    struct Row: Encodable {
        let team: String
        let headcount: Int
        let socialWorkers: Int
        let managers: Int
        let fte: String
        let agency: String
        let establishment: String
        let vacancies: String
        let vacancyRate: String
        let absenceDays: String
        let caseload: String
        let weightedCaseload: String

        var cells: [String] {
            [team, "\(headcount)", "\(socialWorkers)", "\(managers)", fte, agency, establishment, vacancies, vacancyRate, absenceDays, caseload, weightedCaseload]
        }

        static let header = ["Team", "Headcount", "Social workers", "Managers", "FTE", "Agency workers", "Establishment (FTE)",
                             "Vacancies (FTE)", "Vacancy rate", "Sickness absence days (12 months)", "Average caseload",
                             "Average weighted caseload"]
    }

    struct AbsenceForm: Content {
        var worker: String?
        var month: String?
        var days: String?
    }

    struct EstablishmentForm: Content {
        var team: String?
        var posts: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let period: String
        let header: [String]
        let rows: [Row]
        let service: Row
        let errors: FormErrors
        let canRecordAbsence: Bool
        let workers: [FormOption]
        let months: [FormOption]
        let days: String
        let canSetEstablishment: Bool
        let teams: [FormOption]
        let posts: String
    }

    /// The 12 months ending with this one, newest first, as "2026-11".
    static func recentMonths(_ today: Day = Day(Date())) -> [(key: String, label: String)] {
        (0..<12).map { back in
            let total = today.year * 12 + (today.month - 1) - back
            let (year, month) = (total / 12, total % 12 + 1)
            return (String(format: "%04d-%02d", year, month), "\(DisplayDate.months[month - 1]) \(year)")
        }
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.query[String.self, at: "format"] == "csv" { try req.requireRecentAuthentication() }
        let (rows, service, period) = try await figures(req)
        if req.query[String.self, at: "format"] == "csv" {
            try await AuditLog.record(.reportExported, on: req.db, request: req, summary: "Downloaded workforce figures")
            return CSV.response(CSV.table(Row.header, (rows + [service]).map(\.cells)), filename: "lantern-workforce.csv")
        }
        return try await render(req, rows: rows, service: service, period: period, absence: AbsenceForm(), establishment: EstablishmentForm(),
                                errors: FormErrors()).encodeResponse(for: req)
    }

    private func figures(_ req: Request) async throws -> (rows: [Row], service: Row, period: String) {
        let months = Self.recentMonths()
        let staff = try await StaffUserModel.query(on: req.db).filter(\.$active == true).all()
            .filter { $0.$team.id != nil && ($0.roles.contains(.socialWorker) || $0.roles.contains(.teamManager)) }
        let employment = Dictionary(try await StaffEmploymentModel.query(on: req.db).all().map { ($0.$user.id, $0) }, uniquingKeysWith: { a, _ in a })
        let absences = try await SicknessAbsenceModel.query(on: req.db).filter(\.$month ~~ months.map(\.key)).all()
        let absenceByWorker = Dictionary(grouping: absences, by: \.$worker.id).mapValues { $0.reduce(0) { $0 + $1.days } }
        let establishments = Dictionary(try await TeamEstablishmentModel.query(on: req.db).all().map { ($0.$team.id, $0.posts) }, uniquingKeysWith: { a, _ in a })
        let cases = try await CaseloadQueries.openCases(on: req.db)
        let weights = try await CaseloadWeightsModel.current(on: req.db)
        let casesByWorker = Dictionary(grouping: cases.filter { $0.workerID != nil }, by: { $0.workerID! })
        let teamIDs = Set(staff.compactMap(\.$team.id)).union(establishments.keys)
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all().filter { teamIDs.contains($0.id!) }
        var groups: [(members: [Workforce.Member], establishment: Double?)] = []
        var rows: [Row] = []
        for team in teams {
            let members = staff.filter { $0.$team.id == team.id }.map { user in
                let mine = casesByWorker[user.id!] ?? []
                return Workforce.Member(isManager: user.roles.contains(.teamManager), agency: employment[user.id!]?.agency ?? false,
                                        fte: employment[user.id!]?.fte ?? 1, cases: mine.count,
                                        weightedCases: mine.reduce(0) { $0 + weights.weight(of: $1.category ?? .assessment) },
                                        absenceDays: absenceByWorker[user.id!] ?? 0)
            }
            groups.append((members, establishments[team.id!]))
            rows.append(row(team.name, Workforce.figures(members, establishment: establishments[team.id!])))
        }
        let period = "\(months.last!.label) to \(months.first!.label)"
        return (rows, row("All teams", Workforce.service(groups)), period)
    }

    private func row(_ name: String, _ f: Workforce.Figures) -> Row {
        Row(team: name, headcount: f.headcount, socialWorkers: f.socialWorkers, managers: f.managers, fte: Self.number(f.fte),
            agency: "\(f.agencyHeadcount)" + (f.agencyRate.map { " (\(Int($0.rounded()))% of FTE)" } ?? ""),
            establishment: Self.number(f.establishment), vacancies: Self.number(f.vacancies),
            vacancyRate: f.vacancyRate.map { "\(Int($0.rounded()))%" } ?? "–", absenceDays: Self.number(f.absenceDays),
            caseload: Self.number(f.averageCaseload), weightedCaseload: Self.number(f.averageWeightedCaseload))
    }

    /// The manager's own team's social workers and managers, for the absence form.
    private func teamMembers(_ req: Request) async throws -> [StaffUserModel] {
        guard let teamID = try req.user().teamID else { return [] }
        return try await StaffUserModel.query(on: req.db).filter(\.$team.$id == teamID).filter(\.$active == true).sort(\.$displayName).all()
            .filter { $0.roles.contains(.socialWorker) || $0.roles.contains(.teamManager) }
    }

    private func render(_ req: Request, rows: [Row], service: Row, period: String, absence: AbsenceForm, establishment: EstablishmentForm,
                        errors: FormErrors) async throws -> View {
        let user = try req.user()
        let canRecord = user.has(.teamManager)
        let members = canRecord ? try await teamMembers(req) : []
        let canSet = user.has(.administrator)
        let teams = canSet ? try await TeamModel.query(on: req.db).sort(\.$name).all() : []
        let chosenMonth = absence.month ?? Self.recentMonths().first!.key
        return try await req.view.render("performance/workforce", Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Workforce" : "Error: Workforce"), period: period,
            header: Row.header, rows: rows, service: service, errors: errors, canRecordAbsence: canRecord,
            workers: members.map { FormOption(value: $0.id!.uuidString, label: $0.displayName, selected: absence.worker == $0.id!.uuidString) },
            months: Self.recentMonths().map { FormOption(value: $0.key, label: $0.label, selected: $0.key == chosenMonth) },
            days: absence.days ?? "", canSetEstablishment: canSet,
            teams: teams.map { FormOption(value: $0.id!.uuidString, label: $0.name, selected: establishment.team == $0.id!.uuidString) },
            posts: establishment.posts ?? ""))
    }

    private func refuse(_ req: Request, absence: AbsenceForm = AbsenceForm(), establishment: EstablishmentForm = EstablishmentForm(),
                        _ issues: [FieldIssue]) async throws -> Response {
        let (rows, service, period) = try await figures(req)
        return try await render(req, rows: rows, service: service, period: period, absence: absence, establishment: establishment,
                                errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
    }

    @Sendable func recordAbsence(req: Request) async throws -> Response {
        let user = try req.user()
        let form = try req.content.decode(AbsenceForm.self)
        var issues: [FieldIssue] = []
        let worker = try await teamMembers(req).first { $0.id?.uuidString == form.worker }
        if worker == nil { issues.append(FieldIssue(field: "worker", message: "Choose a member of your team")) }
        let month = Self.recentMonths().first { $0.key == form.month }
        if month == nil { issues.append(FieldIssue(field: "month", message: "Choose one of the last 12 months")) }
        var days: Double?
        switch Workforce.parse(form.days ?? "", in: Workforce.absenceDaysInAMonth) {
        case .success(let value): days = value
        case .failure(let problem): issues.append(FieldIssue(field: "days", message: problem.message))
        }
        guard issues.isEmpty, let worker, let month, let days else { return try await refuse(req, absence: form, issues) }
        let existing = try await SicknessAbsenceModel.query(on: req.db).filter(\.$worker.$id == worker.id!).filter(\.$month == month.key).first()
        let summary = "Recorded \(Self.number(days)) sickness absence days in \(month.key) for \(worker.username)"
        try await req.db.transaction { db in
            let record = existing ?? SicknessAbsenceModel(workerID: worker.id!, month: month.key, days: days, recordedBy: user.id)
            record.days = days
            record.recordedBy = user.id
            record.recordedAt = Date()
            try await record.save(on: db)
            try await AuditLog.record(.workforceRecorded, on: db, request: req, subjectKind: "user", subjectID: worker.id, summary: summary)
        }
        return req.redirect(to: "/performance/workforce")
    }

    @Sendable func setEstablishment(req: Request) async throws -> Response {
        let form = try req.content.decode(EstablishmentForm.self)
        var issues: [FieldIssue] = []
        var team: TeamModel?
        if let id = form.team.flatMap(UUID.init(uuidString:)) { team = try await TeamModel.find(id, on: req.db) }
        if team == nil { issues.append(FieldIssue(field: "team", message: "Choose a team")) }
        var posts: Double?
        switch Workforce.parse(form.posts ?? "", in: Workforce.establishmentPosts) {
        case .success(let value): posts = value
        case .failure(let problem): issues.append(FieldIssue(field: "posts", message: problem.message))
        }
        guard issues.isEmpty, let team, let posts else { return try await refuse(req, establishment: form, issues) }
        let existing = try await TeamEstablishmentModel.query(on: req.db).filter(\.$team.$id == team.id!).first()
        let summary = "Set the establishment of \(team.name) to \(Self.number(posts)) FTE posts"
        try await req.db.transaction { db in
            let record = existing ?? TeamEstablishmentModel(teamID: team.id!, posts: posts)
            record.posts = posts
            try await record.save(on: db)
            try await AuditLog.record(.workforceRecorded, on: db, request: req, subjectKind: "team", subjectID: team.id, summary: summary)
        }
        return req.redirect(to: "/performance/workforce")
    }

    // MARK: Employment (admin)

    struct EmploymentForm: Content {
        var agency: String?
        var fte: String?
    }

    struct EmploymentPage: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let userID: UUID
        let name: String
        let agency: Bool
        let fte: String
    }

    private func staffUser(_ req: Request) async throws -> StaffUserModel {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await StaffUserModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that user")
        }
        return user
    }

    @Sendable func employment(req: Request) async throws -> View {
        let user = try await staffUser(req)
        let current = try await StaffEmploymentModel.query(on: req.db).filter(\.$user.$id == user.id!).first()
        return try await req.view.render("admin/employment", EmploymentPage(
            chrome: Chrome(request: req, title: "Employment: \(user.displayName)"), errors: FormErrors(), userID: user.id!,
            name: user.displayName, agency: current?.agency ?? false, fte: Self.number(current?.fte ?? 1)))
    }

    @Sendable func saveEmployment(req: Request) async throws -> Response {
        let user = try await staffUser(req)
        let form = try req.content.decode(EmploymentForm.self)
        let agency = form.agency == "yes"
        var fte: Double?
        switch Workforce.parse(form.fte ?? "", in: Workforce.fteRange) {
        case .success(let value): fte = value
        case .failure(let problem):
            return try await req.view.render("admin/employment", EmploymentPage(
                chrome: Chrome(request: req, title: "Error: Employment: \(user.displayName)"),
                errors: FormErrors([FieldIssue(field: "fte", message: problem.message)]), userID: user.id!, name: user.displayName,
                agency: agency, fte: form.fte ?? "")).encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard let fte else { throw LanternError.notFound(what: "that user") }
        let existing = try await StaffEmploymentModel.query(on: req.db).filter(\.$user.$id == user.id!).first()
        let summary = "Employment of \(user.username): \(agency ? "agency" : "employed"), \(Self.number(fte)) FTE"
        try await req.db.transaction { db in
            let record = existing ?? StaffEmploymentModel(userID: user.id!, agency: agency, fte: fte)
            record.agency = agency
            record.fte = fte
            try await record.save(on: db)
            try await AuditLog.record(.workforceRecorded, on: db, request: req, subjectKind: "user", subjectID: user.id, summary: summary)
        }
        return req.redirect(to: "/admin/users")
    }
}

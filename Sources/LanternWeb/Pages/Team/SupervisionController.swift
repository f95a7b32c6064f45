import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/team/supervision`: a manager records supervision with a worker, ticking the cases discussed
/// and recording the direction given. Each case gets a management oversight note.
struct SupervisionController {

    struct Form: Content {
        var worker: String?
        var date: String?
        var cases: [String]?
        var notes: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let workers: [FormOption]
        let cases: [FormOption]
        let date: String
        let notes: String
        let chosenWorker: String
    }

    func register(_ routes: LanternRoutes) {
        routes.get("team", "supervision", "new", access: .roles([.teamManager]), use: new)
        routes.post("team", "supervision", access: .roles([.teamManager]), use: save)
    }

    @Sendable func new(req: Request) async throws -> View {
        var form = Form()
        form.worker = req.query[String.self, at: "worker"]
        form.date = DisplayDate.entry(Day(Date()))
        return try await render(req, form: form, errors: FormErrors())
    }

    @Sendable func save(req: Request) async throws -> Response {
        let user = try req.user()
        let form = try req.content.decode(Form.self)
        var issues: [FieldIssue] = []
        let members = try await teamMembers(req)
        let worker = members.first { $0.id?.uuidString == form.worker }
        if worker == nil { issues.append(FieldIssue(field: "worker", message: "Choose a worker in your team")) }
        var day: Day?
        do { day = try DateEntry.parse(form.date ?? "") } catch { issues.append(FieldIssue(field: "date", message: error.message)) }
        let notes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.isEmpty { issues.append(FieldIssue(field: "notes", message: "Record what was discussed and the direction given")) }
        // Only the worker's own open cases can be ticked: a tampered form cannot note other children.
        var allowed = Set<UUID>()
        if let workerID = worker?.id {
            allowed = Set(try await CaseloadQueries.openCases(workerID: workerID, on: req.db).map(\.personID))
        }
        let cases = (form.cases ?? []).compactMap(UUID.init(uuidString:)).filter { allowed.contains($0) }
        guard issues.isEmpty, let worker, let day else {
            return try await render(req, form: form, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        try await req.db.transaction { db in
            let supervision = SupervisionModel(workerID: worker.id!, supervisorID: user.id, heldOn: day, cases: cases, notes: notes)
            try await supervision.create(on: db)
            for personID in cases {
                try await CaseNoteModel(personID: personID, kind: .managementOversight, occurredOn: day, childSeen: false, seenAlone: false,
                                        text: "Discussed in supervision with \(worker.displayName). \(notes)", significant: false, authorID: user.id).create(on: db)
                try await CaseWrites.refresh(personID, timescales: timescales, on: db)
                try await AuditLog.record(.noteRecorded, on: db, request: req, subjectKind: "person", subjectID: personID, summary: "Case discussed in supervision")
            }
            try await AuditLog.record(.supervisionRecorded, on: db, request: req, subjectKind: "user", subjectID: worker.id,
                                      summary: "Supervision with \(worker.username), \(cases.count) cases discussed")
        }
        return req.redirect(to: "/team#supervision")
    }

    private func teamMembers(_ req: Request) async throws -> [StaffUserModel] {
        guard let teamID = try req.user().teamID else { return [] }
        return try await StaffUserModel.query(on: req.db).filter(\.$team.$id == teamID).filter(\.$active == true).sort(\.$displayName).all()
            .filter { $0.roles.contains(.socialWorker) }
    }

    private func render(_ req: Request, form: Form, errors: FormErrors) async throws -> View {
        let members = try await teamMembers(req)
        let workerID = members.first { $0.id?.uuidString == form.worker }?.id
        var cases: [CaseloadQueries.OpenCase] = []
        if let workerID { cases = try await CaseloadQueries.openCases(workerID: workerID, on: req.db) }
        let ticked = Set(form.cases ?? [])
        return try await req.view.render("supervision", Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Record supervision" : "Error: Record supervision"), errors: errors,
            workers: members.map { FormOption(value: $0.id!.uuidString, label: $0.displayName, selected: $0.id == workerID) },
            cases: cases.map { FormOption(value: $0.personID.uuidString, label: "\($0.name) (\($0.reference)) · \($0.stage)", selected: ticked.contains($0.personID.uuidString)) },
            date: form.date ?? "", notes: form.notes ?? "", chosenWorker: workerID?.uuidString ?? ""))
    }
}

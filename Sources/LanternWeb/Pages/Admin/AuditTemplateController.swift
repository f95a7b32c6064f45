import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/audit-template`: the sections a case file audit grades, each with its question.
/// Administrators only. Past audits keep their own copy of the sections they were graded on.
struct AuditTemplateController {
    struct SectionRow: Encodable {
        let id: UUID
        let title: String
        let prompt: String
    }

    struct Form: Content {
        var title: String?
        var prompt: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let sections: [SectionRow]
        let errors: FormErrors
        let form: Form
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "audit-template", access: admin, use: show)
        routes.post("admin", "audit-template", access: admin, use: add)
        routes.post("admin", "audit-template", ":sectionID", "delete", access: admin, use: delete)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await render(req, form: Form(), errors: FormErrors())
    }

    @Sendable func add(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let stored = try await CaseAuditSectionModel.query(on: req.db).sort(\.$position).all()
        let template = CaseAuditTemplate(sections: stored.map { .init(title: $0.title, prompt: $0.prompt) })
        let problems = template.problems(addingTitle: form.title ?? "", prompt: form.prompt ?? "")
        guard problems.isEmpty else {
            return try await render(req, form: form, errors: FormErrors(problems.map { FieldIssue(field: $0.field, message: $0.message) }))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let section = CaseAuditSectionModel(position: (stored.map(\.position).max() ?? -1) + 1,
                                            title: (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                            prompt: (form.prompt ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        try await req.db.transaction { db in
            try await section.create(on: db)
            try await AuditLog.record(.auditTemplateChanged, on: db, request: req, subjectKind: "audit-template", subjectID: section.id,
                                      summary: "Added case audit section \"\(section.title)\"")
        }
        return req.redirect(to: "/admin/audit-template")
    }

    @Sendable func delete(req: Request) async throws -> Response {
        guard let id = req.parameters.get("sectionID", as: UUID.self), let section = try await CaseAuditSectionModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that audit section")
        }
        try await req.db.transaction { db in
            try await section.delete(on: db)
            try await AuditLog.record(.auditTemplateChanged, on: db, request: req, subjectKind: "audit-template", subjectID: id,
                                      summary: "Removed case audit section \"\(section.title)\"")
        }
        return req.redirect(to: "/admin/audit-template")
    }

    private func render(_ req: Request, form: Form, errors: FormErrors) async throws -> View {
        let sections = try await CaseAuditSectionModel.query(on: req.db).sort(\.$position).all()
        return try await req.view.render("admin/audit-template", Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Case audit template" : "Error: Case audit template"),
            sections: sections.map { SectionRow(id: $0.id!, title: $0.title, prompt: $0.prompt) }, errors: errors, form: form))
    }
}

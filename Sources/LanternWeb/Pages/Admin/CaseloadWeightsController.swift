import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/caseload-weights`: how much each kind of case counts in a weighted caseload (the Team
/// page and the workforce figures). Administrators only.
struct CaseloadWeightsController {
    struct Field: Encodable {
        let name: String
        let label: String
        let value: String
        let error: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let errors: FormErrors
        let fields: [Field]
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "caseload-weights", access: admin, use: show)
        routes.post("admin", "caseload-weights", access: admin, use: save)
    }

    @Sendable func show(req: Request) async throws -> View {
        let current = try await CaseloadWeightsModel.current(on: req.db)
        let typed = Dictionary(uniqueKeysWithValues: CaseloadCategory.allCases.map { ($0, String(format: "%g", current.weight(of: $0))) })
        return try await render(req, typed: typed, problems: [:])
    }

    @Sendable func save(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let typed = Dictionary(uniqueKeysWithValues: CaseloadCategory.allCases.map { ($0, fields[$0.rawValue] ?? "") })
        switch CaseloadWeights.parse(typed) {
        case .failure(let problems):
            return try await render(req, typed: typed, problems: problems.byCategory).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let weights):
            let existing = try await CaseloadWeightsModel.query(on: req.db).first()
            let summary = "Caseload weights: \(weights.summary)"
            try await req.db.transaction { db in
                let record = existing ?? CaseloadWeightsModel(weights: weights)
                record.set(weights)
                try await record.save(on: db)
                try await AuditLog.record(.caseloadWeightsChanged, on: db, request: req, subjectKind: "caseload-weights", subjectID: record.id, summary: summary)
            }
            return req.redirect(to: "/admin/caseload-weights")
        }
    }

    private func render(_ req: Request, typed: [CaseloadCategory: String], problems: [CaseloadCategory: String]) async throws -> View {
        let issues = CaseloadCategory.allCases.compactMap { c in problems[c].map { FieldIssue(field: c.rawValue, message: $0) } }
        return try await req.view.render("admin/caseload-weights", Page(
            chrome: Chrome(request: req, title: issues.isEmpty ? "Caseload weights" : "Error: Caseload weights"), errors: FormErrors(issues),
            fields: CaseloadCategory.allCases.map { Field(name: $0.rawValue, label: $0.label, value: typed[$0] ?? "", error: problems[$0]) }))
    }
}

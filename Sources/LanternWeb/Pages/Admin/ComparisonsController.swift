import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/comparisons`: England's and statistical neighbours' published figures, which the
/// performance page shows beside Lantern's. Administrators only.
struct ComparisonsController {
    struct FigureRow: Encodable {
        let id: UUID
        let measure: String
        let group: String
        let year: Int
        let value: String
    }

    struct Form: Content {
        var measure: String?
        var group: String?
        var year: String?
        var percent: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let figures: [FigureRow]
        let errors: FormErrors
        let form: Form
        let measures: [FormOption]
        let groups: [FormOption]
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "comparisons", access: admin, use: show)
        routes.post("admin", "comparisons", access: admin, use: save)
        routes.post("admin", "comparisons", ":figureID", "delete", access: admin, use: delete)
    }

    @Sendable func show(req: Request) async throws -> View {
        try await render(req, form: Form(), errors: FormErrors())
    }

    /// Adds a figure, or replaces the one already entered for that measure, group and year.
    @Sendable func save(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var issues: [FieldIssue] = []
        let measure = ComparisonMeasure(rawValue: form.measure ?? "")
        if measure == nil { issues.append(FieldIssue(field: "measure", message: "Choose a measure")) }
        let group = ComparisonGroup(rawValue: form.group ?? "")
        if group == nil { issues.append(FieldIssue(field: "group", message: "Choose England or statistical neighbours")) }
        let year = Int((form.year ?? "").trimmingCharacters(in: .whitespaces)).flatMap { ComparisonFigure.years.contains($0) ? $0 : nil }
        if year == nil { issues.append(FieldIssue(field: "year", message: "Enter the year the collection year ends, for example 2025")) }
        var percent: Double?
        switch Workforce.parse((form.percent ?? "").replacingOccurrences(of: "%", with: ""), in: 0...100) {
        case .success(let value): percent = value
        case .failure(let problem): issues.append(FieldIssue(field: "percent", message: problem.message))
        }
        guard issues.isEmpty, let measure, let group, let year, let percent else {
            return try await render(req, form: form, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let figure = ComparisonFigure(measure: measure, group: group, year: year, percent: percent)
        let existing = try await ComparisonFigureModel.query(on: req.db).filter(\.$measure == measure).filter(\.$group == group)
            .filter(\.$year == year).first()
        let summary = "Comparison figure: \(measure.rawValue) \(figure.label)"
        try await req.db.transaction { db in
            let record = existing ?? ComparisonFigureModel(figure: figure)
            record.percent = percent
            try await record.save(on: db)
            try await AuditLog.record(.comparisonChanged, on: db, request: req, subjectKind: "comparison", subjectID: record.id, summary: summary)
        }
        return req.redirect(to: "/admin/comparisons")
    }

    @Sendable func delete(req: Request) async throws -> Response {
        guard let id = req.parameters.get("figureID", as: UUID.self), let record = try await ComparisonFigureModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that figure")
        }
        let summary = "Removed comparison figure: \(record.measure.rawValue) \(record.figure.label)"
        try await req.db.transaction { db in
            try await record.delete(on: db)
            try await AuditLog.record(.comparisonChanged, on: db, request: req, subjectKind: "comparison", subjectID: id, summary: summary)
        }
        return req.redirect(to: "/admin/comparisons")
    }

    private func render(_ req: Request, form: Form, errors: FormErrors) async throws -> View {
        let figures = try await ComparisonFigureModel.query(on: req.db).sort(\.$measure).sort(\.$year, .descending).all()
        return try await req.view.render("admin/comparisons", Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Comparison figures" : "Error: Comparison figures"),
            figures: figures.map { FigureRow(id: $0.id!, measure: $0.measure.label, group: $0.group.label, year: $0.year, value: $0.figure.label) },
            errors: errors, form: form,
            measures: ComparisonMeasure.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: form.measure == $0.rawValue) },
            groups: ComparisonGroup.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: (form.group ?? "england") == $0.rawValue) }))
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/adopters`: the households the council (or its regional adoption agency) is assessing or has
/// approved to adopt, for Annex A list 11. Team managers of a children in care team, who run
/// adoption, and administrators; anyone else is refused.
struct AdoptersController {
    struct Form: Content {
        var reference: String?
        var sex: String?
        var fosteringForAdoption: String?
        var enquiry: String?
        var stage1Started: String?
        var stage1Ended: String?
        var stage2Started: String?
        var stage2Ended: String?
        var approved: String?
        var matched: String?
        var placed: String?
        var childrenPlaced: String?
        var childReference: String?
        var left: String?
        var leftReason: String?
    }

    struct DateField: Encodable {
        let name: String
        let label: String
        let value: String?
        let error: String?
    }

    struct Row: Encodable {
        let id: UUID
        let reference: String
        let adopters: String
        let stage: String
        let child: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let households: [Row]
        let errors: FormErrors
        let form: Form
        let action: String
        let heading: String
        let sexes: [FormOption]
        let dates: [DateField]
        let reasons: [FormOption]
    }

    /// The date fields of the form, in the order of the process.
    static let dateFields: [(name: String, label: String, value: KeyPath<Form, String?>)] = [
        ("enquiry", "Date the enquiry was received", \.enquiry), ("stage1Started", "Date stage 1 started", \.stage1Started),
        ("stage1Ended", "Date stage 1 ended", \.stage1Ended), ("stage2Started", "Date stage 2 started (application submitted)", \.stage2Started),
        ("stage2Ended", "Date stage 2 ended", \.stage2Ended), ("approved", "Date approved", \.approved),
        ("matched", "Date matched with a child", \.matched), ("placed", "Date the child was placed", \.placed),
        ("left", "Date the household left the process", \.left),
    ]

    func register(_ routes: LanternRoutes) {
        let access = RouteAccess.roles([.teamManager, .administrator])
        routes.get("adopters", access: access, use: list)
        routes.post("adopters", access: access, use: create)
        routes.get("adopters", ":householdID", access: access, use: edit)
        routes.post("adopters", ":householdID", access: access, use: update)
    }

    @Sendable func list(req: Request) async throws -> View {
        try await requireAdoptionManager(req)
        return try await render(req, form: Form(fosteringForAdoption: nil), errors: FormErrors(), household: nil)
    }

    @Sendable func edit(req: Request) async throws -> View {
        try await requireAdoptionManager(req)
        let model = try await household(req)
        let child = try await model.$child.get(on: req.db)
        let form = Form(reference: model.reference, sex: model.sex, fosteringForAdoption: model.fosteringForAdoption ? "yes" : nil,
                        enquiry: model.enquiryOn, stage1Started: model.stage1StartedOn, stage1Ended: model.stage1EndedOn,
                        stage2Started: model.stage2StartedOn, stage2Ended: model.stage2EndedOn, approved: model.approvedOn,
                        matched: model.matchedOn, placed: model.placedOn, childrenPlaced: model.childrenPlaced.map(String.init),
                        childReference: child?.reference, left: model.leftOn, leftReason: model.leftReason)
        return try await render(req, form: form, errors: FormErrors(), household: model)
    }

    @Sendable func create(req: Request) async throws -> Response {
        try await requireAdoptionManager(req)
        return try await save(req, existing: nil)
    }

    @Sendable func update(req: Request) async throws -> Response {
        try await requireAdoptionManager(req)
        return try await save(req, existing: try await household(req))
    }

    private func save(_ req: Request, existing: AdopterHouseholdModel?) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let today = Day(Date())
        var issues: [FieldIssue] = []
        var days: [String: Day] = [:]
        for field in Self.dateFields {
            let text = form[keyPath: field.value] ?? ""
            do { days[field.name] = try DateEntry.parse(text) } catch {
                if error != .empty || field.name == "enquiry" {
                    issues.append(FieldIssue(field: field.name, message: error == .empty ? "Enter the date the enquiry was received" : error.message))
                }
            }
        }
        let countText = (form.childrenPlaced ?? "").trimmingCharacters(in: .whitespaces)
        let count = Int(countText)
        if !countText.isEmpty, count.map({ !(1...9).contains($0) }) ?? true {
            issues.append(FieldIssue(field: "childrenPlaced", message: "Enter the number of children placed, from 1 to 9"))
        }
        let reasonText = form.leftReason ?? ""
        let reason = AdopterHousehold.LeavingReason(rawValue: reasonText)
        if !reasonText.isEmpty, reason == nil { issues.append(FieldIssue(field: "leftReason", message: "Choose why the household left the process")) }
        let reference = (form.reference ?? "").trimmingCharacters(in: .whitespaces)
        if !reference.isEmpty, reference.count > 20 || !reference.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            issues.append(FieldIssue(field: "reference", message: "Use up to 20 letters, numbers and hyphens, with no names"))
        }
        if !reference.isEmpty, let clash = try await AdopterHouseholdModel.query(on: req.db).filter(\.$reference == reference).first(),
           clash.id != existing?.id {
            issues.append(FieldIssue(field: "reference", message: "Another household already has the reference \(reference)"))
        }
        var childID: UUID?
        let childReference = (form.childReference ?? "").trimmingCharacters(in: .whitespaces)
        if !childReference.isEmpty {
            if let child = try await PersonModel.query(on: req.db).filter(\.$reference == childReference).first() {
                childID = child.id
            } else {
                issues.append(FieldIssue(field: "childReference", message: "There is no child with the reference \(childReference)"))
            }
        }
        if let enquiry = days["enquiry"], issues.isEmpty {
            let household = AdopterHousehold(reference: reference, sex: form.sex ?? "", fosteringForAdoption: form.fosteringForAdoption == "yes",
                                             enquiry: enquiry, stage1Started: days["stage1Started"], stage1Ended: days["stage1Ended"],
                                             stage2Started: days["stage2Started"], stage2Ended: days["stage2Ended"], approved: days["approved"],
                                             matched: days["matched"], placed: days["placed"], childrenPlaced: count, left: days["left"],
                                             leftReason: reason)
            issues += household.problems(today: today).map { FieldIssue(field: $0.field, message: $0.message) }
            if childID != nil, household.placed == nil {
                issues.append(FieldIssue(field: "childReference", message: "Link a child once they are placed with the household"))
            }
            if issues.isEmpty {
                let model = existing ?? AdopterHouseholdModel(household: household, childID: childID)
                model.update(household)
                model.$child.id = childID
                let summary = existing == nil ? "Adopter household \(reference) added" : "Adopter household \(reference) updated"
                try await req.db.transaction { db in
                    try await model.save(on: db)
                    try await AuditLog.record(.adopterHouseholdRecorded, on: db, request: req, subjectKind: "adopter-household",
                                              subjectID: model.id, summary: summary)
                }
                return req.redirect(to: "/adopters")
            }
        }
        return try await render(req, form: form, errors: FormErrors(issues), household: existing)
            .encodeResponse(status: .unprocessableEntity, for: req)
    }

    /// Team managers only of a children in care team: adoption sits with children in care.
    private func requireAdoptionManager(_ req: Request) async throws {
        let user = try req.user()
        if user.hasAny([.administrator]) { return }
        if let teamID = user.teamID, let team = try await TeamModel.find(teamID, on: req.db), team.kind == .childrenInCare { return }
        try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "adopter-household", subjectID: nil,
                                  summary: "Adopter households are for children in care managers")
        throw LanternError.forbidden
    }

    private func household(_ req: Request) async throws -> AdopterHouseholdModel {
        guard let id = req.parameters.get("householdID", as: UUID.self), let model = try await AdopterHouseholdModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that adopter household")
        }
        return model
    }

    private func render(_ req: Request, form: Form, errors: FormErrors, household: AdopterHouseholdModel?) async throws -> View {
        let models = try await AdopterHouseholdModel.query(on: req.db).with(\.$child).sort(\.$reference).all()
        let rows = models.map { model in
            Row(id: model.id!, reference: model.reference, adopters: Self.sexLabel(model.sex), stage: Self.stage(model), child: model.child?.reference)
        }
        let title = household.map { "Adopter household \($0.reference)" } ?? "Adopter households"
        return try await req.view.render("adopters/index", Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? title : "Error: \(title)"),
            households: household == nil ? rows : [], errors: errors, form: form,
            action: household.map { "/adopters/\($0.id!)" } ?? "/adopters",
            heading: household == nil ? "Add a household" : "Update household \(household!.reference)",
            sexes: AdopterHousehold.sexCodes.map { FormOption(value: $0, label: Self.sexLabel($0), selected: form.sex == $0) },
            dates: Self.dateFields.map { DateField(name: $0.name, label: $0.label, value: form[keyPath: $0.value], error: errors.byField[$0.name]) },
            reasons: AdopterHousehold.LeavingReason.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: form.leftReason == $0.rawValue) }))
    }

    static func sexLabel(_ code: String) -> String {
        switch code {
        case "M1": "A single man"
        case "F1": "A single woman"
        case "MM": "Two men"
        case "FF": "Two women"
        case "MF": "A man and a woman"
        default: code
        }
    }

    /// Where the household has got to, in plain words.
    static func stage(_ model: AdopterHouseholdModel) -> String {
        if model.leftOn != nil { return "Left the process" }
        if model.placedOn != nil { return "Child placed" }
        if model.matchedOn != nil { return "Matched" }
        if model.approvedOn != nil { return "Approved, waiting for a match" }
        if model.stage2StartedOn != nil { return "Stage 2 (assessment)" }
        if model.stage1StartedOn != nil { return "Stage 1 (checks)" }
        return "Enquiry"
    }
}

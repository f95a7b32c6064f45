import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/calendar`: the bank holidays every clock skips, and the council's own closure days.
struct CalendarController {
    struct HolidayRow: Encodable {
        let date: String
        let weekday: String
        let name: String
    }

    struct EntryRow: Encodable {
        let id: UUID
        let date: String
        let kind: String
        let name: String
    }


    struct Page: Encodable {
        let chrome: Chrome
        let year: Int
        let previousYear: Int
        let nextYear: Int
        let holidays: [HolidayRow]
        let entries: [EntryRow]
        let errors: FormErrors
        let form: Form
        let kinds: [FormOption]
    }

    struct Form: Content {
        var date: String?
        var kind: String?
        var name: String?
        var movedFrom: String?
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "calendar", access: admin, use: show)
        routes.post("admin", "calendar", access: admin, use: add)
        routes.post("admin", "calendar", ":entryID", "delete", access: admin, use: delete)
    }

    @Sendable func show(req: Request) async throws -> View {
        let year = req.query[Int.self, at: "year"].map { min(max($0, 1990), 2100) } ?? Day(Date()).year
        return try await render(req, year: year, form: Form(), errors: FormErrors())
    }

    @Sendable func add(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var issues: [FieldIssue] = []
        var day: Day?
        do { day = try DateEntry.parse(form.date ?? "") } catch { issues.append(FieldIssue(field: "date", message: error.message)) }
        let kind = CalendarDayModel.Kind(rawValue: form.kind ?? "")
        if kind == nil { issues.append(FieldIssue(field: "kind", message: "Select what kind of day this is")) }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { issues.append(FieldIssue(field: "name", message: "Enter a name, for example \"Christmas closure\"")) }
        var movedFrom: Day?
        if kind == .movedBankHoliday {
            do { movedFrom = try DateEntry.parse(form.movedFrom ?? "") } catch {
                issues.append(FieldIssue(field: "movedFrom", message: "Enter the day the bank holiday usually falls on"))
            }
        }
        if let day, try await CalendarDayModel.query(on: req.db).filter(\.$day == day.iso).count() > 0 {
            issues.append(FieldIssue(field: "date", message: "\(DisplayDate.long(day)) is already in the calendar"))
        }
        guard issues.isEmpty, let day, let kind else {
            return try await render(req, year: day?.year ?? Day(Date()).year, form: form, errors: FormErrors(issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let entry = CalendarDayModel(day: day, kind: kind, name: name, movedFrom: movedFrom)
        try await req.db.transaction { db in
            try await entry.create(on: db)
            try await AuditLog.record(.calendarChanged, on: db, request: req, subjectKind: "calendar", subjectID: entry.id,
                                      summary: "Added \(kind.label.lowercased()) on \(day.iso)")
        }
        req.application.calendarCache.invalidate()
        return req.redirect(to: "/admin/calendar?year=\(day.year)")
    }

    @Sendable func delete(req: Request) async throws -> Response {
        guard let id = req.parameters.get("entryID", as: UUID.self), let entry = try await CalendarDayModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that calendar day")
        }
        let year = Day(iso: entry.day)?.year ?? Day(Date()).year
        try await req.db.transaction { db in
            try await entry.delete(on: db)
            try await AuditLog.record(.calendarChanged, on: db, request: req, subjectKind: "calendar", subjectID: id,
                                      summary: "Removed \(entry.kind.label.lowercased()) on \(entry.day)")
        }
        req.application.calendarCache.invalidate()
        return req.redirect(to: "/admin/calendar?year=\(year)")
    }

    private func render(_ req: Request, year: Int, form: Form, errors: FormErrors) async throws -> View {
        let calendar = try await req.workingDays()
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let holidays = calendar.bankHolidays(in: year).map {
            HolidayRow(date: DisplayDate.long($0.day), weekday: weekdays[$0.day.weekday - 1], name: $0.name)
        }
        let entries = try await CalendarDayModel.query(on: req.db).sort(\.$day).all().map {
            EntryRow(id: $0.id!, date: Day(iso: $0.day).map(DisplayDate.long) ?? $0.day, kind: $0.kind.label, name: $0.name)
        }
        let kinds = CalendarDayModel.Kind.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: form.kind == $0.rawValue) }
        let page = Page(chrome: Chrome(request: req, title: errors.isEmpty ? "Working-day calendar" : "Error: Working-day calendar"),
                        year: year, previousYear: year - 1, nextYear: year + 1, holidays: holidays, entries: entries,
                        errors: errors, form: form, kinds: kinds)
        return try await req.view.render("admin/calendar", page)
    }
}

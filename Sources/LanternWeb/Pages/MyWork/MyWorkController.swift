import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/my-work`: a social worker's children, each with the next statutory event and the working
/// days left, overdue first.
struct MyWorkController {
    static let users: Set<Role> = [.socialWorker, .teamManager]

    struct Row {
        let id: UUID
        let name: String
        let reference: String
        let stage: String
        let next: String
        let due: String
        let left: String
        let overdue: Bool
        let lastSeen: String
        let sortKey: Int
    }

    func register(_ routes: LanternRoutes) {
        routes.get("my-work", access: .roles(Self.users), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.user()
        let today = Day(Date())
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        let cases = try await req.application.caseloadCache.workers.value(for: user.id, on: req.db) {
            try await CaseloadQueries.openCases(workerID: user.id, on: req.db)
        }
        var rows: [Row] = []
        for c in cases {
            let reading: ClockReading? = c.nextDue.map { timescales.reading(due: $0, on: today) }
            let next: String = c.nextEvent?.label ?? "No statutory event due"
            let due: String = c.nextDue.map(DisplayDate.long) ?? ""
            let lastSeen: String = c.lastSeen.map(DisplayDate.long) ?? "Not recorded"
            rows.append(Row(id: c.personID, name: c.name, reference: c.reference, stage: c.stage, next: next, due: due,
                            left: reading?.label ?? "", overdue: reading?.isOverdue ?? false, lastSeen: lastSeen,
                            sortKey: reading?.workingDaysLeft ?? Int.max))
        }
        rows.sort { $0.sortKey == $1.sortKey ? $0.name < $1.name : $0.sortKey < $1.sortKey }
        let overdueCount = rows.filter { $0.overdue }.count
        return try await WrittenPage.render(Self.content(rows, overdueCount: overdueCount), chrome: Chrome(request: req, title: "My work"), on: req)
    }

    static func content(_ rows: [Row], overdueCount: Int) -> HTMLWriter {
        var h = HTMLWriter()
        h.markup("<h1 class=\"heading-l\">My work</h1>\n<p class=\"lead\">Your children, the most urgent first. ")
        if overdueCount > 0 {
            h.markup("<strong class=\"tag tag--red\">"); h.text(overdueCount); h.markup(" overdue</strong>")
        }
        h.markup("</p>\n")
        guard !rows.isEmpty else {
            h.markup("<p class=\"body\">No children are allocated to you.</p>\n")
            return h
        }
        h.markup("""
            <table class="table">
              <thead><tr><th scope="col">Child</th><th scope="col">Where the case is</th><th scope="col">Next statutory event</th>\
            <th scope="col">Time left</th><th scope="col">Last seen</th></tr></thead>
              <tbody>

            """)
        for r in rows {
            h.markup(r.overdue ? "  <tr class=\"row--overdue\">\n" : "  <tr>\n")
            h.markup("    <td data-label=\"Child\"><a href=\"/children/"); h.text(r.id); h.markup("\">"); h.text(r.name)
            h.markup("</a><br><span class=\"hint\">"); h.text(r.reference); h.markup("</span></td>\n")
            h.markup("    <td data-label=\"Where the case is\">"); h.text(r.stage); h.markup("</td>\n")
            h.markup("    <td data-label=\"Next statutory event\">"); h.text(r.next)
            if !r.due.isEmpty { h.markup("<br><span class=\"hint\">due "); h.text(r.due); h.markup("</span>") }
            h.markup("</td>\n    <td data-label=\"Time left\">")
            if r.overdue { h.markup("<strong class=\"tag tag--red\">"); h.text(r.left); h.markup("</strong>") } else { h.text(r.left) }
            h.markup("</td>\n    <td data-label=\"Last seen\">"); h.text(r.lastSeen); h.markup("</td>\n  </tr>\n")
        }
        h.markup("  </tbody>\n</table>\n")
        return h
    }
}

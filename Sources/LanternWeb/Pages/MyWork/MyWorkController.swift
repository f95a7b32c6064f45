import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/my-work`: a social worker's children, each with the next statutory event and the working
/// days left, overdue first.
struct MyWorkController {
    static let users: Set<Role> = [.socialWorker, .teamManager]

    struct Row: Encodable {
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

    struct Page: Encodable {
        let chrome: Chrome
        let rows: [Row]
        let overdueCount: Int
    }

    func register(_ routes: LanternRoutes) {
        routes.get("my-work", access: .roles(Self.users), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.user()
        let today = Day(Date())
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        let cases = try await CaseloadQueries.openCases(workerID: user.id, on: req.db)
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
        return try await req.view.render("my-work", Page(chrome: Chrome(request: req, title: "My work"), rows: rows,
                                                         overdueCount: overdueCount))
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/team`: a team manager's view of the team: caseload per worker (count and weighted), the
/// unallocated queue, what is overdue, children not seen, cases gone quiet, and what waits for
/// the manager (assessments to authorise, closures to sign off).
struct TeamController {
    static let users: Set<Role> = [.teamManager, .serviceLeader]
    /// No recorded activity for this many working days flags a case as drifting.
    static let quietWorkingDays = 20

    struct WorkerRow: Encodable {
        let name: String
        let count: Int
        let weighted: String
        let overdue: Int
        let byCategory: String
        let lastSupervision: String
        let supervisionDue: Bool
        let id: UUID
    }

    struct CaseRow: Encodable {
        let id: UUID
        let name: String
        let reference: String
        let worker: String
        let detail: String
    }


    /// One of the page's lists, most urgent first. A city team can have hundreds of cases in a
    /// list; the page shows the first `shown` and links to the whole list (`?all=<id>`), so that
    /// the page stays quick to load and to read.
    struct CaseList: Encodable {
        static let shown = 25

        let total: Int
        let rows: [CaseRow]
        let more: Int
        let showAll: String?

        init(_ id: String, _ rows: [CaseRow], whole: Bool, teamQuery: String) {
            total = rows.count
            self.rows = whole ? rows : Array(rows.prefix(Self.shown))
            more = total - self.rows.count
            showAll = more > 0 ? "/team?\(teamQuery)all=\(id)#\(id)" : nil
        }
    }

    func register(_ routes: LanternRoutes) {
        routes.get("team", access: .roles(Self.users), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.user()
        // Managers see their own team; service leaders choose any.
        var chosen = user.has(.serviceLeader) ? (req.query[UUID.self, at: "team"] ?? user.teamID) : user.teamID
        if chosen == nil, user.has(.serviceLeader) { chosen = try await TeamModel.query(on: req.db).sort(\.$name).first()?.id }
        guard let teamID = chosen else { throw LanternError.notFound(what: "a team for you") }
        let caseload = try await req.application.caseloadCache.teams.value(for: teamID, on: req.db) {
            try await TeamCaseload.load(teamID: teamID, on: req.db)
        }
        guard let team = caseload.teams.first(where: { $0.id == teamID }) else { throw LanternError.notFound(what: "a team for you") }
        let today = Day(Date())
        let calendar = try await req.workingDays()
        let timescales = StatutoryTimescales(calendar: calendar)
        let weights = caseload.weights
        let cases = caseload.cases

        func row(_ c: CaseloadQueries.OpenCase, _ detail: String) -> CaseRow {
            CaseRow(id: c.personID, name: c.name, reference: c.reference, worker: c.workerName ?? "Not allocated", detail: detail)
        }
        let isOverdue: (CaseloadQueries.OpenCase) -> Bool = { c in c.nextDue.map { timescales.reading(due: $0, on: today).isOverdue } ?? false }
        let casesByWorker = Dictionary(grouping: cases.filter { $0.workerID != nil }, by: { $0.workerID! })
        let workers = caseload.members.map { member -> WorkerRow in
            let mine = casesByWorker[member.id] ?? []
            let weighted = mine.reduce(0.0) { $0 + weights.weight(of: $1.category ?? .assessment) }
            let counts = Dictionary(grouping: mine, by: { $0.category ?? .assessment }).mapValues(\.count)
            let breakdown = CaseloadCategory.allCases.compactMap { cat in counts[cat].map { "\($0) \(cat.label.lowercased())" } }.joined(separator: ", ")
            let last = caseload.lastSupervision[member.id]
            // Supervision at least every 4 weeks is the common local standard for social workers.
            return WorkerRow(name: member.name, count: mine.count, weighted: String(format: "%.1f", weighted),
                             overdue: mine.filter(isOverdue).count, byCategory: breakdown,
                             lastSupervision: last.map(DisplayDate.long) ?? "None recorded",
                             supervisionDue: last.map { $0.adding(days: 28) < today } ?? true, id: member.id)
        }
        let visitInterval = timescales.standards.childProtectionVisits
        let whole = req.query[String.self, at: "all"]
        let teamQuery = user.has(.serviceLeader) ? "team=\(teamID.uuidString)&" : ""
        func list(_ id: String, _ rows: [CaseRow]) -> CaseList { CaseList(id, rows, whole: whole == id, teamQuery: teamQuery) }
        let notSeen = cases.compactMap { c -> (seen: Day?, c: CaseloadQueries.OpenCase)? in
            guard c.category == .childProtection else { return nil }
            guard let seen = c.lastSeen else { return (nil, c) }
            return visitInterval.due(from: seen, in: calendar) < today ? (seen, c) : nil
        }.sorted { ($0.seen?.ordinal ?? .min) < ($1.seen?.ordinal ?? .min) }.map(\.c)
        let quiet = cases.compactMap { c -> (last: Day?, c: CaseloadQueries.OpenCase)? in
            guard let last = c.lastActivity ?? c.allocatedOn else { return (nil, c) }
            return calendar.workingDaysBetween(last, today) >= Self.quietWorkingDays ? (last, c) : nil
        }.sorted { ($0.last?.ordinal ?? .min) < ($1.last?.ordinal ?? .min) }.map(\.c)
        let since = Date().addingTimeInterval(-30 * 24 * 3600)
        let page = Page(
            teamName: team.name,
            teams: user.has(.serviceLeader) ? caseload.teams.map { FormOption(value: $0.id.uuidString, label: $0.name, selected: $0.id == teamID) } : [],
            workers: workers, totalCases: cases.count,
            unallocated: list("unallocated", cases.filter { $0.workerID == nil }.sorted { ($0.allocatedOn ?? today) < ($1.allocatedOn ?? today) }
                .map { row($0, "Waiting since \($0.allocatedOn.map(DisplayDate.long) ?? "unknown") · \($0.stage)") }),
            overdue: list("overdue", cases.filter(isOverdue).sorted { ($0.nextDue ?? today) < ($1.nextDue ?? today) }.map { c in
                row(c, "\(c.nextEvent?.label ?? "Event") was due \(c.nextDue.map(DisplayDate.long) ?? "")")
            }),
            notSeen: list("not-seen", notSeen.map { row($0, "Last seen \($0.lastSeen.map(DisplayDate.long) ?? "never recorded")") }),
            quiet: list("quiet", quiet.map { row($0, "Last activity \($0.lastActivity.map(DisplayDate.long) ?? "none recorded")") }),
            awaitingAuthorisation: list("authorise", cases.filter(\.awaitingAuthorisation).map { row($0, "Assessment submitted") }),
            awaitingSignOff: list("sign-off", cases.filter(\.awaitingSignOff).map { row($0, "Closure proposed") }),
            brokenGlass: caseload.openings.filter { $0.openedAt > since }.map { g in
                CaseRow(id: g.personID, name: g.name, reference: g.reference, worker: g.openedBy,
                        detail: "\(DisplayTime.long(g.openedAt)): \(g.reason)")
            }, weights: weights.summary)
        return try await WrittenPage.render(page.content, chrome: Chrome(request: req, title: "Team: \(team.name)"), on: req)
    }
}

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

    struct WorkerRow {
        let name: String
        let count: Int
        let weighted: String
        let overdue: Int
        let byCategory: String
        let lastSupervision: String
        let supervisionDue: Bool
        let id: UUID
    }

    struct CaseRow {
        let id: UUID
        let name: String
        let reference: String
        let worker: String
        let detail: String
    }


    /// One of the page's lists, most urgent first. A city team can have hundreds of cases in a
    /// list; the page shows the first `shown` and links to the whole list (`?all=<id>`), so that
    /// the page stays quick to load and to read.
    struct CaseList {
        static let shown = 25

        let total: Int
        let rows: [CaseRow]
        let more: Int
        let showAll: String?

        init(_ id: String, _ rows: [CaseRow], whole: Bool, teamQuery: String) {
            self.init(id, rows, whole: whole, teamQuery: teamQuery) { $0 }
        }

        /// Only the rows shown are made: a list can hold hundreds of cases.
        init<Case>(_ id: String, _ cases: [Case], whole: Bool, teamQuery: String, row: (Case) -> CaseRow) {
            total = cases.count
            rows = (whole ? cases[...] : cases.prefix(Self.shown)).map(row)
            more = total - rows.count
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

        let flags = TeamCaseFlags(cases, today: today, timescales: timescales, quietAfter: Self.quietWorkingDays)
        var byWorker: [UUID: [Int]] = [:]
        for i in cases.indices { if let worker = cases[i].workerID { byWorker[worker, default: []].append(i) } }
        let workers = caseload.members.map { member -> WorkerRow in
            let mine = byWorker[member.id] ?? []
            var weighted = 0.0
            var counts: [CaseloadCategory: Int] = [:]
            for i in mine {
                let category = cases[i].category ?? .assessment
                weighted += weights.weight(of: category)
                counts[category, default: 0] += 1
            }
            let breakdown = CaseloadCategory.allCases.compactMap { cat in counts[cat].map { "\($0) \(cat.label.lowercased())" } }.joined(separator: ", ")
            let last = caseload.lastSupervision[member.id]
            // Supervision at least every 4 weeks is the common local standard for social workers.
            return WorkerRow(name: member.name, count: mine.count, weighted: Self.oneDecimal(weighted),
                             overdue: mine.filter { flags.overdue[$0] }.count, byCategory: breakdown,
                             lastSupervision: last.map(DisplayDate.long) ?? "None recorded",
                             supervisionDue: last.map { $0.adding(days: 28) < today } ?? true, id: member.id)
        }
        let whole = req.query[String.self, at: "all"]
        let teamQuery = user.has(.serviceLeader) ? "team=\(teamID.uuidString)&" : ""
        func list(_ id: String, _ indices: [Int], detail: @escaping (CaseloadQueries.OpenCase) -> String) -> CaseList {
            CaseList(id, indices, whole: whole == id, teamQuery: teamQuery) { i in
                let c = cases[i]
                return CaseRow(id: c.personID, name: c.name, reference: c.reference, worker: c.workerName ?? "Not allocated", detail: detail(c))
            }
        }
        func sorted(_ indices: [Int], by key: (CaseloadQueries.OpenCase) -> Int) -> [Int] {
            indices.map { (key(cases[$0]), $0) }.sorted { $0 < $1 }.map(\.1)
        }
        let since = Date().addingTimeInterval(-30 * 24 * 3600)
        let page = Page(
            teamName: team.name,
            teams: user.has(.serviceLeader) ? caseload.teams.map { FormOption(value: $0.id.uuidString, label: $0.name, selected: $0.id == teamID) } : [],
            workers: workers, totalCases: cases.count,
            unallocated: list("unallocated", sorted(cases.indices.filter { cases[$0].workerID == nil }) { ($0.allocatedOn ?? today).ordinal }) {
                "Waiting since \($0.allocatedOn.map(DisplayDate.long) ?? "unknown") · \($0.stage)"
            },
            overdue: list("overdue", sorted(cases.indices.filter { flags.overdue[$0] }) { ($0.nextDue ?? today).ordinal }) {
                "\($0.nextEvent?.label ?? "Event") was due \($0.nextDue.map(DisplayDate.long) ?? "")"
            },
            notSeen: list("not-seen", sorted(cases.indices.filter { flags.notSeen[$0] }) { $0.lastSeen?.ordinal ?? .min }) {
                "Last seen \($0.lastSeen.map(DisplayDate.long) ?? "never recorded")"
            },
            quiet: list("quiet", sorted(cases.indices.filter { flags.quiet[$0] }) { ($0.lastActivity ?? $0.allocatedOn)?.ordinal ?? .min }) {
                "Last activity \($0.lastActivity.map(DisplayDate.long) ?? "none recorded")"
            },
            awaitingAuthorisation: list("authorise", cases.indices.filter { cases[$0].awaitingAuthorisation }) { _ in "Assessment submitted" },
            awaitingSignOff: list("sign-off", cases.indices.filter { cases[$0].awaitingSignOff }) { _ in "Closure proposed" },
            brokenGlass: caseload.openings.filter { $0.openedAt > since }.map { g in
                CaseRow(id: g.personID, name: g.name, reference: g.reference, worker: g.openedBy,
                        detail: "\(DisplayTime.long(g.openedAt)): \(g.reason)")
            }, weights: weights.summary)
        return try await WrittenPage.render(page.content, chrome: Chrome(request: req, title: "Team: \(team.name)"), on: req)
    }

    /// "12.5": one decimal place, halves rounded up as a reader would round the weights they set,
    /// without Foundation's formatter (a tenth of the page's time for a dozen workers).
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

/// Which of a team's cases are overdue, not seen in time or quiet today. Worked out once per
/// distinct date rather than once per case: a city team's 500 cases share a few hundred dates, and
/// counting working days was a fifth of the page's time.
struct TeamCaseFlags {
    let overdue: [Bool]
    let notSeen: [Bool]
    let quiet: [Bool]

    init(_ cases: [CaseloadQueries.OpenCase], today: Day, timescales: StatutoryTimescales, quietAfter quietWorkingDays: Int) {
        let calendar = timescales.calendar
        let visitInterval = timescales.standards.childProtectionVisits
        var overdueOn: [Day: Bool] = [:], seenInTime: [Day: Bool] = [:], quietSince: [Day: Bool] = [:]
        func memo(_ table: inout [Day: Bool], _ day: Day, _ work: (Day) -> Bool) -> Bool {
            if let known = table[day] { return known }
            let answer = work(day)
            table[day] = answer
            return answer
        }
        var overdue = [Bool](repeating: false, count: cases.count)
        var notSeen = overdue, quiet = overdue
        for (i, c) in cases.enumerated() {
            if let due = c.nextDue { overdue[i] = memo(&overdueOn, due) { timescales.reading(due: $0, on: today).isOverdue } }
            if c.category == .childProtection {
                // A child on a plan never recorded as seen is not seen in time.
                notSeen[i] = c.lastSeen.map { seen in !memo(&seenInTime, seen) { visitInterval.due(from: $0, in: calendar) >= today } } ?? true
            }
            if let last = c.lastActivity ?? c.allocatedOn {
                quiet[i] = memo(&quietSince, last) { calendar.workingDaysBetween($0, today) >= quietWorkingDays }
            } else {
                quiet[i] = true
            }
        }
        self.overdue = overdue
        self.notSeen = notSeen
        self.quiet = quiet
    }
}

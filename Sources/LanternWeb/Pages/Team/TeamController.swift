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


    struct Page: Encodable {
        let chrome: Chrome
        let teamName: String
        let teams: [FormOption]
        let workers: [WorkerRow]
        let totalCases: Int
        let unallocated: [CaseRow]
        let overdue: [CaseRow]
        let notSeen: [CaseRow]
        let quiet: [CaseRow]
        let awaitingAuthorisation: [CaseRow]
        let awaitingSignOff: [CaseRow]
        let brokenGlass: [CaseRow]
        let weights: String
    }

    func register(_ routes: LanternRoutes) {
        routes.get("team", access: .roles(Self.users), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.user()
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        // Managers see their own team; service leaders choose any.
        let chosen = user.has(.serviceLeader) ? (req.query[UUID.self, at: "team"] ?? user.teamID ?? teams.first?.id) : user.teamID
        guard let teamID = chosen, let team = teams.first(where: { $0.id == teamID }) else {
            throw LanternError.notFound(what: "a team for you")
        }
        let today = Day(Date())
        let calendar = try await req.workingDays()
        let timescales = StatutoryTimescales(calendar: calendar)
        let weights = try await CaseloadWeightsModel.current(on: req.db)
        let cases = try await CaseloadQueries.openCases(teamID: teamID, on: req.db)
        let members = try await StaffUserModel.query(on: req.db).filter(\.$team.$id == teamID).filter(\.$active == true).sort(\.$displayName).all()
            .filter { $0.roles.contains(.socialWorker) }

        func row(_ c: CaseloadQueries.OpenCase, _ detail: String) -> CaseRow {
            CaseRow(id: c.personID, name: c.name, reference: c.reference, worker: c.workerName ?? "Not allocated", detail: detail)
        }
        let isOverdue: (CaseloadQueries.OpenCase) -> Bool = { c in c.nextDue.map { timescales.reading(due: $0, on: today).isOverdue } ?? false }
        let supervisions = try await SupervisionModel.query(on: req.db).filter(\.$worker.$id ~~ members.compactMap(\.id)).all()
        let lastSupervision = Dictionary(grouping: supervisions, by: { $0.$worker.id }).compactMapValues { $0.compactMap { Day(iso: $0.heldOn) }.max() }
        let workers = members.map { member -> WorkerRow in
            let mine = cases.filter { $0.workerID == member.id }
            let weighted = mine.reduce(0.0) { $0 + weights.weight(of: $1.category ?? .assessment) }
            let counts = Dictionary(grouping: mine, by: { $0.category ?? .assessment }).mapValues(\.count)
            let breakdown = CaseloadCategory.allCases.compactMap { cat in counts[cat].map { "\($0) \(cat.label.lowercased())" } }.joined(separator: ", ")
            let last = lastSupervision[member.id!]
            // Supervision at least every 4 weeks is the common local standard for social workers.
            return WorkerRow(name: member.displayName, count: mine.count, weighted: String(format: "%.1f", weighted),
                             overdue: mine.filter(isOverdue).count, byCategory: breakdown,
                             lastSupervision: last.map(DisplayDate.long) ?? "None recorded",
                             supervisionDue: last.map { $0.adding(days: 28) < today } ?? true, id: member.id!)
        }
        let visitInterval = timescales.standards.childProtectionVisits
        let glass = try await BreakGlassModel.query(on: req.db).filter(\.$ownerTeamID == teamID)
            .filter(\.$openedAt > Date().addingTimeInterval(-30 * 24 * 3600)).with(\.$user).with(\.$person)
            .sort(\.$openedAt, .descending).all()
        let page = Page(
            chrome: Chrome(request: req, title: "Team: \(team.name)"), teamName: team.name,
            teams: user.has(.serviceLeader) ? teams.map { FormOption(value: $0.id!.uuidString, label: $0.name, selected: $0.id == teamID) } : [],
            workers: workers, totalCases: cases.count,
            unallocated: cases.filter { $0.workerID == nil }.sorted { ($0.allocatedOn ?? today) < ($1.allocatedOn ?? today) }
                .map { row($0, "Waiting since \($0.allocatedOn.map(DisplayDate.long) ?? "unknown") · \($0.stage)") },
            overdue: cases.filter(isOverdue).map { c in
                row(c, "\(c.nextEvent?.label ?? "Event") was due \(c.nextDue.map(DisplayDate.long) ?? "")")
            },
            notSeen: cases.filter { c in
                guard c.category == .childProtection else { return false }
                guard let seen = c.lastSeen else { return true }
                return visitInterval.due(from: seen, in: calendar) < today
            }.map { row($0, "Last seen \($0.lastSeen.map(DisplayDate.long) ?? "never recorded")") },
            quiet: cases.filter { c in
                guard let last = c.lastActivity ?? c.allocatedOn else { return true }
                return calendar.workingDaysBetween(last, today) >= Self.quietWorkingDays
            }.map { row($0, "Last activity \($0.lastActivity.map(DisplayDate.long) ?? "none recorded")") },
            awaitingAuthorisation: cases.filter(\.awaitingAuthorisation).map { row($0, "Assessment submitted") },
            awaitingSignOff: cases.filter(\.awaitingSignOff).map { row($0, "Closure proposed") },
            brokenGlass: glass.map { g in
                CaseRow(id: g.$person.id, name: g.person.fullName, reference: g.person.reference, worker: g.user.displayName,
                        detail: "\(DisplayTime.long(g.openedAt)): \(g.reason)")
            }, weights: weights.summary)
        return try await req.view.render("team", page)
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Everything the Team page reads about one team, kept by `CaseloadCache` until the team's change
/// count moves. Today's date and the working-day calendar are applied on each request, so a copy
/// read yesterday still shows today's overdue cases.
struct TeamCaseload: Sendable {
    struct Team: Sendable {
        let id: UUID
        let name: String
    }

    struct Member: Sendable {
        let id: UUID
        let name: String
    }

    /// Someone outside the team opened one of its children's records (break-glass).
    struct Opening: Sendable {
        let personID: UUID
        let name: String
        let reference: String
        let openedBy: String
        let openedAt: Date
        let reason: String
    }

    let teams: [Team]
    let weights: CaseloadWeights
    let cases: [CaseloadQueries.OpenCase]
    /// The team's active social workers, by name.
    let members: [Member]
    let lastSupervision: [UUID: Day]
    /// Openings in the last 30 days when read, newest first; the page filters them again by date.
    let openings: [Opening]

    static func load(teamID: UUID, on db: any Database) async throws -> TeamCaseload {
        let teams = try await TeamModel.query(on: db).sort(\.$name).all().map { Team(id: try $0.requireID(), name: $0.name) }
        let weights = try await CaseloadWeightsModel.current(on: db)
        let cases = try await CaseloadQueries.openCases(teamID: teamID, on: db)
        let members = try await StaffUserModel.query(on: db).filter(\.$team.$id == teamID).filter(\.$active == true).sort(\.$displayName).all()
            .filter { $0.roles.contains(.socialWorker) }
            .map { Member(id: try $0.requireID(), name: $0.displayName) }
        let supervisions = try await SupervisionModel.query(on: db).filter(\.$worker.$id ~~ members.map(\.id)).all()
        let lastSupervision = Dictionary(grouping: supervisions, by: { $0.$worker.id }).compactMapValues { $0.compactMap { Day(iso: $0.heldOn) }.max() }
        let openings = try await BreakGlassModel.query(on: db).filter(\.$ownerTeamID == teamID)
            .filter(\.$openedAt > Date().addingTimeInterval(-30 * 24 * 3600)).with(\.$user).with(\.$person)
            .sort(\.$openedAt, .descending).all()
            .map { Opening(personID: $0.$person.id, name: $0.person.fullName, reference: $0.person.reference, openedBy: $0.user.displayName,
                           openedAt: $0.openedAt, reason: $0.reason) }
        return TeamCaseload(teams: teams, weights: weights, cases: cases, members: members, lastSupervision: lastSupervision, openings: openings)
    }
}

extension TeamController {
    struct Page {
        let teamName: String
        let teams: [FormOption]
        let workers: [WorkerRow]
        let totalCases: Int
        let unallocated: CaseList
        let overdue: CaseList
        let notSeen: CaseList
        let quiet: CaseList
        let awaitingAuthorisation: CaseList
        let awaitingSignOff: CaseList
        let brokenGlass: [CaseRow]
        let weights: String

        var content: HTMLWriter {
            var h = HTMLWriter(capacity: 65_536)
            h.markup("<h1 class=\"heading-l\">"); h.text(teamName); h.markup("</h1>\n")
            if !teams.isEmpty {
                h.markup("""
                    <form method="get" action="/team" class="filters">
                      <div class="form-group filters__item"><label class="label" for="team">Team</label>
                      <select id="team" name="team">
                    """)
                for t in teams {
                    h.markup("<option value=\""); h.text(t.value); h.markup(t.selected ? "\" selected>" : "\">"); h.text(t.label); h.markup("</option>")
                }
                h.markup("""
                    </select></div>
                      <button type="submit" class="button button--secondary filters__button">Show</button>
                    </form>

                    """)
            }
            h.markup("<p class=\"lead\">"); h.text(totalCases); h.markup(" open cases.</p>\n<h2 class=\"heading-m\">Caseloads</h2>\n")
            h.markup("""
                <table class="table">
                  <thead><tr><th scope="col">Worker</th><th scope="col">Children</th><th scope="col">Weighted</th><th scope="col">Overdue</th>\
                <th scope="col">Mix</th><th scope="col" id="supervision">Last supervision</th></tr></thead>
                  <tbody>
                """)
            for w in workers {
                h.markup("<tr><td data-label=\"Worker\">"); h.text(w.name)
                h.markup("</td><td data-label=\"Children\">"); h.text(w.count)
                h.markup("</td><td data-label=\"Weighted\">"); h.text(w.weighted)
                h.markup("</td><td data-label=\"Overdue\">")
                if w.overdue > 0 { h.markup("<strong class=\"tag tag--red\">"); h.text(w.overdue); h.markup(" overdue</strong>") } else { h.markup("None") }
                h.markup("</td><td data-label=\"Mix\">"); h.text(w.byCategory)
                h.markup("</td><td data-label=\"Last supervision\">"); h.text(w.lastSupervision)
                if w.supervisionDue { h.markup(" <strong class=\"tag tag--amber\">Due</strong>") }
                h.markup("<br><a href=\"/team/supervision/new?worker="); h.text(w.id)
                h.markup("\">Record supervision<span class=\"visually-hidden\"> with "); h.text(w.name); h.markup("</span></a></td></tr>")
            }
            h.markup("</tbody>\n</table>\n<p class=\"hint\">Weighted caseload counts each case by its kind: "); h.text(weights); h.markup(".</p>\n")
            Self.section(&h, "unallocated", "Unallocated", unallocated, empty: "Every child has a worker.") { h, c in
                Self.child(&h, c); h.markup(" <span class=\"hint\">"); h.text(c.reference); h.markup(" · "); h.text(c.detail); h.markup("</span>")
            }
            Self.section(&h, "overdue", "Overdue", overdue, empty: "Nothing is overdue.") { h, c in
                Self.child(&h, c); h.markup(" <strong class=\"tag tag--red\">Overdue</strong>"); Self.detailAndWorker(&h, c)
            }
            Self.section(&h, "not-seen", "Children on a plan not seen in time", notSeen, empty: "Every child on a plan has been seen in time.") { h, c in
                Self.child(&h, c); Self.detailAndWorker(&h, c)
            }
            Self.section(&h, "quiet", "No recorded activity for \(TeamController.quietWorkingDays) working days", quiet, empty: "None.") { h, c in
                Self.child(&h, c); Self.detailAndWorker(&h, c)
            }
            Self.section(&h, "authorise", "Assessments awaiting your authorisation", awaitingAuthorisation, empty: "None.") { h, c in
                Self.child(&h, c); h.markup(" <span class=\"hint\">"); h.text(c.worker); h.markup("</span>")
            }
            Self.section(&h, "sign-off", "Closures awaiting sign-off", awaitingSignOff, empty: "None.") { h, c in
                Self.child(&h, c); h.markup(" <span class=\"hint\">"); h.text(c.worker); h.markup("</span>")
            }
            h.markup("<h2 class=\"heading-m\" id=\"break-glass\">Opened by someone outside the team ("); h.text(brokenGlass.count); h.markup(")</h2>\n")
            if brokenGlass.isEmpty {
                h.markup("<p class=\"body\">No one outside the team has opened your children's records in the last 30 days.</p>\n")
            } else {
                h.markup("<ul class=\"list\">")
                for c in brokenGlass {
                    h.markup("<li>"); Self.child(&h, c); h.markup(" opened by <strong>"); h.text(c.worker)
                    h.markup("</strong> <span class=\"hint\">"); h.text(c.detail); h.markup("</span></li>")
                }
                h.markup("</ul>\n")
            }
            return h
        }

        private static func child(_ h: inout HTMLWriter, _ c: CaseRow) {
            h.markup("<a href=\"/children/"); h.text(c.id); h.markup("\">"); h.text(c.name); h.markup("</a>")
        }

        private static func detailAndWorker(_ h: inout HTMLWriter, _ c: CaseRow) {
            h.markup(" <span class=\"hint\">"); h.text(c.detail); h.markup(" · "); h.text(c.worker); h.markup("</span>")
        }

        /// One of the page's lists: heading with its count, the first rows, and a link to the rest.
        private static func section(_ h: inout HTMLWriter, _ id: String, _ heading: String, _ list: CaseList, empty: String,
                                    item: (inout HTMLWriter, CaseRow) -> Void) {
            h.markup("<h2 class=\"heading-m\" id=\""); h.text(id); h.markup("\">"); h.text(heading)
            h.markup(" ("); h.text(list.total); h.markup(")</h2>\n")
            guard list.total > 0 else {
                h.markup("<p class=\"body\">"); h.text(empty); h.markup("</p>\n")
                return
            }
            h.markup("<ul class=\"list\">")
            for c in list.rows {
                h.markup("<li>"); item(&h, c); h.markup("</li>")
            }
            h.markup("</ul>")
            if let showAll = list.showAll {
                h.markup("<p class=\"body\"><a href=\""); h.text(showAll); h.markup("\">Show all "); h.text(list.total)
                h.markup("<span class=\"visually-hidden\"> in this list</span></a> ("); h.text(list.more); h.markup(" more)</p>")
            }
            h.markup("\n")
        }
    }
}

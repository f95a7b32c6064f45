import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/performance`: the national measures for any period, for the service or one team; the same
/// measures side by side per team; monthly trends; each table as CSV; and the children behind
/// the figures that are about children.
struct PerformanceController {
    static let users: Set<Role> = [.serviceLeader, .analyst, .teamManager, .administrator]

    struct MeasureRow: Encodable {
        let area: String
        let measure: String
        let value: String
        let drillDown: String?
        /// Published figures to compare with (`/admin/comparisons`), when entered.
        var england: String? = nil
        var neighbours: String? = nil
    }

    struct TeamRow: Encodable, Sendable {
        let team: String
        let assessments: String
        let conferences: String
        let visits: String
        let openCases: Int
    }


    struct Page: Encodable {
        let chrome: Chrome
        let from: String
        let to: String
        let teams: [FormOption]
        let scope: String
        let measures: [MeasureRow]
        let teamRows: [TeamRow]
        let trendChart: String
        let assessmentBars: String
        let conferenceBars: String
        let visitBars: String
        let query: String
        let trendReference: String?
    }

    func register(_ routes: LanternRoutes) {
        routes.get("performance", access: .roles(Self.users), use: show)
        routes.get("performance", "children", access: .roles(Self.users), use: children)
    }

    struct Inputs {
        let period: ReportingPeriod
        let teamID: UUID?
        let contacts: [ContactFacts]
        let cases: [CaseFacts]
        let timescales: StatutoryTimescales
        let teams: [TeamModel]
        /// Every team's cases, for the team comparisons.
        let allCases: [CaseFacts]
        /// Which reading of the facts these are: figures computed from the same reading are reused.
        let version: Int
    }

    private func inputs(_ req: Request) async throws -> Inputs {
        let today = Day(Date())
        let from = (req.query[String.self, at: "from"]).flatMap { try? DateEntry.parse($0) } ?? today.adding(years: -1).adding(days: 1)
        let to = (req.query[String.self, at: "to"]).flatMap { try? DateEntry.parse($0) } ?? today
        let teamID = req.query[String.self, at: "team"].flatMap(UUID.init(uuidString:))
        let teams = try await TeamModel.query(on: req.db).sort(\.$name).all()
        let facts = try await req.application.insightFacts.current(on: req.db)
        return Inputs(period: ReportingPeriod(from: from, to: to), teamID: teamID, contacts: facts.contacts,
                      cases: teamID.map { id in facts.cases.filter { $0.teamID == id } } ?? facts.cases,
                      timescales: StatutoryTimescales(calendar: try await req.workingDays()), teams: teams,
                      allCases: facts.cases, version: facts.version)
    }

    /// What the page computes from the facts for one period and team: the measures, the team
    /// comparison and the monthly trend.
    struct Figures: Sendable {
        let measures: PerformanceMeasures
        let teamRows: [TeamRow]
        let bars: (a: [(String, Double?)], c: [(String, Double?)], v: [(String, Double?)])
        let trendLabels: [String]
        let trend: [SVGChart.Series]
    }

    private func figures(_ input: Inputs, on app: Application) async -> Figures {
        let key = "\(input.period.from.iso)|\(input.period.to.iso)|\(input.teamID?.uuidString ?? "all")"
        if let kept = await app.insightFacts.figures(key, version: input.version, as: Figures.self) { return kept }
        // Contacts belong to the front door, not to a case-holding team.
        let m = PerformanceMeasures.compute(contacts: input.teamID == nil ? input.contacts : [], cases: input.cases,
                                            period: input.period, timescales: input.timescales)
        // Team variation: the same measures side by side.
        let byTeam = Dictionary(grouping: input.allCases, by: \.teamID)
        let caseTeams = input.teams.filter { byTeam[$0.id] != nil }
        var teamRows: [TeamRow] = []
        var bars: (a: [(String, Double?)], c: [(String, Double?)], v: [(String, Double?)]) = ([], [], [])
        for team in caseTeams {
            let teamCases = byTeam[team.id] ?? []
            let t = PerformanceMeasures.compute(contacts: [], cases: teamCases, period: input.period, timescales: input.timescales)
            teamRows.append(TeamRow(team: team.name, assessments: t.assessmentsWithin45WorkingDays.label,
                                    conferences: t.initialConferencesWithin15WorkingDays.label, visits: t.childProtectionVisitsInTime.label,
                                    openCases: teamCases.filter { $0.snapshot.openEpisode != nil }.count))
            bars.a.append((team.name, t.assessmentsWithin45WorkingDays.percent))
            bars.c.append((team.name, t.initialConferencesWithin15WorkingDays.percent))
            bars.v.append((team.name, t.childProtectionVisitsInTime.percent))
        }
        // Monthly trend per team for assessment timeliness.
        let months = input.period.months.suffix(24)
        let labels: [String] = months.map { month in
            let name: String = DisplayDate.months[month.start.month - 1]
            return String(name.prefix(3)) + " " + String(month.start.year % 100)
        }
        let trend = caseTeams.prefix(6).map { team in
            SVGChart.Series(name: team.name, values: months.map { month in
                PerformanceMeasures.compute(contacts: [], cases: byTeam[team.id] ?? [],
                                            period: ReportingPeriod(from: month.start, to: month.end), timescales: input.timescales)
                    .assessmentsWithin45WorkingDays.percent
            })
        }
        let computed = Figures(measures: m, teamRows: teamRows, bars: bars, trendLabels: labels, trend: Array(trend))
        await app.insightFacts.keep(computed, as: key, version: input.version)
        return computed
    }

    @Sendable func show(req: Request) async throws -> Response {
        // A download is an export: confirm it's you first when the last sign-in is not recent.
        if req.query[String.self, at: "format"] == "csv" { try req.requireRecentAuthentication() }
        let input = try await inputs(req)
        let figures = await figures(input, on: req.application)
        let m = figures.measures
        let query = "from=\(input.period.from.iso)&to=\(input.period.to.iso)" + (input.teamID.map { "&team=\($0)" } ?? "")
        func drill(_ measure: String, _ p: Proportion) -> String? { p.children.isEmpty ? nil : "/performance/children?measure=\(measure)&\(query)" }
        let sourceNames = Dictionary(uniqueKeysWithValues: ReferralSource.allCases.map { ($0.rawValue, $0.label) })
        var rows: [MeasureRow] = [
            MeasureRow(area: "Front door", measure: "Contacts received", value: "\(m.contacts)", drillDown: nil),
            MeasureRow(area: "Front door", measure: "Decided within 1 working day", value: m.decidedWithinOneWorkingDay.label, drillDown: nil),
            MeasureRow(area: "Front door", measure: "Contacts that became referrals", value: m.conversionToReferral.label, drillDown: nil),
        ]
        rows += m.conversionBySource.map { MeasureRow(area: "Front door", measure: "Became referrals: \(sourceNames[$0.source] ?? $0.source)", value: $0.proportion.label, drillDown: nil) }
        rows += m.conversionByOrganisation.prefix(25).map { MeasureRow(area: "Front door", measure: "Became referrals: \($0.organisation)", value: $0.proportion.label, drillDown: nil) }
        rows += [
            MeasureRow(area: "Referrals", measure: "Referrals", value: "\(m.referrals)", drillDown: nil),
            MeasureRow(area: "Referrals", measure: "Re-referrals within 12 months", value: m.reReferralsWithinTwelveMonths.label, drillDown: drill("reReferrals", m.reReferralsWithinTwelveMonths)),
            MeasureRow(area: "Assessment", measure: "Assessments authorised within 45 working days", value: m.assessmentsWithin45WorkingDays.label, drillDown: drill("lateAssessments", m.assessmentsWithin45WorkingDays)),
            MeasureRow(area: "Assessment", measure: "Assessments where the child was seen", value: m.assessmentsWithChildSeen.label, drillDown: nil),
            MeasureRow(area: "Child protection", measure: "Initial conferences within 15 working days of the strategy discussion (practice)", value: m.initialConferencesWithin15WorkingDays.label, drillDown: nil),
            MeasureRow(area: "Child protection", measure: "Initial conferences within 15 working days of the section 47 start (DfE measure)", value: m.initialConferencesWithin15WorkingDaysDfE.label, drillDown: nil),
            MeasureRow(area: "Child protection", measure: "Child protection plans started", value: "\(m.plansStarted)", drillDown: nil),
            MeasureRow(area: "Child protection", measure: "Child protection plans ended", value: "\(m.plansEnded)", drillDown: nil),
            MeasureRow(area: "Child protection", measure: "Repeat plans within 2 years", value: m.repeatPlansWithinTwoYears.label, drillDown: drill("repeatPlans", m.repeatPlansWithinTwoYears)),
            MeasureRow(area: "Child protection", measure: "Plans ended that lasted 2 years or more", value: m.plansEndedAfterTwoYearsOrMore.label, drillDown: drill("longPlans", m.plansEndedAfterTwoYearsOrMore)),
            MeasureRow(area: "Child protection", measure: "Child protection visits in time", value: m.childProtectionVisitsInTime.label, drillDown: nil),
        ]

        // Published figures beside Lantern's. The comparison measures carry the same names as these rows.
        let comparisons = try await ComparisonFigureModel.query(on: req.db).all().map(\.figure)
        func compared(_ measure: ComparisonMeasure, _ group: ComparisonGroup) -> ComparisonFigure? {
            ComparisonFigure.closest(comparisons, measure: measure, group: group, periodEnd: input.period.to)
        }
        for i in rows.indices {
            guard let measure = ComparisonMeasure.allCases.first(where: { $0.label == rows[i].measure }) else { continue }
            rows[i].england = compared(measure, .england)?.label
            rows[i].neighbours = compared(measure, .statisticalNeighbours)?.label
        }
        let trendReference = compared(.assessmentsWithin45WorkingDays, .england)

        let (teamRows, bars, labels, series) = (figures.teamRows, figures.bars, figures.trendLabels, figures.trend)

        if req.query[String.self, at: "format"] == "csv" {
            try await AuditLog.record(.reportExported, on: req.db, request: req, summary: "Downloaded performance measures \(input.period.from.iso) to \(input.period.to.iso)")
            let table = req.query[String.self, at: "table"] == "teams"
                ? CSV.table(["Team", "Assessments within 45 working days", "ICPCs within 15 working days", "CP visits in time", "Open cases"],
                            teamRows.map { [$0.team, $0.assessments, $0.conferences, $0.visits, "\($0.openCases)"] })
                : CSV.table(["Area", "Measure", "Value", "England", "Statistical neighbours"],
                            rows.map { [$0.area, $0.measure, $0.value, $0.england ?? "", $0.neighbours ?? ""] })
            return CSV.response(table, filename: "lantern-performance-\(input.period.from.iso)-\(input.period.to.iso).csv")
        }
        let scope = input.teamID.flatMap { id in input.teams.first { $0.id == id }?.name } ?? "All teams"
        let page = Page(
            chrome: Chrome(request: req, title: "Performance"), from: DisplayDate.entry(input.period.from), to: DisplayDate.entry(input.period.to),
            teams: [FormOption(value: "", label: "All teams", selected: input.teamID == nil)]
                + input.teams.map { FormOption(value: $0.id!.uuidString, label: $0.name, selected: $0.id == input.teamID) },
            scope: scope, measures: rows, teamRows: teamRows,
            trendChart: SVGChart.percentLines(title: "Assessments authorised within 45 working days, by month and team", labels: labels, series: series, target: trendReference?.percent),
            assessmentBars: SVGChart.percentBars(title: "Assessments within 45 working days by team", rows: bars.a),
            conferenceBars: SVGChart.percentBars(title: "Initial conferences within 15 working days by team", rows: bars.c),
            visitBars: SVGChart.percentBars(title: "Child protection visits in time by team", rows: bars.v),
            query: query, trendReference: trendReference.map { "Dashed line: \($0.label)." })
        return try await req.view.render("performance/index", page).encodeResponse(for: req)
    }

    struct ChildrenPage: Encodable {
        struct Row: Encodable {
            let id: UUID
            let reference: String
            let name: String?
        }
        let chrome: Chrome
        let title: String
        let rows: [Row]
        let back: String
    }

    /// The children behind a figure. Analysts see references only; managers and leaders, who act
    /// on the list, see names.
    @Sendable func children(req: Request) async throws -> View {
        let user = try req.user()
        let input = try await inputs(req)
        let m = PerformanceMeasures.compute(contacts: [], cases: input.cases, period: input.period, timescales: input.timescales)
        let measure = req.query[String.self, at: "measure"] ?? ""
        let (title, ids): (String, [UUID]) = switch measure {
        case "lateAssessments": ("Assessments authorised after 45 working days", m.assessmentsWithin45WorkingDays.children)
        case "reReferrals": ("Re-referrals within 12 months", m.reReferralsWithinTwelveMonths.children)
        case "repeatPlans": ("Repeat child protection plans within 2 years", m.repeatPlansWithinTwoYears.children)
        case "longPlans": ("Child protection plans that lasted 2 years or more", m.plansEndedAfterTwoYearsOrMore.children)
        default: throw LanternError.notFound(what: "that measure")
        }
        let visible = Set(ids).subtracting(try await RestrictedRecords.hiddenPersonIDs(from: user, on: req.db))
        let people = try await PersonModel.query(on: req.db).filter(\.$id ~~ Array(visible)).sort(\.$reference).all()
        let showNames = user.hasAny([.serviceLeader, .teamManager, .administrator])
        try await AuditLog.record(.reportExported, on: req.db, request: req, summary: "Viewed the \(people.count) children behind \(measure)")
        return try await req.view.render("performance/children", ChildrenPage(
            chrome: Chrome(request: req, title: title), title: title,
            rows: people.map { ChildrenPage.Row(id: $0.id!, reference: $0.reference, name: showNames ? $0.fullName : nil) },
            back: "/performance?" + (req.url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("measure=") }.joined(separator: "&")))
    }
}

/// CSV downloads: every cell quoted, and cells that a spreadsheet would run as a formula defused.
enum CSV {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ text: String) -> String {
        let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(_ text: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}

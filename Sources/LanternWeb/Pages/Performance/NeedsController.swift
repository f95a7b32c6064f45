import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/performance/needs`: what the children assessed needed, by primary need and factors, age,
/// ethnicity and postcode district, for any period.
struct NeedsController {
    struct Row: Encodable {
        let label: String
        let count: Int
        let share: String
    }

    struct Page: Encodable {
        let chrome: Chrome
        let from: String
        let to: String
        let assessments: Int
        let chart: String
        let needs: [Row]
        let factors: [Row]
        let ages: [Row]
        let ethnicities: [Row]
        let districts: [Row]
        let trend: Trend
    }

    /// Needs over time by locality: rows are need codes (or factors), columns collection years.
    struct Trend: Encodable {
        struct Line: Encodable {
            let label: String
            let cells: [String]
        }
        let localities: [FormOption]
        let kinds: [FormOption]
        let years: [String]
        let scope: String
        let assessments: [Int]
        let lines: [Line]
        let byLocality: [Line]
        let chart: String
    }

    static let trendYears = 5

    func register(_ routes: LanternRoutes) {
        routes.get("performance", "needs", access: .roles(PerformanceController.users), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let today = Day(Date())
        let from = req.query[String.self, at: "from"].flatMap { try? DateEntry.parse($0) } ?? today.adding(years: -1).adding(days: 1)
        let to = req.query[String.self, at: "to"].flatMap { try? DateEntry.parse($0) } ?? today
        let localityOf = try await Self.localities(on: req.db)
        // Only records with an episode open in the period or the trend's years can hold an
        // assessment authorised then.
        let years = ReportingYear.recent(Self.trendYears, to: today)
        let earliest = min(from, Day(year: years[0] - 1, month: 4, day: 1)!)
        let latest = max(to, Day(year: years[years.count - 1], month: 3, day: 31)!)
        let facts = try await ReturnsQueries.childCases(.episodesOverlapping(from: earliest, to: latest), on: req.db).map { c in
            NeedsFacts(snapshot: c.snapshot, birthDate: c.person.birthDate, ethnicity: c.person.ethnicity,
                       postcodeDistrict: c.person.postcode.flatMap { try? Postcode($0).outwardCode }, locality: localityOf[c.person.id])
        }
        let analysis = NeedsAnalysis.compute(facts, period: ReportingPeriod(from: from, to: to))
        let needLabels = Dictionary(uniqueKeysWithValues: PrimaryNeed.allCases.map { ($0.rawValue, $0.label) })
        let factorLabels = Dictionary(uniqueKeysWithValues: AssessmentFactor.allCases.map { ($0.rawValue, $0.label) })
        let ethnicityLabels = Dictionary(uniqueKeysWithValues: Ethnicity.allCases.map { ($0.rawValue, $0.label) })
        func rows(_ counts: [NeedsAnalysis.Count], _ labels: [String: String] = [:], showCode: Bool = true) -> [Row] {
            counts.map { c in
                let name = labels[c.key].map { showCode ? "\(c.key): \($0)" : $0 } ?? c.key
                let share = analysis.assessments == 0 ? "" : "\(Int((Double(c.count) * 100 / Double(analysis.assessments)).rounded()))%"
                return Row(label: name, count: c.count, share: share)
            }
        }
        let needs = rows(analysis.primaryNeeds, needLabels)
        let chart = SVGChart.percentBars(title: "Primary need of children assessed", rows: analysis.primaryNeeds.map { c in
            (label: c.key + " " + (needLabels[c.key] ?? ""), value: analysis.assessments == 0 ? nil : Double(c.count) * 100 / Double(analysis.assessments))
        })
        return try await req.view.render("performance/needs", Page(
            chrome: Chrome(request: req, title: "Needs analysis"), from: DisplayDate.entry(from), to: DisplayDate.entry(to),
            assessments: analysis.assessments, chart: chart, needs: needs, factors: rows(analysis.factors, factorLabels),
            ages: rows(analysis.byAgeBand), ethnicities: rows(analysis.byEthnicity, ethnicityLabels, showCode: false),
            districts: rows(analysis.byDistrict),
            trend: try await trend(req, facts: facts, today: today, needLabels: needLabels, factorLabels: factorLabels)))
    }

    /// Each child's locality: that of the team holding the case, or the team that last held it.
    static func localities(on db: any Database) async throws -> [UUID: String] {
        let names = Dictionary(try await LocalityModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let teams = Dictionary(try await TeamModel.query(on: db).all().map { ($0.id!, $0.$locality.id) }, uniquingKeysWith: { a, _ in a })
        return try await InsightQueries.holdingTeams(changedSince: nil, on: db).compactMapValues { team in teams[team].flatMap { $0 }.flatMap { names[$0] } }
    }

    private func trend(_ req: Request, facts: [NeedsFacts], today: Day, needLabels: [String: String],
                       factorLabels: [String: String]) async throws -> Trend {
        let localityNames = try await LocalityModel.query(on: req.db).sort(\.$name).all().map(\.name) + [NeedsTrend.unknownLocality]
        let chosen = req.query[String.self, at: "locality"].flatMap { localityNames.contains($0) ? $0 : nil }
        let factorsChosen = req.query[String.self, at: "kind"] == "factors"
        let years = ReportingYear.recent(Self.trendYears, to: today)
        let trend = NeedsTrend.compute(facts, years: years, locality: chosen)
        let series = factorsChosen ? trend.factors : trend.primaryNeeds
        let labels = factorsChosen ? factorLabels : needLabels
        func name(_ key: String) -> String { labels[key].map { "\(key): \($0)" } ?? key }
        let yearLabels = years.map(ReportingYear.label)
        let chart = SVGChart.percentLines(
            title: "\(factorsChosen ? "Factors" : "Primary needs") as a share of assessments, by year", labels: yearLabels,
            series: series.prefix(6).map { s in SVGChart.Series(name: s.key, values: years.indices.map { trend.share(s, year: $0) }) })
        return Trend(
            localities: [FormOption(value: "", label: "All localities", selected: chosen == nil)]
                + localityNames.map { FormOption(value: $0, label: $0, selected: $0 == chosen) },
            kinds: [FormOption(value: "needs", label: "Primary need", selected: !factorsChosen),
                    FormOption(value: "factors", label: "Factors identified at assessment", selected: factorsChosen)],
            years: yearLabels, scope: chosen ?? "All localities", assessments: trend.assessments,
            lines: series.map { s in
                Trend.Line(label: name(s.key), cells: years.indices.map { i in
                    "\(s.counts[i])" + (trend.share(s, year: i).map { " (\(Int($0.rounded()))%)" } ?? "")
                })
            },
            byLocality: trend.byLocality.map { Trend.Line(label: $0.key, cells: $0.counts.map(String.init)) },
            chart: chart)
    }
}

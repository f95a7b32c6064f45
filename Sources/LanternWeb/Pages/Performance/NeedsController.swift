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
    }

    func register(_ routes: LanternRoutes) {
        routes.get("performance", "needs", access: .roles(PerformanceController.users), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let today = Day(Date())
        let from = req.query[String.self, at: "from"].flatMap { try? DateEntry.parse($0) } ?? today.adding(years: -1).adding(days: 1)
        let to = req.query[String.self, at: "to"].flatMap { try? DateEntry.parse($0) } ?? today
        let facts = try await ReturnsQueries.childCases(on: req.db).map { c in
            NeedsFacts(snapshot: c.snapshot, birthDate: c.person.birthDate, ethnicity: c.person.ethnicity,
                       postcodeDistrict: c.person.postcode.flatMap { try? Postcode($0).outwardCode })
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
            districts: rows(analysis.byDistrict)))
    }
}

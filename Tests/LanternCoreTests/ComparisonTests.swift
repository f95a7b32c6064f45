import Testing
@testable import LanternCore

@Suite struct ComparisonTests {
    let figures = [
        ComparisonFigure(measure: .reReferrals, group: .england, year: 2024, percent: 22.4),
        ComparisonFigure(measure: .reReferrals, group: .england, year: 2025, percent: 21.9),
        ComparisonFigure(measure: .reReferrals, group: .statisticalNeighbours, year: 2023, percent: 19),
        ComparisonFigure(measure: .assessmentsWithin45WorkingDays, group: .england, year: 2027, percent: 82),
    ]

    @Test func theCollectionYearRunsAprilToMarchNamedByItsEnd() {
        #expect(ComparisonFigure.collectionYear(of: Day(iso: "2025-03-31")!) == 2025)
        #expect(ComparisonFigure.collectionYear(of: Day(iso: "2025-04-01")!) == 2026)
    }

    @Test func aPeriodIsComparedWithItsYearOrTheLatestPublishedBeforeIt() {
        let end = Day(iso: "2025-11-23")!
        // Collection year 2026 has no figure yet: the latest before it, 2025, is used.
        #expect(ComparisonFigure.closest(figures, measure: .reReferrals, group: .england, periodEnd: end)?.percent == 21.9)
        #expect(ComparisonFigure.closest(figures, measure: .reReferrals, group: .england, periodEnd: Day(iso: "2024-03-01")!)?.year == 2024)
        #expect(ComparisonFigure.closest(figures, measure: .reReferrals, group: .statisticalNeighbours, periodEnd: end)?.year == 2023)
        // A figure for a later year is never compared with an earlier period.
        #expect(ComparisonFigure.closest(figures, measure: .assessmentsWithin45WorkingDays, group: .england, periodEnd: end) == nil)
        #expect(figures[1].label == "21.9% (England, 2025)")
        #expect(figures[2].label == "19% (Statistical neighbours, 2023)")
    }
}

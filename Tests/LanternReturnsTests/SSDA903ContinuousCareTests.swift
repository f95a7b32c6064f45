import LanternCore
import Testing
@testable import LanternReturns

/// "Looked after continuously for 12 months at 31 March", at the edges of the collection year.
@Suite struct SSDA903ContinuousCareTests {
    static let year = CollectionYear(endingIn: 2026)

    static func episode(_ start: String, _ rne: String = "S", ls: String = "C2", end: String? = nil, rec: String? = nil) -> SSDA903Episode {
        SSDA903Episode(child: "C1", start: day(start), reasonNewEpisode: rne, legalStatus: ls, categoryOfNeed: "N1", placement: "U4",
                       placementProvider: "PR1", end: end.map(day), reasonEnded: rec)
    }

    static func continuous(_ episodes: [SSDA903Episode]) -> Bool {
        SSDA903ContinuousCare.isContinuouslyLookedAfter(episodes, year: year)
    }

    @Test func inCareSinceBeforeTheYearWithAMoveInIt() {
        #expect(Self.continuous([Self.episode("2023-05-02", end: "2025-09-01", rec: "X1"), Self.episode("2025-09-01", "P")]))
    }

    @Test func cameIntoCareOnTheFirstDayOfTheYear() {
        // Care that began on 1 April has lasted the whole year by 31 March.
        #expect(Self.continuous([Self.episode("2025-04-01")]))
        #expect(!Self.continuous([Self.episode("2025-04-02")]))
    }

    @Test func leftCareOnTheLastDayOfTheYear() {
        #expect(Self.continuous([Self.episode("2023-05-02", end: "2026-03-31", rec: "E4A")]))
        #expect(!Self.continuous([Self.episode("2023-05-02", end: "2026-03-30", rec: "E4A")]))
    }

    @Test func aShortBreakInTheYearIsNotContinuousCare() {
        #expect(!Self.continuous([Self.episode("2023-05-02", ls: "V3")]))
        #expect(!Self.continuous([Self.episode("2023-05-02", end: "2025-06-01", rec: "X1"), Self.episode("2025-06-01", "L", ls: "V4")]))
    }

    @Test func nobodyIsContinuouslyLookedAfterWithoutAnEpisodeInTheYear() {
        #expect(!Self.continuous([]))
        #expect(!Self.continuous([Self.episode("2026-04-01")]))
    }
}

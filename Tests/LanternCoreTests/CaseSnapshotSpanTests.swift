import Testing
@testable import LanternCore

/// The span a return reads before the record: first referral, last closure, ever looked after.
@Suite struct CaseSnapshotSpanTests {
    static func day(_ iso: String) -> Day { CaseworkFixtures.day(iso) }

    static func episode(_ referral: String, closed: String?) -> EpisodeOfNeed {
        var e = EpisodeOfNeed(referralDate: day(referral), referralSource: "1A")
        e.closure = closed.map { EpisodeOfNeed.Closure(date: day($0), reason: "RC8", signedOffBy: "tm") }
        return e
    }

    @Test func aRecordWithoutEpisodesIsInNoCensus() {
        let span = CaseSnapshot().span
        #expect(span == CaseSnapshot.Span(firstReferral: nil, episodesClosed: nil, everLookedAfter: false))
        #expect(!span.episodesOverlap(from: Self.day("2025-04-01"), to: Self.day("2026-03-31")))
    }

    @Test func closedEpisodesCountForTheYearsTheyTouch() {
        let snapshot = CaseSnapshot(episodes: [Self.episode("2019-06-03", closed: "2019-12-20"), Self.episode("2024-02-05", closed: "2025-04-01")])
        let span = snapshot.span
        #expect(span.firstReferral == Self.day("2019-06-03"))
        #expect(span.episodesClosed == Self.day("2025-04-01"))
        // Closed on the first day of 2025-26: in that census, not in 2026-27's.
        #expect(span.episodesOverlap(from: Self.day("2025-04-01"), to: Self.day("2026-03-31")))
        #expect(!span.episodesOverlap(from: Self.day("2026-04-01"), to: Self.day("2027-03-31")))
        // Before the first referral: in none. (The gap 2020-2023 is ruled out by the census's own rules.)
        #expect(!span.episodesOverlap(from: Self.day("2018-04-01"), to: Self.day("2019-03-31")))
    }

    @Test func anOpenEpisodeCountsForEveryYearFromItsReferral() {
        let snapshot = CaseSnapshot(episodes: [Self.episode("2019-06-03", closed: "2019-12-20"), Self.episode("2026-03-31", closed: nil)])
        let span = snapshot.span
        #expect(span.episodesClosed == nil)
        #expect(span.episodesOverlap(from: Self.day("2025-04-01"), to: Self.day("2026-03-31")), "referred on the census day")
        #expect(span.episodesOverlap(from: Self.day("2030-04-01"), to: Self.day("2031-03-31")))
    }
}

import LanternCore
@testable import LanternReturns

/// A synthetic SSDA903 return for Birmingham (E08000025), 2025-26. Postcodes are real Birmingham
/// postcodes (one Solihull) because the validator looks them up to work out placement distance.
enum SSDA903Fixture {
    static let year = CollectionYear(endingIn: 2026)
    static let localAuthority = "E08000025"

    static var input: SSDA903Input {
        var input = SSDA903Input(collectionYear: year)
        for story in stories + moreStories + routineCare {
            input.headers.append(story.header)
            input.episodes += story.episodes
            input.reviews += story.reviews
            input.missing += story.missing
            input.socialWorkerEpisodes += story.socialWorkers
            if let oc2 = story.outcomes { input.outcomesAfter12Months.append(oc2) }
            if let uasc = story.uasc { input.uasc.append(uasc) }
            if let perm = story.previousPermanence { input.previousPermanence.append(perm) }
            if let adoption = story.adoption { input.adoptions.append(adoption) }
            if let placed = story.placedForAdoption { input.placedForAdoption.append(placed) }
        }
        return input
    }

    /// One child's rows across every table.
    struct Story {
        var header: SSDA903Header
        var episodes: [SSDA903Episode]
        var reviews: [SSDA903Review] = []
        var missing: [SSDA903Missing] = []
        var socialWorkers: [SSDA903SocialWorkerEpisode] = []
        var outcomes: SSDA903OC2?
        var uasc: SSDA903UASC?
        var previousPermanence: SSDA903PreviousPermanence?
        var adoption: SSDA903Adoption?
        var placedForAdoption: SSDA903PlacedForAdoption?
    }

    static func reviews(_ child: String, _ list: [(String, String)]) -> [SSDA903Review] {
        list.map { SSDA903Review(child: child, date: weekday(onOrAfter: $0.0), participation: $0.1) }
    }

    static func worker(_ child: String, _ id: Int, from start: String, to end: String? = nil, reason: String) -> SSDA903SocialWorkerEpisode {
        SSDA903SocialWorkerEpisode(child: child, socialWorker: "SW\(100_000 + id)", start: day(start), end: end.map(day), reason: reason)
    }

    /// Looked after continuously for a year at 31 March: health and wellbeing outcomes (OC2).
    static func outcomes(_ child: String, sdq: Int?, convicted: Bool?, healthCheck: Bool? = nil) -> SSDA903OC2 {
        SSDA903OC2(child: child, sdqScore: sdq, convicted: convicted, healthCheck: healthCheck, immunisations: true,
                   teethCheck: true, healthAssessment: true, substanceMisuse: false)
    }

    static let stories: [Story] = [
        // Three placements in the year: foster care with the council, an agency foster carer, then a
        // children's home when the full care order was made.
        Story(
            header: SSDA903Header(child: "L2001", sex: "F", dateOfBirth: day("2012-05-14"), ethnicity: "WBRI",
                                  upn: CINFixture.upn(3_001), isMother: false),
            episodes: [
                SSDA903Episode(child: "L2001", start: day("2024-09-16"), reasonNewEpisode: "S", legalStatus: "C1",
                               categoryOfNeed: "N1", placement: "U6", placementProvider: "PR1", end: day("2025-06-02"),
                               reasonEnded: "X1", reasonPlacementChanged: "CARPL", homePostcode: "B29 6AA",
                               placementPostcode: "B15 2TT", urn: "SC052479"),
                SSDA903Episode(child: "L2001", start: day("2025-06-02"), reasonNewEpisode: "P", legalStatus: "C1",
                               categoryOfNeed: "N1", placement: "U6", placementProvider: "PR4", end: day("2025-11-20"),
                               reasonEnded: "X1", reasonPlacementChanged: "ALLEG", homePostcode: "B29 6AA",
                               placementPostcode: "B91 2AA", urn: "SC063158"),
                SSDA903Episode(child: "L2001", start: day("2025-11-20"), reasonNewEpisode: "U", legalStatus: "C2",
                               categoryOfNeed: "N1", placement: "K2", placementProvider: "PR4", homePostcode: "B29 6AA",
                               placementPostcode: "B33 0AA", urn: "SC471124"),
            ],
            reviews: reviews("L2001", [("2025-05-20", "PN1"), ("2025-11-18", "PN3")]),
            socialWorkers: [worker("L2001", 1, from: "2024-09-16", to: "2025-07-31", reason: "FCONTA"),
                            worker("L2001", 2, from: "2025-08-01", reason: "LEFTRL")],
            outcomes: outcomes("L2001", sdq: 14, convicted: false)),
        // Emergency protection order, then an interim care order with the same foster carers: a
        // change of legal status only.
        Story(
            header: SSDA903Header(child: "L2002", sex: "M", dateOfBirth: day("2015-02-03"), ethnicity: "APKN",
                                  upn: CINFixture.upn(3_002)),
            episodes: [
                SSDA903Episode(child: "L2002", start: day("2025-05-12"), reasonNewEpisode: "S", legalStatus: "L2",
                               categoryOfNeed: "N1", placement: "U4", placementProvider: "PR1", end: day("2025-05-20"),
                               reasonEnded: "X1", homePostcode: "B12 0XT", placementPostcode: "B32 9HQ", urn: "SC052479"),
                SSDA903Episode(child: "L2002", start: day("2025-05-20"), reasonNewEpisode: "L", legalStatus: "C1",
                               categoryOfNeed: "N1", placement: "U4", placementProvider: "PR1", homePostcode: "B12 0XT",
                               placementPostcode: "B32 9HQ", urn: "SC052479"),
            ],
            reviews: reviews("L2002", [("2025-06-06", "PN1"), ("2025-09-05", "PN2"), ("2026-03-04", "PN4")]),
            socialWorkers: [worker("L2002", 3, from: "2025-05-12", reason: "FCONTA")],
            previousPermanence: SSDA903PreviousPermanence(child: "L2002", option: "Z1")),
        // Turned 18 and stayed with his foster carers ("staying put").
        Story(
            header: SSDA903Header(child: "L2003", sex: "M", dateOfBirth: day("2007-08-30"), ethnicity: "WBRI",
                                  upn: CINFixture.upn(3_003)),
            episodes: [
                SSDA903Episode(child: "L2003", start: day("2023-01-10"), reasonNewEpisode: "S", legalStatus: "V2",
                               categoryOfNeed: "N4", placement: "U6", placementProvider: "PR1", end: day("2025-08-30"),
                               reasonEnded: "E17", homePostcode: "B23 5WR", placementPostcode: "B14 6TX", urn: "SC052479"),
            ],
            reviews: reviews("L2003", [("2025-06-10", "PN1")]),
            socialWorkers: [worker("L2003", 4, from: "2023-01-10", reason: "FCONTA")]),
        // Unaccompanied asylum-seeking young person in supported accommodation.
        Story(
            header: SSDA903Header(child: "L2004", sex: "M", dateOfBirth: day("2009-06-01"), ethnicity: "AOTH", upn: "UN2"),
            episodes: [
                SSDA903Episode(child: "L2004", start: day("2025-06-09"), reasonNewEpisode: "S", legalStatus: "V2",
                               categoryOfNeed: "N8", placement: "K3", placementProvider: "PR4", placementPostcode: "B1 1BB",
                               urn: "2654372"),
            ],
            reviews: reviews("L2004", [("2025-07-04", "PN1"), ("2025-10-03", "PN6")]),
            socialWorkers: [worker("L2004", 5, from: "2025-06-09", reason: "FCONTA")],
            uasc: SSDA903UASC(child: "L2004"),
            previousPermanence: SSDA903PreviousPermanence(child: "L2004", option: "Z1")),
        // Placement order, placed with adopters, adopted.
        Story(
            header: SSDA903Header(child: "L2005", sex: "F", dateOfBirth: day("2023-02-10"), ethnicity: "MWBC", upn: "UN1",
                                  isMother: false),
            episodes: [
                SSDA903Episode(child: "L2005", start: day("2024-07-01"), reasonNewEpisode: "S", legalStatus: "C1",
                               categoryOfNeed: "N1", placement: "U6", placementProvider: "PR1", end: day("2025-05-12"),
                               reasonEnded: "X1", homePostcode: "B31 5BL", placementPostcode: "B28 0EX", urn: "SC052479"),
                SSDA903Episode(child: "L2005", start: day("2025-05-12"), reasonNewEpisode: "L", legalStatus: "E1",
                               categoryOfNeed: "N1", placement: "U6", placementProvider: "PR1", end: day("2025-08-18"),
                               reasonEnded: "X1", reasonPlacementChanged: "CARPL", homePostcode: "B31 5BL",
                               placementPostcode: "B28 0EX", urn: "SC052479"),
                SSDA903Episode(child: "L2005", start: day("2025-08-18"), reasonNewEpisode: "P", legalStatus: "E1",
                               categoryOfNeed: "N1", placement: "A6", placementProvider: "PR1", end: day("2026-02-23"),
                               reasonEnded: "E11", homePostcode: "B31 5BL", placementPostcode: "B24 0BY", urn: "SC422813"),
            ],
            reviews: reviews("L2005", [("2025-05-08", "PN0"), ("2025-11-06", "PN0")]),
            socialWorkers: [worker("L2005", 6, from: "2024-07-01", reason: "FCONTA")],
            adoption: SSDA903Adoption(child: "L2005", decisionDate: day("2025-04-14"), matchedDate: day("2025-07-30"),
                                      byFosterCarers: false, numberOfAdopters: 2, adoptersSex: "MF", adoptersLegalStatus: "L3"),
            placedForAdoption: SSDA903PlacedForAdoption(child: "L2005", decisionDate: day("2025-04-14"))),
        // Teenager in a children's home who goes missing.
        Story(
            header: SSDA903Header(child: "L2006", sex: "F", dateOfBirth: day("2010-09-09"), ethnicity: "WBRI",
                                  upn: CINFixture.upn(3_006), isMother: false),
            episodes: [
                SSDA903Episode(child: "L2006", start: day("2023-03-20"), reasonNewEpisode: "S", legalStatus: "C2",
                               categoryOfNeed: "N5", placement: "K2", placementProvider: "PR4", homePostcode: "B18 9FD",
                               placementPostcode: "B5 5LB", urn: "SC489027"),
            ],
            reviews: reviews("L2006", [("2025-06-17", "PN5"), ("2025-12-09", "PN6")]),
            missing: [
                SSDA903Missing(child: "L2006", kind: "M", start: day("2025-07-04"), end: day("2025-07-05")),
                SSDA903Missing(child: "L2006", kind: "A", start: day("2025-10-11"), end: day("2025-10-11")),
                SSDA903Missing(child: "L2006", kind: "M", start: day("2026-02-02"), end: day("2026-02-04")),
            ],
            socialWorkers: [worker("L2006", 7, from: "2023-03-20", to: "2025-09-26", reason: "FCONTA"),
                            worker("L2006", 8, from: "2025-09-29", reason: "ORGRST")],
            outcomes: outcomes("L2006", sdq: 18, convicted: false)),
        // Accommodated with his mother's agreement, then home again as planned.
        Story(
            header: SSDA903Header(child: "L2007", sex: "M", dateOfBirth: day("2016-11-23"), ethnicity: "BCRB",
                                  upn: CINFixture.upn(3_007)),
            episodes: [
                SSDA903Episode(child: "L2007", start: day("2025-05-01"), reasonNewEpisode: "S", legalStatus: "V2",
                               categoryOfNeed: "N3", placement: "U5", placementProvider: "PR5", end: day("2025-09-12"),
                               reasonEnded: "E4A", homePostcode: "B4 7NP", placementPostcode: "B1 2BT", urn: "SC368841"),
            ],
            reviews: reviews("L2007", [("2025-05-28", "PN2")]),
            socialWorkers: [worker("L2007", 9, from: "2025-05-01", reason: "FCONTA")],
            previousPermanence: SSDA903PreviousPermanence(child: "L2007", option: "Z1")),
        // A toddler in long-term care with her grandparents.
        Story(
            header: SSDA903Header(child: "L2008", sex: "F", dateOfBirth: day("2022-06-20"), ethnicity: "WIRT", upn: "UN1",
                                  isMother: false),
            episodes: [
                SSDA903Episode(child: "L2008", start: day("2024-01-08"), reasonNewEpisode: "S", legalStatus: "C2",
                               categoryOfNeed: "N1", placement: "U1", placementProvider: "PR1", homePostcode: "B33 0AA",
                               placementPostcode: "B16 8AA", urn: "SC052479"),
            ],
            reviews: reviews("L2008", [("2025-07-15", "PN0"), ("2026-01-13", "PN0")]),
            socialWorkers: [worker("L2008", 10, from: "2024-01-08", reason: "FCONTA")],
            outcomes: outcomes("L2008", sdq: nil, convicted: nil, healthCheck: true)),
    ]

    /// Stories that exercise temporary placements and placements with parents.
    static let moreStories: [Story] = [
        // Two weeks with another carer while his foster carers were on holiday, then home to them.
        Story(
            header: SSDA903Header(child: "L2009", sex: "M", dateOfBirth: day("2013-10-02"), ethnicity: "BAFR",
                                  upn: CINFixture.upn(3_009)),
            episodes: [
                SSDA903Episode(child: "L2009", start: day("2022-03-01"), reasonNewEpisode: "S", legalStatus: "C2",
                               categoryOfNeed: "N1", placement: "U4", placementProvider: "PR1", end: day("2025-08-01"),
                               reasonEnded: "X1", homePostcode: "B1 1AA", placementPostcode: "B14 6TX", urn: "SC052479"),
                SSDA903Episode(child: "L2009", start: day("2025-08-01"), reasonNewEpisode: "P", legalStatus: "C2",
                               categoryOfNeed: "N1", placement: "T3", end: day("2025-08-15"), reasonEnded: "X1",
                               homePostcode: "B1 1AA", placementPostcode: "B28 0EX"),
                SSDA903Episode(child: "L2009", start: day("2025-08-15"), reasonNewEpisode: "P", legalStatus: "C2",
                               categoryOfNeed: "N1", placement: "U4", placementProvider: "PR1", homePostcode: "B1 1AA",
                               placementPostcode: "B14 6TX", urn: "SC052479"),
            ],
            reviews: reviews("L2009", [("2025-04-24", "PN2"), ("2025-10-23", "PN2")]),
            socialWorkers: [worker("L2009", 11, from: "2022-03-01", reason: "FCONTA")],
            outcomes: outcomes("L2009", sdq: 11, convicted: false)),
        // Home to her father under the care order, as the plan intended.
        Story(
            header: SSDA903Header(child: "L2010", sex: "F", dateOfBirth: day("2017-04-18"), ethnicity: "WOTH",
                                  upn: CINFixture.upn(3_010), isMother: false),
            episodes: [
                SSDA903Episode(child: "L2010", start: day("2024-06-03"), reasonNewEpisode: "S", legalStatus: "C1",
                               categoryOfNeed: "N2", placement: "U6", placementProvider: "PR1", end: day("2025-07-01"),
                               reasonEnded: "X1", reasonPlacementChanged: "CARPL", homePostcode: "B23 5WR",
                               placementPostcode: "B32 9HQ", urn: "SC052479"),
                SSDA903Episode(child: "L2010", start: day("2025-07-01"), reasonNewEpisode: "U", legalStatus: "C2",
                               categoryOfNeed: "N2", placement: "P1", placementProvider: "PR0", homePostcode: "B23 5WR",
                               placementPostcode: "B23 5WR"),
            ],
            reviews: reviews("L2010", [("2025-06-02", "PN3"), ("2025-12-01", "PN1")]),
            socialWorkers: [worker("L2010", 12, from: "2024-06-03", reason: "FCONTA")],
            outcomes: outcomes("L2010", sdq: 9, convicted: nil)),
    ]

    static let homes = ["B1 1AA", "B15 1TT", "B12 0XT", "B23 5WR", "B31 5BL", "B24 0BY", "B29 6AA", "B18 9FD"]
    static let placements = ["B1 1BD", "B32 9HQ", "B14 6TX", "B28 0EX", "B4 7NP", "B16 8AA", "B5 5LB", "B15 2TT"]
    static let ethnicities = ["WBRI", "BAFR", "MWBA", "ABAN", "WOTH", "BCRB", "APKN", "MOTH"]

    /// Children settled in long-term foster care all year: one open episode, reviews, OC2.
    static var routineCare: [Story] {
        (0..<8).map { i in
            let child = "L\(2_100 + i)"
            let born = Day(year: 2009 + i, month: 1 + i, day: 5 + 2 * i)!
            let female = i % 2 == 0
            let since = Day(year: 2021 + i % 3, month: 2 + i, day: 1 + i)!
            let ageAtEnd = born.age(on: year.end)
            return Story(
                header: SSDA903Header(child: child, sex: female ? "F" : "M", dateOfBirth: born, ethnicity: ethnicities[i],
                                      upn: CINFixture.upn(3_100 + i), isMother: female ? false : nil),
                episodes: [
                    SSDA903Episode(child: child, start: since, reasonNewEpisode: "S", legalStatus: "C2", categoryOfNeed: "N1",
                                   placement: i % 3 == 0 ? "U5" : "U4", placementProvider: i % 3 == 0 ? "PR4" : "PR1",
                                   homePostcode: homes[i], placementPostcode: placements[i],
                                   urn: i % 3 == 0 ? "SC063158" : "SC052479"),
                ],
                reviews: reviews(child, [("2025-06-0\(1 + i)", "PN\(1 + i % 6)"), ("2025-12-0\(1 + i)", "PN\(1 + i % 6)")]),
                socialWorkers: [SSDA903SocialWorkerEpisode(child: child, socialWorker: "SW\(100_200 + i)", start: since,
                                                           reason: "FCONTA")],
                outcomes: outcomes(child, sdq: 8 + i, convicted: ageAtEnd >= 10 ? false : nil))
        }
    }
}

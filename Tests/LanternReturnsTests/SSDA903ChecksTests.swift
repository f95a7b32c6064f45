import LanternCore
import Testing
@testable import LanternReturns

/// One deliberate mistake in an otherwise clean SSDA903 return, and the DfE rule that must catch it.
struct Broken903Record: Sendable, CustomTestStringConvertible {
    let mistake: String
    let rule: String
    let change: @Sendable (inout SSDA903Input) -> Void

    var testDescription: String { "\(mistake) -> \(rule)" }

    init(_ mistake: String, _ rule: String, _ change: @escaping @Sendable (inout SSDA903Input) -> Void) {
        self.mistake = mistake
        self.rule = rule
        self.change = change
    }
}

extension SSDA903Input {
    /// Index of `child`'s episode number `n` (oldest first) in the Episodes table.
    func episode(_ child: String, _ n: Int = 0) -> Int {
        episodes.indices.filter { episodes[$0].child == child }[n]
    }

    func header(_ child: String) -> Int { headers.firstIndex { $0.child == child }! }
}

@Suite struct SSDA903ChecksTests {
    static let brokenRecords: [Broken903Record] = [
        .init("episode ends before it starts", "356") { $0.episodes[$0.episode("L2007")].end = day("2025-04-20") },
        .init("episode lasts under a day", "355") { $0.episodes[$0.episode("L2007")].end = day("2025-05-01") },
        .init("episodes overlap", "501") { $0.episodes[$0.episode("L2001", 1)].start = day("2025-05-30") },
        .init("gap between continuing episodes", "433") { $0.episodes[$0.episode("L2001", 1)].start = day("2025-06-05") },
        .init("X1 not followed on the same day", "388") { $0.episodes[$0.episode("L2001", 1)].start = day("2025-06-05") },
        .init("last episode ends with X1", "388") { $0.episodes[$0.episode("L2003")].reasonEnded = "X1" },
        .init("previous episode never ended", "142") {
            let i = $0.episode("L2002")
            $0.episodes[i].end = nil
            $0.episodes[i].reasonEnded = nil
        },
        .init("end date without a reason", "148") { $0.episodes[$0.episode("L2007")].reasonEnded = nil },
        .init("episode after the collection year", "354") { $0.episodes[$0.episode("L2004")].start = day("2026-04-02") },
        .init("ends after the collection year", "385") { $0.episodes[$0.episode("L2007")].end = day("2026-04-02") },
        .init("left care, then a continuation episode", "432") {
            $0.episodes[$0.episode("L2002")].reasonEnded = "E4A"
        },
        .init("new period of care on the day the last ended", "431") {
            $0.episodes[$0.episode("L2002", 1)].reasonNewEpisode = "S"
        },
        .init("L but the placement changed too", "434") { $0.episodes[$0.episode("L2002", 1)].placementPostcode = "B1 1AA" },
        .init("P but the legal status changed", "435") { $0.episodes[$0.episode("L2001", 1)].legalStatus = "C2" },
        .init("U but nothing changed", "436") {
            let i = $0.episode("L2001", 2)
            $0.episodes[i].legalStatus = "C1"
            $0.episodes[i].placement = "U6"
            $0.episodes[i].placementPostcode = "B91 2AA"
            $0.episodes[i].urn = "SC063158"
        },
        .init("care continues after the child died", "437") {
            $0.episodes[$0.episode("L2002")].reasonEnded = "E2"
        },
        .init("first episode not a start of care", "357") { $0.episodes[$0.episode("L2007")].reasonNewEpisode = "P" },
        .init("started care at 18", "352") { $0.headers[$0.header("L2007")].dateOfBirth = day("2007-01-01") },
        .init("stayed with carers at 18 while 17", "460") { $0.episodes[$0.episode("L2007")].reasonEnded = "E17" },
        .init("adopted at 18", "386") { $0.headers[$0.header("L2005")].dateOfBirth = day("2007-01-01") },
        .init("independent living under 14", "387") { $0.episodes[$0.episode("L2007")].reasonEnded = "E5" },
        .init("remand status under 10", "358") { $0.episodes[$0.episode("L2007")].legalStatus = "J1" },
        .init("emergency protection order over 21 days", "362") {
            let first = $0.episode("L2002"), second = $0.episode("L2002", 1)
            $0.episodes[first].end = day("2025-06-10")
            $0.episodes[second].start = day("2025-06-10")
        },
        .init("police protection over 72 hours", "361") {
            let i = $0.episode("L2002")
            $0.episodes[i].legalStatus = "L1"
        },
        .init("short break over 17 days", "365") {
            let i = $0.episode("L2007")
            $0.episodes[i].legalStatus = "V3"
        },
        .init("temporary placement over 7 days", "379") {
            let i = $0.episode("L2007")
            $0.episodes[i].placement = "T4"
        },
        .init("placed with parents under section 20", "378") { $0.episodes[$0.episode("L2007")].placement = "P1" },
        .init("supported accommodation under 16", "371") { $0.headers[$0.header("L2004")].dateOfBirth = day("2010-01-01") },
        .init("episode before birth", "302") { $0.headers[$0.header("L2008")].dateOfBirth = day("2024-02-01") },
        .init("invalid placement code", "146") { $0.episodes[$0.episode("L2007")].placement = "Z1" },
        .init("invalid legal status", "144") { $0.episodes[$0.episode("L2007")].legalStatus = "X9" },
        .init("invalid reason for new episode", "143") { $0.episodes[$0.episode("L2007")].reasonNewEpisode = "Q" },
        .init("invalid category of need", "145") { $0.episodes[$0.episode("L2007")].categoryOfNeed = "N9" },
        .init("invalid reason ended", "149") { $0.episodes[$0.episode("L2007")].reasonEnded = "E99" },
        .init("invalid reason for placement change", "1009") { $0.episodes[$0.episode("L2001")].reasonPlacementChanged = "MOVED" },
        .init("placement change with no reason", "225") { $0.episodes[$0.episode("L2001")].reasonPlacementChanged = nil },
        .init("reason for change on an open episode", "233") { $0.episodes[$0.episode("L2006")].reasonPlacementChanged = "CARPL" },
        .init("no placement provider", "526") { $0.episodes[$0.episode("L2007")].placementProvider = nil },
        .init("provider on a temporary placement", "213") {
            let i = $0.episode("L2006")
            $0.episodes[i].placement = "T4"
            $0.episodes[i].urn = nil
        },
        .init("temporary placement starts care", "380") {
            let i = $0.episode("L2007")
            $0.episodes[i].placement = "T4"
            $0.episodes[i].placementProvider = nil
            $0.episodes[i].urn = nil
        },
        .init("parents as provider of foster care", "550") { $0.episodes[$0.episode("L2007")].placementProvider = "PR0" },
        .init("own provision for placement with parents", "527") {
            let i = $0.episode("L2006")
            $0.episodes[i].placement = "P1"
            $0.episodes[i].placementProvider = "PR1"
            $0.episodes[i].urn = nil
        },
        .init("foster placement with no URN", "218") { $0.episodes[$0.episode("L2007")].urn = nil },
        .init("URN for placement with parents", "222") {
            let i = $0.episode("L2006")
            $0.episodes[i].placement = "P1"
            $0.episodes[i].placementProvider = "PR0"
        },
        .init("agency URN on a children's home", "242") { $0.episodes[$0.episode("L2006")].urn = "XXXXXXX" },
        .init("no placement postcode", "392b") { $0.episodes[$0.episode("L2007")].placementPostcode = nil },
        .init("placed at home but not with parents", "392d") { $0.episodes[$0.episode("L2007")].placementPostcode = "B4 7NP" },
        .init("short break with postcodes", "398") { $0.episodes[$0.episode("L2007")].legalStatus = "V3" },
        .init("missing period ends before it starts", "567") { $0.missing[0].end = day("2025-07-01") },
        .init("missing periods overlap", "574") { $0.missing[1].start = day("2025-07-04"); $0.missing[1].end = day("2025-07-06") },
        .init("missing after leaving care, unended", "577") {
            $0.missing.append(SSDA903Missing(child: "L2007", kind: "M", start: day("2025-09-01")))
        },
        .init("missing before care began", "581") {
            $0.missing.append(SSDA903Missing(child: "L2007", kind: "A", start: day("2025-04-10"), end: day("2025-04-11")))
        },
        .init("missing type not M or A", "1006") { $0.missing[0].kind = "X" },
        .init("under-4 code for a 10-year-old", "440") { $0.reviews[$0.reviews.firstIndex { $0.child == "L2002" }!].participation = "PN0" },
        .init("toddler not coded PN0", "441") { $0.reviews[$0.reviews.firstIndex { $0.child == "L2008" }!].participation = "PN1" },
        .init("participation not a code", "167") { $0.reviews[0].participation = "PN9" },
        .init("UASC status ends after 18", "304") { $0.uasc[0].statusCeased = day("2027-07-01") },
        .init("episode for a child with no Header", "INT03") { $0.headers.remove(at: $0.header("L2007")) },
        .init("two Header rows for one child", "INT32") { $0.headers.append($0.headers[0]) },
        .init("two OC2 rows for one child", "INT33") { $0.outcomesAfter12Months.append($0.outcomesAfter12Months[0]) },
        .init("sex recorded as unknown", "232") { $0.headers[0].sex = "U" },
        .init("sex in the old numeric codes", "101") { $0.headers[0].sex = "2" },
        .init("ethnicity not a code", "103") { $0.headers[0].ethnicity = "WHIT" },
        .init("UPN badly formed", "168") { $0.headers[0].upn = "I123" },
        .init("same UPN for two children", "444") { $0.headers[1].upn = $0.headers[0].upn },
        .init("school-age child coded UN1", "209") { $0.headers[$0.header("L2004")].upn = "UN1" },
        .init("UN4 for a child in care all year", "210") { $0.headers[$0.header("L2001")].upn = "UN4" },
        .init("UN4 for a child who came into care in the last week", "210") {
            let i = $0.episode("L2004")
            $0.episodes[i].start = day("2026-03-25")
            $0.headers[$0.header("L2004")].upn = "UN4"
        },
        .init("no OC2 row for a child in care all year", "191") { $0.outcomesAfter12Months.removeAll { $0.child == "L2001" } },
        .init("OC2 row with its health items blank", "191") {
            $0.outcomesAfter12Months[$0.outcomesAfter12Months.firstIndex { $0.child == "L2001" }!].teethCheck = nil
        },
        .init("OC2 row for a child who came into care in the year", "190") {
            $0.outcomesAfter12Months.append(SSDA903Fixture.outcomes("L2004", sdq: 10, convicted: false))
        },
        .init("social worker episode dated before care began", "SW12STG2") {
            $0.socialWorkerEpisodes[$0.socialWorkerEpisodes.firstIndex { $0.child == "L2001" }!].start = day("2024-09-02")
        },
        .init("a new social worker after the child left care", "SW12STG2") {
            $0.socialWorkerEpisodes.append(SSDA903SocialWorkerEpisode(child: "L2005", socialWorker: "SW100099", start: day("2026-03-02"),
                                                                      end: nil, reason: "FCONTA"))
        },
        .init("decision to place for adoption before care began", "1003") { $0.placedForAdoption[0].decisionDate = day("2024-06-03") },
        .init("born after the year", "301") { $0.headers[$0.header("L2008")].dateOfBirth = day("2026-04-05") },
        .init("mother status missing for a girl", "393") { $0.headers[$0.header("L2006")].isMother = nil },
        .init("mother without her child's birth date", "611") { $0.headers[$0.header("L2006")].isMother = true },
        .init("child's birth date without mother status", "612") {
            $0.headers[$0.header("L2006")].mothersChildBirthDate = day("2025-12-01")
        },
        .init("SDQ score out of range", "180") { $0.outcomesAfter12Months[0].sdqScore = 45 },
        .init("health check for a 13-year-old", "546") { $0.outcomesAfter12Months[0].healthCheck = true },
        .init("conviction item for a 3-year-old", "542") {
            $0.outcomesAfter12Months[$0.outcomesAfter12Months.firstIndex { $0.child == "L2008" }!].convicted = false
        },
        .init("substance misuse with no intervention item", "192") { $0.outcomesAfter12Months[0].substanceMisuse = true },
        .init("adoption details for a child not adopted", "602") { $0.adoptions[0].child = "L2006" },
        .init("adopted with no adoption details", "601") { $0.adoptions = [] },
        .init("married couple not MF", "517") { $0.adoptions[0].adoptersSex = "MM" },
        .init("two adopters recorded as one", "511") { $0.adoptions[0].adoptersSex = "F1"; $0.adoptions[0].adoptersLegalStatus = "L2" },
        .init("decision after the match", "333") { $0.adoptions[0].decisionDate = day("2025-08-01") },
        .init("reversed with no reason", "119") { $0.placedForAdoption[0].reversedDate = day("2025-09-01") },
        .init("previous permanence not a code", "631") { $0.previousPermanence[0].option = "P9" },
        .init("no previous order, yet an LA", "635") { $0.previousPermanence[0].arrangedBy = "330" },
        .init("social worker ID not SW", "SW02STG1") { $0.socialWorkerEpisodes[0].socialWorker = "AB123" },
        .init("social worker reason not a code", "SW13STG1") { $0.socialWorkerEpisodes[0].reason = "BORED" },
        .init("latest social worker episode ended", "SW17STG2") {
            $0.socialWorkerEpisodes[$0.socialWorkerEpisodes.firstIndex { $0.child == "L2002" }!].end = day("2026-01-01")
        },
        .init("social worker episodes overlap", "SW10STG2") { $0.socialWorkerEpisodes[1].start = day("2025-07-01") },
        .init("social worker handover gap over a week", "SW10aSTG2") { $0.socialWorkerEpisodes[1].start = day("2025-08-20") },
        .init("previous social worker never ended", "SW08STG2") { $0.socialWorkerEpisodes[0].end = nil },
    ]

    @Test(arguments: brokenRecords)
    func eachMistakeIsCaughtByItsRule(_ broken: Broken903Record) {
        var input = SSDA903Fixture.input
        broken.change(&input)
        let issues = SSDA903Checks.check(input)
        let caught = issues.filter { $0.rule == broken.rule }
        #expect(!caught.isEmpty, "expected rule \(broken.rule); got \(issues.map(\.description))")
        #expect(caught.allSatisfy { $0.severity == .error && $0.message.hasSuffix("(rule \(broken.rule))") })
    }

    @Test func theCleanFixtureRaisesNothing() {
        let issues = SSDA903Checks.check(SSDA903Fixture.input)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func messagesNameTheChildAndDatesInUKFormat() throws {
        var input = SSDA903Fixture.input
        input.episodes[input.episode("L2007")].end = day("2025-04-20")
        let issue = try #require(SSDA903Checks.check(input).first { $0.rule == "356" })
        #expect(issue.childID == "L2007")
        #expect(issue.field == "DEC")
        #expect(issue.message == "The episode ends (20/04/2025) before it starts (01/05/2025) (rule 356)")
    }
}

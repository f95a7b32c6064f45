import Foundation
import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures

enum CareLedgerFixtures {
    static let born = F.day("2008-06-15")
    static let fosterCare = CarePlacement(type: "U6", provider: "PR1", postcode: "B15 2TT")
    static let childrensHome = CarePlacement(type: "K2", provider: "PR4", postcode: "B29 6BD", urn: "SC123456")
    static let longTermFoster = CarePlacement(type: "U4", provider: "PR4", postcode: "B1 1BB")
    static let hospital = CarePlacement(type: "T1", provider: nil, postcode: "B15 2TH")

    static func start(_ iso: String, _ legalStatus: String = "C1", placement: CarePlacement = fosterCare) -> CareEvent {
        .startedToBeLookedAfter(.init(date: F.day(iso), legalStatus: legalStatus, categoryOfNeed: "N1", placement: placement,
                                      homePostcode: "B12 9QJ"))
    }

    static func move(_ iso: String, to placement: CarePlacement, reason: String? = "CARPL", sameCarers: Bool = false) -> CareEvent {
        .placementChanged(.init(date: F.day(iso), placement: placement, reason: reason, sameCarers: sameCarers))
    }

    static func legalStatus(_ iso: String, _ code: String) -> CareEvent { .legalStatusChanged(on: F.day(iso), legalStatus: code) }
    static func cease(_ iso: String, _ reason: String) -> CareEvent { .ceasedToBeLookedAfter(on: F.day(iso), reason: reason) }

    /// Records `events` in order; every one must be accepted.
    static func ledger(_ events: [CareEvent], born: Day? = born) throws -> CareEpisodeLedger {
        try events.reduce(CareEpisodeLedger(childBirthDate: born)) { try $0.recording($1, on: F.today, by: F.worker) }
    }

    static let inCare = [start("2025-09-01")]
}

private typealias L = CareLedgerFixtures

@Suite struct CareEpisodeLedgerTests {
    /// The brief's example: into care, two moves and one legal status change, leaving at 18.
    @Test func derivesTheRowsForAChildWhoEntersCareMovesTwiceAndLeavesAt18() throws {
        let ledger = try L.ledger([
            L.start("2025-09-01", "C1"),
            L.move("2025-11-10", to: L.childrensHome, reason: "CARPL"),
            L.legalStatus("2026-02-16", "C2"),
            L.move("2026-04-20", to: L.longTermFoster, reason: "CHILD"),
            L.cease("2026-06-15", "E17"),
        ])
        let expected = [
            CareEpisodeRow(startDate: F.day("2025-09-01"), reasonForNewEpisode: .startedToBeLookedAfter, legalStatus: "C1",
                           categoryOfNeed: "N1", placement: L.fosterCare, homePostcode: "B12 9QJ",
                           endDate: F.day("2025-11-10"), reasonEnded: "X1", reasonForPlacementChange: "CARPL"),
            CareEpisodeRow(startDate: F.day("2025-11-10"), reasonForNewEpisode: .placementAndCarersChanged, legalStatus: "C1",
                           categoryOfNeed: "N1", placement: L.childrensHome, homePostcode: "B12 9QJ",
                           endDate: F.day("2026-02-16"), reasonEnded: "X1", reasonForPlacementChange: nil),
            CareEpisodeRow(startDate: F.day("2026-02-16"), reasonForNewEpisode: .legalStatusChangedOnly, legalStatus: "C2",
                           categoryOfNeed: "N1", placement: L.childrensHome, homePostcode: "B12 9QJ",
                           endDate: F.day("2026-04-20"), reasonEnded: "X1", reasonForPlacementChange: "CHILD"),
            CareEpisodeRow(startDate: F.day("2026-04-20"), reasonForNewEpisode: .placementAndCarersChanged, legalStatus: "C2",
                           categoryOfNeed: "N1", placement: L.longTermFoster, homePostcode: "B12 9QJ",
                           endDate: F.day("2026-06-15"), reasonEnded: "E17", reasonForPlacementChange: nil),
        ]
        #expect(ledger.episodes == expected)
        #expect(ledger.episodes.map(\.reasonForNewEpisode.rawValue) == ["S", "P", "L", "P"])
        #expect(!ledger.isLookedAfter)
        #expect(ledger.isLookedAfter(on: F.day("2026-06-14")))
        #expect(!ledger.isLookedAfter(on: F.day("2026-06-15")))
    }

    @Test(arguments: [
        (false, CareEpisodeRow.NewEpisodeReason.legalStatusAndPlacementAndCarersChanged),
        (true, .legalStatusAndPlacementChangedSameCarers),
    ])
    func givesUOrBWhenPlacementAndLegalStatusChangeTheSameDay(sameCarers: Bool, expected: CareEpisodeRow.NewEpisodeReason) throws {
        for order in [[0, 1], [1, 0]] {
            let changes = [L.move("2025-10-06", to: L.longTermFoster, sameCarers: sameCarers), L.legalStatus("2025-10-06", "C2")]
            let ledger = try L.ledger(L.inCare + order.map { changes[$0] })
            #expect(ledger.episodes.map(\.reasonForNewEpisode) == [.startedToBeLookedAfter, expected])
            #expect(ledger.episodes.last?.legalStatus == "C2")
            #expect(ledger.episodes.last?.placement == L.longTermFoster)
            #expect(ledger.episodes.first?.reasonForPlacementChange == "CARPL")
        }
    }

    @Test func givesTWhenThePlacementChangesWithTheSameCarers() throws {
        let ledger = try L.ledger(L.inCare + [L.move("2025-12-01", to: CarePlacement(type: "U4", provider: "PR1", postcode: "B15 2TT"),
                                                   reason: "CARPL", sameCarers: true)])
        #expect(ledger.episodes.map(\.reasonForNewEpisode) == [.startedToBeLookedAfter, .placementChangedSameCarers])
    }

    @Test func foldsAChangeOnTheFirstDayIntoTheStartingRow() throws {
        let ledger = try L.ledger(L.inCare + [L.legalStatus("2025-09-01", "C2"), L.move("2025-09-01", to: L.childrensHome)])
        #expect(ledger.episodes.count == 1)
        #expect(ledger.episodes[0].reasonForNewEpisode == .startedToBeLookedAfter)
        #expect(ledger.episodes[0].legalStatus == "C2")
        #expect(ledger.episodes[0].placement == L.childrensHome)
    }

    @Test func dropsSameDayChangesThatCancelOut() throws {
        let ledger = try L.ledger(L.inCare + [L.move("2025-10-06", to: L.childrensHome), L.move("2025-10-06", to: L.fosterCare)])
        #expect(ledger.episodes.count == 1)
        #expect(ledger.episodes[0].endDate == nil)
        #expect(ledger.episodes[0].reasonEnded == nil)
        #expect(ledger.episodes[0].reasonForPlacementChange == nil)
    }

    /// A temporary stay leaves no reason for change either side, and the return is always P.
    @Test func codesAHospitalStayAndTheReturnFromIt() throws {
        let ledger = try L.ledger(L.inCare + [
            L.move("2025-10-06", to: L.hospital, reason: nil),
            L.move("2025-10-09", to: L.fosterCare, reason: nil, sameCarers: true),
        ])
        #expect(ledger.episodes.map(\.reasonForNewEpisode) == [.startedToBeLookedAfter, .placementAndCarersChanged, .placementAndCarersChanged])
        #expect(ledger.episodes.map(\.reasonForPlacementChange) == [nil, nil, nil])
        #expect(ledger.episodes.map(\.reasonEnded) == ["X1", "X1", nil])
    }

    @Test func endsTheEarlierRowWhenCareEndsOnTheDayOfAChange() throws {
        let ledger = try L.ledger(L.inCare + [L.move("2025-10-06", to: L.childrensHome), L.cease("2025-10-06", "E4A")])
        #expect(ledger.episodes.count == 1)
        #expect(ledger.episodes[0].endDate == F.day("2025-10-06"))
        #expect(ledger.episodes[0].reasonEnded == "E4A")
        #expect(ledger.episodes[0].reasonForPlacementChange == nil)
    }

    @Test func startsASecondPeriodOfCareWithS() throws {
        let ledger = try L.ledger(L.inCare + [L.cease("2025-10-06", "E4A"), L.start("2026-01-12", "V2")])
        #expect(ledger.episodes.map(\.reasonForNewEpisode) == [.startedToBeLookedAfter, .startedToBeLookedAfter])
        #expect(ledger.episodes.map(\.reasonEnded) == ["E4A", nil])
        #expect(ledger.isLookedAfter)
        #expect(!ledger.isLookedAfter(on: F.day("2025-12-01")))
    }

    struct RefusedCareEvent: CustomTestStringConvertible, Sendable {
        let name: String
        let history: [CareEvent]
        let event: CareEvent
        var born: Day? = CareLedgerFixtures.born
        var actor = CaseworkFixtures.worker
        let code: WorkflowRefusal.Code
        var testDescription: String { name }
    }

    static let refused: [RefusedCareEvent] = [
        .init(name: "recording without access", history: [], event: L.start("2025-09-01"), actor: F.visitor, code: .needsCapability),
        .init(name: "a date in the future", history: [], event: L.start("2026-12-01"), code: .dateInFuture),
        .init(name: "a date before birth", history: [], event: L.start("2008-06-01"), code: .dateTooEarly),
        .init(name: "starting while looked after", history: L.inCare, event: L.start("2025-10-01"), code: .alreadyLookedAfter),
        .init(name: "starting again the day care ended", history: L.inCare + [L.cease("2025-10-06", "E4A")],
              event: L.start("2025-10-06"), code: .restartOnEndDay),
        .init(name: "starting again before care ended", history: L.inCare + [L.cease("2025-10-06", "E4A")],
              event: L.start("2025-10-01"), code: .dateTooEarly),
        .init(name: "starting at 18", history: [], event: L.start("2026-06-15"), code: .tooOldToStart),
        .init(name: "starting in a temporary placement", history: [], event: L.start("2025-09-01", placement: L.hospital),
              code: .startsTemporary),
        .init(name: "starting with an unknown legal status", history: [], event: L.start("2025-09-01", "C3"), code: .unknownCode),
        .init(name: "starting with a CIN-only category of need", history: [], event: .startedToBeLookedAfter(.init(
            date: F.day("2025-09-01"), legalStatus: "V2", categoryOfNeed: "N9", placement: L.fosterCare, homePostcode: nil)), code: .unknownCode),
        .init(name: "starting in a retired placement type", history: [],
              event: L.start("2025-09-01", placement: CarePlacement(type: "P2", provider: "PR0", postcode: nil)), code: .unknownCode),
        .init(name: "starting without a placement provider", history: [],
              event: L.start("2025-09-01", placement: CarePlacement(type: "U4", provider: nil, postcode: "B1 1BB")), code: .missingDetail),
        .init(name: "starting with an unknown placement provider", history: [],
              event: L.start("2025-09-01", placement: CarePlacement(type: "U4", provider: "PR9", postcode: "B1 1BB")), code: .unknownCode),
        .init(name: "a provider for a placement that has none", history: L.inCare,
              event: L.move("2025-10-06", to: CarePlacement(type: "Z12", provider: "PR4", postcode: "B1 1BB")), code: .providerNotExpected),
        .init(name: "moving when not looked after", history: [], event: L.move("2025-10-06", to: L.childrensHome), code: .notLookedAfter),
        .init(name: "moving after care ended", history: L.inCare + [L.cease("2025-10-06", "E4A")],
              event: L.move("2025-10-08", to: L.childrensHome), code: .notLookedAfter),
        .init(name: "moving before the current episode began", history: L.inCare + [L.legalStatus("2025-10-06", "C2")],
              event: L.move("2025-10-01", to: L.childrensHome), code: .dateTooEarly),
        .init(name: "moving to the same placement", history: L.inCare, event: L.move("2025-10-06", to: L.fosterCare), code: .nothingChanged),
        .init(name: "moving without a reason", history: L.inCare, event: L.move("2025-10-06", to: L.childrensHome, reason: nil),
              code: .missingDetail),
        .init(name: "moving with an unknown reason", history: L.inCare, event: L.move("2025-10-06", to: L.childrensHome, reason: "FIGHT"),
              code: .unknownCode),
        .init(name: "moving during a short break", history: [L.start("2025-09-01", "V3")],
              event: L.move("2025-09-03", to: L.childrensHome), code: .shortBreakChange),
        .init(name: "changing legal status into short breaks", history: L.inCare, event: L.legalStatus("2025-10-06", "V3"),
              code: .shortBreakChange),
        .init(name: "changing legal status to the one the child has", history: L.inCare, event: L.legalStatus("2025-10-06", "C1"),
              code: .nothingChanged),
        .init(name: "changing legal status when not looked after", history: [], event: L.legalStatus("2025-10-06", "C2"),
              code: .notLookedAfter),
        .init(name: "leaving hospital for somewhere other than home", history: L.inCare + [L.move("2025-10-06", to: L.hospital, reason: nil)],
              event: L.move("2025-10-09", to: L.childrensHome, reason: nil), code: .notReturningFromTemporary),
        .init(name: "moving while missing", history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing)],
              event: L.move("2025-10-07", to: L.childrensHome), code: .missingEpisodeOpen),
        .init(name: "ceasing when not looked after", history: [], event: L.cease("2025-10-06", "E4A"), code: .notLookedAfter),
        .init(name: "ceasing on the day care started", history: L.inCare, event: L.cease("2025-09-01", "E4A"), code: .lessThanADay),
        .init(name: "ceasing with X1", history: L.inCare, event: L.cease("2025-10-06", "X1"), code: .unknownCode),
        .init(name: "ceasing with an unknown reason", history: L.inCare, event: L.cease("2025-10-06", "E99"), code: .unknownCode),
        .init(name: "ceasing while missing", history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .awayWithoutAuthorisation)],
              event: L.cease("2025-10-07", "E4B"), code: .missingEpisodeOpen),
        .init(name: "adopted from foster care", history: L.inCare, event: L.cease("2025-10-06", "E11"), code: .ceasingReasonInconsistent),
        .init(name: "staying put before 18", history: L.inCare, event: L.cease("2026-06-14", "E17"), code: .ceasingReasonInconsistent),
        .init(name: "independent living at 13", history: L.inCare, event: L.cease("2025-10-06", "E5"), born: F.day("2012-01-01"),
              code: .ceasingReasonInconsistent),
        .init(name: "adult services at 15", history: L.inCare, event: L.cease("2025-10-06", "E7"), born: F.day("2010-01-01"),
              code: .ceasingReasonInconsistent),
        .init(name: "adopted at 18", history: [L.start("2025-09-01", "E1", placement: CarePlacement(type: "A5", provider: "PR1", postcode: "B1 1BB"))],
              event: L.cease("2026-06-15", "E12"), code: .ceasingReasonInconsistent),
        .init(name: "special guardianship at 18", history: L.inCare, event: L.cease("2026-06-15", "E47"), code: .ceasingReasonInconsistent),

        // Missing episodes
        .init(name: "missing when not looked after", history: [], event: .wentMissing(on: F.day("2025-10-06"), kind: .missing),
              code: .notLookedAfter),
        .init(name: "missing before care started", history: L.inCare, event: .wentMissing(on: F.day("2025-08-30"), kind: .missing),
              code: .dateTooEarly),
        .init(name: "missing twice at once", history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing)],
              event: .wentMissing(on: F.day("2025-10-08"), kind: .missing), code: .missingEpisodeOpen),
        .init(name: "a missing episode overlapping the last",
              history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing), .returnedFromMissing(on: F.day("2025-10-09"))],
              event: .wentMissing(on: F.day("2025-10-08"), kind: .missing), code: .dateTooEarly),
        .init(name: "returning when not missing", history: L.inCare, event: .returnedFromMissing(on: F.day("2025-10-06")),
              code: .noMissingEpisode),
        .init(name: "returning before going missing", history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing)],
              event: .returnedFromMissing(on: F.day("2025-10-05")), code: .dateTooEarly),
        .init(name: "a return interview with no missing episode", history: L.inCare,
              event: .returnInterviewOffered(on: F.day("2025-10-06"), accepted: true), code: .noMissingEpisode),
        .init(name: "a return interview while still missing", history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing)],
              event: .returnInterviewOffered(on: F.day("2025-10-07"), accepted: true), code: .missingEpisodeOpen),
        .init(name: "a return interview before the return",
              history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing), .returnedFromMissing(on: F.day("2025-10-09"))],
              event: .returnInterviewOffered(on: F.day("2025-10-08"), accepted: true), code: .dateTooEarly),
        .init(name: "a second return interview offer",
              history: L.inCare + [.wentMissing(on: F.day("2025-10-06"), kind: .missing), .returnedFromMissing(on: F.day("2025-10-09")),
                                   .returnInterviewOffered(on: F.day("2025-10-10"), accepted: false)],
              event: .returnInterviewOffered(on: F.day("2025-10-11"), accepted: true), code: .returnInterviewRecorded),
    ]

    @Test(arguments: refused)
    func refuses(_ example: RefusedCareEvent) throws {
        let ledger = try L.ledger(example.history, born: example.born)
        let refusal = #expect(throws: WorkflowRefusal.self) { try ledger.recording(example.event, on: F.today, by: example.actor) }
        #expect(refusal?.code == example.code, "\(refusal?.message ?? "no refusal")")
    }

    @Test func recordsMissingEpisodesAndReturnInterviews() throws {
        let ledger = try L.ledger(L.inCare + [
            .wentMissing(on: F.day("2025-10-06"), kind: .missing),
            .returnedFromMissing(on: F.day("2025-10-07")),
            .returnInterviewOffered(on: F.day("2025-10-08"), accepted: true),
            .wentMissing(on: F.day("2025-11-01"), kind: .awayWithoutAuthorisation),
        ])
        #expect(ledger.missingEpisodes == [
            MissingEpisode(kind: .missing, start: F.day("2025-10-06"), end: F.day("2025-10-07"),
                           returnInterview: .init(offeredOn: F.day("2025-10-08"), accepted: true)),
            MissingEpisode(kind: .awayWithoutAuthorisation, start: F.day("2025-11-01")),
        ])
        #expect(ledger.episodes.count == 1)
        #expect(ledger.missingEpisodes.map(\.kind.rawValue) == ["M", "A"])
    }

    @Test func leavesTheLedgerUntouchedWhenItRefuses() throws {
        let ledger = try L.ledger(L.inCare)
        #expect(throws: WorkflowRefusal.self) { try ledger.recording(L.start("2025-10-01"), on: F.today, by: F.worker) }
        #expect(ledger.events.count == 1)
    }

    @Test func survivesAJSONRoundTrip() throws {
        let ledger = try L.ledger(L.inCare + [L.move("2025-10-06", to: L.childrensHome), .wentMissing(on: F.day("2025-10-08"), kind: .missing)])
        let decoded = try JSONDecoder().decode(CareEpisodeLedger.self, from: JSONEncoder().encode(ledger))
        #expect(decoded == ledger)
        #expect(decoded.episodes == ledger.episodes)
    }
}

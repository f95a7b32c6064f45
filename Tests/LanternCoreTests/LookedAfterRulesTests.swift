import Foundation
import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures
private typealias L = CareLedgerFixtures

/// A young person who comes into care at 17 from a child in need case, moves twice, has their
/// legal status changed once, goes missing and returns, leaves care on their 18th birthday and is
/// followed up to 21. Clock dates are worked by hand from the England and Wales bank holidays.
@Suite struct LookedAfterRulesTests {
    static let born = F.day("2008-06-15")
    static let timescales = StatutoryTimescales(calendar: .englandAndWales)

    static func care(_ event: CareEvent) -> CaseworkAction { .lookedAfter(.care(event)) }
    static func action(_ action: LookedAfterAction) -> CaseworkAction { .lookedAfter(action) }

    static let referral: [CaseworkAction] = [.openEpisodeOfNeed(referralDate: F.day("2025-11-03"), source: "1B", primaryNeed: "N1")]
    /// Started to be looked after on Thursday 11 December 2025 (accommodated, section 20).
    static let inCare = referral + [care(L.start("2025-12-11", "V2"))]
    static let moved = inCare + [care(L.move("2026-01-05", to: L.childrensHome))]
    static let reviewedAndVisited = moved + [
        action(.recordVisit(.init(date: F.day("2026-01-09"), seenAlone: true))),
        action(.holdReview(.init(date: F.day("2026-01-12"), participation: "PN1"))),
        care(L.legalStatus("2026-01-20", "C2")),
    ]
    static let settled = reviewedAndVisited + [
        care(L.move("2026-03-02", to: L.longTermFoster)),
        action(.careLeaver(.makePathwayPlan(on: F.day("2026-03-20")))),
        care(.wentMissing(on: F.day("2026-04-01"), kind: .missing)),
        care(.returnedFromMissing(on: F.day("2026-04-03"))),
        care(.returnInterviewOffered(on: F.day("2026-04-06"), accepted: true)),
    ]
    static let leftAt18 = settled + [care(L.cease("2026-06-15", "E17"))]

    static func snapshot(_ steps: [CaseworkAction], today: Day = F.today) throws -> CaseSnapshot {
        try steps.reduce(CaseSnapshot(childBirthDate: born)) { try CaseworkRules.apply($1, to: $0, on: today, by: F.manager) }
    }

    static func due(_ kind: StatutoryEvent.Kind, _ snapshot: CaseSnapshot, today: Day) -> Day? {
        CaseClocks.events(for: snapshot, timescales: timescales, today: today).first { $0.kind == kind }?.due
    }

    @Test func startsTheClocksWhenTheChildComesIntoCare() throws {
        let snapshot = try Self.snapshot(Self.inCare)
        let today = F.day("2025-12-12")
        // 20 working days from 11 December 2025 skip Christmas Day, Boxing Day and New Year's Day.
        #expect(Self.due(.lookedAfterReview, snapshot, today: today) == F.day("2026-01-13"))
        #expect(Self.due(.lookedAfterVisit, snapshot, today: today) == F.day("2025-12-18"))
        #expect(Self.due(.healthAssessment, snapshot, today: today) == F.day("2026-01-13"))
        #expect(Self.due(.personalEducationPlan, snapshot, today: today) == F.day("2026-01-13"))
        #expect(CaseClocks.stage(of: snapshot, today: today) == "Looked after")
        #expect(CaseClocks.category(of: snapshot, today: today) == .lookedAfter)
        #expect(snapshot.care?.ledger.episodes.map(\.reasonForNewEpisode) == [.startedToBeLookedAfter])
    }

    @Test func restartsTheVisitClockOnAMoveButNotOnALegalStatusChange() throws {
        let afterMove = try Self.snapshot(Self.moved)
        #expect(Self.due(.lookedAfterVisit, afterMove, today: F.day("2026-01-06")) == F.day("2026-01-12"))

        let snapshot = try Self.snapshot(Self.reviewedAndVisited)
        let today = F.day("2026-01-21")
        // Six weeks from the visit on 9 January; the legal status change on 20 January is not a move.
        #expect(Self.due(.lookedAfterVisit, snapshot, today: today) == F.day("2026-02-20"))
        // The second review within 3 months of the first.
        #expect(Self.due(.lookedAfterReview, snapshot, today: today) == F.day("2026-04-12"))
        let rows = try #require(snapshot.care?.ledger.episodes)
        #expect(rows.map(\.reasonForNewEpisode.rawValue) == ["S", "P", "L"])
        #expect(rows.map(\.legalStatus) == ["V2", "V2", "C2"])
        #expect(rows.map(\.reasonEnded) == ["X1", "X1", nil])
        #expect(rows[0].reasonForPlacementChange == "CARPL")
    }

    @Test func followsTheYoungPersonOutOfCareTo21() throws {
        let settled = try Self.snapshot(Self.settled)
        let rows = try #require(settled.care?.ledger.episodes)
        #expect(rows.map(\.reasonForNewEpisode.rawValue) == ["S", "P", "L", "P"])
        #expect(settled.care?.ledger.missingEpisodes.first?.returnInterview?.accepted == true)
        // In a long-term placement the pathway plan is reviewed 6 months after it was made.
        #expect(Self.due(.pathwayPlan, settled, today: F.day("2026-04-10")) == F.day("2026-09-20"))

        let left = try Self.snapshot(Self.leftAt18)
        let leftRows = try #require(left.care?.ledger.episodes)
        #expect(leftRows.last?.endDate == F.day("2026-06-15"))
        #expect(leftRows.last?.reasonEnded == "E17")
        let afterwards = F.day("2026-07-01")
        #expect(CaseClocks.stage(of: left, today: afterwards) == "Care leaver")
        #expect(CaseClocks.category(of: left, today: afterwards) == .careLeaver)
        #expect(Self.due(.lookedAfterReview, left, today: afterwards) == nil)
        #expect(Self.due(.pathwayPlan, left, today: afterwards) == F.day("2026-09-20"))

        let later = F.day("2029-07-01")
        let closed: [CaseworkAction] = [.proposeClosure(on: F.day("2026-06-16"), reason: "RC7"), .signOffClosure(on: F.day("2026-06-17"))]
        let followedUp = try Self.snapshot(Self.leftAt18 + closed + (18...21).map { age in
            Self.action(.careLeaver(.recordBirthdayFollowUp(.init(age: age, contactedOn: Self.born.adding(years: age).adding(days: 3),
                                                                   inTouch: "YES", activity: "F2", accommodation: "B1"))))
        }, today: later)
        #expect(followedUp.care?.careLeaver?.birthdayFollowUps.map(\.age) == [18, 19, 20, 21])
        #expect(followedUp.care?.careLeaver?.eligibility == .formerRelevant)
        // Support recorded to the 21st birthday: no longer open work.
        #expect(followedUp.hasOpenWork(today: later) == false)
        #expect(left.hasOpenWork(today: afterwards))
    }

    @Test func refusesCareOutsideAnEpisodeOfNeed() {
        #expect(throws: WorkflowRefusal.self) { try Self.snapshot([Self.care(L.start("2025-12-11"))]) }
    }

    @Test func refusesToCloseTheEpisodeWhileTheChildIsLookedAfter() throws {
        let snapshot = try Self.snapshot(Self.inCare + [.proposeClosure(on: F.day("2026-01-05"), reason: "RC7")])
        let error = #expect(throws: WorkflowRefusal.self) {
            try CaseworkRules.apply(.signOffClosure(on: F.day("2026-01-06")), to: snapshot, on: F.today, by: F.manager)
        }
        #expect(error?.message.contains("looked after") == true)
    }

    struct Refused: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: [CaseworkAction]
        let code: WorkflowRefusal.Code
        var testDescription: String { name }
    }

    static let refusals: [Refused] = [
        .init(name: "review before care", steps: referral + [action(.holdReview(.init(date: F.day("2025-12-01"), participation: "PN1")))],
              code: .notLookedAfter),
        .init(name: "unknown participation code", steps: inCare + [action(.holdReview(.init(date: F.day("2026-01-05"), participation: "PN9")))],
              code: .unknownCode),
        .init(name: "PN0 for a 17-year-old", steps: inCare + [action(.holdReview(.init(date: F.day("2026-01-05"), participation: "PN0")))],
              code: .participationInconsistent),
        .init(name: "visit after care ended", steps: leftAt18 + [action(.recordVisit(.init(date: F.day("2026-07-01"), seenAlone: false)))],
              code: .notLookedAfter),
        .init(name: "SDQ over 40", steps: inCare + [action(.recordSDQ(score: 41, on: F.day("2026-01-05")))], code: .sdqOutOfRange),
        .init(name: "placed for adoption before the decision",
              steps: inCare + [action(.recordAdoptionMilestone(.placed, on: F.day("2026-01-05")))], code: .outOfOrder),
        .init(name: "matched before the decision date",
              steps: inCare + [action(.recordAdoptionMilestone(.decision, on: F.day("2026-01-05"))),
                               action(.recordAdoptionMilestone(.matched, on: F.day("2026-01-02")))], code: .dateTooEarly),
        .init(name: "reversal with an unknown reason",
              steps: inCare + [action(.recordAdoptionMilestone(.decision, on: F.day("2026-01-05"))),
                               action(.reverseAdoptionDecision(on: F.day("2026-01-06"), reason: "RD9"))], code: .unknownCode),
        .init(name: "pathway plan before 13 weeks in care",
              steps: inCare + [action(.careLeaver(.makePathwayPlan(on: F.day("2026-01-05"))))], code: .notACareLeaver),
        .init(name: "follow-up for a birthday spent in care",
              steps: inCare + [action(.careLeaver(.recordBirthdayFollowUp(.init(age: 17, contactedOn: F.day("2025-12-20"), inTouch: "YES",
                                                                               activity: "F2", accommodation: "B1"))))],
              code: .notACareLeaver),
    ]

    @Test(arguments: refusals)
    func refuses(_ example: Refused) throws {
        let accepted = Array(example.steps.dropLast())
        let before = try Self.snapshot(accepted)
        let error = #expect(throws: WorkflowRefusal.self) {
            try CaseworkRules.apply(example.steps.last!, to: before, on: F.today, by: F.worker)
        }
        #expect(error?.code == example.code, "\(error?.message ?? "")")
    }

    @Test func recordsAdoptionMilestonesInOrderAndAllowsNoPlacementOrderWithConsent() throws {
        let steps = Self.inCare + [
            Self.action(.recordAdoptionMilestone(.decision, on: F.day("2026-01-05"))),
            Self.action(.recordAdoptionMilestone(.matched, on: F.day("2026-02-02"))),
            Self.action(.recordAdoptionMilestone(.placed, on: F.day("2026-02-16"))),
        ]
        let adoption = try #require(try Self.snapshot(steps).care?.adoption)
        #expect(adoption.placementOrderOn == nil)
        #expect(adoption.placedOn == F.day("2026-02-16"))
    }
}

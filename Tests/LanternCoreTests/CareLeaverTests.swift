import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures
private typealias L = CareLedgerFixtures

@Suite struct CareLeaverTests {
    /// Born 15 June 2008: 14 in June 2022, 16 in June 2024, 18 in June 2026.
    static let born = L.born

    static func ledger(_ events: [CareEvent]) throws -> CareEpisodeLedger { try L.ledger(events, born: born) }

    static let longInCare = [L.start("2022-09-01", "C2", placement: L.longTermFoster)]

    @Test(arguments: [
        ("2024-01-01", nil as CareLeaverRecord.Eligibility?),    // 15: not yet a care leaver
        ("2024-06-15", .eligible),                               // 16 and still in care
        ("2025-06-15", .eligible),
        ("2026-06-15", .formerRelevant),                         // left care at 18 today
        ("2029-01-01", .formerRelevant),
        ("2033-06-15", nil),                                     // 25
    ])
    func followsAYoungPersonInCareFrom14To25(on iso: String, expected: CareLeaverRecord.Eligibility?) throws {
        let ledger = try Self.ledger(Self.longInCare + [L.cease("2026-06-15", "E17")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day(iso)) == expected)
    }

    @Test func makesAChildWhoLeavesCareAt17Relevant() throws {
        let ledger = try Self.ledger(Self.longInCare + [L.cease("2025-09-01", "E8")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2025-10-01")) == .relevant)
    }

    @Test func stopsBeingRelevantAfterSixMonthsBackHome() throws {
        let ledger = try Self.ledger(Self.longInCare + [L.cease("2025-09-01", "E4A")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2026-02-28")) == .relevant)
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2026-03-01")) == .qualifying)
    }

    @Test func needsThirteenWeeksInCareSince14() throws {
        // In care from 6 January 2025, at 16: 90 days on 6 April, 13 weeks on 7 April.
        let ledger = try Self.ledger([L.start("2025-01-06", "V2")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2025-04-06")) == nil)
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2025-04-07")) == .eligible)
        let left = try Self.ledger([L.start("2025-01-06", "V2"), L.cease("2025-02-03", "E4B")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: left, on: F.day("2025-03-01")) == .qualifying)
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: left, on: F.day("2026-07-01")) == .qualifying)
    }

    @Test func doesNotCountShortBreaks() throws {
        let ledger = try Self.ledger([L.start("2024-09-02", "V3"), L.cease("2024-12-20", "E8")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2025-01-06")) == nil)
    }

    @Test func doesNotCountCareThatEndedBefore16() throws {
        let ledger = try Self.ledger([L.start("2022-09-01", "C2"), L.cease("2024-06-14", "E41")])
        #expect(CareLeaverRules.eligibility(birthDate: Self.born, ledger: ledger, on: F.day("2024-09-01")) == nil)
    }

    // MARK: Pathway plans and birthday follow-ups

    static func apply(_ actions: [CareLeaverAction], ledger: CareEpisodeLedger) throws -> CareLeaverRecord {
        try actions.reduce(CareLeaverRecord(eligibility: .formerRelevant)) {
            try CareLeaverRules.apply($1, to: $0, birthDate: born, ledger: ledger, on: F.today, by: F.worker)
        }
    }

    static func followUp(_ age: Int, _ inTouch: String, _ activity: String?, _ accommodation: String?,
                         on iso: String = "2026-06-20") -> CareLeaverAction {
        .recordBirthdayFollowUp(.init(age: age, contactedOn: F.day(iso), inTouch: inTouch, activity: activity, accommodation: accommodation))
    }

    /// Left care at 16, so every follow-up birthday from 17 is spent out of care.
    static let leftAt16 = longInCare + [L.cease("2025-03-03", "E8")]

    @Test func keepsAPathwayPlanAndItsReviewsAndTheFollowUps() throws {
        let record = try Self.apply([
            .makePathwayPlan(on: F.day("2024-08-01")), .reviewPathwayPlan(on: F.day("2025-02-01")),
            Self.followUp(18, "YES", "F2", "D1", on: "2026-06-20"),
            Self.followUp(17, "NO", nil, nil, on: "2025-06-20"),
        ], ledger: try Self.ledger(Self.leftAt16))
        #expect(record.pathwayPlan?.madeOn == F.day("2024-08-01"))
        #expect(record.pathwayPlan?.reviewDates == [F.day("2025-02-01")])
        #expect(record.birthdayFollowUps.map(\.age) == [17, 18])
    }

    struct RefusedCareLeaverStep: CustomTestStringConvertible, Sendable {
        let name: String
        let history: [CareLeaverAction]
        var events = CareLeaverTests.leftAt16
        let step: CareLeaverAction
        let code: WorkflowRefusal.Code
        var testDescription: String { name }
    }

    static let refused: [RefusedCareLeaverStep] = [
        .init(name: "a pathway plan before 16", history: [], step: .makePathwayPlan(on: F.day("2024-06-14")), code: .dateTooEarly),
        .init(name: "a pathway plan in the future", history: [], step: .makePathwayPlan(on: F.day("2027-01-01")), code: .dateInFuture),
        .init(name: "a second pathway plan", history: [.makePathwayPlan(on: F.day("2024-08-01"))],
              step: .makePathwayPlan(on: F.day("2025-08-01")), code: .pathwayPlanExists),
        .init(name: "a review with no plan", history: [], step: .reviewPathwayPlan(on: F.day("2025-08-01")), code: .noPathwayPlan),
        .init(name: "a review on the day of the plan", history: [.makePathwayPlan(on: F.day("2024-08-01"))],
              step: .reviewPathwayPlan(on: F.day("2024-08-01")), code: .dateTooEarly),
        .init(name: "a review in the future", history: [.makePathwayPlan(on: F.day("2024-08-01"))],
              step: .reviewPathwayPlan(on: F.day("2027-08-01")), code: .dateInFuture),
        .init(name: "a follow-up at 16", history: [], step: followUp(16, "YES", "F2", "D1"), code: .followUpAgeOutOfRange),
        .init(name: "a follow-up at 22", history: [], step: followUp(22, "YES", "F2", "D1"), code: .followUpAgeOutOfRange),
        .init(name: "a follow-up in the future", history: [], step: followUp(18, "YES", "F2", "D1", on: "2026-12-01"),
              code: .dateInFuture),
        .init(name: "the same birthday twice", history: [followUp(18, "YES", "F2", "D1")],
              step: followUp(18, "NO", nil, nil), code: .followUpAlreadyRecorded),
        .init(name: "a follow-up after the young person died", history: [followUp(17, "DIED", nil, nil, on: "2025-06-20")],
              step: followUp(18, "NO", nil, nil), code: .followUpAfterDeath),
        .init(name: "a follow-up for someone never looked after", history: [], events: [],
              step: followUp(18, "YES", "F2", "D1"), code: .neverLookedAfter),
        .init(name: "a follow-up for a birthday spent in care", history: [], events: longInCare,
              step: followUp(17, "YES", "F2", "D1", on: "2025-06-20"), code: .stillLookedAfterOnBirthday),
        .init(name: "an unknown in-touch code", history: [], step: followUp(18, "MAYBE", nil, nil), code: .unknownCode),
        .init(name: "an unknown activity", history: [], step: followUp(18, "YES", "F9", "D1"), code: .unknownCode),
        .init(name: "an unknown accommodation", history: [], step: followUp(18, "YES", "F2", "D3"), code: .unknownCode),
        .init(name: "in touch but no activity", history: [], step: followUp(18, "YES", nil, "D1"), code: .missingDetail),
        .init(name: "in touch but no accommodation", history: [], step: followUp(18, "YES", "F2", nil), code: .missingDetail),
        .init(name: "died with an accommodation", history: [], step: followUp(18, "DIED", nil, "D1"), code: .followUpInconsistent),
        .init(name: "returned home with an activity", history: [], step: followUp(18, "RHOM", "F2", nil), code: .followUpInconsistent),
        .init(name: "with former foster carers at 17", history: [], events: longInCare + [L.cease("2024-09-02", "E8")],
              step: followUp(17, "YES", "F2", "Z1", on: "2025-06-20"), code: .followUpInconsistent),
    ]

    @Test(arguments: refused)
    func refuses(_ example: RefusedCareLeaverStep) throws {
        let ledger = try Self.ledger(example.events)
        let record = try Self.apply(example.history, ledger: ledger)
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try CareLeaverRules.apply(example.step, to: record, birthDate: Self.born, ledger: ledger, on: F.today, by: F.worker)
        }
        #expect(refusal?.code == example.code, "\(refusal?.message ?? "no refusal")")
    }

    @Test func acceptsAFollowUpForSomeoneWhoLeftOnTheirBirthday() throws {
        let ledger = try Self.ledger(Self.longInCare + [L.cease("2026-06-15", "E17")])
        let record = try Self.apply([Self.followUp(18, "YES", "F2", "Z1")], ledger: ledger)
        #expect(record.birthdayFollowUps.first?.accommodation == "Z1")
    }

    @Test func refusesCareLeaverRecordsFromSomeoneWithoutAccess() throws {
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try CareLeaverRules.apply(.makePathwayPlan(on: F.day("2024-08-01")), to: CareLeaverRecord(eligibility: .eligible),
                                      birthDate: Self.born, ledger: try Self.ledger(Self.longInCare), on: F.today, by: F.visitor)
        }
        #expect(refusal?.code == .needsCapability)
    }
}

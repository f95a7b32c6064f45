import Testing
@testable import LanternCore

@Suite struct CaseClocksTests {
    let timescales = StatutoryTimescales()
    let manager = WorkflowActor.manager("m1")
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func apply(_ actions: [CaseworkAction], today: String = "2026-11-20") throws -> CaseSnapshot {
        var snapshot = CaseSnapshot(childBirthDate: day("2016-01-01"))
        for action in actions { snapshot = try CaseworkRules.apply(action, to: snapshot, on: day(today), by: manager) }
        return snapshot
    }

    @Test func aNewReferralRunsTheAssessmentClockAcrossChristmas() throws {
        // Referral Monday 23 Nov 2026: 45 working days skip 25 and 28 December 2026 and 1 January 2027.
        let snapshot = try apply([.openEpisodeOfNeed(referralDate: day("2026-11-23"), source: "6", primaryNeed: nil)], today: "2026-11-23")
        let events = CaseClocks.events(for: snapshot, timescales: timescales)
        #expect(events.map(\.kind) == [.assessment])
        #expect(events.first?.due == day("2027-01-28"))
        #expect(CaseClocks.stage(of: snapshot) == "Referral: assessment not started")
        #expect(CaseClocks.category(of: snapshot) == .assessment)
    }

    @Test func aChildProtectionPlanRunsReviewAndVisitClocks() throws {
        let snapshot = try apply([
            .openEpisodeOfNeed(referralDate: day("2026-03-02"), source: "6", primaryNeed: nil),
            .holdStrategyDiscussion(.init(date: day("2026-03-03"), participants: [
                .init(name: "DC Shah", agency: .police), .init(name: "Nurse Bell", agency: .health), .init(name: "Ms Lee", agency: .education),
            ], childAttendsEducationSetting: true, decidedToStartSection47: true)),
            .startSection47Enquiry(on: day("2026-03-03")),
        ])
        let during = CaseClocks.events(for: snapshot, timescales: timescales)
        // Strategy 3 March + 15 working days (Good Friday 3 and Easter Monday 6 April skipped) = 24 March.
        #expect(during.contains(.init(kind: .initialConference, due: day("2026-03-24"))))
        #expect(CaseClocks.category(of: snapshot) == .childProtection)
        let planned = try apply([
            .openEpisodeOfNeed(referralDate: day("2026-03-02"), source: "6", primaryNeed: nil),
            .holdStrategyDiscussion(.init(date: day("2026-03-03"), participants: [
                .init(name: "DC Shah", agency: .police), .init(name: "Nurse Bell", agency: .health),
            ], childAttendsEducationSetting: false, decidedToStartSection47: true)),
            .startSection47Enquiry(on: day("2026-03-03")),
            .recordInitialConference(on: day("2026-03-20")),
            .startChildProtectionPlan(on: day("2026-03-20"), category: "NEG"),
            .recordChildSeen(on: day("2026-03-27"), seenAlone: true),
        ])
        let events = CaseClocks.events(for: planned, timescales: timescales)
        #expect(events.contains(.init(kind: .reviewConference, due: day("2026-06-20"))))
        // Seen Friday 27 March; 10 working days on, skipping Good Friday and Easter Monday, is 14 April.
        #expect(events.contains(.init(kind: .childProtectionVisit, due: day("2026-04-14"))))
        #expect(CaseClocks.stage(of: planned) == "Child protection plan")
    }

    @Test func theFirstCoreGroupIsDueTenWorkingDaysAfterTheConference() throws {
        let plan: [CaseworkAction] = [
            .openEpisodeOfNeed(referralDate: day("2026-03-02"), source: "6", primaryNeed: nil),
            .holdStrategyDiscussion(.init(date: day("2026-03-03"), participants: [
                .init(name: "DC Shah", agency: .police), .init(name: "Nurse Bell", agency: .health),
            ], childAttendsEducationSetting: false, decidedToStartSection47: true)),
            .startSection47Enquiry(on: day("2026-03-03")),
            .recordInitialConference(on: day("2026-03-20")),
            .startChildProtectionPlan(on: day("2026-03-20"), category: "NEG"),
        ]
        // Conference Friday 20 March 2026; 10 working days on, skipping Good Friday and Easter Monday, is 7 April.
        #expect(CaseClocks.events(for: try apply(plan), timescales: timescales).contains(.init(kind: .coreGroup, due: day("2026-04-07"))))
        let met = try apply(plan + [.recordCoreGroupMeeting(on: day("2026-04-02"))])
        #expect(!CaseClocks.events(for: met, timescales: timescales).contains { $0.kind == .coreGroup })
        #expect(met.openEpisode?.openChildProtectionPlan?.coreGroupMeetings == [day("2026-04-02")])
        #expect(throws: WorkflowRefusal.self) { try CaseworkRules.apply(.recordCoreGroupMeeting(on: day("2026-04-02")), to: met, on: day("2026-11-20"), by: manager) }
        #expect(throws: WorkflowRefusal.self) { try CaseworkRules.apply(.recordCoreGroupMeeting(on: day("2026-03-19")), to: met, on: day("2026-11-20"), by: manager) }
        #expect(throws: WorkflowRefusal.self) { try apply(Array(plan.prefix(3)) + [.recordCoreGroupMeeting(on: day("2026-03-10"))]) }
    }

    @Test func closedCasesHaveNoClocks() throws {
        let snapshot = CaseSnapshot()
        #expect(CaseClocks.events(for: snapshot, timescales: timescales).isEmpty)
        #expect(CaseClocks.category(of: snapshot) == nil)
    }

    @Test func weightsAreConfigurable() {
        let weights = CaseloadWeights(childProtection: 2, lookedAfter: 1.5, childInNeed: 1, assessment: 0.5)
        #expect(weights.weight(of: .childProtection) == 2)
        #expect(weights.weight(of: .assessment) == 0.5)
    }
}

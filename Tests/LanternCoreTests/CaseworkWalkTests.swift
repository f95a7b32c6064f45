import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures

/// One child's journey from a school's phone call to a closed case, step by step, by the people
/// who would take each step.
@Suite struct CaseworkWalkTests {
    @Test func walksFromContactThroughAProtectionPlanToClosure() throws {
        let worker = F.worker, manager = F.manager, today = F.today

        // Front door: the school rings on Monday 5 January; the screener sees significant harm.
        var contact = FrontDoorContact(childIDs: ["LA0001"], receivedOn: F.day("2026-01-05"), summary: "Bruise on a 4-year-old's cheek")
        let decision = ReferralDecision(decision: .strategyDiscussion, decidedOn: F.day("2026-01-05"), threshold: .acute,
                                        rationale: "Injury to a young child with no explanation", referralSource: "2A",
                                        significantHarmConcerns: "Unexplained facial bruise")
        contact = try FrontDoorRules.apply(.recordDecision(decision), to: contact, on: today, by: worker)
        contact = try FrontDoorRules.apply(.submitForApproval(on: F.day("2026-01-05")), to: contact, on: today, by: worker)
        contact = try FrontDoorRules.apply(.approve(on: F.day("2026-01-05")), to: contact, on: today, by: manager)
        contact = try FrontDoorRules.apply(.openReferral(on: F.day("2026-01-05")), to: contact, on: today, by: worker)
        let opening = try #require(contact.episodeOpening)

        // Casework, in the order it happened.
        let steps: [(CaseworkAction, WorkflowActor)] = [
            (opening, worker),
            (F.strategy("2026-01-05"), worker),
            (.startSection47Enquiry(on: F.day("2026-01-05")), worker),
            (.startAssessment(on: F.day("2026-01-05")), worker),
            (.recordChildSeen(on: F.day("2026-01-06"), seenAlone: true), worker),
            (.recordWishesAndFeelings(on: F.day("2026-01-09")), worker),
            (.recordInitialConference(on: F.day("2026-01-26")), worker),
            (.startChildProtectionPlan(on: F.day("2026-01-26"), category: "PHY"), worker),
            (.submitAssessment(on: F.day("2026-01-28"), factors: ["18C", "3B"], needsSupport: true), worker),
            (.authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), manager),
            (.recordChildSeen(on: F.day("2026-02-09"), seenAlone: true), worker),
            (.recordReviewConference(on: F.day("2026-04-27")), worker),
            (.changeCategoryOfAbuse(on: F.day("2026-04-27"), to: "MUL"), worker),
            (.recordReviewConference(on: F.day("2026-10-26")), worker),
            (.endChildProtectionPlan(on: F.day("2026-10-26"), reason: .noLongerAtRiskOfSignificantHarm), worker),
            (.startChildInNeedPlan(on: F.day("2026-10-26")), worker),
            (.reviewChildInNeedPlan(on: F.day("2026-11-02")), worker),
            (.endChildInNeedPlan(on: F.day("2026-11-16")), worker),
            (.proposeClosure(on: F.day("2026-11-16"), reason: "RC7"), worker),
            (.signOffClosure(on: F.day("2026-11-17")), manager),
        ]
        var snapshot = CaseSnapshot(childBirthDate: F.day("2021-09-14"))
        for (action, actor) in steps {
            snapshot = try CaseworkRules.apply(action, to: snapshot, on: today, by: actor)
        }

        let episode = try #require(snapshot.episodes.first)
        #expect(snapshot.openEpisode == nil)
        #expect(episode.referralDate == F.day("2026-01-05"))
        #expect(episode.referralSource == "2A")
        #expect(episode.primaryNeed == "N1")
        #expect(episode.assessments.map(\.authorisationDate) == [F.day("2026-01-30")])
        #expect(episode.section47Enquiries == [.init(startDate: F.day("2026-01-05"), strategyDiscussionDate: F.day("2026-01-05"),
                                                     outcome: .initialConferenceHeld(F.day("2026-01-26")))])
        let plan = try #require(episode.childProtectionPlans.first)
        #expect(plan.startDate == F.day("2026-01-26"))
        #expect(plan.initialCategory == "PHY")
        #expect(plan.latestCategory == "MUL")
        #expect(plan.reviewDates == [F.day("2026-04-27"), F.day("2026-10-26")])
        #expect(plan.end == .init(date: F.day("2026-10-26"), reason: .noLongerAtRiskOfSignificantHarm))
        #expect(snapshot.numberOfPreviousChildProtectionPlans(before: plan.startDate) == 0)
        #expect(episode.childInNeedPlans.map(\.startDate) == [F.day("2026-10-26")])
        #expect(episode.childInNeedPlans.map(\.endDate) == [F.day("2026-11-16")])
        #expect(episode.closure == .init(date: F.day("2026-11-17"), reason: "RC7", signedOffBy: "tm-ben"))

        // Once closed, nothing more is recorded on the episode.
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try CaseworkRules.apply(.recordChildSeen(on: F.day("2026-11-18"), seenAlone: true), to: snapshot, on: today, by: worker)
        }
        #expect(refusal?.code == .noOpenEpisode)
    }
}

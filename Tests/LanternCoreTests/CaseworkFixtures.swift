@testable import LanternCore

/// Shared dates, people and case histories for the workflow tests. Every history is a list of
/// actions that must all be accepted, so a history that stops working fails the test using it.
enum CaseworkFixtures {
    static let today = day("2026-11-23")
    static let worker = WorkflowActor.practitioner("sw-ana")
    static let manager = WorkflowActor.manager("tm-ben")
    static let visitor = WorkflowActor(id: "guest", capabilities: [])

    static func day(_ iso: String) -> Day {
        guard let day = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return day
    }

    static let police = Professional(name: "DS Kaur", agency: .police)
    static let health = Professional(name: "Nurse Obi", agency: .health)
    static let school = Professional(name: "Ms Patel, DSL", agency: .education)
    static let socialWorker = Professional(name: "Ana Silva", agency: .childrensSocialCare)

    static func strategy(_ iso: String, decided: Bool = true, participants: [Professional] = [police, health, school, socialWorker],
                         inSchool: Bool = true) -> CaseworkAction {
        .holdStrategyDiscussion(.init(date: day(iso), participants: participants, childAttendsEducationSetting: inSchool,
                                      decidedToStartSection47: decided))
    }

    /// Applies `steps` as a manager (who may do everything), on `today`.
    static func snapshot(_ steps: [CaseworkAction], birthDate: Day? = nil) throws -> CaseSnapshot {
        try steps.reduce(CaseSnapshot(childBirthDate: birthDate)) { snapshot, step in
            try CaseworkRules.apply(step, to: snapshot, on: today, by: manager)
        }
    }

    // MARK: Case histories, each building on the last

    static let referral: [CaseworkAction] = [.openEpisodeOfNeed(referralDate: day("2026-01-05"), source: "2A", primaryNeed: nil)]
    static let assessing = referral + [.startAssessment(on: day("2026-01-06"))]
    static let seenAndHeard = assessing + [.recordChildSeen(on: day("2026-01-07"), seenAlone: true),
                                           .recordWishesAndFeelings(on: day("2026-01-07"))]
    static let submitted = seenAndHeard + [.submitAssessment(on: day("2026-01-26"), factors: ["16A", "3B"], needsSupport: true)]
    static let assessed = submitted + [.authoriseAssessment(on: day("2026-01-30"), primaryNeed: "N1")]
    static let onChildInNeedPlan = assessed + [.startChildInNeedPlan(on: day("2026-02-02"))]

    static let strategyHeld = assessing + [strategy("2026-01-06")]
    static let enquiring = strategyHeld + [.startSection47Enquiry(on: day("2026-01-06"))]
    static let conferenceHeld = enquiring + [.recordInitialConference(on: day("2026-01-26"))]
    static let onProtectionPlan = conferenceHeld + [.startChildProtectionPlan(on: day("2026-01-26"), category: "NEG")]
    static let reviewed = onProtectionPlan + [.recordReviewConference(on: day("2026-04-27"))]

    /// Assessed as in need, then escalated: the child in need plan ended on the conference day.
    static let escalated = onChildInNeedPlan + [
        strategy("2026-02-09"), .startSection47Enquiry(on: day("2026-02-09")), .recordInitialConference(on: day("2026-02-23")),
    ]
}

import Foundation
import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures

/// One step the rules must refuse, after a history they accept.
struct RefusedCaseworkStep: CustomTestStringConvertible, Sendable {
    let name: String
    let history: [CaseworkAction]
    let step: CaseworkAction
    var actor: WorkflowActor = CaseworkFixtures.manager
    var birthDate: Day?
    let code: WorkflowRefusal.Code

    var testDescription: String { name }
}

/// One step the rules must accept, and what it must have changed.
struct AllowedCaseworkStep: CustomTestStringConvertible, Sendable {
    let name: String
    let history: [CaseworkAction]
    let step: CaseworkAction
    var actor: WorkflowActor = CaseworkFixtures.worker
    let check: @Sendable (CaseSnapshot) -> Bool

    var testDescription: String { name }
}

@Suite struct CaseworkRulesTests {
    static let refused: [RefusedCaseworkStep] = [
        // Who and when
        .init(name: "anyone without practitioner access", history: F.referral, step: .startAssessment(on: F.day("2026-01-06")),
              actor: F.visitor, code: .needsCapability),
        .init(name: "a date in the future", history: F.referral, step: .startAssessment(on: F.day("2026-12-01")), code: .dateInFuture),
        .init(name: "a date before the referral", history: F.referral, step: .startAssessment(on: F.day("2026-01-02")), code: .dateTooEarly),

        // Episodes of need
        .init(name: "casework with no open episode", history: [], step: .startAssessment(on: F.day("2026-01-06")), code: .noOpenEpisode),
        .init(name: "a second open episode", history: F.referral,
              step: .openEpisodeOfNeed(referralDate: F.day("2026-02-01"), source: "6", primaryNeed: nil), code: .episodeAlreadyOpen),
        .init(name: "a referral on the day the last episode closed",
              history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7"), .signOffClosure(on: F.day("2026-01-07"))],
              step: .openEpisodeOfNeed(referralDate: F.day("2026-01-07"), source: "6", primaryNeed: nil), code: .episodesOverlap),
        .init(name: "an unknown referral source", history: [],
              step: .openEpisodeOfNeed(referralDate: F.day("2026-01-05"), source: "11", primaryNeed: nil), code: .unknownCode),
        .init(name: "an unknown primary need at referral", history: [],
              step: .openEpisodeOfNeed(referralDate: F.day("2026-01-05"), source: "6", primaryNeed: "N10"), code: .unknownCode),

        // Assessments
        .init(name: "a second assessment while one is open", history: F.assessing, step: .startAssessment(on: F.day("2026-01-07")),
              code: .assessmentAlreadyOpen),
        .init(name: "a new assessment before the last was authorised", history: F.assessed,
              step: .startAssessment(on: F.day("2026-01-29")), code: .dateTooEarly),
        .init(name: "wishes and feelings with no assessment", history: F.referral,
              step: .recordWishesAndFeelings(on: F.day("2026-01-07")), code: .noOpenAssessment),
        .init(name: "wishes and feelings before the assessment started", history: F.assessing,
              step: .recordWishesAndFeelings(on: F.day("2026-01-05")), code: .dateTooEarly),
        .init(name: "submitting twice", history: F.submitted,
              step: .submitAssessment(on: F.day("2026-01-27"), factors: ["16A"], needsSupport: true), code: .assessmentAlreadySubmitted),
        .init(name: "submitting before the assessment started", history: F.seenAndHeard,
              step: .submitAssessment(on: F.day("2026-01-05"), factors: ["16A"], needsSupport: true), code: .dateTooEarly),
        .init(name: "authorising as a practitioner", history: F.submitted,
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), actor: F.worker, code: .needsCapability),
        .init(name: "authorising an assessment not submitted", history: F.seenAndHeard,
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), code: .assessmentNotSubmitted),
        .init(name: "authorising when the child was not seen",
              history: F.assessing + [.recordWishesAndFeelings(on: F.day("2026-01-07")),
                                      .submitAssessment(on: F.day("2026-01-26"), factors: ["16A"], needsSupport: true)],
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), code: .childNotSeen),
        .init(name: "authorising when the child was seen only before the assessment",
              history: F.referral + [.recordChildSeen(on: F.day("2026-01-05"), seenAlone: false), .startAssessment(on: F.day("2026-01-06")),
                                     .recordWishesAndFeelings(on: F.day("2026-01-07")),
                                     .submitAssessment(on: F.day("2026-01-26"), factors: ["16A"], needsSupport: true)],
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), code: .childNotSeen),
        .init(name: "authorising without the child's wishes and feelings",
              history: F.assessing + [.recordChildSeen(on: F.day("2026-01-07"), seenAlone: true),
                                      .submitAssessment(on: F.day("2026-01-26"), factors: ["16A"], needsSupport: true)],
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), code: .wishesAndFeelingsMissing),
        .init(name: "authorising support without a primary need", history: F.submitted,
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: nil), code: .missingDetail),
        .init(name: "authorising with an unknown primary need", history: F.submitted,
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N10"), code: .unknownCode),
        .init(name: "authorising before the submission", history: F.submitted,
              step: .authoriseAssessment(on: F.day("2026-01-20"), primaryNeed: "N1"), code: .dateTooEarly),
        .init(name: "returning an assessment as a practitioner", history: F.submitted,
              step: .returnAssessment(on: F.day("2026-01-27"), reason: "Speak to dad"), actor: F.worker, code: .needsCapability),
        .init(name: "returning an assessment without a reason", history: F.submitted,
              step: .returnAssessment(on: F.day("2026-01-27"), reason: "  "), code: .missingDetail),
        .init(name: "returning an assessment not submitted", history: F.seenAndHeard,
              step: .returnAssessment(on: F.day("2026-01-27"), reason: "Speak to dad"), code: .assessmentNotSubmitted),

        // Strategy discussions and section 47
        .init(name: "a strategy discussion without the police", history: F.referral,
              step: F.strategy("2026-01-06", participants: [F.health, F.school]), code: .strategyDiscussionIncomplete),
        .init(name: "a strategy discussion for a school child without education", history: F.referral,
              step: F.strategy("2026-01-06", participants: [F.police, F.health]), code: .strategyDiscussionIncomplete),
        .init(name: "a strategy discussion with an unnamed participant", history: F.referral,
              step: F.strategy("2026-01-06", participants: [F.police, Professional(name: "", agency: .health)], inSchool: false),
              code: .missingDetail),
        .init(name: "a section 47 enquiry with no strategy discussion", history: F.assessing,
              step: .startSection47Enquiry(on: F.day("2026-01-06")), code: .noStrategyDiscussion),
        .init(name: "a section 47 enquiry the strategy discussion did not decide on", history: F.assessing + [F.strategy("2026-01-06", decided: false)],
              step: .startSection47Enquiry(on: F.day("2026-01-06")), code: .noStrategyDiscussion),
        .init(name: "a section 47 enquiry before its strategy discussion", history: F.referral + [F.strategy("2026-01-12")],
              step: .startSection47Enquiry(on: F.day("2026-01-06")), code: .dateTooEarly),
        .init(name: "a second section 47 enquiry while one is open", history: F.enquiring,
              step: .startSection47Enquiry(on: F.day("2026-01-07")), code: .section47AlreadyOpen),
        .init(name: "a second enquiry from the same strategy discussion",
              history: F.enquiring + [.recordInitialConferenceNotRequired(on: F.day("2026-01-08"))],
              step: .startSection47Enquiry(on: F.day("2026-01-09")), code: .noStrategyDiscussion),
        .init(name: "an initial conference with no enquiry", history: F.assessing,
              step: .recordInitialConference(on: F.day("2026-01-26")), code: .noOpenSection47),
        .init(name: "an initial conference at a weekend", history: F.enquiring,
              step: .recordInitialConference(on: F.day("2026-01-31")), code: .conferenceOnWeekend),
        .init(name: "an initial conference before the enquiry", history: F.referral + [F.strategy("2026-01-06"), .startSection47Enquiry(on: F.day("2026-01-07"))],
              step: .recordInitialConference(on: F.day("2026-01-06")), code: .dateTooEarly),
        .init(name: "conference not required with no enquiry", history: F.assessing,
              step: .recordInitialConferenceNotRequired(on: F.day("2026-01-26")), code: .noOpenSection47),

        // Child protection plans
        .init(name: "a plan with no initial conference", history: F.enquiring,
              step: .startChildProtectionPlan(on: F.day("2026-01-26"), category: "NEG"), code: .noInitialConference),
        .init(name: "a plan when no conference was needed", history: F.enquiring + [.recordInitialConferenceNotRequired(on: F.day("2026-01-20"))],
              step: .startChildProtectionPlan(on: F.day("2026-01-20"), category: "NEG"), code: .noInitialConference),
        .init(name: "a plan not on the conference day", history: F.conferenceHeld,
              step: .startChildProtectionPlan(on: F.day("2026-01-27"), category: "NEG"), code: .planNotOnConferenceDay),
        .init(name: "a second plan from one conference", history: F.onProtectionPlan,
              step: .startChildProtectionPlan(on: F.day("2026-01-26"), category: "PHY"), code: .noInitialConference),
        .init(name: "a plan with an unknown category", history: F.conferenceHeld,
              step: .startChildProtectionPlan(on: F.day("2026-01-26"), category: "NEGLECT"), code: .unknownCode),
        .init(name: "a child protection plan while a child in need plan is open", history: F.escalated,
              step: .startChildProtectionPlan(on: F.day("2026-02-23"), category: "EMO"), code: .otherPlanOpen),
        .init(name: "a review with no plan", history: F.conferenceHeld, step: .recordReviewConference(on: F.day("2026-04-27")),
              code: .noOpenChildProtectionPlan),
        .init(name: "a review on the day the plan started", history: F.onProtectionPlan,
              step: .recordReviewConference(on: F.day("2026-01-26")), code: .dateTooEarly),
        .init(name: "a review not after the previous one", history: F.reviewed,
              step: .recordReviewConference(on: F.day("2026-04-27")), code: .dateTooEarly),
        .init(name: "changing to the category the plan already has", history: F.onProtectionPlan,
              step: .changeCategoryOfAbuse(on: F.day("2026-04-27"), to: "NEG"), code: .categoryUnchanged),
        .init(name: "changing to an unknown category", history: F.onProtectionPlan,
              step: .changeCategoryOfAbuse(on: F.day("2026-04-27"), to: "18A"), code: .unknownCode),
        .init(name: "changing category before the plan started", history: F.onProtectionPlan,
              step: .changeCategoryOfAbuse(on: F.day("2026-01-20"), to: "MUL"), code: .dateTooEarly),
        .init(name: "ending a plan on the day it started", history: F.onProtectionPlan,
              step: .endChildProtectionPlan(on: F.day("2026-01-26"), reason: .movedToAnotherLocalAuthority), code: .planEndsOnStartDay),
        .init(name: "ending a plan before its last review", history: F.reviewed,
              step: .endChildProtectionPlan(on: F.day("2026-04-20"), reason: .movedToAnotherLocalAuthority), code: .dateTooEarly),
        .init(name: "ending as no longer at risk without a review that day", history: F.reviewed,
              step: .endChildProtectionPlan(on: F.day("2026-05-18"), reason: .noLongerAtRiskOfSignificantHarm), code: .planEndNeedsReview),
        .init(name: "ending at 18 for a child of 9", history: F.onProtectionPlan,
              step: .endChildProtectionPlan(on: F.day("2026-05-18"), reason: .reachedEighteen), birthDate: F.day("2017-03-01"),
              code: .planEndReasonInconsistent),
        .init(name: "ending a plan that is not open", history: F.conferenceHeld,
              step: .endChildProtectionPlan(on: F.day("2026-05-18"), reason: .died), code: .noOpenChildProtectionPlan),

        // Child in need plans
        .init(name: "a child in need plan with no assessment", history: F.referral,
              step: .startChildInNeedPlan(on: F.day("2026-02-02")), code: .noBasisForChildInNeedPlan),
        .init(name: "a child in need plan after an assessment found no need",
              history: F.seenAndHeard + [.submitAssessment(on: F.day("2026-01-26"), factors: ["21"], needsSupport: false),
                                         .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: nil)],
              step: .startChildInNeedPlan(on: F.day("2026-02-02")), code: .noBasisForChildInNeedPlan),
        .init(name: "a child in need plan before the assessment was authorised", history: F.assessed,
              step: .startChildInNeedPlan(on: F.day("2026-01-29")), code: .noBasisForChildInNeedPlan),
        .init(name: "a child in need plan while a child protection plan is open", history: F.assessed + [
            F.strategy("2026-02-09"), .startSection47Enquiry(on: F.day("2026-02-09")), .recordInitialConference(on: F.day("2026-02-23")),
            .startChildProtectionPlan(on: F.day("2026-02-23"), category: "NEG"),
        ], step: .startChildInNeedPlan(on: F.day("2026-03-02")), code: .otherPlanOpen),
        .init(name: "a second child in need plan", history: F.onChildInNeedPlan,
              step: .startChildInNeedPlan(on: F.day("2026-03-02")), code: .planAlreadyOpen),
        .init(name: "a child in need plan inside an ended child protection plan", history: F.assessed + [
            F.strategy("2026-02-09"), .startSection47Enquiry(on: F.day("2026-02-09")), .recordInitialConference(on: F.day("2026-02-23")),
            .startChildProtectionPlan(on: F.day("2026-02-23"), category: "NEG"), .recordReviewConference(on: F.day("2026-05-18")),
            .endChildProtectionPlan(on: F.day("2026-05-18"), reason: .noLongerAtRiskOfSignificantHarm),
        ], step: .startChildInNeedPlan(on: F.day("2026-03-02")), code: .plansOverlap),
        .init(name: "a child in need review with no plan", history: F.assessed,
              step: .reviewChildInNeedPlan(on: F.day("2026-03-02")), code: .noOpenChildInNeedPlan),
        .init(name: "a child in need review on the plan's first day", history: F.onChildInNeedPlan,
              step: .reviewChildInNeedPlan(on: F.day("2026-02-02")), code: .dateTooEarly),
        .init(name: "ending a child in need plan before its last review",
              history: F.onChildInNeedPlan + [.reviewChildInNeedPlan(on: F.day("2026-03-02"))],
              step: .endChildInNeedPlan(on: F.day("2026-02-20")), code: .dateTooEarly),

        // Closure
        .init(name: "closing with an unknown reason", history: F.referral,
              step: .proposeClosure(on: F.day("2026-01-06"), reason: "RC10"), code: .unknownCode),
        .init(name: "closing after assessment with no assessment", history: F.referral,
              step: .proposeClosure(on: F.day("2026-01-06"), reason: "RC8"), code: .closureReasonNeedsAssessment),
        .init(name: "proposing closure twice", history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7")],
              step: .proposeClosure(on: F.day("2026-01-07"), reason: "RC7"), code: .closureAlreadyProposed),
        .init(name: "signing off as a practitioner", history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7")],
              step: .signOffClosure(on: F.day("2026-01-07")), actor: F.worker, code: .needsCapability),
        .init(name: "signing off with nothing proposed", history: F.referral,
              step: .signOffClosure(on: F.day("2026-01-07")), code: .noClosureProposed),
        .init(name: "signing off with a plan still open", history: F.onChildInNeedPlan + [.proposeClosure(on: F.day("2026-03-02"), reason: "RC7")],
              step: .signOffClosure(on: F.day("2026-03-03")), code: .workStillOpen),
        .init(name: "signing off with an assessment still open", history: F.assessing + [.proposeClosure(on: F.day("2026-01-07"), reason: "RC8")],
              step: .signOffClosure(on: F.day("2026-01-08")), code: .workStillOpen),
        .init(name: "signing off with a section 47 enquiry still open",
              history: F.referral + [F.strategy("2026-01-06"), .startSection47Enquiry(on: F.day("2026-01-06")),
                                     .proposeClosure(on: F.day("2026-01-07"), reason: "RC7")],
              step: .signOffClosure(on: F.day("2026-01-08")), code: .workStillOpen),
        .init(name: "signing off before the proposal", history: F.referral + [.proposeClosure(on: F.day("2026-01-08"), reason: "RC7")],
              step: .signOffClosure(on: F.day("2026-01-07")), code: .dateTooEarly),
        .init(name: "closing before the last work recorded",
              history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7"), .recordChildSeen(on: F.day("2026-01-09"), seenAlone: false)],
              step: .signOffClosure(on: F.day("2026-01-08")), code: .dateTooEarly),
        .init(name: "returning a closure as a practitioner", history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7")],
              step: .returnClosure(on: F.day("2026-01-07"), reason: "Still worried"), actor: F.worker, code: .needsCapability),
        .init(name: "returning a closure without a reason", history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7")],
              step: .returnClosure(on: F.day("2026-01-07"), reason: ""), code: .missingDetail),
    ]

    @Test(arguments: refused)
    func refuses(_ example: RefusedCaseworkStep) throws {
        let snapshot = try F.snapshot(example.history, birthDate: example.birthDate)
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try CaseworkRules.apply(example.step, to: snapshot, on: F.today, by: example.actor)
        }
        #expect(refusal?.code == example.code, "\(refusal?.message ?? "no refusal")")
        #expect(refusal?.message.isEmpty == false)
    }

    static let allowed: [AllowedCaseworkStep] = [
        .init(name: "opening an episode", history: [],
              step: .openEpisodeOfNeed(referralDate: F.day("2026-01-05"), source: "2A", primaryNeed: "N4")) {
            $0.openEpisode?.referralSource == "2A" && $0.openEpisode?.primaryNeed == "N4"
        },
        .init(name: "a new referral the day after the last episode closed",
              history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7"), .signOffClosure(on: F.day("2026-01-07"))],
              step: .openEpisodeOfNeed(referralDate: F.day("2026-01-08"), source: "6", primaryNeed: nil)) {
            $0.episodes.count == 2 && $0.openEpisode?.referralDate == F.day("2026-01-08")
        },
        .init(name: "starting an assessment", history: F.referral, step: .startAssessment(on: F.day("2026-01-05"))) {
            $0.openEpisode?.openAssessment?.startDate == F.day("2026-01-05")
        },
        .init(name: "a new assessment the day the last was authorised", history: F.assessed, step: .startAssessment(on: F.day("2026-01-30"))) {
            $0.openEpisode?.assessments.count == 2
        },
        .init(name: "seeing the child", history: F.referral, step: .recordChildSeen(on: F.day("2026-01-05"), seenAlone: true)) {
            $0.openEpisode?.childSeen == [.init(date: F.day("2026-01-05"), seenAlone: true)]
        },
        .init(name: "hearing the child", history: F.assessing, step: .recordWishesAndFeelings(on: F.day("2026-01-08"))) {
            $0.openEpisode?.openAssessment?.wishesAndFeelingsRecordedOn == F.day("2026-01-08")
        },
        .init(name: "submitting an assessment", history: F.seenAndHeard,
              step: .submitAssessment(on: F.day("2026-01-20"), factors: ["3B", "4B"], needsSupport: true)) {
            $0.openEpisode?.openAssessment?.factors == ["3B", "4B"]
        },
        .init(name: "a manager returning an assessment", history: F.submitted,
              step: .returnAssessment(on: F.day("2026-01-27"), reason: "Speak to dad"), actor: F.manager) {
            let a = $0.openEpisode?.openAssessment
            return a?.submission == nil && a?.returns.first?.returnedBy == "tm-ben"
        },
        .init(name: "resubmitting after a return", history: F.submitted + [.returnAssessment(on: F.day("2026-01-27"), reason: "Speak to dad")],
              step: .submitAssessment(on: F.day("2026-01-28"), factors: ["16A", "3B", "4B"], needsSupport: true)) {
            $0.openEpisode?.openAssessment?.submission?.submittedOn == F.day("2026-01-28")
        },
        .init(name: "a manager authorising", history: F.submitted,
              step: .authoriseAssessment(on: F.day("2026-01-30"), primaryNeed: "N1"), actor: F.manager) {
            $0.openEpisode?.assessments.last?.authorisation == .init(authorisedOn: F.day("2026-01-30"), authorisedBy: "tm-ben")
                && $0.openEpisode?.primaryNeed == "N1"
        },
        .init(name: "authorising no further action with factor 21 and no primary need",
              history: F.seenAndHeard + [.submitAssessment(on: F.day("2026-01-26"), factors: ["21"], needsSupport: false)],
              step: .authoriseAssessment(on: F.day("2026-01-27"), primaryNeed: nil), actor: F.manager) {
            $0.openEpisode?.openAssessment == nil && $0.openEpisode?.primaryNeed == nil
        },
        .init(name: "a strategy discussion with police and health for a child not in school", history: F.referral,
              step: F.strategy("2026-01-05", participants: [F.police, F.health], inSchool: false)) {
            $0.openEpisode?.strategyDiscussions.count == 1
        },
        .init(name: "a section 47 enquiry after its strategy discussion", history: F.strategyHeld,
              step: .startSection47Enquiry(on: F.day("2026-01-07"))) {
            $0.openEpisode?.openSection47Enquiry?.strategyDiscussionDate == F.day("2026-01-06")
        },
        .init(name: "a second enquiry from a new strategy discussion",
              history: F.enquiring + [.recordInitialConferenceNotRequired(on: F.day("2026-01-08")), F.strategy("2026-02-09")],
              step: .startSection47Enquiry(on: F.day("2026-02-09"))) {
            $0.openEpisode?.section47Enquiries.count == 2
        },
        .init(name: "an initial conference on a weekday", history: F.enquiring, step: .recordInitialConference(on: F.day("2026-01-30"))) {
            $0.openEpisode?.initialConferenceDates == [F.day("2026-01-30")]
        },
        .init(name: "deciding no conference is needed", history: F.enquiring,
              step: .recordInitialConferenceNotRequired(on: F.day("2026-01-20"))) {
            $0.openEpisode?.section47Enquiries.last?.initialConferenceNotRequired == true
        },
        .init(name: "a plan from the conference", history: F.conferenceHeld,
              step: .startChildProtectionPlan(on: F.day("2026-01-26"), category: "EMO")) {
            $0.openEpisode?.openChildProtectionPlan?.initialCategory == "EMO"
        },
        .init(name: "a child protection plan the day the child in need plan ended",
              history: F.escalated + [.endChildInNeedPlan(on: F.day("2026-02-23"))],
              step: .startChildProtectionPlan(on: F.day("2026-02-23"), category: "EMO")) {
            $0.openEpisode?.openChildProtectionPlan?.startDate == F.day("2026-02-23")
        },
        .init(name: "a review conference", history: F.onProtectionPlan, step: .recordReviewConference(on: F.day("2026-04-27"))) {
            $0.openEpisode?.openChildProtectionPlan?.reviewDates == [F.day("2026-04-27")]
        },
        .init(name: "changing category", history: F.reviewed, step: .changeCategoryOfAbuse(on: F.day("2026-04-27"), to: "MUL")) {
            let plan = $0.openEpisode?.openChildProtectionPlan
            return plan?.initialCategory == "NEG" && plan?.latestCategory == "MUL"
        },
        .init(name: "ending the plan at a review", history: F.reviewed,
              step: .endChildProtectionPlan(on: F.day("2026-04-27"), reason: .noLongerAtRiskOfSignificantHarm)) {
            $0.openEpisode?.childProtectionPlans.last?.end == .init(date: F.day("2026-04-27"), reason: .noLongerAtRiskOfSignificantHarm)
        },
        .init(name: "ending the plan when the family moved away", history: F.onProtectionPlan,
              step: .endChildProtectionPlan(on: F.day("2026-02-10"), reason: .movedToAnotherLocalAuthority)) {
            $0.openEpisode?.openChildProtectionPlan == nil
        },
        .init(name: "a child in need plan after the assessment", history: F.assessed, step: .startChildInNeedPlan(on: F.day("2026-01-30"))) {
            $0.openEpisode?.openChildInNeedPlan?.startDate == F.day("2026-01-30")
        },
        .init(name: "stepping down to a child in need plan the day the protection plan ended",
              history: F.reviewed + [.endChildProtectionPlan(on: F.day("2026-04-27"), reason: .noLongerAtRiskOfSignificantHarm)],
              step: .startChildInNeedPlan(on: F.day("2026-04-27"))) {
            $0.openEpisode?.openChildInNeedPlan?.startDate == F.day("2026-04-27")
        },
        .init(name: "reviewing a child in need plan", history: F.onChildInNeedPlan, step: .reviewChildInNeedPlan(on: F.day("2026-03-02"))) {
            $0.openEpisode?.openChildInNeedPlan?.reviewDates == [F.day("2026-03-02")]
        },
        .init(name: "ending a child in need plan", history: F.onChildInNeedPlan, step: .endChildInNeedPlan(on: F.day("2026-03-02"))) {
            $0.openEpisode?.childInNeedPlans.last?.endDate == F.day("2026-03-02")
        },
        .init(name: "proposing closure while a plan is still open", history: F.onChildInNeedPlan,
              step: .proposeClosure(on: F.day("2026-03-02"), reason: "RC7")) {
            $0.openEpisode?.closureProposal?.proposedBy == "sw-ana"
        },
        .init(name: "a manager returning a closure", history: F.referral + [.proposeClosure(on: F.day("2026-01-06"), reason: "RC7")],
              step: .returnClosure(on: F.day("2026-01-07"), reason: "Still worried"), actor: F.manager) {
            $0.openEpisode != nil && $0.openEpisode?.closureProposal == nil
        },
        .init(name: "a manager signing off a closure after assessment", history: F.assessed + [.proposeClosure(on: F.day("2026-01-30"), reason: "RC8")],
              step: .signOffClosure(on: F.day("2026-02-02")), actor: F.manager) {
            $0.openEpisode == nil
                && $0.episodes.last?.closure == .init(date: F.day("2026-02-02"), reason: "RC8", signedOffBy: "tm-ben")
        },
    ]

    @Test(arguments: allowed)
    func allows(_ example: AllowedCaseworkStep) throws {
        let snapshot = try F.snapshot(example.history)
        let updated = try CaseworkRules.apply(example.step, to: snapshot, on: F.today, by: example.actor)
        #expect(example.check(updated))
    }

    @Test func refusesAProtectionPlanWhileAChildInNeedPlanIsOpenInPlainWords() throws {
        let snapshot = try F.snapshot(F.escalated)
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try CaseworkRules.apply(.startChildProtectionPlan(on: F.day("2026-02-23"), category: "EMO"), to: snapshot, on: F.today, by: F.worker)
        }
        #expect(refusal?.message == "A child protection plan cannot start while a child in need plan is open. End the child in need plan first.")
    }

    @Test func leavesTheSnapshotUntouchedWhenItRefuses() throws {
        let snapshot = try F.snapshot(F.escalated)
        #expect(throws: WorkflowRefusal.self) {
            try CaseworkRules.apply(.startChildProtectionPlan(on: F.day("2026-02-23"), category: "EMO"), to: snapshot, on: F.today, by: F.worker)
        }
        #expect(snapshot == (try F.snapshot(F.escalated)))
    }

    @Test(arguments: [
        (["3B", "16A", "1C"], true, nil),
        (["21"], false, nil),
        ([], false, WorkflowRefusal.Code.missingDetail),
        (["18A"], true, .unknownCode),
        (["19A"], true, .unknownCode),
        (["99Z"], true, .unknownCode),
        (["3A", "4B", "3A"], true, .invalidFactors),
        (["21", "3A"], false, .invalidFactors),
        (["21"], true, .invalidFactors),
    ] as [([String], Bool, WorkflowRefusal.Code?)])
    func checksFactorsIdentifiedAtAssessment(factors: [String], needsSupport: Bool, expected: WorkflowRefusal.Code?) {
        do {
            try CaseworkRules.checkFactors(factors, needsSupport: needsSupport)
            #expect(expected == nil, "accepted \(factors)")
        } catch {
            #expect(error.code == expected, "\(error.message)")
        }
    }

    @Test func pointsObsoleteFactorsToTheirReplacements() {
        let refusal = #expect(throws: WorkflowRefusal.self) { try CaseworkRules.checkFactors(["19A"], needsSupport: true) }
        #expect(refusal?.message.contains("19B") == true)
        #expect(refusal?.message.contains("19C") == true)
    }

    @Test func countsPreviousProtectionPlansAcrossEpisodes() throws {
        let firstEpisode = F.onProtectionPlan + [
            .recordReviewConference(on: F.day("2026-04-27")),
            .endChildProtectionPlan(on: F.day("2026-04-27"), reason: .noLongerAtRiskOfSignificantHarm),
            .submitAssessment(on: F.day("2026-04-27"), factors: ["16A"], needsSupport: true),
            .recordChildSeen(on: F.day("2026-04-27"), seenAlone: true), .recordWishesAndFeelings(on: F.day("2026-04-27")),
            .authoriseAssessment(on: F.day("2026-04-28"), primaryNeed: "N1"),
            .proposeClosure(on: F.day("2026-04-28"), reason: "RC7"), .signOffClosure(on: F.day("2026-04-29")),
        ]
        let secondEpisode: [CaseworkAction] = [
            .openEpisodeOfNeed(referralDate: F.day("2026-08-17"), source: "6", primaryNeed: "N1"),
            F.strategy("2026-08-17"), .startSection47Enquiry(on: F.day("2026-08-17")),
            .recordInitialConference(on: F.day("2026-09-07")), .startChildProtectionPlan(on: F.day("2026-09-07"), category: "PHY"),
        ]
        var snapshot = try F.snapshot(firstEpisode + secondEpisode)
        snapshot.childProtectionPlansBeforeRecords = 1

        #expect(snapshot.episodes.count == 2)
        #expect(snapshot.numberOfPreviousChildProtectionPlans(before: F.day("2026-01-26")) == 1)
        #expect(snapshot.numberOfPreviousChildProtectionPlans(before: F.day("2026-09-07")) == 2)
    }

    @Test func snapshotsSurviveAJSONRoundTrip() throws {
        let snapshot = try F.snapshot(F.reviewed + [.changeCategoryOfAbuse(on: F.day("2026-04-27"), to: "MUL")])
        let data = try JSONEncoder().encode(snapshot)
        #expect(try JSONDecoder().decode(CaseSnapshot.self, from: data) == snapshot)
    }
}

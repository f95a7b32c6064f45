/// Something a practitioner or manager records on a child's case. Each carries the date it
/// happened; `CaseworkRules.apply` checks it against the case as it stands.
public enum CaseworkAction: Hashable, Sendable, Codable {
    /// The front door accepted a referral: the start of an episode of need.
    case openEpisodeOfNeed(referralDate: Day, source: String, primaryNeed: String?)

    case startAssessment(on: Day)
    case recordChildSeen(on: Day, seenAlone: Bool)
    case recordWishesAndFeelings(on: Day)
    /// The social worker hands the finished assessment to a manager.
    case submitAssessment(on: Day, factors: [String], needsSupport: Bool)
    /// A manager sends a submitted assessment back for more work.
    case returnAssessment(on: Day, reason: String)
    /// A manager signs the assessment off; `primaryNeed` sets or replaces the episode's.
    case authoriseAssessment(on: Day, primaryNeed: String?)

    case holdStrategyDiscussion(EpisodeOfNeed.StrategyDiscussion)
    case startSection47Enquiry(on: Day)
    case recordInitialConference(on: Day)
    case recordInitialConferenceNotRequired(on: Day)

    case startChildProtectionPlan(on: Day, category: String)
    case recordReviewConference(on: Day)
    case recordCoreGroupMeeting(on: Day)
    case changeCategoryOfAbuse(on: Day, to: String)
    case endChildProtectionPlan(on: Day, reason: EpisodeOfNeed.ChildProtectionPlan.EndReason)

    case startChildInNeedPlan(on: Day)
    case reviewChildInNeedPlan(on: Day)
    case endChildInNeedPlan(on: Day)

    case proposeClosure(on: Day, reason: String)
    /// A manager declines a proposed closure; the episode stays open.
    case returnClosure(on: Day, reason: String)
    case signOffClosure(on: Day)
    /// Looked-after children and care leavers: see `LookedAfterRules`.
    case lookedAfter(LookedAfterAction)

    /// The day the action says it happened.
    public var date: Day {
        switch self {
        case .openEpisodeOfNeed(let day, _, _): day
        case .startAssessment(let day), .recordChildSeen(let day, _), .recordWishesAndFeelings(let day),
             .submitAssessment(let day, _, _), .returnAssessment(let day, _), .authoriseAssessment(let day, _):
            day
        case .holdStrategyDiscussion(let discussion): discussion.date
        case .startSection47Enquiry(let day), .recordInitialConference(let day), .recordInitialConferenceNotRequired(let day):
            day
        case .startChildProtectionPlan(let day, _), .recordReviewConference(let day), .changeCategoryOfAbuse(let day, _),
             .recordCoreGroupMeeting(let day),
             .endChildProtectionPlan(let day, _):
            day
        case .startChildInNeedPlan(let day), .reviewChildInNeedPlan(let day), .endChildInNeedPlan(let day):
            day
        case .proposeClosure(let day, _), .returnClosure(let day, _), .signOffClosure(let day):
            day
        case .lookedAfter(let action): action.date
        }
    }

    var opensEpisode: Bool {
        if case .openEpisodeOfNeed = self { return true }
        return false
    }

    /// What the action records, as the subject of a sentence in a refusal.
    var recordName: String {
        switch self {
        case .openEpisodeOfNeed: "the referral"
        case .startAssessment: "the assessment"
        case .recordChildSeen: "the visit"
        case .recordWishesAndFeelings: "the child's wishes and feelings"
        case .submitAssessment: "the submission"
        case .returnAssessment: "returning the assessment"
        case .authoriseAssessment: "the authorisation"
        case .holdStrategyDiscussion: "the strategy discussion"
        case .startSection47Enquiry: "the section 47 enquiry"
        case .recordInitialConference: "the initial child protection conference"
        case .recordInitialConferenceNotRequired: "the decision that no conference is needed"
        case .startChildProtectionPlan: "the child protection plan"
        case .recordReviewConference: "the review conference"
        case .recordCoreGroupMeeting: "the core group meeting"
        case .changeCategoryOfAbuse: "the change of category"
        case .endChildProtectionPlan: "the end of the child protection plan"
        case .startChildInNeedPlan: "the child in need plan"
        case .reviewChildInNeedPlan: "the child in need plan review"
        case .endChildInNeedPlan: "the end of the child in need plan"
        case .proposeClosure: "the closure proposal"
        case .returnClosure: "returning the closure"
        case .signOffClosure: "the closure"
        case .lookedAfter: "this care record"
        }
    }
}

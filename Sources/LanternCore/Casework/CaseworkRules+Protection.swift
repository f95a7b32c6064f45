/// Child protection: strategy discussion, section 47 enquiry, initial conference, plan, reviews.
extension CaseworkRules {
    static func holdStrategyDiscussion(_ discussion: EpisodeOfNeed.StrategyDiscussion,
                                       in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        let present = Set(discussion.participants.map(\.agency))
        let absent = discussion.requiredAgencies.filter { !present.contains($0) }
        guard absent.isEmpty else {
            let why = discussion.childAttendsEducationSetting
                ? "A strategy discussion for a child in school or early years must include the police, health and education."
                : "A strategy discussion must include the police and health."
            throw WorkflowRefusal(.strategyDiscussionIncomplete,
                                  "\(why) No one from \(listed(absent.map(\.plainEnglish))) took part. Add them, or reconvene the discussion.")
        }
        if let unnamed = discussion.participants.first(where: { $0.name.hasNoText }) {
            throw .missing("the name of the participant from \(unnamed.agency.plainEnglish)", "a strategy discussion records who took part")
        }
        episode.strategyDiscussions.append(discussion)
    }

    /// A section 47 enquiry starts from a strategy discussion that decided to make enquiries,
    /// one enquiry per discussion, and never while another is open (census 8839, 8890).
    static func startSection47Enquiry(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        if let open = episode.openSection47Enquiry {
            throw WorkflowRefusal(.section47AlreadyOpen,
                                  "A section 47 enquiry started on \(WorkflowDates.text(open.startDate)) is still open. Record its outcome (conference held, or not required) before starting another.")
        }
        var used = episode.section47Enquiries.map(\.strategyDiscussionDate)
        let unused = episode.strategyDiscussions.filter { discussion in
            guard discussion.decidedToStartSection47 else { return false }
            if let index = used.firstIndex(of: discussion.date) { used.remove(at: index); return false }
            return true
        }
        guard let discussion = unused.last(where: { $0.date <= day }) else {
            if let later = unused.first {
                try WorkflowDates.notBefore(day, later.date, "the section 47 enquiry", "the strategy discussion that decided to start it")
            }
            throw WorkflowRefusal(.noStrategyDiscussion,
                                  "A section 47 enquiry starts from a strategy discussion that decided to make enquiries. Record that strategy discussion first.")
        }
        episode.section47Enquiries.append(.init(startDate: day, strategyDiscussionDate: discussion.date))
    }

    /// The conference date can be neither before the enquiry (census 8615) nor on a weekend (8875).
    static func recordInitialConference(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var enquiry = try openSection47(in: episode, for: "An initial child protection conference")
        try WorkflowDates.notBefore(day, enquiry.startDate, "the initial child protection conference", "the section 47 enquiry")
        guard !day.isWeekend else {
            throw WorkflowRefusal(.conferenceOnWeekend,
                                  "An initial child protection conference is not held at a weekend, and \(WorkflowDates.textWithWeekday(day)) is one. Check the date.")
        }
        enquiry.outcome = .initialConferenceHeld(day)
        episode.section47Enquiries[episode.section47Enquiries.count - 1] = enquiry
    }

    static func recordInitialConferenceNotRequired(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var enquiry = try openSection47(in: episode, for: "A decision that no conference is needed")
        try WorkflowDates.notBefore(day, enquiry.startDate, "the decision that no conference is needed", "the section 47 enquiry")
        enquiry.outcome = .initialConferenceNotRequired(day)
        episode.section47Enquiries[episode.section47Enquiries.count - 1] = enquiry
    }

    /// Only an initial conference makes a plan: each conference at most one (census 2883), and
    /// the plan starts on the conference day (2885).
    static func startChildProtectionPlan(on day: Day, category: String, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        try checkCategory(category)
        var planStarts = episode.childProtectionPlans.map(\.startDate)
        let waiting = episode.initialConferenceDates.filter { conference in
            if let index = planStarts.firstIndex(of: conference) { planStarts.remove(at: index); return false }
            return true
        }
        guard let latest = waiting.last else {
            throw WorkflowRefusal(.noInitialConference,
                                  "A child protection plan can only be made by an initial child protection conference, and no conference in this episode is waiting for a plan. Record the conference first.")
        }
        guard waiting.contains(day) else {
            throw WorkflowRefusal(.planNotOnConferenceDay,
                                  "A child protection plan starts on the day of the initial conference that made it. Record the plan as starting on \(WorkflowDates.text(latest)).")
        }
        try checkNoPlanCovers(day, in: episode, starting: .childProtection)
        episode.childProtectionPlans.append(.init(startDate: day, category: category))
    }

    /// A review conference follows the plan's start and the last review (census 8841).
    static func recordReviewConference(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var plan = try openChildProtectionPlan(in: episode, for: "a review conference")
        try WorkflowDates.after(day, plan.startDate, "a review conference", "the start of the plan")
        if let last = plan.reviewDates.last {
            try WorkflowDates.after(day, last, "a review conference", "the previous review")
        }
        plan.reviewDates.append(day)
        episode.childProtectionPlans[episode.childProtectionPlans.count - 1] = plan
    }

    static func recordCoreGroupMeeting(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var plan = try openChildProtectionPlan(in: episode, for: "a core group meeting")
        try WorkflowDates.notBefore(day, plan.startDate, "a core group meeting", "the start of the plan")
        var meetings = plan.coreGroupMeetings ?? []
        if meetings.contains(day) {
            throw WorkflowRefusal(.duplicateCoreGroup, "A core group meeting on \(WorkflowDates.text(day)) is already recorded.")
        }
        meetings.append(day)
        plan.coreGroupMeetings = meetings.sorted()
        episode.childProtectionPlans[episode.childProtectionPlans.count - 1] = plan
    }

    static func changeCategoryOfAbuse(on day: Day, to category: String, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var plan = try openChildProtectionPlan(in: episode, for: "a change of category")
        try checkCategory(category)
        guard category != plan.latestCategory else {
            throw WorkflowRefusal(.categoryUnchanged, "The plan's category of abuse is already \(category). Nothing has changed.")
        }
        try WorkflowDates.notBefore(day, plan.categoryChanges.last?.date ?? plan.startDate, "the change of category",
                                    plan.categoryChanges.isEmpty ? "the start of the plan" : "the last change of category")
        plan.categoryChanges.append(.init(date: day, from: plan.latestCategory, to: category))
        plan.latestCategory = category
        episode.childProtectionPlans[episode.childProtectionPlans.count - 1] = plan
    }

    /// A plan never ends on the day it started (census 8840) nor before its last review.
    static func endChildProtectionPlan(on day: Day, reason: EpisodeOfNeed.ChildProtectionPlan.EndReason,
                                       in episode: inout EpisodeOfNeed, childBirthDate: Day?) throws(WorkflowRefusal) {
        var plan = try openChildProtectionPlan(in: episode, for: "an ending")
        guard day != plan.startDate else {
            throw WorkflowRefusal(.planEndsOnStartDay,
                                  "A child protection plan cannot end on the day it started (\(WorkflowDates.text(plan.startDate))).")
        }
        try WorkflowDates.notBefore(day, plan.startDate, "the end of the plan", "its start")
        if let lastReview = plan.reviewDates.last {
            try WorkflowDates.notBefore(day, lastReview, "the end of the plan", "its last review conference")
        }
        if let lastChange = plan.categoryChanges.last {
            try WorkflowDates.notBefore(day, lastChange.date, "the end of the plan", "its last change of category")
        }
        switch reason {
        case .noLongerAtRiskOfSignificantHarm:
            guard plan.reviewDates.contains(day) else {
                throw WorkflowRefusal(.planEndNeedsReview,
                                      "Only a review child protection conference can decide that a child is no longer at risk of significant harm. Record the review conference held on \(WorkflowDates.text(day)) first.")
            }
        case .reachedEighteen:
            if let born = childBirthDate, born.age(on: day) < 18 {
                throw WorkflowRefusal(.planEndReasonInconsistent,
                                      "The child turns 18 on \(WorkflowDates.text(born.birthday(18))), so the plan cannot end on \(WorkflowDates.text(day)) because they reached 18.")
            }
        case .movedToAnotherLocalAuthority, .died, .leftTheUnitedKingdom:
            break
        }
        plan.end = .init(date: day, reason: reason)
        episode.childProtectionPlans[episode.childProtectionPlans.count - 1] = plan
    }

    static func checkCategory(_ category: String) throws(WorkflowRefusal) {
        guard WorkflowCodeSets.categoriesOfAbuse.contains(category) else {
            throw .unknownCode(category, field: "category of abuse",
                               allowed: "NEG (neglect), PHY (physical), SAB (sexual), EMO (emotional) or MUL (multiple)")
        }
    }

    private static func openSection47(in episode: EpisodeOfNeed, for what: String) throws(WorkflowRefusal) -> EpisodeOfNeed.Section47Enquiry {
        guard let open = episode.openSection47Enquiry else {
            throw WorkflowRefusal(.noOpenSection47,
                                  "\(what) follows a section 47 enquiry, and there is no open enquiry. Start the section 47 enquiry first.")
        }
        return open
    }

    static func openChildProtectionPlan(in episode: EpisodeOfNeed, for what: String) throws(WorkflowRefusal) -> EpisodeOfNeed.ChildProtectionPlan {
        guard let open = episode.openChildProtectionPlan else {
            throw WorkflowRefusal(.noOpenChildProtectionPlan, "There is no open child protection plan to record \(what) against.")
        }
        return open
    }

    /// "the police", "the police or health", "the police, health or education".
    static func listed(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension WorkflowRefusal.Code {
    public static let strategyDiscussionIncomplete = Self("casework.strategy-discussion-incomplete")
    public static let section47AlreadyOpen = Self("casework.section47-already-open")
    public static let noStrategyDiscussion = Self("casework.no-strategy-discussion")
    public static let noOpenSection47 = Self("casework.no-open-section47")
    public static let conferenceOnWeekend = Self("casework.conference-on-weekend")
    public static let noInitialConference = Self("casework.no-initial-conference")
    public static let planNotOnConferenceDay = Self("casework.plan-not-on-conference-day")
    public static let noOpenChildProtectionPlan = Self("casework.no-open-cp-plan")
    public static let categoryUnchanged = Self("casework.category-unchanged")
    public static let planEndsOnStartDay = Self("casework.plan-ends-on-start-day")
    public static let planEndNeedsReview = Self("casework.plan-end-needs-review")
    public static let planEndReasonInconsistent = Self("casework.plan-end-reason-inconsistent")
}

extension WorkflowRefusal.Code {
    public static let duplicateCoreGroup = Self("casework.duplicate-core-group")
}

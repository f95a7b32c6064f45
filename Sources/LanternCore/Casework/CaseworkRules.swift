/// What may follow what on a child's case, from referral to closure.
///
/// Sources: Working Together to Safeguard Children (DfE, 2023) for the practice sequence, and the
/// CIN census validation rules 2025-26 (numbers quoted where a rule comes from there) for what
/// the DfE will reject. Each rule lives in a small function; `apply` only routes.
public enum CaseworkRules {
    /// Checks `action` against `snapshot` as it stands on `today`, taken by `actor`, and returns
    /// the case with the action recorded, or throws the reason it cannot be.
    public static func apply(_ action: CaseworkAction, to snapshot: CaseSnapshot, on today: Day,
                             by actor: WorkflowActor) throws(WorkflowRefusal) -> CaseSnapshot {
        try actor.require(.practitioner, to: "record casework")
        try WorkflowDates.notInFuture(action.date, today: today, action.recordName)
        if case .lookedAfter(let careAction) = action {
            var updated = snapshot
            updated.care = try LookedAfterRules.apply(careAction, to: snapshot.care, birthDate: snapshot.childBirthDate,
                                                      episodeOpen: snapshot.openEpisode != nil, on: today, by: actor)
            return updated
        }
        if case .signOffClosure = action, snapshot.care?.ledger.isLookedAfter == true {
            throw WorkflowRefusal(.workStillOpen,
                                  "The episode of need cannot close while the child is looked after. Record that care ended first.")
        }

        guard var episode = snapshot.openEpisode else {
            guard case .openEpisodeOfNeed(let referralDate, let source, let primaryNeed) = action else {
                throw WorkflowRefusal(.noOpenEpisode,
                                      "This child has no open episode of need. Open one from the referral before recording casework.")
            }
            return try openEpisode(referralDate: referralDate, source: source, primaryNeed: primaryNeed, in: snapshot)
        }
        if !action.opensEpisode {
            try WorkflowDates.notBefore(action.date, episode.referralDate, action.recordName, "the referral")
        }
        try record(action, in: &episode, snapshot: snapshot, by: actor)

        var updated = snapshot
        updated.episodes[updated.episodes.count - 1] = episode
        return updated
    }

    private static func record(_ action: CaseworkAction, in episode: inout EpisodeOfNeed, snapshot: CaseSnapshot,
                               by actor: WorkflowActor) throws(WorkflowRefusal) {
        switch action {
        case .openEpisodeOfNeed:
            throw WorkflowRefusal(.episodeAlreadyOpen,
                                  "This child already has an open episode of need, referred on \(WorkflowDates.text(episode.referralDate)). Add to it, or close it before opening another.")
        case .startAssessment(let day):
            try startAssessment(on: day, in: &episode)
        case .recordChildSeen(let day, let seenAlone):
            episode.childSeen.append(.init(date: day, seenAlone: seenAlone))
        case .recordWishesAndFeelings(let day):
            try recordWishesAndFeelings(on: day, in: &episode)
        case .submitAssessment(let day, let factors, let needsSupport):
            try submitAssessment(on: day, factors: factors, needsSupport: needsSupport, in: &episode)
        case .returnAssessment(let day, let reason):
            try returnAssessment(on: day, reason: reason, in: &episode, by: actor)
        case .authoriseAssessment(let day, let primaryNeed):
            try authoriseAssessment(on: day, primaryNeed: primaryNeed, in: &episode, by: actor)
        case .holdStrategyDiscussion(let discussion):
            try holdStrategyDiscussion(discussion, in: &episode)
        case .startSection47Enquiry(let day):
            try startSection47Enquiry(on: day, in: &episode)
        case .recordInitialConference(let day):
            try recordInitialConference(on: day, in: &episode)
        case .recordInitialConferenceNotRequired(let day):
            try recordInitialConferenceNotRequired(on: day, in: &episode)
        case .startChildProtectionPlan(let day, let category):
            try startChildProtectionPlan(on: day, category: category, in: &episode)
        case .recordReviewConference(let day):
            try recordReviewConference(on: day, in: &episode)
        case .recordCoreGroupMeeting(let day):
            try recordCoreGroupMeeting(on: day, in: &episode)
        case .changeCategoryOfAbuse(let day, let category):
            try changeCategoryOfAbuse(on: day, to: category, in: &episode)
        case .endChildProtectionPlan(let day, let reason):
            try endChildProtectionPlan(on: day, reason: reason, in: &episode, childBirthDate: snapshot.childBirthDate)
        case .startChildInNeedPlan(let day):
            try startChildInNeedPlan(on: day, in: &episode)
        case .reviewChildInNeedPlan(let day):
            try reviewChildInNeedPlan(on: day, in: &episode)
        case .endChildInNeedPlan(let day):
            try endChildInNeedPlan(on: day, in: &episode)
        case .proposeClosure(let day, let reason):
            try proposeClosure(on: day, reason: reason, in: &episode, by: actor)
        case .returnClosure(let day, let reason):
            try returnClosure(on: day, reason: reason, in: &episode, by: actor)
        case .signOffClosure(let day):
            try signOffClosure(on: day, in: &episode, by: actor)
        case .lookedAfter:
            break
        }
    }

    // MARK: Episode of need

    /// Called only when no episode is open: one open at a time (census 8815). A new episode never
    /// overlaps the last (8820, which counts a referral on the day the last episode closed as overlapping).
    static func openEpisode(referralDate: Day, source: String, primaryNeed: String?,
                            in snapshot: CaseSnapshot) throws(WorkflowRefusal) -> CaseSnapshot {
        if let closed = snapshot.episodes.last?.closure, referralDate <= closed.date {
            throw WorkflowRefusal(.episodesOverlap,
                                  "A new referral must be dated after the last episode of need closed on \(WorkflowDates.text(closed.date)).")
        }
        guard WorkflowCodeSets.referralSources.contains(source) else {
            throw .unknownCode(source, field: "referral source", allowed: "a CIN census source code such as 1A, 2A, 3A, 5D or 6")
        }
        if let primaryNeed { try checkPrimaryNeed(primaryNeed) }

        var updated = snapshot
        updated.episodes.append(EpisodeOfNeed(referralDate: referralDate, referralSource: source, primaryNeed: primaryNeed))
        return updated
    }

    static func checkPrimaryNeed(_ code: String) throws(WorkflowRefusal) {
        guard WorkflowCodeSets.primaryNeeds.contains(code) else {
            throw .unknownCode(code, field: "primary need", allowed: "N0 to N9")
        }
    }
}

extension WorkflowRefusal.Code {
    public static let noOpenEpisode = Self("casework.no-open-episode")
    public static let episodeAlreadyOpen = Self("casework.episode-already-open")
    public static let episodesOverlap = Self("casework.episodes-overlap")
}

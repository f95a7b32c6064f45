/// Closing an episode of need: a practitioner proposes, a manager signs off.
extension CaseworkRules {
    static func proposeClosure(on day: Day, reason: String, in episode: inout EpisodeOfNeed,
                               by actor: WorkflowActor) throws(WorkflowRefusal) {
        if let pending = episode.closureProposal {
            throw WorkflowRefusal(.closureAlreadyProposed,
                                  "Closure was already proposed on \(WorkflowDates.text(pending.proposedOn)) and is waiting for a manager.")
        }
        guard WorkflowCodeSets.closureReasons.contains(reason) else {
            throw .unknownCode(reason, field: "reason for closure", allowed: "RC1 to RC9")
        }
        // Census query 8825Q: "closed after assessment" needs an assessment to have closed after.
        if WorkflowCodeSets.closureReasonsAfterAssessment.contains(reason), episode.assessments.isEmpty {
            throw WorkflowRefusal(.closureReasonNeedsAssessment,
                                  "\(reason) means the case closed after an assessment, but there is no assessment in this episode. Choose another reason, or complete an assessment first.")
        }
        episode.closureProposal = .init(proposedOn: day, proposedBy: actor.id, reason: reason)
    }

    static func returnClosure(on day: Day, reason: String, in episode: inout EpisodeOfNeed,
                              by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.manager, to: "return a proposed closure")
        let proposal = try pendingClosure(in: episode)
        try WorkflowDates.notBefore(day, proposal.proposedOn, "returning the closure", "the proposal")
        guard !reason.hasNoText else {
            throw .missing("a reason", "say why the episode should stay open")
        }
        episode.closureProposal = nil
    }

    /// Nothing may be left open when an episode closes (census 8867, 8868, and no plan may run
    /// past closure), and the closure date comes after everything recorded in it (8565).
    static func signOffClosure(on day: Day, in episode: inout EpisodeOfNeed, by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.manager, to: "sign off the closure of an episode of need")
        let proposal = try pendingClosure(in: episode)
        try WorkflowDates.notBefore(day, proposal.proposedOn, "the closure", "the proposal to close")
        let stillOpen = openWork(in: episode)
        guard stillOpen.isEmpty else {
            throw WorkflowRefusal(.workStillOpen,
                                  "The episode cannot close while work is open: \(stillOpen.joined(separator: "; ")). Complete or end it first.")
        }
        try WorkflowDates.notBefore(day, episode.latestActivityDate, "the closure", "the last work recorded in the episode")
        episode.closure = .init(date: day, reason: proposal.reason, signedOffBy: actor.id)
        episode.closureProposal = nil
    }

    static func openWork(in episode: EpisodeOfNeed) -> [String] {
        var open: [String] = []
        if let a = episode.openAssessment { open.append("the assessment started \(WorkflowDates.text(a.startDate)) is not authorised") }
        if let s = episode.openSection47Enquiry { open.append("the section 47 enquiry started \(WorkflowDates.text(s.startDate)) has no outcome") }
        if let p = episode.openChildProtectionPlan { open.append("the child protection plan started \(WorkflowDates.text(p.startDate)) has not ended") }
        if let p = episode.openChildInNeedPlan { open.append("the child in need plan started \(WorkflowDates.text(p.startDate)) has not ended") }
        return open
    }

    private static func pendingClosure(in episode: EpisodeOfNeed) throws(WorkflowRefusal) -> EpisodeOfNeed.ClosureProposal {
        guard let proposal = episode.closureProposal else {
            throw WorkflowRefusal(.noClosureProposed, "No closure has been proposed for this episode. A practitioner proposes closure first, with the reason.")
        }
        return proposal
    }
}

extension WorkflowRefusal.Code {
    public static let closureAlreadyProposed = Self("casework.closure-already-proposed")
    public static let closureReasonNeedsAssessment = Self("casework.closure-reason-needs-assessment")
    public static let noClosureProposed = Self("casework.no-closure-proposed")
    public static let workStillOpen = Self("casework.work-still-open")
}

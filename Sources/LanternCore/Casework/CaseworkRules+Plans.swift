/// Child in need plans, and the rule that keeps them apart from child protection plans.
extension CaseworkRules {
    enum PlanKind {
        case childInNeed, childProtection

        var name: String { self == .childInNeed ? "child in need plan" : "child protection plan" }
    }

    /// A child has one plan at a time: never two of a kind (census 4004, 8935), never a child in
    /// need plan alongside a child protection plan (4001, 4016, 4017). One plan may end on the
    /// day the next starts, which is how a step up or step down is recorded.
    static func checkNoPlanCovers(_ start: Day, in episode: EpisodeOfNeed, starting kind: PlanKind) throws(WorkflowRefusal) {
        let plans: [(kind: PlanKind, start: Day, end: Day?)] =
            episode.childInNeedPlans.map { (.childInNeed, $0.startDate, $0.endDate) }
            + episode.childProtectionPlans.map { (.childProtection, $0.startDate, $0.endDate) }
        if let open = plans.first(where: { $0.end == nil }) {
            if open.kind == kind {
                throw WorkflowRefusal(.planAlreadyOpen,
                                      "A \(kind.name) started on \(WorkflowDates.text(open.start)) is still open. A child has only one \(kind.name) at a time.")
            }
            throw WorkflowRefusal(.otherPlanOpen,
                                  "A \(kind.name) cannot start while a \(open.kind.name) is open. End the \(open.kind.name) first.")
        }
        if let clash = plans.first(where: { $0.end.map { start < $0 } ?? false }), let end = clash.end {
            throw WorkflowRefusal(.plansOverlap,
                                  "A \(kind.name) cannot start on \(WorkflowDates.text(start)): the \(clash.kind.name) from \(WorkflowDates.text(clash.start)) to \(WorkflowDates.text(end)) covers that date. Start it on or after \(WorkflowDates.text(end)).")
        }
    }

    /// Working Together 2023: a child in need plan follows an assessment that found the child
    /// needs help, or steps a child down when a child protection plan ends.
    static func startChildInNeedPlan(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        let assessedAsInNeed = episode.assessments.contains {
            $0.submission?.needsSupport == true && ($0.authorisationDate.map { $0 <= day } ?? false)
        }
        let steppingDown = episode.childProtectionPlans.contains { $0.endDate.map { $0 <= day } ?? false }
        guard assessedAsInNeed || steppingDown else {
            throw WorkflowRefusal(.noBasisForChildInNeedPlan,
                                  "A child in need plan follows an authorised assessment that found the child needs support, or the end of a child protection plan. Neither is recorded in this episode by \(WorkflowDates.text(day)).")
        }
        try checkNoPlanCovers(day, in: episode, starting: .childInNeed)
        episode.childInNeedPlans.append(.init(startDate: day))
    }

    static func reviewChildInNeedPlan(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var plan = try openChildInNeedPlan(in: episode, for: "a review")
        try WorkflowDates.after(day, plan.startDate, "a child in need plan review", "the start of the plan")
        if let last = plan.reviewDates.last {
            try WorkflowDates.after(day, last, "a child in need plan review", "the previous review")
        }
        plan.reviewDates.append(day)
        episode.childInNeedPlans[episode.childInNeedPlans.count - 1] = plan
    }

    static func endChildInNeedPlan(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var plan = try openChildInNeedPlan(in: episode, for: "an ending")
        try WorkflowDates.notBefore(day, plan.reviewDates.last ?? plan.startDate, "the end of the child in need plan",
                                    plan.reviewDates.isEmpty ? "its start" : "its last review")
        plan.endDate = day
        episode.childInNeedPlans[episode.childInNeedPlans.count - 1] = plan
    }

    private static func openChildInNeedPlan(in episode: EpisodeOfNeed, for what: String) throws(WorkflowRefusal) -> EpisodeOfNeed.ChildInNeedPlan {
        guard let open = episode.openChildInNeedPlan else {
            throw WorkflowRefusal(.noOpenChildInNeedPlan, "There is no open child in need plan to record \(what) against.")
        }
        return open
    }
}

extension WorkflowRefusal.Code {
    public static let planAlreadyOpen = Self("casework.plan-already-open")
    public static let otherPlanOpen = Self("casework.other-plan-open")
    public static let plansOverlap = Self("casework.plans-overlap")
    public static let noBasisForChildInNeedPlan = Self("casework.no-basis-for-cin-plan")
    public static let noOpenChildInNeedPlan = Self("casework.no-open-cin-plan")
}

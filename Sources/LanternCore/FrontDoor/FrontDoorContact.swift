/// Where a contact is in the front door's lifecycle:
/// received → decided → (awaiting approval → approved or returned) → referral opened or closed.
public enum ContactStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case received
    case decided
    case awaitingApproval
    case approved
    case returned
    case referralOpened
    case closed

    public var isFinal: Bool { self == .referralOpened || self == .closed }

    var plainEnglish: String {
        switch self {
        case .received: "received and waiting for a decision"
        case .decided: "decided"
        case .awaitingApproval: "waiting for a manager's approval"
        case .approved: "approved"
        case .returned: "returned by a manager for a new decision"
        case .referralOpened: "finished: it became a referral"
        case .closed: "closed"
        }
    }
}

/// A contact to the front door about one or more children.
public struct FrontDoorContact: Hashable, Sendable, Codable {
    public var childIDs: [String]
    public var receivedOn: Day
    public var summary: String
    public var status: ContactStatus = .received
    public var decision: ReferralDecision?
    public var decidedBy: String?
    public var submittedForApprovalOn: Day?
    public var approval: Approval?
    /// Each time a manager sent the decision back, newest last.
    public var returns: [Return] = []
    /// The day the referral opened or the contact closed.
    public var concludedOn: Day?
    /// Set when early help stepped the family up: what the front door should know.
    public var earlyHelpHistory: EarlyHelpHistory?

    public init(childIDs: [String], receivedOn: Day, summary: String, earlyHelpHistory: EarlyHelpHistory? = nil) {
        self.childIDs = childIDs
        self.receivedOn = receivedOn
        self.summary = summary
        self.earlyHelpHistory = earlyHelpHistory
    }

    public struct Approval: Hashable, Sendable, Codable {
        public var approvedOn: Day
        public var approvedBy: String
    }

    public struct Return: Hashable, Sendable, Codable {
        public var returnedOn: Day
        public var returnedBy: String
        public var reason: String
    }

    /// A step up from early help is a referral from the council's own early help service.
    public var suggestedReferralSource: String? {
        earlyHelpHistory == nil ? nil : WorkflowCodeSets.earlyHelpReferralSource
    }

    /// Once the contact became a referral, the action that opens each child's episode of need.
    public var episodeOpening: CaseworkAction? {
        guard status == .referralOpened, let concludedOn, let source = decision?.referralSource else { return nil }
        return .openEpisodeOfNeed(referralDate: concludedOn, source: source, primaryNeed: nil)
    }
}

/// Something done to a contact at the front door.
public enum ContactAction: Hashable, Sendable, Codable {
    case recordDecision(ReferralDecision)
    case submitForApproval(on: Day)
    case approve(on: Day)
    case returnForNewDecision(on: Day, reason: String)
    case openReferral(on: Day)
    case close(on: Day)

    public var date: Day {
        switch self {
        case .recordDecision(let decision): decision.decidedOn
        case .submitForApproval(let day), .approve(let day), .returnForNewDecision(let day, _), .openReferral(let day), .close(let day): day
        }
    }
}

/// What may follow what at the front door. Source: Working Together to Safeguard Children 2023
/// (decide the response within one working day; record the decision and its reasons).
public enum FrontDoorRules {
    public static func apply(_ action: ContactAction, to contact: FrontDoorContact, on today: Day,
                             by actor: WorkflowActor) throws(WorkflowRefusal) -> FrontDoorContact {
        try actor.require(.practitioner, to: "record front door decisions")
        try WorkflowDates.notInFuture(action.date, today: today, "this step")
        try WorkflowDates.notBefore(action.date, contact.receivedOn, "this step", "the contact was received")
        var updated = contact
        switch action {
        case .recordDecision(let decision):
            try recordDecision(decision, on: &updated, by: actor)
        case .submitForApproval(let day):
            try submitForApproval(on: day, &updated)
        case .approve(let day):
            try approve(on: day, &updated, by: actor)
        case .returnForNewDecision(let day, let reason):
            try returnForNewDecision(on: day, reason: reason, &updated, by: actor)
        case .openReferral(let day):
            try conclude(on: day, openingReferral: true, &updated)
        case .close(let day):
            try conclude(on: day, openingReferral: false, &updated)
        }
        return updated
    }

    /// A decision can be made, or remade, until it has gone to a manager.
    static func recordDecision(_ decision: ReferralDecision, on contact: inout FrontDoorContact, by actor: WorkflowActor) throws(WorkflowRefusal) {
        guard [.received, .decided, .returned].contains(contact.status) else {
            throw notReady(contact, toDo: "record a decision")
        }
        try decision.validate()
        if let lastReturn = contact.returns.last {
            try WorkflowDates.notBefore(decision.decidedOn, lastReturn.returnedOn, "the new decision", "the manager's return")
        }
        contact.decision = decision
        contact.decidedBy = actor.id
        contact.status = .decided
    }

    static func submitForApproval(on day: Day, _ contact: inout FrontDoorContact) throws(WorkflowRefusal) {
        guard contact.status == .decided, let decision = contact.decision else {
            throw notReady(contact, toDo: "submit it for approval")
        }
        guard decision.decision.needsManagerApproval else {
            throw WorkflowRefusal(.approvalNotNeeded,
                                  "A decision of \(decision.decision.plainEnglish) does not need a manager's approval. \(nextStep(for: decision.decision))")
        }
        try WorkflowDates.notBefore(day, decision.decidedOn, "submitting for approval", "the decision")
        contact.submittedForApprovalOn = day
        contact.status = .awaitingApproval
    }

    static func approve(on day: Day, _ contact: inout FrontDoorContact, by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.manager, to: "approve a front door decision")
        guard contact.status == .awaitingApproval, let submitted = contact.submittedForApprovalOn else {
            throw notReady(contact, toDo: "approve it")
        }
        try WorkflowDates.notBefore(day, submitted, "the approval", "the submission for approval")
        contact.approval = .init(approvedOn: day, approvedBy: actor.id)
        contact.status = .approved
    }

    static func returnForNewDecision(on day: Day, reason: String, _ contact: inout FrontDoorContact, by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.manager, to: "return a front door decision")
        guard contact.status == .awaitingApproval, let submitted = contact.submittedForApprovalOn else {
            throw notReady(contact, toDo: "return it")
        }
        try WorkflowDates.notBefore(day, submitted, "returning the decision", "the submission for approval")
        guard !reason.hasNoText else {
            throw .missing("a reason", "say what the practitioner should reconsider")
        }
        contact.returns.append(.init(returnedOn: day, returnedBy: actor.id, reason: reason))
        contact.approval = nil
        contact.submittedForApprovalOn = nil
        contact.status = .returned
    }

    /// A decision takes effect once it is made, or once approved when it needs approval; it
    /// then either opens a referral or closes the contact, whichever the decision calls for.
    static func conclude(on day: Day, openingReferral: Bool, _ contact: inout FrontDoorContact) throws(WorkflowRefusal) {
        let task = openingReferral ? "open a referral" : "close it"
        guard contact.status == .decided || contact.status == .approved, let decision = contact.decision else {
            throw notReady(contact, toDo: task)
        }
        if contact.status == .decided, decision.decision.needsManagerApproval {
            throw WorkflowRefusal(.awaitingApproval,
                                  "A decision of \(decision.decision.plainEnglish) needs a manager's approval before it takes effect. Submit it for approval.")
        }
        guard decision.decision.opensReferral == openingReferral else {
            throw WorkflowRefusal(.wrongConclusion,
                                  "The decision was \(decision.decision.plainEnglish). \(nextStep(for: decision.decision))")
        }
        try WorkflowDates.notBefore(day, contact.approval?.approvedOn ?? decision.decidedOn,
                                    openingReferral ? "the referral" : "closing the contact",
                                    contact.approval == nil ? "the decision" : "the approval")
        contact.concludedOn = day
        contact.status = openingReferral ? .referralOpened : .closed
    }

    private static func nextStep(for decision: ScreeningDecision) -> String {
        decision.opensReferral ? "Open the referral." : "Close the contact."
    }

    private static func notReady(_ contact: FrontDoorContact, toDo task: String) -> WorkflowRefusal {
        WorkflowRefusal(.contactNotReady, "This contact is \(contact.status.plainEnglish), so you cannot \(task) now.")
    }
}

extension WorkflowRefusal.Code {
    public static let contactNotReady = Self("frontdoor.contact-not-ready")
    public static let approvalNotNeeded = Self("frontdoor.approval-not-needed")
    public static let awaitingApproval = Self("frontdoor.awaiting-approval")
    public static let wrongConclusion = Self("frontdoor.wrong-conclusion")
}

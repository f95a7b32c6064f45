/// Something recorded on an open early help episode.
public enum EarlyHelpAction: Hashable, Sendable, Codable {
    case recordConsent(on: Day)
    case startAssessment(on: Day, organisation: String)
    case completeAssessment(on: Day)
    case addPlanAction(FamilyPlanAction)
    case completePlanAction(id: String, on: Day)
    case holdMeeting(TeamAroundFamilyMeeting)
    case close(on: Day, outcome: EarlyHelpEpisode.Outcome)

    public var date: Day {
        switch self {
        case .recordConsent(let day), .startAssessment(let day, _), .completeAssessment(let day),
             .completePlanAction(_, let day), .close(let day, _):
            day
        case .addPlanAction(let action): action.agreedOn
        case .holdMeeting(let meeting): meeting.date
        }
    }
}

/// What may follow what in early help: consent, assessment, a plan agreed at a team around the
/// family meeting, reviews, and a close that says how it ended. Source: Working Together to
/// Safeguard Children 2023, chapter 2.
public enum EarlyHelpRules {
    /// Early help started by a partner agency (a school, a health visitor) without a contact.
    public static func start(familyID: String, childIDs: [String], leadPractitioner: Professional, on day: Day,
                             today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) -> EarlyHelpEpisode {
        try checkStart(childIDs: childIDs, leadPractitioner: leadPractitioner, on: day, today: today, by: actor)
        return EarlyHelpEpisode(familyID: familyID, childIDs: childIDs, startedOn: day, origin: .partnerAgency,
                                leadPractitioner: leadPractitioner)
    }

    /// Early help the front door chose for a contact. The family's consent was recorded with
    /// the decision, so it carries over.
    public static func start(from contact: FrontDoorContact, familyID: String, leadPractitioner: Professional, on day: Day,
                             today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) -> EarlyHelpEpisode {
        guard contact.status == .closed, let decision = contact.decision, decision.decision == .earlyHelp else {
            throw WorkflowRefusal(.contactNotForEarlyHelp,
                                  "Early help starts from a contact only once the front door has decided on early help and closed the contact.")
        }
        try checkStart(childIDs: contact.childIDs, leadPractitioner: leadPractitioner, on: day, today: today, by: actor)
        try WorkflowDates.notBefore(day, decision.decidedOn, "early help", "the front door decision")
        return EarlyHelpEpisode(familyID: familyID, childIDs: contact.childIDs, startedOn: day,
                                origin: .frontDoor(contactReceivedOn: contact.receivedOn), leadPractitioner: leadPractitioner,
                                consentGivenOn: decision.familyConsentsToEarlyHelp == true ? decision.decidedOn : nil)
    }

    /// Step down: social care hands a child to early help when their episode of need closes,
    /// never while it is still open.
    public static func stepDown(from snapshot: CaseSnapshot, familyID: String, childIDs: [String], leadPractitioner: Professional,
                                on day: Day, today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) -> EarlyHelpEpisode {
        if let open = snapshot.openEpisode {
            throw WorkflowRefusal(.stepDownWhileOpen,
                                  "The child's episode of need (referred \(WorkflowDates.text(open.referralDate))) is still open. Step down to early help once a manager has signed off its closure.")
        }
        guard let closure = snapshot.episodes.last?.closure else {
            throw WorkflowRefusal(.stepDownWithoutEpisode,
                                  "There is no closed episode of need to step down from. Start early help directly instead.")
        }
        try checkStart(childIDs: childIDs, leadPractitioner: leadPractitioner, on: day, today: today, by: actor)
        try WorkflowDates.notBefore(day, closure.date, "early help", "the closure of the episode of need")
        return EarlyHelpEpisode(familyID: familyID, childIDs: childIDs, startedOn: day,
                                origin: .stepDown(episodeOfNeedClosedOn: closure.date), leadPractitioner: leadPractitioner)
    }

    /// Step up: concerns have grown beyond early help. The episode closes and a front door
    /// contact opens carrying its history, so the front door decides with everything known.
    public static func stepUp(_ episode: EarlyHelpEpisode, on day: Day, concerns: String, today: Day,
                              by actor: WorkflowActor) throws(WorkflowRefusal) -> (episode: EarlyHelpEpisode, contact: FrontDoorContact) {
        try checkRecordable(on: day, in: episode, today: today, by: actor)
        guard !concerns.hasNoText else {
            throw .missing("the concerns", "the front door needs to know why early help is no longer enough")
        }
        var closed = episode
        closed.closure = .init(closedOn: day, outcome: .steppedUpToSocialCare)
        let contact = FrontDoorContact(childIDs: episode.childIDs, receivedOn: day, summary: concerns,
                                       earlyHelpHistory: EarlyHelpHistory(episode: closed, concerns: concerns))
        return (closed, contact)
    }

    public static func apply(_ action: EarlyHelpAction, to episode: EarlyHelpEpisode, on today: Day,
                             by actor: WorkflowActor) throws(WorkflowRefusal) -> EarlyHelpEpisode {
        try checkRecordable(on: action.date, in: episode, today: today, by: actor)
        var updated = episode
        switch action {
        case .recordConsent(let day):
            try recordConsent(on: day, &updated)
        case .startAssessment(let day, let organisation):
            try startAssessment(on: day, organisation: organisation, &updated)
        case .completeAssessment(let day):
            try completeAssessment(on: day, &updated)
        case .addPlanAction(let planAction):
            try addPlanAction(planAction, &updated)
        case .completePlanAction(let id, let day):
            try completePlanAction(id: id, on: day, &updated)
        case .holdMeeting(let meeting):
            try holdMeeting(meeting, &updated)
        case .close(let day, let outcome):
            try close(on: day, outcome: outcome, &updated)
        }
        return updated
    }

    static func recordConsent(on day: Day, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        if let given = episode.consentGivenOn {
            throw WorkflowRefusal(.consentAlreadyRecorded, "The family's consent was already recorded on \(WorkflowDates.text(given)).")
        }
        episode.consentGivenOn = day
    }

    /// Early help is voluntary, so nothing is assessed before the family agrees.
    static func startAssessment(on day: Day, organisation: String, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        guard let consent = episode.consentGivenOn else {
            throw WorkflowRefusal(.noConsent, "Early help needs the family's consent before an assessment starts. Record their consent first.")
        }
        try WorkflowDates.notBefore(day, consent, "the early help assessment", "the family's consent")
        if let open = episode.openAssessment {
            throw WorkflowRefusal(.earlyHelpAssessmentOpen,
                                  "An early help assessment started on \(WorkflowDates.text(open.startedOn)) is still open. Complete it before starting another.")
        }
        if let lastCompleted = episode.latestCompletedAssessment?.completedOn {
            try WorkflowDates.notBefore(day, lastCompleted, "the new assessment", "the last assessment's completion")
        }
        guard !organisation.hasNoText else {
            throw .missing("the organisation completing the assessment", "Ofsted's Annex A lists it for every early help assessment")
        }
        episode.assessments.append(.init(startedOn: day, organisation: organisation))
    }

    static func completeAssessment(on day: Day, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        guard var open = episode.openAssessment else {
            throw WorkflowRefusal(.noOpenEarlyHelpAssessment, "There is no open early help assessment to complete.")
        }
        try WorkflowDates.notBefore(day, open.startedOn, "completing the assessment", "its start")
        open.completedOn = day
        episode.assessments[episode.assessments.count - 1] = open
    }

    /// The family plan answers the assessment, so it waits for one to be completed.
    static func addPlanAction(_ action: FamilyPlanAction, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        let completedOn = try completedAssessmentDate(in: episode, before: "a family plan")
        try WorkflowDates.notBefore(action.agreedOn, completedOn, "the plan action", "the assessment it answers")
        guard !episode.planActions.contains(where: { $0.id == action.id }) else {
            throw WorkflowRefusal(.duplicatePlanAction, "The family plan already has an action with the reference \(action.id).")
        }
        guard !action.description.hasNoText else { throw .missing("what the action is", "every plan action says what will be done") }
        guard !action.owner.name.hasNoText else {
            throw .missing("the name of the professional who owns the action", "every plan action has a named owner")
        }
        if let due = action.dueBy {
            try WorkflowDates.notBefore(due, action.agreedOn, "the due date", "the day the action was agreed")
        }
        episode.planActions.append(action)
    }

    static func completePlanAction(id: String, on day: Day, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        guard let index = episode.planActions.firstIndex(where: { $0.id == id }) else {
            throw WorkflowRefusal(.unknownPlanAction, "The family plan has no action with the reference \(id).")
        }
        if let done = episode.planActions[index].completedOn {
            throw WorkflowRefusal(.planActionAlreadyComplete, "That plan action was already completed on \(WorkflowDates.text(done)).")
        }
        try WorkflowDates.notBefore(day, episode.planActions[index].agreedOn, "completing the action", "the day it was agreed")
        episode.planActions[index].completedOn = day
    }

    /// The first team around the family meeting follows the assessment; reviews follow it.
    static func holdMeeting(_ meeting: TeamAroundFamilyMeeting, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        guard !meeting.attendees.isEmpty else {
            throw .missing("the professionals who attended", "a team around the family meeting records who came")
        }
        let initial = episode.meetings.first(where: { $0.kind == .initial })
        switch meeting.kind {
        case .initial:
            if let initial {
                throw WorkflowRefusal(.initialMeetingAlreadyHeld,
                                      "The initial team around the family meeting was held on \(WorkflowDates.text(initial.date)). Record this meeting as a review.")
            }
            let completedOn = try completedAssessmentDate(in: episode, before: "the initial team around the family meeting")
            try WorkflowDates.notBefore(meeting.date, completedOn, "the meeting", "the assessment")
        case .review:
            guard initial != nil, let previous = episode.meetings.last else {
                throw WorkflowRefusal(.noInitialMeeting, "A review follows the initial team around the family meeting. Record the initial meeting first.")
            }
            try WorkflowDates.after(meeting.date, previous.date, "a review meeting", "the previous meeting")
        }
        episode.meetings.append(meeting)
    }

    static func close(on day: Day, outcome: EarlyHelpEpisode.Outcome, _ episode: inout EarlyHelpEpisode) throws(WorkflowRefusal) {
        guard outcome != .steppedUpToSocialCare else {
            throw WorkflowRefusal(.closeByStepUp,
                                  "To step up to children's social care, use step up: it closes early help and sends the family's history to the front door.")
        }
        if outcome.meansPlanCompleted {
            if let open = episode.openAssessment {
                throw WorkflowRefusal(.earlyHelpAssessmentOpen,
                                      "The early help assessment started on \(WorkflowDates.text(open.startedOn)) is not complete. Complete it before closing as \(outcome.plainEnglish).")
            }
            let outstanding = episode.outstandingPlanActions
            guard outstanding.isEmpty else {
                throw WorkflowRefusal(.planActionsOutstanding,
                                      "Early help cannot close as \(outcome.plainEnglish) while plan actions are outstanding: \(outstanding.map(\.description).joined(separator: "; ")).")
            }
        }
        try WorkflowDates.notBefore(day, episode.latestActivityDate, "the closure", "the last work recorded")
        episode.closure = .init(closedOn: day, outcome: outcome)
    }

    private static func checkStart(childIDs: [String], leadPractitioner: Professional, on day: Day, today: Day,
                                   by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.practitioner, to: "record early help")
        try WorkflowDates.notInFuture(day, today: today, "early help")
        guard !childIDs.isEmpty else { throw .missing("at least one child", "early help is for the children in a family") }
        guard !leadPractitioner.name.hasNoText else {
            throw .missing("the lead practitioner's name", "every early help episode has a named lead practitioner")
        }
    }

    private static func checkRecordable(on day: Day, in episode: EarlyHelpEpisode, today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.practitioner, to: "record early help")
        if let closure = episode.closure {
            throw WorkflowRefusal(.earlyHelpClosed,
                                  "This early help episode closed on \(WorkflowDates.text(closure.closedOn)) (\(closure.outcome.plainEnglish)). Start a new episode if the family needs help again.")
        }
        try WorkflowDates.notInFuture(day, today: today, "this early help record")
        try WorkflowDates.notBefore(day, episode.startedOn, "this early help record", "the start of early help")
    }

    private static func completedAssessmentDate(in episode: EarlyHelpEpisode, before what: String) throws(WorkflowRefusal) -> Day {
        guard let completedOn = episode.latestCompletedAssessment?.completedOn else {
            throw WorkflowRefusal(.noCompletedEarlyHelpAssessment,
                                  "\(what.sentenceCased) follows the early help assessment. Complete the assessment first.")
        }
        return completedOn
    }
}

extension WorkflowRefusal.Code {
    public static let contactNotForEarlyHelp = Self("earlyhelp.contact-not-for-early-help")
    public static let stepDownWhileOpen = Self("earlyhelp.step-down-while-open")
    public static let stepDownWithoutEpisode = Self("earlyhelp.step-down-without-episode")
    public static let consentAlreadyRecorded = Self("earlyhelp.consent-already-recorded")
    public static let noConsent = Self("earlyhelp.no-consent")
    public static let earlyHelpAssessmentOpen = Self("earlyhelp.assessment-open")
    public static let noOpenEarlyHelpAssessment = Self("earlyhelp.no-open-assessment")
    public static let noCompletedEarlyHelpAssessment = Self("earlyhelp.no-completed-assessment")
    public static let duplicatePlanAction = Self("earlyhelp.duplicate-plan-action")
    public static let unknownPlanAction = Self("earlyhelp.unknown-plan-action")
    public static let planActionAlreadyComplete = Self("earlyhelp.plan-action-already-complete")
    public static let initialMeetingAlreadyHeld = Self("earlyhelp.initial-meeting-already-held")
    public static let noInitialMeeting = Self("earlyhelp.no-initial-meeting")
    public static let closeByStepUp = Self("earlyhelp.close-by-step-up")
    public static let planActionsOutstanding = Self("earlyhelp.plan-actions-outstanding")
    public static let earlyHelpClosed = Self("earlyhelp.closed")
}

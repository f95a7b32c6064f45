import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures

enum EarlyHelpFixtures {
    static let lead = Professional(name: "Jo Reid", agency: .earlyHelp, role: "Family support worker")
    static let nurse = Professional(name: "Sam Hill", agency: .health, role: "School nurse")
    static let teacher = Professional(name: "Ms Patel", agency: .education, role: "Designated safeguarding lead")

    static func started() throws -> EarlyHelpEpisode {
        try EarlyHelpRules.start(familyID: "FAM-7", childIDs: ["C1", "C2"], leadPractitioner: lead, on: F.day("2026-03-02"),
                                 today: F.today, by: F.worker)
    }

    static func episode(_ actions: [EarlyHelpAction]) throws -> EarlyHelpEpisode {
        try actions.reduce(try started()) { try EarlyHelpRules.apply($1, to: $0, on: F.today, by: F.worker) }
    }

    static func action(_ id: String, owner: Professional = nurse, agreed iso: String = "2026-03-23", due: String? = "2026-05-01") -> EarlyHelpAction {
        .addPlanAction(.init(id: id, description: "Sleep routine support", owner: owner, agreedOn: F.day(iso), dueBy: due.map(F.day)))
    }

    static func meeting(_ iso: String, _ kind: TeamAroundFamilyMeeting.Kind, attendees: [Professional] = [lead, nurse, teacher]) -> EarlyHelpAction {
        .holdMeeting(.init(date: F.day(iso), kind: kind, attendees: attendees, familyAttended: true))
    }

    static let consented: [EarlyHelpAction] = [.recordConsent(on: F.day("2026-03-02"))]
    static let assessing = consented + [.startAssessment(on: F.day("2026-03-03"), organisation: "Northfield Family Hub")]
    static let assessed = assessing + [.completeAssessment(on: F.day("2026-03-20"))]
    static let planned = assessed + [meeting("2026-03-23", .initial), action("A1"), action("A2", owner: teacher)]
}

private typealias E = EarlyHelpFixtures

@Suite struct EarlyHelpTests {
    @Test func walksAFamilyFromConsentToNeedsMet() throws {
        let episode = try E.episode(E.planned + [
            .completePlanAction(id: "A1", on: F.day("2026-04-20")),
            .completePlanAction(id: "A2", on: F.day("2026-04-24")),
            E.meeting("2026-05-04", .review, attendees: [E.lead, E.teacher]),
            .close(on: F.day("2026-05-11"), outcome: .needsMet),
        ])
        #expect(episode.childIDs == ["C1", "C2"])
        #expect(episode.origin == .partnerAgency)
        #expect(episode.assessments == [EarlyHelpAssessment(startedOn: F.day("2026-03-03"), organisation: "Northfield Family Hub",
                                                            completedOn: F.day("2026-03-20"))])
        #expect(episode.planActions.map(\.owner.agency) == [.health, .education])
        #expect(episode.meetings.map(\.kind) == [.initial, .review])
        #expect(episode.closure == .init(closedOn: F.day("2026-05-11"), outcome: .needsMet))
        #expect(!episode.isOpen)
    }

    @Test func closesWithConsentWithdrawnEvenWithWorkOutstanding() throws {
        let episode = try E.episode(E.planned + [.close(on: F.day("2026-04-01"), outcome: .consentWithdrawn)])
        #expect(episode.closure?.outcome == .consentWithdrawn)
        #expect(episode.outstandingPlanActions.count == 2)
    }

    struct RefusedEarlyHelpStep: CustomTestStringConvertible, Sendable {
        let name: String
        let history: [EarlyHelpAction]
        let step: EarlyHelpAction
        var actor = CaseworkFixtures.worker
        let code: WorkflowRefusal.Code
        var testDescription: String { name }
    }

    static let refused: [RefusedEarlyHelpStep] = [
        .init(name: "recording without access", history: [], step: .recordConsent(on: F.day("2026-03-02")), actor: F.visitor,
              code: .needsCapability),
        .init(name: "a date in the future", history: [], step: .recordConsent(on: F.day("2026-12-02")), code: .dateInFuture),
        .init(name: "a date before early help started", history: [], step: .recordConsent(on: F.day("2026-03-01")), code: .dateTooEarly),
        .init(name: "consent twice", history: E.consented, step: .recordConsent(on: F.day("2026-03-03")), code: .consentAlreadyRecorded),
        .init(name: "an assessment without consent", history: [],
              step: .startAssessment(on: F.day("2026-03-03"), organisation: "Hub"), code: .noConsent),
        .init(name: "an assessment before consent", history: [.recordConsent(on: F.day("2026-03-05"))],
              step: .startAssessment(on: F.day("2026-03-04"), organisation: "Hub"), code: .dateTooEarly),
        .init(name: "a second assessment while one is open", history: E.assessing,
              step: .startAssessment(on: F.day("2026-03-04"), organisation: "Hub"), code: .earlyHelpAssessmentOpen),
        .init(name: "a new assessment before the last was completed", history: E.assessed,
              step: .startAssessment(on: F.day("2026-03-19"), organisation: "Hub"), code: .dateTooEarly),
        .init(name: "an assessment with no organisation", history: E.consented,
              step: .startAssessment(on: F.day("2026-03-03"), organisation: " "), code: .missingDetail),
        .init(name: "completing with no assessment open", history: E.assessed, step: .completeAssessment(on: F.day("2026-03-21")),
              code: .noOpenEarlyHelpAssessment),
        .init(name: "completing before the start", history: E.assessing, step: .completeAssessment(on: F.day("2026-03-02")),
              code: .dateTooEarly),
        .init(name: "a plan action before the assessment is complete", history: E.assessing, step: E.action("A1", agreed: "2026-03-10"),
              code: .noCompletedEarlyHelpAssessment),
        .init(name: "a plan action dated before the assessment finished", history: E.assessed, step: E.action("A1", agreed: "2026-03-19"),
              code: .dateTooEarly),
        .init(name: "two plan actions with one reference", history: E.planned, step: E.action("A1"), code: .duplicatePlanAction),
        .init(name: "a plan action that says nothing", history: E.assessed,
              step: .addPlanAction(.init(id: "A9", description: "", owner: E.nurse, agreedOn: F.day("2026-03-23"))), code: .missingDetail),
        .init(name: "a plan action with no named owner", history: E.assessed,
              step: E.action("A9", owner: Professional(name: " ", agency: .housing)), code: .missingDetail),
        .init(name: "a plan action due before it was agreed", history: E.assessed, step: E.action("A9", due: "2026-03-22"),
              code: .dateTooEarly),
        .init(name: "completing an unknown action", history: E.planned, step: .completePlanAction(id: "A7", on: F.day("2026-04-01")),
              code: .unknownPlanAction),
        .init(name: "completing an action twice", history: E.planned + [.completePlanAction(id: "A1", on: F.day("2026-04-01"))],
              step: .completePlanAction(id: "A1", on: F.day("2026-04-02")), code: .planActionAlreadyComplete),
        .init(name: "completing an action before it was agreed", history: E.assessed + [E.action("A1", agreed: "2026-03-25")],
              step: .completePlanAction(id: "A1", on: F.day("2026-03-24")), code: .dateTooEarly),
        .init(name: "a meeting nobody attended", history: E.assessed, step: E.meeting("2026-03-23", .initial, attendees: []),
              code: .missingDetail),
        .init(name: "a first meeting before the assessment is complete", history: E.assessing, step: E.meeting("2026-03-10", .initial),
              code: .noCompletedEarlyHelpAssessment),
        .init(name: "a second initial meeting", history: E.planned, step: E.meeting("2026-04-06", .initial), code: .initialMeetingAlreadyHeld),
        .init(name: "a review with no initial meeting", history: E.assessed, step: E.meeting("2026-04-06", .review), code: .noInitialMeeting),
        .init(name: "a review not after the last meeting", history: E.planned, step: E.meeting("2026-03-23", .review), code: .dateTooEarly),
        .init(name: "closing as needs met with actions outstanding", history: E.planned,
              step: .close(on: F.day("2026-04-06"), outcome: .needsMet), code: .planActionsOutstanding),
        .init(name: "closing as stepped down with the assessment open", history: E.assessing,
              step: .close(on: F.day("2026-04-06"), outcome: .steppedDownToUniversalServices), code: .earlyHelpAssessmentOpen),
        .init(name: "closing as stepped up without a step up", history: E.planned,
              step: .close(on: F.day("2026-04-06"), outcome: .steppedUpToSocialCare), code: .closeByStepUp),
        .init(name: "closing before the last work", history: E.planned,
              step: .close(on: F.day("2026-03-22"), outcome: .movedOutOfArea), code: .dateTooEarly),
        .init(name: "recording after closure", history: E.planned + [.close(on: F.day("2026-04-01"), outcome: .movedOutOfArea)],
              step: .completePlanAction(id: "A1", on: F.day("2026-04-02")), code: .earlyHelpClosed),
    ]

    @Test(arguments: refused)
    func refuses(_ example: RefusedEarlyHelpStep) throws {
        let episode = try E.episode(example.history)
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.apply(example.step, to: episode, on: F.today, by: example.actor)
        }
        #expect(refusal?.code == example.code, "\(refusal?.message ?? "no refusal")")
    }

    @Test func refusesToStartWithoutChildrenOrALeadPractitioner() {
        let noChildren = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.start(familyID: "FAM-7", childIDs: [], leadPractitioner: E.lead, on: F.day("2026-03-02"), today: F.today, by: F.worker)
        }
        #expect(noChildren?.code == .missingDetail)
        let noLead = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.start(familyID: "FAM-7", childIDs: ["C1"], leadPractitioner: Professional(name: "", agency: .education),
                                     on: F.day("2026-03-02"), today: F.today, by: F.worker)
        }
        #expect(noLead?.code == .missingDetail)
    }

    // MARK: From the front door

    @Test func startsFromAnEarlyHelpDecisionWithTheFamilysConsent() throws {
        var contact = FrontDoorContact(childIDs: ["C1"], receivedOn: F.day("2026-03-02"), summary: "Health visitor worried about sleep")
        contact = try FrontDoorRules.apply(.recordDecision(FrontDoorTests.decision(.earlyHelp)), to: contact, on: F.today, by: F.worker)
        let tooSoon = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.start(from: contact, familyID: "FAM-8", leadPractitioner: E.lead, on: F.day("2026-03-03"), today: F.today, by: F.worker)
        }
        #expect(tooSoon?.code == .contactNotForEarlyHelp)

        contact = try FrontDoorRules.apply(.close(on: F.day("2026-03-02")), to: contact, on: F.today, by: F.worker)
        let episode = try EarlyHelpRules.start(from: contact, familyID: "FAM-8", leadPractitioner: E.lead, on: F.day("2026-03-03"),
                                               today: F.today, by: F.worker)
        #expect(episode.origin == .frontDoor(contactReceivedOn: F.day("2026-03-02")))
        #expect(episode.consentGivenOn == F.day("2026-03-02"))
        #expect(episode.childIDs == ["C1"])
    }

    @Test func refusesToStartFromAContactThatDecidedSomethingElse() throws {
        let contact = try FrontDoorTests.contact(after: [.recordDecision(FrontDoorTests.decision(.informationAndAdvice)),
                                                          .close(on: F.day("2026-03-02"))])
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.start(from: contact, familyID: "FAM-8", leadPractitioner: E.lead, on: F.day("2026-03-03"), today: F.today, by: F.worker)
        }
        #expect(refusal?.code == .contactNotForEarlyHelp)
    }

    // MARK: Step up and step down

    @Test func stepsUpWithALinkedContactCarryingTheHistory() throws {
        let episode = try E.episode(E.planned)
        let (closed, contact) = try EarlyHelpRules.stepUp(episode, on: F.day("2026-04-14"), concerns: "Disclosure of violence at home",
                                                           today: F.today, by: F.worker)
        #expect(closed.closure == .init(closedOn: F.day("2026-04-14"), outcome: .steppedUpToSocialCare))
        #expect(contact.status == .received)
        #expect(contact.childIDs == ["C1", "C2"])
        #expect(contact.receivedOn == F.day("2026-04-14"))
        #expect(contact.earlyHelpHistory?.episode == closed)
        #expect(contact.earlyHelpHistory?.episode.planActions.count == 2)
        #expect(contact.earlyHelpHistory?.concerns == "Disclosure of violence at home")
        #expect(contact.suggestedReferralSource == "5D")

        // The stepped-up contact goes through the front door like any other.
        var decision = FrontDoorTests.decision(.childAndFamilyAssessment, on: "2026-04-14")
        decision.referralSource = contact.suggestedReferralSource
        var decided = try FrontDoorRules.apply(.recordDecision(decision), to: contact, on: F.today, by: F.worker)
        decided = try FrontDoorRules.apply(.openReferral(on: F.day("2026-04-15")), to: decided, on: F.today, by: F.worker)
        #expect(decided.episodeOpening == .openEpisodeOfNeed(referralDate: F.day("2026-04-15"), source: "5D", primaryNeed: nil))

        // And the closed early help episode takes nothing more.
        let afterwards = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.stepUp(closed, on: F.day("2026-04-15"), concerns: "Again", today: F.today, by: F.worker)
        }
        #expect(afterwards?.code == .earlyHelpClosed)
    }

    @Test func refusesAStepUpWithoutConcerns() throws {
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.stepUp(try E.episode(E.planned), on: F.day("2026-04-14"), concerns: "", today: F.today, by: F.worker)
        }
        #expect(refusal?.code == .missingDetail)
    }

    @Test func stepsDownOnlyOnceTheEpisodeOfNeedHasClosed() throws {
        let open = try F.snapshot(F.onChildInNeedPlan)
        let whileOpen = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.stepDown(from: open, familyID: "FAM-7", childIDs: ["C1"], leadPractitioner: E.lead,
                                        on: F.day("2026-03-02"), today: F.today, by: F.worker)
        }
        #expect(whileOpen?.code == .stepDownWhileOpen)

        let nothing = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.stepDown(from: CaseSnapshot(), familyID: "FAM-7", childIDs: ["C1"], leadPractitioner: E.lead,
                                        on: F.day("2026-03-02"), today: F.today, by: F.worker)
        }
        #expect(nothing?.code == .stepDownWithoutEpisode)

        let closed = try F.snapshot(F.onChildInNeedPlan + [
            .endChildInNeedPlan(on: F.day("2026-03-02")), .proposeClosure(on: F.day("2026-03-02"), reason: "RC7"),
            .signOffClosure(on: F.day("2026-03-03")),
        ])
        let early = #expect(throws: WorkflowRefusal.self) {
            try EarlyHelpRules.stepDown(from: closed, familyID: "FAM-7", childIDs: ["C1"], leadPractitioner: E.lead,
                                        on: F.day("2026-03-02"), today: F.today, by: F.worker)
        }
        #expect(early?.code == .dateTooEarly)

        let episode = try EarlyHelpRules.stepDown(from: closed, familyID: "FAM-7", childIDs: ["C1"], leadPractitioner: E.lead,
                                                  on: F.day("2026-03-03"), today: F.today, by: F.worker)
        #expect(episode.origin == .stepDown(episodeOfNeedClosedOn: F.day("2026-03-03")))
        #expect(episode.consentGivenOn == nil)
    }
}

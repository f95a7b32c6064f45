import Testing
@testable import LanternCore

private typealias F = CaseworkFixtures

@Suite struct FrontDoorTests {
    static let received = F.day("2026-03-02")

    static func decision(_ kind: ScreeningDecision, on iso: String = "2026-03-02") -> ReferralDecision {
        ReferralDecision(decision: kind, decidedOn: F.day(iso), threshold: .complex, rationale: "Bruising reported by school",
                         noFurtherActionReason: "Explained by a medical condition", adviceGiven: "Parenting advice line",
                         universalService: "Children's centre", familySupportTeam: "North family support",
                         familyConsentsToEarlyHelp: true, referralSource: "2A", significantHarmConcerns: "Unexplained bruising to a baby")
    }

    static func contact(after actions: [ContactAction]) throws -> FrontDoorContact {
        try actions.reduce(FrontDoorContact(childIDs: ["C1", "C2"], receivedOn: received, summary: "School concern")) {
            try FrontDoorRules.apply($1, to: $0, on: F.today, by: F.manager)
        }
    }

    // MARK: Decisions

    @Test(arguments: [
        (ScreeningDecision.noFurtherAction, true, false),
        (.informationAndAdvice, false, false),
        (.signpostedToUniversalServices, false, false),
        (.earlyHelp, false, false),
        (.childAndFamilyAssessment, false, true),
        (.strategyDiscussion, true, true),
    ])
    func knowsWhichDecisionsNeedApprovalAndWhichOpenAReferral(decision: ScreeningDecision, needsApproval: Bool, opensReferral: Bool) {
        #expect(decision.needsManagerApproval == needsApproval)
        #expect(decision.opensReferral == opensReferral)
    }

    @Test func wordsThresholdLevelsAsTheCouncilChooses() {
        let local = ThresholdWording(universal: "Green", additional: "Amber", complex: "Red", acute: "Purple")
        #expect(local.label(for: .complex) == "Red")
        #expect(ThresholdWording.standard.label(for: .acute).hasPrefix("Level 4"))
        #expect(ThresholdLevel.allCases.map(\.rawValue) == [1, 2, 3, 4])
        #expect(ThresholdLevel.additional < .acute)
    }

    @Test(arguments: ScreeningDecision.allCases)
    func acceptsACompleteDecision(_ kind: ScreeningDecision) throws {
        try Self.decision(kind).validate()
    }

    /// Each decision with the one field it cannot do without taken away.
    @Test(arguments: [
        (ScreeningDecision.noFurtherAction, \ReferralDecision.noFurtherActionReason),
        (.informationAndAdvice, \.adviceGiven),
        (.signpostedToUniversalServices, \.universalService),
        (.earlyHelp, \.familySupportTeam),
        (.childAndFamilyAssessment, \.referralSource),
        (.strategyDiscussion, \.referralSource),
        (.strategyDiscussion, \.significantHarmConcerns),
    ] as [(ScreeningDecision, WritableKeyPath<ReferralDecision, String?> & Sendable)])
    func refusesADecisionMissingWhatItNeeds(kind: ScreeningDecision, field: WritableKeyPath<ReferralDecision, String?> & Sendable) {
        var decision = Self.decision(kind)
        decision[keyPath: field] = "   "
        let refusal = #expect(throws: WorkflowRefusal.self) { try decision.validate() }
        #expect(refusal?.code == .missingDetail)
    }

    @Test func refusesADecisionWithoutItsReasons() {
        var decision = Self.decision(.informationAndAdvice)
        decision.rationale = ""
        #expect(throws: WorkflowRefusal.self) { try decision.validate() }
    }

    @Test func refusesEarlyHelpWithoutTheFamilysConsent() {
        var decision = Self.decision(.earlyHelp)
        decision.familyConsentsToEarlyHelp = false
        let refusal = #expect(throws: WorkflowRefusal.self) { try decision.validate() }
        #expect(refusal?.code == .earlyHelpWithoutConsent)
    }

    @Test func refusesAnUnknownReferralSource() {
        var decision = Self.decision(.childAndFamilyAssessment)
        decision.referralSource = "2Z"
        let refusal = #expect(throws: WorkflowRefusal.self) { try decision.validate() }
        #expect(refusal?.code == .unknownCode)
    }

    // MARK: Lifecycle

    @Test(arguments: [
        ([ContactAction.recordDecision(decision(.childAndFamilyAssessment)), .openReferral(on: F.day("2026-03-03"))], ContactStatus.referralOpened),
        ([.recordDecision(decision(.informationAndAdvice)), .close(on: F.day("2026-03-02"))], .closed),
        ([.recordDecision(decision(.signpostedToUniversalServices)), .close(on: F.day("2026-03-02"))], .closed),
        ([.recordDecision(decision(.earlyHelp)), .close(on: F.day("2026-03-03"))], .closed),
        ([.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: F.day("2026-03-02")), .approve(on: F.day("2026-03-03")),
          .close(on: F.day("2026-03-03"))], .closed),
        ([.recordDecision(decision(.strategyDiscussion)), .submitForApproval(on: F.day("2026-03-02")), .approve(on: F.day("2026-03-02")),
          .openReferral(on: F.day("2026-03-02"))], .referralOpened),
        ([.recordDecision(decision(.strategyDiscussion)), .submitForApproval(on: F.day("2026-03-02"))], .awaitingApproval),
        ([.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: F.day("2026-03-02")),
          .returnForNewDecision(on: F.day("2026-03-03"), reason: "Speak to the school again")], .returned),
        ([.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: F.day("2026-03-02")),
          .returnForNewDecision(on: F.day("2026-03-03"), reason: "Speak to the school again"),
          .recordDecision(decision(.childAndFamilyAssessment, on: "2026-03-03"))], .decided),
        ([.recordDecision(decision(.noFurtherAction)), .recordDecision(decision(.informationAndAdvice))], .decided),
    ])
    func movesThroughItsLifecycle(_ actions: [ContactAction], ends status: ContactStatus) throws {
        #expect(try Self.contact(after: actions).status == status)
    }

    struct RefusedContactStep: CustomTestStringConvertible, Sendable {
        let name: String
        let history: [ContactAction]
        let step: ContactAction
        var actor = CaseworkFixtures.manager
        let code: WorkflowRefusal.Code
        var testDescription: String { name }
    }

    static let refused: [RefusedContactStep] = [
        .init(name: "a decision by someone without access", history: [], step: .recordDecision(decision(.earlyHelp)),
              actor: F.visitor, code: .needsCapability),
        .init(name: "a decision before the contact arrived", history: [],
              step: .recordDecision(decision(.earlyHelp, on: "2026-03-01")), code: .dateTooEarly),
        .init(name: "a decision in the future", history: [], step: .recordDecision(decision(.earlyHelp, on: "2026-12-01")),
              code: .dateInFuture),
        .init(name: "an incomplete decision", history: [], step: .recordDecision(ReferralDecision(
            decision: .noFurtherAction, decidedOn: received, threshold: .universal, rationale: "No concerns")), code: .missingDetail),
        .init(name: "changing a decision waiting for approval",
              history: [.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: received)],
              step: .recordDecision(decision(.earlyHelp)), code: .contactNotReady),
        .init(name: "changing a decision after the referral opened",
              history: [.recordDecision(decision(.childAndFamilyAssessment)), .openReferral(on: received)],
              step: .recordDecision(decision(.earlyHelp)), code: .contactNotReady),
        .init(name: "submitting before deciding", history: [], step: .submitForApproval(on: received), code: .contactNotReady),
        .init(name: "submitting a decision that needs no approval", history: [.recordDecision(decision(.childAndFamilyAssessment))],
              step: .submitForApproval(on: received), code: .approvalNotNeeded),
        .init(name: "approving as a practitioner", history: [.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: received)],
              step: .approve(on: received), actor: F.worker, code: .needsCapability),
        .init(name: "approving what was not submitted", history: [.recordDecision(decision(.noFurtherAction))],
              step: .approve(on: received), code: .contactNotReady),
        .init(name: "returning as a practitioner", history: [.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: received)],
              step: .returnForNewDecision(on: received, reason: "Check again"), actor: F.worker, code: .needsCapability),
        .init(name: "returning without a reason", history: [.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: received)],
              step: .returnForNewDecision(on: received, reason: ""), code: .missingDetail),
        .init(name: "returning what was not submitted", history: [.recordDecision(decision(.noFurtherAction))],
              step: .returnForNewDecision(on: received, reason: "Check again"), code: .contactNotReady),
        .init(name: "closing with no further action before approval", history: [.recordDecision(decision(.noFurtherAction))],
              step: .close(on: received), code: .awaitingApproval),
        .init(name: "opening a referral for a strategy discussion before approval", history: [.recordDecision(decision(.strategyDiscussion))],
              step: .openReferral(on: received), code: .awaitingApproval),
        .init(name: "opening a referral while approval is pending",
              history: [.recordDecision(decision(.strategyDiscussion)), .submitForApproval(on: received)],
              step: .openReferral(on: received), code: .contactNotReady),
        .init(name: "opening a referral for information and advice", history: [.recordDecision(decision(.informationAndAdvice))],
              step: .openReferral(on: received), code: .wrongConclusion),
        .init(name: "closing a contact that needs an assessment", history: [.recordDecision(decision(.childAndFamilyAssessment))],
              step: .close(on: received), code: .wrongConclusion),
        .init(name: "opening a referral before the approval",
              history: [.recordDecision(decision(.strategyDiscussion)), .submitForApproval(on: received), .approve(on: F.day("2026-03-04"))],
              step: .openReferral(on: F.day("2026-03-03")), code: .dateTooEarly),
        .init(name: "closing twice", history: [.recordDecision(decision(.informationAndAdvice)), .close(on: received)],
              step: .close(on: received), code: .contactNotReady),
        .init(name: "a new decision dated before the manager's return",
              history: [.recordDecision(decision(.noFurtherAction)), .submitForApproval(on: received),
                        .returnForNewDecision(on: F.day("2026-03-04"), reason: "Check again")],
              step: .recordDecision(decision(.earlyHelp, on: "2026-03-03")), code: .dateTooEarly),
    ]

    @Test(arguments: refused)
    func refuses(_ example: RefusedContactStep) throws {
        let contact = try Self.contact(after: example.history)
        let refusal = #expect(throws: WorkflowRefusal.self) {
            try FrontDoorRules.apply(example.step, to: contact, on: F.today, by: example.actor)
        }
        #expect(refusal?.code == example.code, "\(refusal?.message ?? "no refusal")")
    }

    @Test func recordsWhoDecidedApprovedAndReturned() throws {
        var contact = try Self.contact(after: [])
        contact = try FrontDoorRules.apply(.recordDecision(Self.decision(.noFurtherAction)), to: contact, on: F.today, by: F.worker)
        contact = try FrontDoorRules.apply(.submitForApproval(on: Self.received), to: contact, on: F.today, by: F.worker)
        contact = try FrontDoorRules.apply(.returnForNewDecision(on: Self.received, reason: "Ring the GP"), to: contact, on: F.today, by: F.manager)
        contact = try FrontDoorRules.apply(.recordDecision(Self.decision(.noFurtherAction)), to: contact, on: F.today, by: F.worker)
        contact = try FrontDoorRules.apply(.submitForApproval(on: Self.received), to: contact, on: F.today, by: F.worker)
        contact = try FrontDoorRules.apply(.approve(on: F.day("2026-03-03")), to: contact, on: F.today, by: F.manager)
        #expect(contact.decidedBy == "sw-ana")
        #expect(contact.returns.map(\.reason) == ["Ring the GP"])
        #expect(contact.approval?.approvedBy == "tm-ben")
        #expect(contact.approval?.approvedOn == F.day("2026-03-03"))
    }

    @Test func givesTheActionThatOpensTheEpisodeOnceTheReferralIsOpen() throws {
        let deciding = try Self.contact(after: [.recordDecision(Self.decision(.childAndFamilyAssessment))])
        #expect(deciding.episodeOpening == nil)
        let opened = try FrontDoorRules.apply(.openReferral(on: F.day("2026-03-03")), to: deciding, on: F.today, by: F.worker)
        #expect(opened.concludedOn == F.day("2026-03-03"))
        #expect(opened.episodeOpening == .openEpisodeOfNeed(referralDate: F.day("2026-03-03"), source: "2A", primaryNeed: nil))
    }

    // MARK: Re-referrals

    @Test(arguments: [
        ("2026-06-01", ["2025-06-01"], true),
        ("2026-06-01", ["2025-05-31"], false),
        ("2026-06-01", ["2026-06-01"], false),
        ("2026-06-01", [], false),
        ("2026-06-01", ["2024-01-01", "2026-02-10"], true),
        ("2026-06-01", ["2026-07-01"], false),
        ("2024-02-29", ["2023-02-28"], false),
        ("2024-02-28", ["2023-02-28"], true),
        ("2025-02-28", ["2024-02-29"], true),
        ("2025-03-01", ["2024-02-29"], false),
    ])
    func spotsReReferralsWithinTwelveMonths(referral: String, previous: [String], expected: Bool) {
        #expect(ReReferral.isReReferral(F.day(referral), previousReferrals: previous.map(F.day)) == expected)
    }

    @Test func countsReferralsInTheTwelveMonthsBefore() {
        let dates = ["2025-01-10", "2025-07-01", "2025-12-24", "2026-03-01", "2026-06-01"].map(F.day)
        #expect(ReReferral.referralsInTwelveMonths(before: F.day("2026-06-01"), among: dates) == 3)
        #expect(ReReferral.referralsInTwelveMonths(before: F.day("2025-01-10"), among: dates) == 0)
    }
}

/// The decision recorded on a contact, with what each kind of decision must say.
///
/// It mirrors the decision form: every field that only some decisions need is optional, and
/// `validate()` says which one is missing for the decision chosen.
public struct ReferralDecision: Hashable, Sendable, Codable {
    public var decision: ScreeningDecision
    public var decidedOn: Day
    public var threshold: ThresholdLevel
    /// Why this response: Working Together 2023 asks for the decision and its reasons to be recorded.
    public var rationale: String
    /// Needed for no further action.
    public var noFurtherActionReason: String?
    /// Needed for information and advice: what was given.
    public var adviceGiven: String?
    /// Needed when signposting: which universal service.
    public var universalService: String?
    /// Needed for early help: the family support team taking the family on.
    public var familySupportTeam: String?
    /// Early help is voluntary, so it needs the family's agreement.
    public var familyConsentsToEarlyHelp: Bool?
    /// CIN census referral source (list 1.5); needed whenever the contact becomes a referral.
    public var referralSource: String?
    /// Needed for a strategy discussion: the reasonable cause to suspect significant harm.
    public var significantHarmConcerns: String?

    public init(decision: ScreeningDecision, decidedOn: Day, threshold: ThresholdLevel, rationale: String,
                noFurtherActionReason: String? = nil, adviceGiven: String? = nil, universalService: String? = nil,
                familySupportTeam: String? = nil, familyConsentsToEarlyHelp: Bool? = nil, referralSource: String? = nil,
                significantHarmConcerns: String? = nil) {
        self.decision = decision
        self.decidedOn = decidedOn
        self.threshold = threshold
        self.rationale = rationale
        self.noFurtherActionReason = noFurtherActionReason
        self.adviceGiven = adviceGiven
        self.universalService = universalService
        self.familySupportTeam = familySupportTeam
        self.familyConsentsToEarlyHelp = familyConsentsToEarlyHelp
        self.referralSource = referralSource
        self.significantHarmConcerns = significantHarmConcerns
    }

    /// Throws for the first field this decision needs and lacks.
    public func validate() throws(WorkflowRefusal) {
        guard !rationale.hasNoText else {
            throw .missing("the reason for the decision", "every front door decision records why it was made")
        }
        switch decision {
        case .noFurtherAction:
            guard !noFurtherActionReason.hasNoText else {
                throw .missing("a reason for no further action", "a manager approves no further action against the reason given")
            }
        case .informationAndAdvice:
            guard !adviceGiven.hasNoText else {
                throw .missing("the information or advice given", "the record must show what the family or referrer was told")
            }
        case .signpostedToUniversalServices:
            guard !universalService.hasNoText else {
                throw .missing("the universal service", "say which service the family was signposted to")
            }
        case .earlyHelp:
            guard !familySupportTeam.hasNoText else {
                throw .missing("the family support team", "early help goes to a named team")
            }
            guard familyConsentsToEarlyHelp == true else {
                throw WorkflowRefusal(.earlyHelpWithoutConsent,
                                      "Early help is voluntary: the family must agree to it. Record that they consent, or choose another response.")
            }
        case .childAndFamilyAssessment:
            try checkReferralSource()
        case .strategyDiscussion:
            try checkReferralSource()
            guard !significantHarmConcerns.hasNoText else {
                throw .missing("the significant harm concerns", "a strategy discussion is held where there is reasonable cause to suspect a child is suffering, or likely to suffer, significant harm")
            }
        }
    }

    private func checkReferralSource() throws(WorkflowRefusal) {
        guard let source = referralSource, !source.hasNoText else {
            throw .missing("the referral source", "the contact becomes a referral and the CIN census records where every referral came from")
        }
        guard WorkflowCodeSets.referralSources.contains(source) else {
            throw .unknownCode(source, field: "referral source", allowed: "a CIN census source code such as 1A, 2A, 3A, 5D or 6")
        }
    }
}

extension WorkflowRefusal.Code {
    public static let earlyHelpWithoutConsent = Self("frontdoor.early-help-without-consent")
}

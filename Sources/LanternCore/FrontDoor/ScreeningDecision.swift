/// The responses a front door can give a contact (Working Together 2023: within one working
/// day of receipt, decide and record the type of response required).
public enum ScreeningDecision: String, Hashable, Sendable, Codable, CaseIterable {
    case noFurtherAction
    case informationAndAdvice
    case signpostedToUniversalServices
    case earlyHelp
    case childAndFamilyAssessment
    case strategyDiscussion

    /// Ending with no action, or moving to a strategy discussion about significant harm, are the
    /// two decisions a manager must approve before they take effect.
    public var needsManagerApproval: Bool {
        switch self {
        case .noFurtherAction, .strategyDiscussion: true
        case .informationAndAdvice, .signpostedToUniversalServices, .earlyHelp, .childAndFamilyAssessment: false
        }
    }

    /// Whether the contact becomes a referral to children's social care, opening an episode of need.
    public var opensReferral: Bool {
        switch self {
        case .childAndFamilyAssessment, .strategyDiscussion: true
        case .noFurtherAction, .informationAndAdvice, .signpostedToUniversalServices, .earlyHelp: false
        }
    }

    public var plainEnglish: String {
        switch self {
        case .noFurtherAction: "no further action"
        case .informationAndAdvice: "information and advice"
        case .signpostedToUniversalServices: "signposted to universal services"
        case .earlyHelp: "early help from a family support team"
        case .childAndFamilyAssessment: "child and family assessment"
        case .strategyDiscussion: "strategy discussion"
        }
    }
}

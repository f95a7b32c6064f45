/// The agencies that work together around a child: who sat in a strategy discussion, or who owns
/// an action in an early help family plan.
public enum PartnerAgency: String, Hashable, Sendable, Codable, CaseIterable {
    case childrensSocialCare
    case earlyHelp
    case police
    case health
    case education
    case housing
    case probation
    case youthJustice
    case voluntarySector
    case other

    public var plainEnglish: String {
        switch self {
        case .childrensSocialCare: "children's social care"
        case .earlyHelp: "early help"
        case .police: "the police"
        case .health: "health"
        case .education: "education"
        case .housing: "housing"
        case .probation: "probation"
        case .youthJustice: "youth justice"
        case .voluntarySector: "the voluntary sector"
        case .other: "another agency"
        }
    }
}

/// A named professional from any agency.
public struct Professional: Hashable, Sendable, Codable {
    public var name: String
    public var agency: PartnerAgency
    public var role: String?

    public init(name: String, agency: PartnerAgency, role: String? = nil) {
        self.name = name
        self.agency = agency
        self.role = role
    }
}

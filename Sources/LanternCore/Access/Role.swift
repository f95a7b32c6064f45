import Foundation

/// What a member of staff does in the service. A user holds one or more roles; every route and
/// every action names the roles that may use it.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case administrator
    case serviceLeader
    case teamManager
    case socialWorker
    case frontDoor
    case earlyHelp
    case partnerReferrer
    case analyst

    public var label: String {
        switch self {
        case .administrator: "Administrator"
        case .serviceLeader: "Service leader"
        case .teamManager: "Team manager"
        case .socialWorker: "Social worker"
        case .frontDoor: "Front door practitioner"
        case .earlyHelp: "Early help practitioner"
        case .partnerReferrer: "Partner referrer"
        case .analyst: "Performance analyst"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Staff who work inside the council's children's services (everyone but partner referrers).
    public static let councilStaff: Set<Role> = Set(allCases).subtracting([.partnerReferrer])

    /// Parses the comma-separated form the store keeps ("socialWorker,teamManager").
    public static func parseList(_ text: String) -> Set<Role> {
        Set(text.split(separator: ",").compactMap { Role(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
    }

    public static func formatList(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }
}

/// The organisation a partner referrer works for. Feeds the CIN referral source (list 1.5).
public enum Agency: String, CaseIterable, Codable, Sendable {
    case council
    case police
    case school
    case gp
    case healthVisitor
    case hospital
    case midwife
    case mentalHealth
    case housing
    case probation
    case voluntary
    case other

    public var label: String {
        switch self {
        case .council: "Council"
        case .police: "Police"
        case .school: "School"
        case .gp: "GP practice"
        case .healthVisitor: "Health visitor"
        case .hospital: "Hospital"
        case .midwife: "Midwife"
        case .mentalHealth: "Mental health service"
        case .housing: "Housing"
        case .probation: "Probation"
        case .voluntary: "Voluntary organisation"
        case .other: "Other agency"
        }
    }
}

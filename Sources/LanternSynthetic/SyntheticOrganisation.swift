import Foundation
import LanternCore

/// How big a synthetic council is. `small` is the hand-made demo council; `council` and `city`
/// are generated from a `CouncilShape`.
public enum CouncilScale: String, CaseIterable, Sendable {
    case small, council, city
}

/// The kinds of team a council has, spelled as the store spells them.
public enum SyntheticTeamKind: String, CaseIterable, Sendable, Hashable {
    case frontDoor, assessment, safeguarding, childrenInCare, careLeavers, disabledChildren, earlyHelp

    /// Practitioners in a team of this kind besides its manager.
    var practitioners: Int {
        switch self {
        case .frontDoor: 13
        case .assessment: 10
        case .safeguarding: 11
        case .childrenInCare: 12
        case .careLeavers: 10
        case .disabledChildren: 9
        case .earlyHelp: 8
        }
    }

    /// Teams that serve one locality; the others serve the whole council.
    var isLocal: Bool { [.assessment, .safeguarding, .earlyHelp].contains(self) }

    var practitionerRole: Role {
        switch self {
        case .frontDoor: .frontDoor
        case .earlyHelp: .earlyHelp
        default: .socialWorker
        }
    }
}

/// The size of a generated council: its localities and teams, the people who are not in teams,
/// and the contacts it receives. Targets come from the synthetic council issue: a city is
/// Birmingham-sized (about 30,000 contacts a year, 750 staff, 60 teams in 10 localities, 16
/// family support teams); a council receives about 8,000 contacts a year.
public struct CouncilShape: Sendable, Hashable {
    public var localities: Int
    public var teams: [SyntheticTeamKind: Int]
    public var leaders: Int
    public var analysts: Int
    public var administrators: Int
    public var partnerReferrers: Int
    public var contactsPerYear: Int
    public var years: Int

    public init(localities: Int, teams: [SyntheticTeamKind: Int], leaders: Int, analysts: Int, administrators: Int,
                partnerReferrers: Int, contactsPerYear: Int, years: Int) {
        self.localities = localities
        self.teams = teams
        self.leaders = leaders
        self.analysts = analysts
        self.administrators = administrators
        self.partnerReferrers = partnerReferrers
        self.contactsPerYear = contactsPerYear
        self.years = years
    }

    public static func preset(_ scale: CouncilScale) -> CouncilShape? {
        switch scale {
        case .small: nil
        case .council:
            CouncilShape(localities: 4, teams: [.frontDoor: 1, .earlyHelp: 5, .assessment: 6, .safeguarding: 4, .childrenInCare: 2,
                                                .careLeavers: 1, .disabledChildren: 1],
                         leaders: 3, analysts: 3, administrators: 2, partnerReferrers: 22, contactsPerYear: 8_000, years: 5)
        case .city:
            CouncilShape(localities: 10, teams: [.frontDoor: 2, .earlyHelp: 16, .assessment: 20, .safeguarding: 14, .childrenInCare: 5,
                                                 .careLeavers: 2, .disabledChildren: 1],
                         leaders: 6, analysts: 8, administrators: 3, partnerReferrers: 76, contactsPerYear: 30_000, years: 10)
        }
    }

    public var teamCount: Int { teams.values.reduce(0, +) }

    /// Everyone with a sign-in: a manager and practitioners in each team, then leaders, analysts,
    /// administrators and partner referrers.
    public var staffCount: Int {
        teams.reduce(0) { $0 + $1.value * (1 + $1.key.practitioners) } + leaders + analysts + administrators + partnerReferrers
    }
}

public struct SyntheticTeam: Sendable, Hashable {
    public let name: String
    public let kind: SyntheticTeamKind
    public let locality: Int?
    /// How quickly the team works: 1 is typical, higher is slower. Teams differ so that team
    /// variation shows on the performance page.
    public let pace: Double
}

public struct SyntheticStaff: Sendable, Hashable {
    public let username: String
    public let displayName: String
    public let roles: Set<Role>
    public let team: Int?
    public let agency: Agency
    public let organisation: String?

    public init(username: String, displayName: String, roles: Set<Role>, team: Int?, agency: Agency, organisation: String?) {
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.team = team
        self.agency = agency
        self.organisation = organisation
    }
}

/// The localities, teams and staff of a generated council, the same for the same seed.
public struct SyntheticOrganisation: Sendable {
    public let localities: [String]
    public let teams: [SyntheticTeam]
    public let staff: [SyntheticStaff]
    /// Named schools, GP practices and police units whose staff refer; contacts name them.
    public let partnerOrganisations: [Agency: [String]]

    /// Birmingham's ten parliamentary constituencies: real places, as a city council's localities are.
    static let localityNames = ["Edgbaston", "Erdington", "Hall Green", "Hodge Hill", "Ladywood", "Northfield", "Perry Barr",
                                "Selly Oak", "Sutton Coldfield", "Yardley"]

    public static func plan(_ shape: CouncilShape, seed: UInt64) -> SyntheticOrganisation {
        var rng = SeededGenerator(seed: seed ^ 0x0_76A_C0DE)
        let localities = (0..<shape.localities).map { localityNames[$0 % localityNames.count] + ($0 < localityNames.count ? "" : " \($0 / localityNames.count + 1)") }
        var teams: [SyntheticTeam] = []
        for kind in SyntheticTeamKind.allCases {
            let count = shape.teams[kind] ?? 0
            for index in 0..<count {
                let locality = kind.isLocal ? index % shape.localities : nil
                let pace = ((0.8 + Double.random(in: 0..<0.9, using: &rng)) * 100).rounded() / 100
                teams.append(SyntheticTeam(name: teamName(kind, index: index, count: count, locality: locality.map { localities[$0] },
                                                          shape: shape),
                                           kind: kind, locality: locality, pace: pace))
            }
        }
        var staff: [SyntheticStaff] = []
        var numbers: [String: Int] = [:]
        func person() -> String {
            let sex = rng.chance(0.75) ? "F" : "M"
            return NameFrequencies.givenNames(sex: sex).draw(using: &rng) + " " + NameFrequencies.surnames.draw(using: &rng)
        }
        func add(_ prefix: String, _ roles: Set<Role>, team: Int?, agency: Agency = .council, organisation: String? = nil) {
            numbers[prefix, default: 0] += 1
            let number = numbers[prefix]!
            staff.append(SyntheticStaff(username: "\(prefix)\(number)", displayName: person(), roles: roles, team: team,
                                        agency: agency, organisation: organisation))
        }
        for (index, team) in teams.enumerated() {
            add("tm", team.kind == .frontDoor ? [.teamManager, .frontDoor] : [.teamManager], team: index)
            for _ in 0..<team.kind.practitioners {
                add(team.kind == .earlyHelp ? "fs" : team.kind == .frontDoor ? "fd" : "sw", [team.kind.practitionerRole], team: index)
            }
        }
        for _ in 0..<shape.leaders { add("lead", [.serviceLeader], team: nil) }
        for _ in 0..<shape.analysts { add("analyst", [.analyst], team: nil) }
        for _ in 0..<shape.administrators { add("admin", [.administrator], team: nil) }
        let organisations = partnerOrganisations(localities: localities)
        // Referrers by agency in rough national shares: police 25%, schools 45%, GPs 20%, health visitors 10%.
        let shares: [(Agency, Double)] = [(.police, 0.25), (.school, 0.45), (.gp, 0.2), (.healthVisitor, 0.1)]
        var placed = 0
        for (position, (agency, share)) in shares.enumerated() {
            let names = organisations[agency] ?? []
            let wanted = position == shares.count - 1 ? shape.partnerReferrers - placed : Int((Double(shape.partnerReferrers) * share).rounded())
            for index in 0..<max(0, wanted) {
                add(agency.rawValue.lowercased(), [.partnerReferrer], team: nil, agency: agency, organisation: names[index % names.count])
            }
            placed += max(0, wanted)
        }
        return SyntheticOrganisation(localities: localities, teams: teams, staff: staff, partnerOrganisations: organisations)
    }

    private static func teamName(_ kind: SyntheticTeamKind, index: Int, count: Int, locality: String?, shape: CouncilShape) -> String {
        let base: String = switch kind {
        case .frontDoor: "Front Door (MASH)"
        case .assessment: "Assessment Team"
        case .safeguarding: "Safeguarding Team"
        case .childrenInCare: "Children in Care Team"
        case .careLeavers: "Leaving Care Team"
        case .disabledChildren: "Disabled Children Team"
        case .earlyHelp: "Family Support"
        }
        guard let locality else { return count == 1 ? base : "\(base) \(index + 1)" }
        let perLocality = (count + shape.localities - 1) / shape.localities
        return perLocality == 1 ? "\(base) \(locality)" : "\(base) \(locality) \(index / shape.localities + 1)"
    }

    /// Made-up partner organisations: a police unit per locality, schools and GP practices named
    /// after common English place words, so none is a real school or surgery.
    private static func partnerOrganisations(localities: [String]) -> [Agency: [String]] {
        let words = ["Oakfield", "Brookside", "Greenfield", "Hillcrest", "Meadowbank", "Riverside", "Elmwood", "Ashgrove", "Beechwood",
                     "Kingsway", "Fernhill", "Larchmere", "Millbrook", "Parkview", "Rosehill", "Thornbury", "Westfield", "Willowbank"]
        return [.police: localities.map { "West Midlands Police \($0) Public Protection Unit" },
                .school: words.flatMap { ["\($0) Primary School", "\($0) Academy"] },
                .gp: words.map { "\($0) Medical Practice" },
                .healthVisitor: localities.map { "\($0) Health Visiting Team" }]
    }
}

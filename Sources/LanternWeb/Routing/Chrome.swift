import LanternCore
import Vapor

/// What the page layout needs on every page: title, who is signed in, the navigation their roles
/// give them, and the CSRF token for forms.
struct Chrome: Encodable, Hashable {
    struct NavItem: Encodable, Hashable {
        let href: String
        let label: String
        let current: Bool
    }

    struct UserSummary: Encodable, Hashable {
        let displayName: String
        let teamName: String?
        let roles: String
    }

    let title: String
    let user: UserSummary?
    let nav: [NavItem]
    let csrf: String?
    let canSearch: Bool

    init(request: Request, title: String) {
        self.title = title
        let signedIn = request.signedInUser
        self.user = signedIn.map {
            UserSummary(displayName: $0.displayName, teamName: $0.teamName,
                        roles: $0.roles.sorted().map(\.label).joined(separator: ", "))
        }
        self.csrf = signedIn?.csrfToken
        self.canSearch = signedIn.map { $0.hasAny(ChildrenController.readers) } ?? false
        let path = request.url.path
        self.nav = signedIn.map { user in
            Navigation.items(for: user.roles).map { item in
                NavItem(href: item.href, label: item.label,
                        current: item.href == "/" ? path == "/" : path.hasPrefix(item.href))
            }
        } ?? []
    }
}

/// The top navigation. Each entry appears only for the roles whose routes allow it.
enum Navigation {
    struct Item {
        let href: String
        let label: String
        let roles: Set<Role>
    }

    static let all: [Item] = [
        Item(href: "/", label: "Home", roles: Set(Role.allCases)),
        Item(href: "/my-work", label: "My work", roles: [.socialWorker]),
        Item(href: "/team", label: "Team", roles: TeamController.users),
        Item(href: "/front-door", label: "Front door", roles: FrontDoorController.viewers),
        Item(href: "/referrals", label: "Your contacts", roles: ReferralsController.partners),
        Item(href: "/children", label: "Children", roles: ChildrenController.readers),
        Item(href: "/early-help", label: "Early help", roles: [.earlyHelp, .teamManager]),
        Item(href: "/people/merges", label: "Merges", roles: MergeController.approvers),
        Item(href: "/performance", label: "Performance", roles: PerformanceController.users),
        Item(href: "/returns", label: "Returns", roles: ReturnsController.users),
        Item(href: "/audits", label: "Case audits", roles: CaseAuditController.users),
        Item(href: "/admin/users", label: "Users", roles: [.administrator]),
        Item(href: "/admin/audit", label: "Audit", roles: [.administrator]),
        Item(href: "/admin/calendar", label: "Calendar", roles: [.administrator]),
        Item(href: "/admin/restricted", label: "Restricted", roles: [.administrator]),
        Item(href: "/admin/subject-access", label: "Subject access", roles: [.administrator]),
        Item(href: "/admin/retention", label: "Retention", roles: [.administrator]),
        Item(href: "/admin/audit-template", label: "Audit template", roles: [.administrator]),
        Item(href: "/admin/comparisons", label: "Comparisons", roles: [.administrator]),
        Item(href: "/admin/caseload-weights", label: "Caseload weights", roles: [.administrator]),
        Item(href: "/adopters", label: "Adopters", roles: [.administrator]),
    ]

    static func items(for roles: Set<Role>) -> [Item] {
        all.filter { !$0.roles.isDisjoint(with: roles) }
    }
}

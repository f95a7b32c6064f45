import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/`: the signed-in user's starting point, naming them and their team.
struct HomeController {
    struct ChildRow: Encodable {
        let id: UUID
        let name: String
        let reference: String
    }

    struct Page: Encodable {
        let chrome: Chrome
        let displayName: String
        let teamName: String?
        let roles: String
        let myChildren: [ChildRow]
        let teamCaseload: Int?
        let isAdministrator: Bool
        let canSeeChildren: Bool
    }

    func register(_ routes: LanternRoutes) {
        routes.get(access: .anySignedIn, use: home)
    }

    @Sendable func home(req: Request) async throws -> View {
        let user = try req.user()
        let mine = try await AllocationModel.query(on: req.db)
            .filter(\.$worker.$id == user.id)
            .filter(\.$endedOn == nil)
            .with(\.$person)
            .all()
            .map { ChildRow(id: try $0.person.requireID(), name: $0.person.fullName, reference: $0.person.reference) }
            .sorted { $0.name < $1.name }
        var teamCaseload: Int?
        if let teamID = user.teamID, user.hasAny([.teamManager, .serviceLeader]) {
            teamCaseload = try await AllocationModel.query(on: req.db)
                .filter(\.$team.$id == teamID).filter(\.$endedOn == nil).count()
        }
        let page = Page(chrome: Chrome(request: req, title: "Home"), displayName: user.displayName, teamName: user.teamName,
                        roles: user.roles.sorted().map(\.label).joined(separator: ", "), myChildren: mine,
                        teamCaseload: teamCaseload, isAdministrator: user.has(.administrator),
                        canSeeChildren: user.hasAny(ChildrenController.readers))
        return try await req.view.render("home", page)
    }
}

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
        let isPartner: Bool
        let frontDoorWaiting: Int?
        let frontDoorOverdue: Int?
        let unallocated: Int?
        let awaitingAuthorisation: Int?
        let showTeam: Bool
        let showFrontDoor: Bool
    }

    func register(_ routes: LanternRoutes) {
        routes.get(access: .anySignedIn, use: home)
        routes.get("shortcuts", access: .anySignedIn, use: shortcuts)
    }

    struct Shortcut: Encodable {
        let keys: String
        let action: String
    }

    struct ShortcutsPage: Encodable {
        let chrome: Chrome
        let shortcuts: [Shortcut]
    }

    /// `/shortcuts`: the keyboard shortcuts, for the pages this user's navigation has.
    @Sendable func shortcuts(req: Request) async throws -> View {
        let chrome = Chrome(request: req, title: "Keyboard shortcuts")
        let letters: [(String, String)] = [("h", "/"), ("w", "/my-work"), ("t", "/team"), ("f", "/front-door"), ("c", "/children"),
                                           ("e", "/early-help"), ("p", "/performance"), ("r", "/returns")]
        var list = [Shortcut(keys: "/", action: "Find a child (name, NHS number, UPN or Lantern reference)")]
        for (letter, href) in letters {
            guard let item = chrome.nav.first(where: { $0.href == href }) else { continue }
            list.append(Shortcut(keys: "g then \(letter)", action: "Go to \(item.label)"))
        }
        list.append(Shortcut(keys: "?", action: "This list"))
        return try await req.view.render("shortcuts", ShortcutsPage(chrome: chrome, shortcuts: list))
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
        var teamCaseload: Int?, unallocated: Int?, awaitingAuthorisation: Int?
        if let teamID = user.teamID, user.hasAny([.teamManager, .serviceLeader]) {
            let cases = try await CaseloadQueries.openCases(teamID: teamID, on: req.db)
            teamCaseload = cases.count
            unallocated = cases.filter { $0.workerID == nil }.count
            awaitingAuthorisation = cases.filter(\.awaitingAuthorisation).count
        }
        var waiting: Int?, overdue: Int?
        if user.has(.frontDoor) {
            let open = try await ContactModel.query(on: req.db).filter(\.$status ~~ FrontDoorController.open).all()
            waiting = open.count
            overdue = open.filter { $0.decisionDueAt < Date() }.count
        }
        let page = Page(chrome: Chrome(request: req, title: "Home"), displayName: user.displayName, teamName: user.teamName,
                        roles: user.roles.sorted().map(\.label).joined(separator: ", "), myChildren: mine,
                        teamCaseload: teamCaseload, isAdministrator: user.has(.administrator),
                        canSeeChildren: user.hasAny(ChildrenController.readers), isPartner: user.has(.partnerReferrer),
                        frontDoorWaiting: waiting, frontDoorOverdue: overdue, unallocated: unallocated,
                        awaitingAuthorisation: awaitingAuthorisation, showTeam: teamCaseload != nil, showFrontDoor: waiting != nil)
        return try await req.view.render("home", page)
    }
}

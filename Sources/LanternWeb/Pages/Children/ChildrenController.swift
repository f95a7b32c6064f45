import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children` and `/children/:personID`: the child's shared record. Every view is audited.
struct ChildrenController {
    /// Council staff who work with children's records. Partner referrers never browse records.
    /// Early help practitioners are not here: they may come from schools, health or the police, and
    /// see the early help record of families they work with, not the social care record.
    static let readers: Set<Role> = [.administrator, .serviceLeader, .teamManager, .socialWorker, .frontDoor]

    struct ChildRow: Encodable {
        let id: UUID
        let reference: String
        let name: String
        let dateOfBirth: String
        let allocatedTo: String
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let query: String
        let children: [ChildRow]
    }

    func register(_ routes: LanternRoutes) {
        routes.get("children", access: .roles(Self.readers), use: list)
        routes.get("children", ":personID", access: .roles(Self.readers), use: show)
        routes.post("children", ":personID", "break-glass", access: .roles(ChildAccessPolicy.caseworkRoles), use: breakGlass)
    }

    struct BreakGlassForm: Content {
        var reason: String?
    }

    /// Opening a record with no relationship to the child: a stated reason, audited, lasting a
    /// working day, and shown to the team that holds the case.
    @Sendable func breakGlass(req: Request) async throws -> Response {
        let user = try req.user()
        guard let id = req.parameters.get("personID", as: UUID.self), let person = try await PersonModel.find(id, on: req.db), person.isChild else {
            throw LanternError.notFound(what: "that child's record")
        }
        // A restricted record is never opened by break-glass.
        if try await RestrictedRecords.restriction(of: person, on: req.db).map({ !$0.namedUsers.contains(user.id) }) == true {
            try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "person", subjectID: id,
                                      summary: "Refused break-glass: restricted record")
            throw ChildAccessRefusal.restricted
        }
        try req.requireRecentAuthentication(returnTo: "/children/\(id)")
        let reason = (try req.content.decode(BreakGlassForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 10 else {
            return try await BreakGlassPage.render(req, personID: id, reason: reason,
                                                   error: "Say why you need to open this record now, in a sentence (at least 10 characters)")
        }
        let owner = try await AllocationModel.query(on: req.db).filter(\.$person.$id == id).filter(\.$endedOn == nil).first()?.$team.id
        let now = Date()
        try await req.db.transaction { db in
            try await BreakGlassModel(userID: user.id, personID: id, ownerTeamID: owner, reason: reason, openedAt: now,
                                      expiresAt: now.addingTimeInterval(8 * 3600)).create(on: db)
            try await AuditLog.record(.breakGlass, on: db, request: req, subjectKind: "person", subjectID: id,
                                      summary: "Opened by break-glass: \(reason.prefix(200))")
        }
        return req.redirect(to: "/children/\(id)")
    }

    @Sendable func list(req: Request) async throws -> View {
        let text = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        var query = PersonModel.query(on: req.db).filter(\.$isChild == true).filter(\.$mergedInto == nil)
        if !text.isEmpty {
            let pattern = "%\(text.lowercased())%"
            query = query.group(.or) { group in
                group.filter(\.$reference == text.uppercased())
                group.filter(\.$nhsNumber == text.filter(\.isNumber))
                group.filter(\.$upn == text.uppercased())
                group.filter(.sql(unsafeRaw: "lower(given_name || ' ' || family_name)"), .custom("LIKE"), .bind(pattern))
            }
        }
        let hidden = try await RestrictedRecords.hiddenPersonIDs(from: try req.user(), on: req.db)
        if !hidden.isEmpty { query = query.filter(\.$id !~ Array(hidden)) }
        let people = try await query.sort(\.$familyName).sort(\.$givenName).limit(200).all()
        let open = try await openAllocations(for: people.compactMap(\.id), on: req.db)
        let rows = people.map { person in
            ChildRow(id: person.id!, reference: person.reference, name: person.fullName,
                     dateOfBirth: person.birthDay.map(DisplayDate.long) ?? "Not known",
                     allocatedTo: open[person.id!].map(Self.describe) ?? "Not allocated")
        }
        return try await req.view.render("children/list", ListPage(chrome: Chrome(request: req, title: "Children"), query: text, children: rows))
    }

    @Sendable func show(req: Request) async throws -> Response {
        // A record merged into another lives on there; that page checks access itself.
        if let id = req.parameters.get("personID", as: UUID.self), let merged = try await PersonModel.find(id, on: req.db)?.mergedInto {
            return req.redirect(to: "/children/\(merged)")
        }
        let person = try await Self.authorisedChild(req)
        return try await ChildPage.render(req, person: person, errors: FormErrors(), refill: nil).encodeResponse(for: req)
    }

    /// The child named in the URL, if this user has a legitimate relationship with them; 403 otherwise.
    static func authorisedChild(_ req: Request) async throws -> PersonModel {
        let user = try req.user()
        guard let id = req.parameters.get("personID", as: UUID.self),
              let person = try await PersonModel.find(id, on: req.db), person.isChild else {
            throw LanternError.notFound(what: "that child's record")
        }
        switch try await accessDecision(to: person, for: user, on: req.db) {
        case .allowed:
            return person
        case .restricted:
            try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "person", subjectID: id,
                                      summary: "Refused: restricted record, not a named user")
            throw ChildAccessRefusal.restricted
        case .noRelationship:
            try await AuditLog.record(.accessRefused, on: req.db, request: req, subjectKind: "person", subjectID: id,
                                      summary: "Refused: no relationship with the child")
            throw ChildAccessRefusal.noRelationship(personID: id)
        case .notPermitted:
            throw LanternError.forbidden
        }
    }

    /// Whether `user` may open `person`'s record, by the child access policy. Also used to decide
    /// which relatives' details the family view may show.
    static func accessDecision(to person: PersonModel, for user: SignedInUser, on db: any Database) async throws -> ChildAccessPolicy.Decision {
        let id = try person.requireID()
        let allocations = try await AllocationModel.query(on: db).filter(\.$person.$id == id).filter(\.$endedOn == nil).all()
        let brokenGlass = try await BreakGlassModel.query(on: db).filter(\.$user.$id == user.id).filter(\.$person.$id == id)
            .filter(\.$expiresAt > Date()).count() > 0
        return ChildAccessPolicy().decide(.init(userID: user.id, roles: user.roles, teamID: user.teamID),
                                          openAllocations: allocations.map { .init(teamID: $0.$team.id, workerID: $0.$worker.id) },
                                          breakGlass: brokenGlass,
                                          restriction: try await RestrictedRecords.restriction(of: person, on: db))
    }

    private func openAllocations(for ids: [UUID], on db: any Database) async throws -> [UUID: AllocationModel] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await AllocationModel.query(on: db)
            .filter(\.$person.$id ~~ ids).filter(\.$endedOn == nil)
            .with(\.$team).with(\.$worker).all()
        return Dictionary(rows.map { ($0.$person.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func describe(_ allocation: AllocationModel) -> String {
        if let worker = allocation.worker { "\(worker.displayName), \(allocation.team.name)" } else { "\(allocation.team.name) (no worker)" }
    }
}

/// A record this user may only open by break-glass.
enum ChildAccessRefusal: Error {
    case noRelationship(personID: UUID)
    /// A restricted record and this user is not named on it: no break-glass.
    case restricted
}

/// The 403 page that explains why a record is closed and offers break-glass.
enum BreakGlassPage {
    struct Page: Encodable {
        let chrome: Chrome
        let personID: UUID
        let reason: String
        let error: String?
    }

    static func render(_ req: Request, personID: UUID, reason: String = "", error: String? = nil) async throws -> Response {
        let page = Page(chrome: Chrome(request: req, title: error == nil ? "This record is not open to you" : "Error: This record is not open to you"),
                        personID: personID, reason: reason, error: error)
        return try await req.view.render("children/break-glass", page).encodeResponse(status: .forbidden, for: req)
    }
}

/// Dates as GOV.UK style writes them: "4 June 2026".
enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func long(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }
}

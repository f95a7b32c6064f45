import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/restricted`: an administrator marks a person's record restricted (a child of a member
/// of staff, a high-profile case) and names the staff who may see it. Nobody else can open it,
/// find it or break the glass on it. Every change is audited.
struct RestrictedRecordsController {
    static let admin = RouteAccess.roles([.administrator])

    struct Row: Encodable {
        let id: UUID
        let reference: String
        let name: String
        let namedUsers: String
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let query: String
        let restricted: [Row]
        let found: [Row]
        let searched: Bool
    }

    struct EditPage: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let name: String
        let restricted: Bool
        let users: [FormOption]
        let errors: FormErrors
    }

    struct Form: Content {
        var restricted: String?
        var users: [String]?
    }

    func register(_ routes: LanternRoutes) {
        routes.get("admin", "restricted", access: Self.admin, use: list)
        routes.get("admin", "restricted", ":personID", access: Self.admin, use: edit)
        routes.post("admin", "restricted", ":personID", access: Self.admin, use: save)
    }

    @Sendable func list(req: Request) async throws -> View {
        let text = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let restricted = try await PersonModel.query(on: req.db).filter(\.$restricted == true).sort(\.$reference).all()
        let found = text.isEmpty ? [] : try await PersonSearch.find(text, on: req.db)
        return try await req.view.render("admin/restricted", ListPage(
            chrome: Chrome(request: req, title: "Restricted records"), query: text,
            restricted: try await rows(restricted, on: req.db), found: try await rows(found, on: req.db), searched: !text.isEmpty))
    }

    @Sendable func edit(req: Request) async throws -> View {
        let person = try await PersonSearch.person(req)
        return try await render(req, person: person, restricted: person.restricted,
                                named: Set(try await named(on: person, db: req.db)), errors: [])
    }

    @Sendable func save(req: Request) async throws -> Response {
        let person = try await PersonSearch.person(req)
        let personID = try person.requireID()
        let form = try req.content.decode(Form.self)
        let restricted = form.restricted == "yes"
        let chosen = Set((form.users ?? []).compactMap(UUID.init(uuidString:)))
        let staff = try await Self.eligibleStaff(on: req.db)
        let named = chosen.intersection(staff.compactMap(\.id))
        if restricted && named.isEmpty {
            return try await render(req, person: person, restricted: true, named: chosen, errors: [
                FieldIssue(field: "users", message: "Name at least one member of staff who may see a restricted record"),
            ]).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let byID = Dictionary(staff.map { ($0.id!, $0.username) }, uniquingKeysWith: { a, _ in a })
        let actor = try req.user().id
        let now = Date()
        try await req.db.transaction { db in
            person.restricted = restricted
            try await person.save(on: db)
            try await RestrictedAccessModel.query(on: db).filter(\.$person.$id == personID).delete()
            if restricted {
                for userID in named {
                    try await RestrictedAccessModel(personID: personID, userID: userID, grantedBy: actor, grantedAt: now).create(on: db)
                }
            }
            let who = named.compactMap { byID[$0] }.sorted().joined(separator: ", ")
            try await AuditLog.record(.restrictionChanged, on: db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: restricted ? "Restricted the record to \(who)" : "Lifted the restriction on the record")
        }
        return req.redirect(to: "/admin/restricted")
    }

    /// Staff whose roles open children's records: the only people worth naming.
    static func eligibleStaff(on db: any Database) async throws -> [StaffUserModel] {
        let opens = ChildAccessPolicy.seeEveryRecord.union(ChildAccessPolicy.caseworkRoles)
        return try await StaffUserModel.query(on: db).filter(\.$active == true).sort(\.$displayName).all()
            .filter { !$0.roles.isDisjoint(with: opens) }
    }

    private func named(on person: PersonModel, db: any Database) async throws -> [UUID] {
        try await RestrictedAccessModel.query(on: db).filter(\.$person.$id == person.requireID()).all().map(\.$user.id)
    }

    private func rows(_ people: [PersonModel], on db: any Database) async throws -> [Row] {
        let ids = people.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let grants = try await RestrictedAccessModel.query(on: db).filter(\.$person.$id ~~ ids).with(\.$user).all()
        let byPerson = Dictionary(grouping: grants, by: { $0.$person.id })
        return people.map { person in
            Row(id: person.id!, reference: person.reference, name: person.fullName,
                namedUsers: (byPerson[person.id!] ?? []).map(\.user.displayName).sorted().joined(separator: ", "))
        }
    }

    private func render(_ req: Request, person: PersonModel, restricted: Bool, named: Set<UUID>, errors: [FieldIssue]) async throws -> View {
        let staff = try await Self.eligibleStaff(on: req.db)
        let title = "Restrict \(person.reference)"
        return try await req.view.render("admin/restricted-edit", EditPage(
            chrome: Chrome(request: req, title: errors.isEmpty ? title : "Error: " + title),
            id: try person.requireID(), reference: person.reference, name: person.fullName, restricted: restricted,
            users: staff.map { FormOption(value: $0.id!.uuidString, label: "\($0.displayName) (\($0.username))", selected: named.contains($0.id!)) },
            errors: FormErrors(errors)))
    }
}

/// Finding any person (child or adult) for the administrator's record pages: by Lantern
/// reference, or by name.
enum PersonSearch {
    static func find(_ text: String, on db: any Database) async throws -> [PersonModel] {
        let pattern = "%\(text.lowercased())%"
        return try await PersonModel.query(on: db).group(.or) { group in
            group.filter(\.$reference == text.uppercased())
            group.filter(.sql(unsafeRaw: "lower(given_name || ' ' || family_name)"), .custom("LIKE"), .bind(pattern))
        }.sort(\.$familyName).sort(\.$givenName).limit(50).all()
    }

    /// The person named by `:personID` in the URL, or 404.
    static func person(_ req: Request) async throws -> PersonModel {
        guard let id = req.parameters.get("personID", as: UUID.self), let person = try await PersonModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that person")
        }
        return person
    }
}

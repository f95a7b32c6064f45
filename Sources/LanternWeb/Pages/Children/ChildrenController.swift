import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children` and `/children/:personID`: the child's shared record. Every view is audited.
struct ChildrenController {
    /// Council staff who work with children's records. Partner referrers never browse records.
    static let readers: Set<Role> = [.administrator, .serviceLeader, .teamManager, .socialWorker, .frontDoor, .earlyHelp]

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

    struct AllocationRow: Encodable {
        let team: String
        let worker: String
        let startedOn: String
        let endedOn: String?
    }

    struct ChildPage: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let name: String
        let dateOfBirth: String
        let age: String
        let sex: String
        let postcode: String
        let allocations: [AllocationRow]
        let canSeeAudit: Bool
    }

    func register(_ routes: LanternRoutes) {
        routes.get("children", access: .roles(Self.readers), use: list)
        routes.get("children", ":personID", access: .roles(Self.readers), use: show)
    }

    @Sendable func list(req: Request) async throws -> View {
        let text = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        var query = PersonModel.query(on: req.db).filter(\.$isChild == true)
        if !text.isEmpty {
            let pattern = "%\(text.lowercased())%"
            query = query.group(.or) { group in
                group.filter(\.$reference == text.uppercased())
                group.filter(.sql(unsafeRaw: "lower(given_name || ' ' || family_name)"), .custom("LIKE"), .bind(pattern))
            }
        }
        let people = try await query.sort(\.$familyName).sort(\.$givenName).limit(200).all()
        let open = try await openAllocations(for: people.compactMap(\.id), on: req.db)
        let rows = people.map { person in
            ChildRow(id: person.id!, reference: person.reference, name: person.fullName,
                     dateOfBirth: person.birthDay.map(DisplayDate.long) ?? "Not known",
                     allocatedTo: open[person.id!].map(Self.describe) ?? "Not allocated")
        }
        return try await req.view.render("children/list", ListPage(chrome: Chrome(request: req, title: "Children"), query: text, children: rows))
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.user()
        guard let id = req.parameters.get("personID", as: UUID.self),
              let person = try await PersonModel.find(id, on: req.db), person.isChild else {
            throw LanternError.notFound(what: "that child's record")
        }
        let allocations = try await AllocationModel.query(on: req.db)
            .filter(\.$person.$id == id).with(\.$team).with(\.$worker)
            .sort(\.$startedOn, .descending).all()
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: id,
                                  summary: "Viewed the child's record")
        let today = Day(Date())
        let page = ChildPage(
            chrome: Chrome(request: req, title: person.fullName), id: id, reference: person.reference, name: person.fullName,
            dateOfBirth: person.birthDay.map(DisplayDate.long) ?? "Not known",
            age: person.birthDay.map { "\($0.age(on: today))" } ?? "Not known",
            sex: ["M": "Male", "F": "Female"][person.sex] ?? "Not known", postcode: person.postcode ?? "Not known",
            allocations: allocations.map {
                AllocationRow(team: $0.team.name, worker: $0.worker?.displayName ?? "Not allocated",
                              startedOn: Day(iso: $0.startedOn).map(DisplayDate.long) ?? $0.startedOn,
                              endedOn: $0.endedOn.flatMap { Day(iso: $0) }.map(DisplayDate.long))
            },
            canSeeAudit: user.has(.administrator))
        return try await req.view.render("children/show", page)
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

/// Dates as GOV.UK style writes them: "4 June 2026".
enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func long(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }
}

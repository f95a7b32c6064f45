import Fluent
import Foundation
import LanternStore
import Vapor

/// `/api/v1/children`: the children's index for other systems.
struct ChildrenAPI {
    struct ChildSummary: Content {
        let id: UUID
        let reference: String
        let givenName: String
        let familyName: String
        let dateOfBirth: String?
        let sex: String
    }

    struct Page: Content {
        let items: [ChildSummary]
        let total: Int
    }

    func register(_ routes: LanternRoutes) {
        routes.get("children", access: .roles(ChildrenController.readers), use: list)
    }

    /// A whole number from the query string, or a 422 that says what is allowed.
    static func queryNumber(_ req: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = req.query[String.self, at: name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw LanternError.invalidFields([FieldIssue(field: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")])
        }
        return number
    }

    @Sendable func list(req: Request) async throws -> Page {
        let limit = try Self.queryNumber(req, "limit", default: 50, in: 1...500)
        let offset = try Self.queryNumber(req, "offset", default: 0, in: 0...Int(Int32.max))
        // Restricted records are left out for everyone not named on them.
        let hidden = Array(try await RestrictedRecords.hiddenPersonIDs(from: try req.user(), on: req.db))
        func children() -> QueryBuilder<PersonModel> {
            let query = PersonModel.query(on: req.db).filter(\.$isChild == true).filter(\.$mergedInto == nil)
            return hidden.isEmpty ? query : query.filter(\.$id !~ hidden)
        }
        let total = try await children().count()
        let people = try await children().sort(\.$reference).range(offset..<(offset + limit)).all()
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person-list", subjectID: nil,
                                  summary: "Listed \(people.count) children through the API")
        return Page(items: people.map {
            ChildSummary(id: $0.id!, reference: $0.reference, givenName: $0.givenName, familyName: $0.familyName,
                         dateOfBirth: $0.dateOfBirth, sex: $0.sex)
        }, total: total)
    }
}

/// `/health`: for load balancers and monitoring; says whether the database answers.
struct HealthController {
    struct Health: Content {
        let status: String
        let database: String
    }

    func register(_ routes: LanternRoutes) {
        routes.get("health", access: .anyone, use: health)
    }

    @Sendable func health(req: Request) async throws -> Response {
        let reachable = (try? await CouncilModel.query(on: req.db).count()) != nil
        let body = Health(status: reachable ? "ok" : "unavailable", database: reachable ? "reachable" : "unreachable")
        return try await body.encodeResponse(status: reachable ? .ok : .serviceUnavailable, for: req)
    }
}

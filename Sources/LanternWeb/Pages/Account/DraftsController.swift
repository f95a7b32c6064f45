import Fluent
import Foundation
import LanternStore
import Vapor

/// `/drafts/:key`: the unsaved contents of a long form (a visit, a contact, a decision), kept on
/// the server for the user who typed them, so a dropped connection or a timeout loses nothing.
/// Only the same user can read a draft back; a successful save deletes it.
struct DraftsController {
    struct Body: Content {
        var fields: [String: DraftValue]
    }

    /// A form field's value: one string, or several for a group of checkboxes.
    enum DraftValue: Codable, Sendable {
        case one(String)
        case many([String])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .one(text) } else { self = .many(try container.decode([String].self)) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let text): try container.encode(text)
            case .many(let list): try container.encode(list)
            }
        }
    }

    struct Draft: Content {
        let fields: [String: DraftValue]
        let savedAt: Date
    }

    static let maximumBytes = 200_000

    func register(_ routes: LanternRoutes) {
        routes.get("drafts", ":key", access: .anySignedIn, use: load)
        routes.put("drafts", ":key", access: .anySignedIn, use: save)
        routes.delete("drafts", ":key", access: .anySignedIn, use: discard)
    }

    private func key(_ req: Request) throws -> String {
        guard let key = req.parameters.get("key"), (1...100).contains(key.count),
              key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw LanternError.invalidFields([FieldIssue(field: "key", message: "A draft key is letters, digits and hyphens")])
        }
        return key
    }

    @Sendable func load(req: Request) async throws -> Draft {
        let user = try req.user()
        guard let draft = try await DraftModel.query(on: req.db).filter(\.$userID == user.id).filter(\.$formKey == key(req)).first() else {
            throw LanternError.notFound(what: "a draft")
        }
        return Draft(fields: try JSONDecoder().decode([String: DraftValue].self, from: Data(draft.fieldsJSON.utf8)), savedAt: draft.savedAt)
    }

    @Sendable func save(req: Request) async throws -> HTTPStatus {
        let user = try req.user()
        let key = try key(req)
        let body = try req.content.decode(Body.self)
        let json = String(decoding: try JSONEncoder().encode(body.fields), as: UTF8.self)
        guard json.utf8.count <= Self.maximumBytes else { throw LanternError.refused("The draft is too large to keep.") }
        if let existing = try await DraftModel.query(on: req.db).filter(\.$userID == user.id).filter(\.$formKey == key).first() {
            existing.fieldsJSON = json
            existing.savedAt = Date()
            try await existing.save(on: req.db)
        } else {
            try await DraftModel(userID: user.id, formKey: key, fieldsJSON: json, savedAt: Date()).create(on: req.db)
        }
        return .noContent
    }

    @Sendable func discard(req: Request) async throws -> HTTPStatus {
        try await Self.clear(try key(req), for: try req.user().id, on: req.db)
        return .noContent
    }

    static func clear(_ key: String, for userID: UUID, on db: any Database) async throws {
        try await DraftModel.query(on: db).filter(\.$userID == userID).filter(\.$formKey == key).delete()
    }
}

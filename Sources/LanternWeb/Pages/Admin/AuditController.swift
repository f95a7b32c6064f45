import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/admin/audit`: who has looked at a child, and what a user has looked at.
struct AuditController {
    struct Row: Encodable {
        let at: String
        let who: String
        let action: String
        let subject: String?
        let summary: String
        let ip: String
    }

    struct Page: Encodable {
        let chrome: Chrome
        let heading: String
        let rows: [Row]
        let personID: String
        let username: String
    }

    func register(_ routes: LanternRoutes) {
        routes.get("admin", "audit", access: .roles([.administrator]), use: show)
    }

    @Sendable func show(req: Request) async throws -> View {
        let personID = req.query[UUID.self, at: "person"]
        let username = (req.query[String.self, at: "user"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var query = AuditEventModel.query(on: req.db)
        var heading = "Recent activity"
        var subjectLabels: [UUID: String] = [:]
        if let personID {
            query = query.filter(\.$subjectID == personID)
            let person = try await PersonModel.find(personID, on: req.db)
            heading = "Who has looked at or changed \(person?.fullName ?? "this record")"
        } else if !username.isEmpty {
            query = query.filter(\.$actorUsername == username)
            heading = "What \(username) has looked at and done"
        }
        let events = try await query.sort(\.$occurredAt, .descending).limit(500).all()
        let subjectIDs = Array(Set(events.compactMap(\.subjectID)))
        if !subjectIDs.isEmpty {
            for person in try await PersonModel.query(on: req.db).filter(\.$id ~~ subjectIDs).all() {
                subjectLabels[person.id!] = "\(person.fullName) (\(person.reference))"
            }
        }
        try await AuditLog.record(.auditViewed, on: req.db, request: req, subjectKind: personID == nil ? nil : "person",
                                  subjectID: personID, summary: personID != nil ? "Viewed who accessed a record" : "Viewed the audit trail")
        let formatter = ISO8601DateFormatter()
        let rows = events.map { event in
            Row(at: formatter.string(from: event.occurredAt), who: event.actorUsername, action: event.action,
                subject: event.subjectID.flatMap { subjectLabels[$0] }, summary: event.summary, ip: event.ip ?? "")
        }
        return try await req.view.render("admin/audit", Page(chrome: Chrome(request: req, title: "Audit trail"), heading: heading, rows: rows,
                                                             personID: personID?.uuidString ?? "", username: username))
    }
}

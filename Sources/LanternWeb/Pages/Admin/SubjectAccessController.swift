import Fluent
import Foundation
import LanternCore
import LanternReturns
import LanternStore
import Vapor

/// `/admin/subject-access`: everything Lantern holds about one person (UK GDPR Article 15) as a
/// ZIP: the record, relationships, contacts about them, case notes, chronology, documents (with
/// the files) and the audit trail of who viewed or changed it. Other people's details are marked
/// for the council to review before release, and free text is flagged, since it may name anyone.
/// Producing a bundle is an export: audited, and the administrator confirms it's them first.
struct SubjectAccessController {
    static let thirdParty = "[third party — review before release]"
    static let freeText = "[free text — check for third-party details before release]"

    struct SearchPage: Encodable {
        let chrome: Chrome
        let query: String
        let found: [RestrictedRecordsController.Row]
        let searched: Bool
    }

    struct SummaryPage: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let name: String
        let counts: [String]
    }

    func register(_ routes: LanternRoutes) {
        let admin = RouteAccess.roles([.administrator])
        routes.get("admin", "subject-access", access: admin, reauthenticate: true, use: search)
        routes.get("admin", "subject-access", ":personID", access: admin, reauthenticate: true, use: summary)
        routes.post("admin", "subject-access", ":personID", access: admin, use: produce)
    }

    @Sendable func search(req: Request) async throws -> View {
        let text = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let found = text.isEmpty ? [] : try await PersonSearch.find(text, on: req.db)
        return try await req.view.render("admin/subject-access", SearchPage(
            chrome: Chrome(request: req, title: "Subject access request"), query: text,
            found: found.map { RestrictedRecordsController.Row(id: $0.id!, reference: $0.reference, name: $0.fullName, namedUsers: "") },
            searched: !text.isEmpty))
    }

    @Sendable func summary(req: Request) async throws -> View {
        let person = try await PersonSearch.person(req)
        let bundle = try await Bundle.gather(for: person, on: req.db)
        return try await req.view.render("admin/subject-access-person", SummaryPage(
            chrome: Chrome(request: req, title: "Subject access: \(person.reference)"), id: try person.requireID(),
            reference: person.reference, name: person.fullName, counts: bundle.counts))
    }

    @Sendable func produce(req: Request) async throws -> Response {
        let person = try await PersonSearch.person(req)
        let personID = try person.requireID()
        try req.requireRecentAuthentication(returnTo: "/admin/subject-access/\(personID)")
        // Recorded first, so the bundle's own audit trail shows this request.
        try await AuditLog.record(.subjectAccessExported, on: req.db, request: req, subjectKind: "person", subjectID: personID,
                                  summary: "Produced a subject access bundle")
        let bundle = try await Bundle.gather(for: person, on: req.db)
        let html = bundle.html(generatedBy: try req.user().username)
        var zip = ZipArchive()
        zip.add(path: "README.txt", text: """
            Subject access bundle for \(person.reference), produced by Lantern on \(ISO8601DateFormatter().string(from: Date())).
            record.html holds the record, relationships, contacts, case notes, chronology, document list and audit trail.
            documents/ holds the documents on the record.
            Other people's names are marked \(Self.thirdParty) and free text is marked \(Self.freeText):
            review and redact them before anything is released.

            """)
        zip.add(path: "record.html", text: html)
        for document in bundle.documents {
            zip.add(path: Bundle.path(of: document), contents: Array(document.data))
        }
        let response = Response(status: .ok, body: .init(data: zip.data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/zip")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"subject-access-\(person.reference).zip\"")
        return response
    }

    /// What is held about one person, gathered from every table that mentions them.
    struct Bundle {
        let person: PersonModel
        let aliases: [PersonAliasModel]
        let relationships: [(kind: String, name: String, reference: String)]
        let allocations: [AllocationModel]
        let contacts: [ContactModel]
        let otherSubjects: [UUID: [ContactSubjectModel]]
        let notes: [CaseNoteModel]
        let chronology: [ChronologyEntry]
        let documents: [DocumentModel]
        let audit: [AuditEventModel]
        var addresses: [PersonAddressModel] = []

        static func gather(for person: PersonModel, on db: any Database) async throws -> Bundle {
            let id = try person.requireID()
            let aliases = try await PersonAliasModel.query(on: db).filter(\.$person.$id == id).all()
            let outward = try await RelationshipModel.query(on: db).filter(\.$person.$id == id).with(\.$relative).all()
            let inward = try await RelationshipModel.query(on: db).filter(\.$relative.$id == id).with(\.$person).all()
            let relationships: [(kind: String, name: String, reference: String)] = outward.map { ($0.kind.label, $0.relative.fullName, $0.relative.reference) }
                + inward.map { ("Recorded as their \($0.kind.label.lowercased())", $0.person.fullName, $0.person.reference) }
            let allocations = try await AllocationModel.query(on: db).filter(\.$person.$id == id).with(\.$team).with(\.$worker)
                .sort(\.$startedOn).all()
            let subjects = try await ContactSubjectModel.query(on: db).filter(\.$person.$id == id).with(\.$contact).all()
            let contacts = subjects.map(\.contact).sorted { $0.receivedAt < $1.receivedAt }
            let contactIDs = contacts.compactMap(\.id)
            let others = contactIDs.isEmpty ? [] : try await ContactSubjectModel.query(on: db).filter(\.$contact.$id ~~ contactIDs).all()
                .filter { $0.$person.id != id }
            let notes = try await CaseNoteModel.query(on: db).filter(\.$person.$id == id).with(\.$author).sort(\.$occurredOn).all()
            let snapshot = try await ChildCaseModel.query(on: db).filter(\.$person.$id == id).first()?.snapshot() ?? CaseSnapshot()
            let documents = try await DocumentModel.query(on: db).filter(\.$person.$id == id).with(\.$uploadedBy).sort(\.$uploadedAt).all()
            let audit = try await AuditEventModel.query(on: db).filter(\.$subjectID == id).sort(\.$occurredAt).all()
            let addresses = try await PersonAddresses.history(of: id, on: db)
            return Bundle(person: person, aliases: aliases, relationships: relationships, allocations: allocations,
                          contacts: contacts, otherSubjects: Dictionary(grouping: others, by: { $0.$contact.id }), notes: notes,
                          chronology: Chronology.entries(snapshot: snapshot, notes: notes, contacts: contacts),
                          documents: documents, audit: audit, addresses: addresses)
        }

        /// Where a document's file sits in the ZIP: unique even when two share a name.
        static func path(of document: DocumentModel) -> String {
            "documents/\(document.id?.uuidString.prefix(8) ?? "document")-\(document.filename)"
        }

        var counts: [String] {
            ["\(relationships.count) relationships", "\(contacts.count) contacts", "\(notes.count) case notes",
             "\(chronology.count) chronology entries", "\(documents.count) documents", "\(audit.count) audit trail entries"]
        }

        func html(generatedBy: String) -> String {
            let third = SubjectAccessController.thirdParty, free = SubjectAccessController.freeText
            let formatter = ISO8601DateFormatter()
            func day(_ iso: String?) -> String { iso.flatMap { Day(iso: $0) }.map(DisplayDate.long) ?? "Not recorded" }
            let details: [[String]] = [
                ["Lantern reference", person.reference], ["Given name", person.givenName], ["Family name", person.familyName],
                ["Other names", person.otherNames ?? "None recorded"], ["Date of birth", day(person.dateOfBirth)],
                ["Expected date of birth", day(person.expectedDateOfBirth)], ["Sex", Sex(rawValue: person.sex)?.label ?? person.sex],
                ["Ethnicity", person.ethnicity.flatMap(Ethnicity.init(rawValue:))?.label ?? "Not recorded"],
                ["NHS number", person.nhsNumber ?? "Not recorded"], ["Unique pupil number", person.upn ?? "Not recorded"],
                ["Address", person.address ?? "Not recorded"], ["Postcode", person.postcode ?? "Not recorded"],
                ["Restricted record", person.restricted ? "Yes" : "No"],
            ] + aliases.map { ["Also known as", "\($0.givenName) \($0.familyName)"] }
            var sections: [(title: String, header: [String], rows: [[String]])] = []
            sections.append(("Record", ["Field", "Value"], details))
            sections.append(("Address history", ["Address", "Postcode", "From", "To"],
                             addresses.map { [$0.address ?? "Not recorded", $0.postcode ?? "", $0.fromOn.map { day($0) } ?? "Before records began", $0.toOn.map { day($0) } ?? "Now"] }))
            sections.append(("Relationships", ["Relationship", "Person"], relationships.map { [$0.kind, "\($0.name) (\($0.reference)) \(third)"] }))
            sections.append(("Allocations", ["Team", "Worker", "From", "To"], allocations.map { [$0.team.name, ($0.worker?.displayName).map { "\($0) \(third)" } ?? "No worker", day($0.startedOn), $0.endedOn.map { day($0) } ?? "Open"] }))
            sections.append(("Contacts about them", ["Reference", "Received", "From", "Others named", "Concerns", "Decision"], contacts.map { contact in
                    [contact.reference, contact.receivedOn,
                     "\(contact.referrerName)\(contact.referrerOrganisation.map { ", \($0)" } ?? "") (\(contact.referrerAgency)) \(third)",
                     (otherSubjects[contact.id!] ?? []).map { "\($0.fullName) \(third)" }.joined(separator: "; "),
                     "\(contact.concerns) \(free)",
                     contact.decision.flatMap(ScreeningDecision.init(rawValue:))?.plainEnglish ?? "Awaiting decision"]
                }))
            sections.append(("Case notes", ["Date", "Kind", "Recorded by", "Note"], notes.map { [day($0.occurredOn), $0.kind.label, "\($0.author.displayName) \(third)", "\($0.text) \(free)"] }))
            sections.append(("Chronology", ["Date", "Event", "Detail", "Source"], chronology.map { [$0.date, $0.event, $0.detail.isEmpty ? "" : "\($0.detail) \(free)", "\($0.source) \(third)"] }))
            sections.append(("Documents", ["Title", "File in this bundle", "Type", "Size", "Uploaded by", "Uploaded"], documents.map {
                    [$0.title, Bundle.path(of: $0), $0.contentType, "\($0.size) bytes",
                     "\($0.uploadedBy.displayName) \(third)", $0.uploadedAt.map { formatter.string(from: $0) } ?? ""]
                }))
            sections.append(("Who has viewed or changed the record", ["When", "Who", "Action", "What"],
                             audit.map { [formatter.string(from: $0.occurredAt), "\($0.actorUsername) \(third)", $0.action, $0.summary] }))
            func escaped(_ text: String) -> String { text.htmlEscaped() }
            var html = """
                <!doctype html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>Subject access bundle \(escaped(person.reference))</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}\
                td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}</style></head><body>
                <h1>Subject access bundle: \(escaped(person.fullName)) (\(escaped(person.reference)))</h1>
                <p>Produced by \(escaped(generatedBy)) at \(formatter.string(from: Date())). Before release, review every value \
                marked \(escaped(third)) and every text marked \(escaped(free)).</p>

                """
            for (title, header, rows) in sections {
                html += "<h2>\(escaped(title))</h2>\n<table><tr>" + header.map { "<th>\(escaped($0))</th>" }.joined() + "</tr>\n"
                for row in rows { html += "<tr>" + row.map { "<td>\(escaped($0))</td>" }.joined() + "</tr>\n" }
                html += rows.isEmpty ? "<tr><td colspan=\"\(header.count)\">None held</td></tr>\n</table>\n" : "</table>\n"
            }
            return html + "</body></html>\n"
        }
    }
}

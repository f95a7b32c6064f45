import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children/:personID/documents`: upload a document to a child's record, and download it.
/// Type is checked from the bytes; size is limited; every download is audited.
struct DocumentsController {
    struct Upload: Content {
        var title: String?
        var file: File?
    }

    func register(_ routes: LanternRoutes) {
        routes.upload("children", ":personID", "documents", access: .roles(CaseworkController.caseworkers), maxBody: "11mb", use: upload)
        routes.get("children", ":personID", "documents", ":documentID", access: .roles(ChildrenController.readers), use: download)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        let form = try req.content.decode(Upload.self)
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await ChildPage.render(req, person: person, errors: FormErrors([FieldIssue(field: field, message: message)]), refill: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard !title.isEmpty else { return try await refuse("documentTitle", "Give the document a title, for example \"School report, spring term\"") }
        let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
        let filename = form.file?.filename ?? ""
        let kind: DocumentType
        do { kind = try DocumentType.recognise(bytes, filename: filename) } catch { return try await refuse("documentFile", error.message) }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let document = DocumentModel(personID: personID, title: title, filename: Self.safeFilename(filename, kind: kind),
                                     contentType: kind.contentType, data: Data(bytes), sha256: digest, uploadedBy: user.id)
        try await req.db.transaction { db in
            try await document.create(on: db)
            try await AuditLog.record(.documentUploaded, on: db, request: req, subjectKind: "person", subjectID: personID,
                                      summary: "Uploaded a \(kind.rawValue) document (\(bytes.count) bytes)")
        }
        return req.redirect(to: "/children/\(personID)#documents")
    }

    @Sendable func download(req: Request) async throws -> Response {
        let person = try await ChildrenController.authorisedChild(req)
        let personID = try person.requireID()
        guard let id = req.parameters.get("documentID", as: UUID.self), let document = try await DocumentModel.find(id, on: req.db),
              document.$person.id == personID else {
            throw LanternError.notFound(what: "that document")
        }
        try await AuditLog.record(.documentDownloaded, on: req.db, request: req, subjectKind: "person", subjectID: personID,
                                  summary: "Downloaded document \(id.uuidString)")
        let response = Response(status: .ok, body: .init(data: document.data))
        response.headers.replaceOrAdd(name: .contentType, value: document.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(document.filename)\"")
        return response
    }

    /// A name safe to put in a header: letters, digits, dots, hyphens and spaces, with the real extension.
    static func safeFilename(_ name: String, kind: DocumentType) -> String {
        let base = (name as NSString).deletingPathExtension
        let cleaned = String(base.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || " .-_".unicodeScalars.contains($0) }.prefix(80))
        let ext = kind == .jpeg ? "jpg" : kind.rawValue
        return (cleaned.trimmingCharacters(in: .whitespaces).isEmpty ? "document" : cleaned) + "." + ext
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Logging
import Testing
import Vapor
import VaporTesting

/// Logs go to places records do not (log shippers, support tickets), so they never carry a
/// child's name or date of birth. This test captures every log line of a whole front-door and
/// casework journey and looks for them.
@Suite struct LogPrivacyTests {
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let merged = metadata.merging(extra ?? [:]) { $1 }
            capture.add("\(level) \(message) \(merged.map { "\($0)=\($1)" }.joined(separator: " "))")
        }
    }

    @Test func noLogLineNamesAChildOrGivesTheirBirthDate() async throws {
        try await withLantern { app in
            let capture = Capture()
            // As `lantern` does at start-up: the privacy filter goes in front of whatever handler a deployment uses.
            app.logger = Logger(label: "test") { _ in PrivacyLogHandler(wrapped: CapturingHandler(capture: capture)) }
            let team = try await app.fixtures.team()
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let fields: [(String, String)] = [
                ("childGivenName", "Zebedee"), ("childFamilyName", "Quartermaine"), ("childDateOfBirth", "17/09/2014"), ("childSex", "M"),
                ("childPostcode", "B15 2TT"), ("concerns", "Zebedee Quartermaine told his teacher he is frightened."),
                ("urgency", "urgent"), ("consent", "given"), ("source", "2A"), ("referrerName", "Teacher"),
            ]
            func post(_ path: String, _ session: TestSession, _ body: [(String, String)]) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, path, headers: HTTPHeaders.form.merging(session.headers), body: formBody([("_csrf", session.csrf)] + body))
            }
            _ = try await post("/front-door/contacts", frontDoor, fields)
            let contact = try #require(try await ContactModel.query(on: app.db).with(\.$subjects).first())
            _ = try await post("/front-door/contacts/\(contact.id!)/link", frontDoor, [("subjectID", contact.subjects[0].id!.uuidString), ("personID", "new")])
            _ = try await post("/front-door/contacts/\(contact.id!)/decision", frontDoor, [("decision", "childAndFamilyAssessment"), ("threshold", "3"), ("rationale", "Fear at home")])
            let child = try #require(try await PersonModel.query(on: app.db).first())
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id, startedOn: Day(Date())).create(on: app.db)
            try await app.testing().test(.GET, "/children?q=Quartermaine", headers: worker.headers) { _ in }
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: worker.headers) { _ in }
            _ = try await post("/children/\(child.id!)/visits", worker, [("kind", "homeVisit"), ("date", "bad date"), ("text", "Zebedee was quiet")])
            try await app.testing().test(.GET, "/no-such-page-Zebedee", headers: worker.headers) { _ in }

            let lines = capture.all
            #expect(lines.count >= 8, "the journey should have logged its requests")
            for needle in ["Zebedee", "Quartermaine", "2014-09-17", "17/09/2014", "frightened"] {
                let leaks = lines.filter { $0.localizedCaseInsensitiveContains(needle) }
                #expect(leaks.isEmpty, "log lines contain \(needle): \(leaks)")
            }
        }
    }
}

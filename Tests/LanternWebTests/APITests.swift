import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// The API, held to its OpenAPI document.
@Suite struct APITests {
    nonisolated(unsafe) static let document: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/OpenAPI/openapi.json")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }()

    /// Checks `value` against a schema of the document: types, required properties, enums, items.
    static func violations(_ value: Any, schema: [String: Any], path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            guard let target = schemas?[name] as? [String: Any] else { return ["\(path): unknown schema \(ref)"] }
            return violations(value, schema: target, path: path)
        }
        var problems: [String] = []
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil || object[key] is NSNull {
                problems.append("\(path).\(key): required")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                guard let propertySchema = properties[key] as? [String: Any] else { problems.append("\(path).\(key): not in the schema"); continue }
                if !(item is NSNull) { problems += violations(item, schema: propertySchema, path: "\(path).\(key)") }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            for (i, item) in array.enumerated() { problems += violations(item, schema: schema["items"] as? [String: Any] ?? [:], path: "\(path)[\(i)]") }
        case "string":
            guard let text = value as? String else { return ["\(path): expected a string"] }
            if let allowed = schema["enum"] as? [String], !allowed.contains(text) { problems.append("\(path): \(text) not in \(allowed)") }
            if schema["format"] as? String == "date-time", ISO8601DateFormatter().date(from: text) == nil { problems.append("\(path): not a date-time") }
            if schema["format"] as? String == "uuid", UUID(uuidString: text) == nil { problems.append("\(path): not a uuid") }
        case "integer":
            if !(value is Int) { problems.append("\(path): expected an integer") }
        case "number":
            if !(value is Double || value is Int) { problems.append("\(path): expected a number") }
        default:
            break
        }
        return problems
    }

    static func schema(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func json(_ res: TestingHTTPResponse) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) ?? [:]
    }

    @Test func everyAPIRouteIsDescribedAndEveryDescribedRouteExists() async throws {
        try await withLantern { app in
            let paths = Self.document["paths"] as? [String: [String: Any]] ?? [:]
            #expect(!paths.isEmpty)
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let served = Set(app.routeTable.entries.filter(\.isAPI).map { entry in
                "\(entry.method.rawValue) " + entry.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    .reduce("") { $0 + "/" + $1 }
            })
            #expect(documented == served)
        }
    }

    @Test func aPartnerSystemSendsAContactWithABearerToken() async throws {
        try await withLantern { app in
            let partner = try await app.fixtures.user("police", roles: [.partnerReferrer], agency: .police)
            partner.organisation = "West Midlands Police, Public Protection Unit"
            try await partner.save(on: app.db)
            _ = try await app.fixtures.child("Elizabeth", "Nowak", reference: "L1000001", born: "2015-04-01")
            let token = SessionTokens.random()
            try await APITokenModel(userID: partner.id!, tokenHash: SessionTokens.hash(token), name: "Police system", createdAt: Date()).create(on: app.db)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            let body = #"{"children":[{"givenName":"Lizzie","familyName":"Nowak","dateOfBirth":"2015-04-01","sex":"F","postcode":"B1 1BB"}],"concerns":"Domestic abuse incident at the home last night; children present.","urgency":"urgent","consent":"notSought","consentDetail":"Would alert the alleged perpetrator"}"#
            let res = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body))
            #expect(res.status == .created)
            let out = Self.json(res)
            #expect(Self.violations(out, schema: Self.schema("ContactOut")).isEmpty, "\(Self.violations(out, schema: Self.schema("ContactOut")))")
            // A partner never sees who else is on the index.
            #expect((out as? [String: Any])?["matches"] == nil)
            let contact = try #require(try await ContactModel.query(on: app.db).first())
            #expect(contact.sourceCode == "6")
            // Who referred comes from the token's account, not from what the system sent.
            #expect(contact.referrerName == partner.displayName)
            #expect(contact.referrerOrganisation == "West Midlands Police, Public Protection Unit")
            #expect(res.headers.first(name: .location) == "/api/v1/contacts/\(contact.id!)")
            try await app.testing().test(.GET, "/api/v1/contacts/\(contact.id!)", headers: headers) { got in
                #expect(got.status == .ok)
                #expect(Self.violations(Self.json(got), schema: Self.schema("ContactOut")).isEmpty)
            }
            // Without the token: 401, as a problem document.
            let anonymous = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: body))
            #expect(anonymous.status == .unauthorized)
            #expect(Self.violations(Self.json(anonymous), schema: Self.schema("Problem")).isEmpty)
            // An account switched off takes its tokens with it; so does revoking the token.
            partner.active = false
            try await partner.save(on: app.db)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body)).status == .unauthorized)
            partner.active = true
            try await partner.save(on: app.db)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body)).status == .created)
            let stored = try #require(try await APITokenModel.query(on: app.db).first())
            stored.revokedAt = Date()
            try await stored.save(on: app.db)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body)).status == .unauthorized)
        }
    }

    @Test func theFrontDoorSeesMatchesAtIntake() async throws {
        try await withLantern { app in
            let known = try await app.fixtures.child("Elizabeth", "Nowak", reference: "L1000001", born: "2015-04-01")
            let session = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            var headers = session.headers
            headers.contentType = .json
            headers.add(name: CSRFMiddleware.header, value: session.csrf)
            let body = #"{"children":[{"givenName":"Lizzie","familyName":"Nowak","dateOfBirth":"01/04/2015","postcode":"b11bb"}],"concerns":"Worried.","urgency":"routine","consent":"given","source":"2A","referrer":{"name":"Ms Lee"}}"#
            let res = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body))
            #expect(res.status == .created)
            let out = try #require(Self.json(res) as? [String: Any])
            #expect(Self.violations(out, schema: Self.schema("ContactOut")).isEmpty)
            let matches = try #require(out["matches"] as? [[String: Any]])
            #expect(matches.first?["personID"] as? String == known.id?.uuidString)
            #expect((matches.first?["reasons"] as? [String])?.isEmpty == false)
            // The same request without its CSRF header is refused: a session cookie alone cannot write.
            var noCSRF = session.headers
            noCSRF.contentType = .json
            let forged = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: noCSRF, body: ByteBuffer(string: body))
            #expect(forged.status == .forbidden)
        }
    }

    @Test func badInputIs422WithAProblemPerField() async throws {
        try await withLantern { app in
            let session = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            var headers = session.headers
            headers.contentType = .json
            headers.add(name: CSRFMiddleware.header, value: session.csrf)
            let body = #"{"children":[{"givenName":"Lizzie","familyName":"Nowak","dateOfBirth":"2015-02-30","nhsNumber":"1234567890","upn":"nonsense"}],"concerns":"","urgency":"soon","consent":"given","source":"XX"}"#
            let res = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body))
            #expect(res.status == .unprocessableEntity)
            #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try #require(Self.json(res) as? [String: Any])
            #expect(Self.violations(problem, schema: Self.schema("Problem")).isEmpty)
            let fields = Set((problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["children.0.dateOfBirth", "children.0.nhsNumber", "children.0.upn", "concerns", "urgency", "source", "referrer.name"]))
            for malformed in ["{", "[]", #"{"children": "not a list"}"#, ""] {
                let bad = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: malformed))
                #expect((400..<500).contains(bad.status.code), "\(malformed) gave \(bad.status)")
                #expect(Self.violations(Self.json(bad), schema: Self.schema("Problem")).isEmpty, "\(malformed)")
            }
            let stored = try await ContactModel.query(on: app.db).count()
            #expect(stored == 0)
        }
    }

    @Test func outOfRangePagingAndOversizedContactsAre422() async throws {
        try await withLantern { app in
            let session = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            for query in ["limit=0", "limit=501", "limit=abc", "limit=1.5", "offset=-5"] {
                try await app.testing().test(.GET, "/api/v1/children?\(query)", headers: session.headers) { res in
                    #expect(res.status == .unprocessableEntity, "\(query)")
                    #expect(Self.violations(Self.json(res), schema: Self.schema("Problem")).isEmpty)
                }
            }
            try await app.testing().test(.GET, "/api/v1/children?limit=500&offset=0", headers: session.headers) { res in
                #expect(res.status == .ok)
            }
            var headers = session.headers
            headers.contentType = .json
            headers.add(name: CSRFMiddleware.header, value: session.csrf)
            let child = #"{"givenName":"Lizzie","familyName":"Nowak","dateOfBirth":"2015-02-03"}"#
            let many = #"{"children":["# + Array(repeating: child, count: 21).joined(separator: ",")
                + #"],"concerns":"Worried","urgency":"standard","consent":"given","source":"6","referrer":{"name":"PC Hughes"}}"#
            let long = String(repeating: "a", count: 201)
            let oversized = #"{"children":[{"givenName":"\#(long)","familyName":"Nowak\u202e","dateOfBirth":"2015-02-03"}],"concerns":"Worried","urgency":"standard","consent":"given","source":"6","referrer":{"name":"PC Hughes"}}"#
            for (body, field) in [(many, "children"), (oversized, "children.0.givenName"), (oversized, "children.0.familyName")] {
                let res = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body))
                #expect(res.status == .unprocessableEntity)
                let problem = try #require(Self.json(res) as? [String: Any])
                let fields = Set((problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
                #expect(fields.contains(field), "\(fields)")
            }
            #expect(try await ContactModel.query(on: app.db).count() == 0)
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/api/v1/contacts`: partner systems and the front door send contacts; Lantern matches every
/// child against the person index as it arrives. Partners get the reference and, later, the
/// outcome; only the front door sees the proposed matches.
struct ContactsAPI {
    struct ChildIn: Content {
        var givenName: String?
        var familyName: String?
        var dateOfBirth: String?
        var expectedDateOfBirth: String?
        var sex: String?
        var postcode: String?
        var address: String?
        var nhsNumber: String?
        var upn: String?
        var school: String?
    }

    struct ReferrerIn: Content {
        var name: String?
        var organisation: String?
        var contact: String?
    }

    struct ContactIn: Content {
        var children: [ChildIn]?
        var concerns: String?
        var urgency: String?
        var consent: String?
        var consentDetail: String?
        var source: String?
        var referrer: ReferrerIn?
    }

    struct MatchOut: Content {
        let child: Int
        let personID: UUID
        let reference: String
        let name: String
        let score: Double
        let band: String
        let reasons: [String]
    }

    struct ContactOut: Content {
        let id: UUID
        let reference: String
        let receivedAt: Date
        let decisionDueAt: Date
        let status: String
        let outcome: String?
        let matches: [MatchOut]?
    }

    static let senders: Set<Role> = [.partnerReferrer, .frontDoor]

    func register(_ routes: LanternRoutes) {
        routes.post("contacts", access: .roles(Self.senders), use: create)
        routes.get("contacts", ":contactID", access: .roles(Self.senders.union([.teamManager])), use: show)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.user()
        let body = try req.content.decode(ContactIn.self)
        var draft = ContactDraft()
        draft.children = (body.children ?? []).map { c in
            var child = ContactDraft.Child()
            child.givenName = c.givenName ?? ""
            child.familyName = c.familyName ?? ""
            child.dateOfBirth = c.dateOfBirth ?? ""
            child.expectedDateOfBirth = c.expectedDateOfBirth ?? ""
            child.sex = c.sex ?? ""
            child.postcode = c.postcode ?? ""
            child.address = c.address ?? ""
            child.nhsNumber = c.nhsNumber ?? ""
            child.upn = c.upn ?? ""
            child.school = c.school ?? ""
            return child
        }
        draft.concerns = body.concerns ?? ""
        draft.urgency = body.urgency ?? ""
        draft.consent = body.consent ?? ""
        draft.consentDetail = body.consentDetail ?? ""
        let isPartner = user.has(.partnerReferrer)
        // A partner's source comes from their account; a code they send anyway must still be a code.
        if isPartner, let sent = body.source, ReferralSource(rawValue: sent) == nil {
            throw LanternError.invalidFields([FieldIssue(field: "source", message: "\(sent) is not a CIN census referral source code")])
        }
        if isPartner {
            draft.source = user.agency.referralSource.rawValue
            draft.referrerName = user.displayName
            draft.referrerAgency = user.agency.rawValue
            draft.referrerOrganisation = user.organisation ?? ""
            draft.referrerContact = body.referrer?.contact ?? ""
        } else {
            draft.source = body.source ?? ""
            draft.referrerName = body.referrer?.name ?? ""
            draft.referrerOrganisation = body.referrer?.organisation ?? ""
            draft.referrerContact = body.referrer?.contact ?? ""
        }
        let checked = draft.validated(today: Day(Date())) { child, name in
            guard let child else { return name == "referrerName" ? "referrer.name" : name }
            return "children.\(child).\(name)"
        }
        let valid: ContactDraft.Valid
        switch checked {
        case .failure(let problems): throw LanternError.invalidFields(problems.issues)
        case .success(let value): valid = value
        }
        let (contact, subjects) = try await ContactIntake.recordWithSubjects(valid, referrerUserID: isPartner ? user.id : nil,
                                                                             enteredBy: user, request: req)
        var matches: [MatchOut] = []
        // Matches go to the front door only; a partner is never told who else Lantern knows, so
        // for a partner nothing is matched here (the front door's queue and screening page match each contact).
        for (index, subject) in (isPartner ? [] : subjects).enumerated() {
            let found = try await req.application.personIndex.candidates(for: ContactIntake.matchQuery(for: subject), limit: 5, on: req.db)
                .filter { $0.band != .unlikely }
            let people = try await PersonModel.query(on: req.db).filter(\.$id ~~ found.map(\.personID)).all()
            for candidate in found {
                guard let person = people.first(where: { $0.id == candidate.personID }) else { continue }
                matches.append(MatchOut(child: index, personID: candidate.personID, reference: person.reference, name: person.fullName,
                                        score: (candidate.score * 1000).rounded() / 1000, band: candidate.band.rawValue,
                                        reasons: candidate.reasons.map(\.text)))
            }
        }
        let out = ContactOut(id: try contact.requireID(), reference: contact.reference, receivedAt: contact.receivedAt,
                             decisionDueAt: contact.decisionDueAt, status: contact.status, outcome: nil,
                             matches: isPartner ? nil : matches)
        let response = try await out.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/contacts/\(out.id)")
        return response
    }

    @Sendable func show(req: Request) async throws -> ContactOut {
        let user = try req.user()
        guard let id = req.parameters.get("contactID", as: UUID.self), let contact = try await ContactModel.find(id, on: req.db) else {
            throw LanternError.notFound(what: "that contact")
        }
        if user.has(.partnerReferrer) && !user.hasAny(FrontDoorController.staff) {
            guard contact.$referrerUser.id == user.id else { throw LanternError.forbidden }
        }
        return ContactOut(id: id, reference: contact.reference, receivedAt: contact.receivedAt, decisionDueAt: contact.decisionDueAt,
                          status: contact.status, outcome: contact.outcomeSentAt == nil ? nil : PartnerOutcome.summary(of: contact),
                          matches: nil)
    }
}

/// `/api/v1/openapi.json`: the API's description, which the tests hold the API to.
struct OpenAPIController {
    func register(_ routes: LanternRoutes) {
        routes.get("openapi.json", access: .anyone, use: document)
    }

    @Sendable func document(req: Request) async throws -> Response {
        let path = req.application.directory.resourcesDirectory + "OpenAPI/openapi.json"
        guard let data = FileManager.default.contents(atPath: path) else { throw LanternError.notFound(what: "the API description") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/referrals`: a partner referrer (police, school, GP, health visitor...) tells the front door
/// about a child, and sees the outcome of each contact they made, and nothing else of the record.
struct ReferralsController {
    static let partners: Set<Role> = [.partnerReferrer]

    struct Row: Encodable {
        let id: UUID
        let reference: String
        let received: String
        let children: String
        let outcome: String
    }

    struct ListPage: Encodable {
        let chrome: Chrome
        let rows: [Row]
        let justSent: String?
    }

    struct DetailPage: Encodable {
        let chrome: Chrome
        let reference: String
        let received: String
        let children: String
        let concerns: String
        let outcome: String
        let outcomeDetail: String?
    }

    func register(_ routes: LanternRoutes) {
        routes.get("referrals", access: .roles(Self.partners), use: list)
        routes.get("referrals", "new", access: .roles(Self.partners), use: new)
        routes.post("referrals", access: .roles(Self.partners), use: submit)
        routes.get("referrals", ":contactID", access: .roles(Self.partners), use: show)
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.user()
        let contacts = try await ContactModel.query(on: req.db).filter(\.$referrerUser.$id == user.id)
            .with(\.$subjects).sort(\.$receivedAt, .descending).limit(500).all()
        let rows = contacts.map { contact in
            Row(id: contact.id!, reference: contact.reference, received: DisplayTime.long(contact.receivedAt),
                children: contact.subjects.map(\.fullName).joined(separator: ", "), outcome: PartnerOutcome.summary(of: contact))
        }
        return try await req.view.render("referrals/list", ListPage(chrome: Chrome(request: req, title: "Your contacts"), rows: rows,
                                                                    justSent: req.query[String.self, at: "sent"]))
    }

    @Sendable func new(req: Request) async throws -> View {
        try await req.view.render("contact-form", ContactForm().page(req, action: "/referrals", isPartner: true, errors: FormErrors()))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let user = try req.user()
        var form = try req.content.decode(ContactForm.self)
        guard let account = try await StaffUserModel.find(user.id, on: req.db) else { throw LanternError.unauthenticated }
        // A partner's own account says who they are; the form does not ask again.
        form.source = user.agency.referralSource.rawValue
        form.referrerName = account.displayName
        form.referrerAgency = user.agency.rawValue
        form.referrerOrganisation = account.organisation
        switch form.draft.validated(today: Day(Date()), field: ContactForm.fieldName) {
        case .failure(let problems):
            return try await req.view.render("contact-form", form.page(req, action: "/referrals", isPartner: true, errors: FormErrors(problems.issues)))
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            let contact = try await ContactIntake.record(valid, referrerUserID: user.id, enteredBy: user, request: req)
            try await DraftsController.clear("contact", for: user.id, on: req.db)
            return req.redirect(to: "/referrals?sent=\(contact.reference)")
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.user()
        guard let id = req.parameters.get("contactID", as: UUID.self),
              let contact = try await ContactModel.query(on: req.db).filter(\.$id == id).with(\.$subjects).first() else {
            throw LanternError.notFound(what: "that contact")
        }
        // Partners see only contacts they made themselves.
        guard contact.$referrerUser.id == user.id else { throw LanternError.forbidden }
        let page = DetailPage(chrome: Chrome(request: req, title: "Contact \(contact.reference)"), reference: contact.reference,
                              received: DisplayTime.long(contact.receivedAt), children: contact.subjects.map(\.fullName).joined(separator: ", "),
                              concerns: contact.concerns, outcome: PartnerOutcome.summary(of: contact), outcomeDetail: PartnerOutcome.detail(of: contact))
        return try await req.view.render("referrals/show", page)
    }
}

/// What a referrer is told: the decision in plain words, never the rest of the child's record.
enum PartnerOutcome {
    static func summary(of contact: ContactModel) -> String {
        guard contact.outcomeSentAt != nil, let decision = contact.decision.flatMap(ScreeningDecision.init(rawValue:)) else {
            return "Being looked at by the front door"
        }
        return "Decided: " + decision.plainEnglish.prefix(1).uppercased() + decision.plainEnglish.dropFirst()
    }

    static func detail(of contact: ContactModel) -> String? {
        guard contact.outcomeSentAt != nil, let decision = contact.decision.flatMap(ScreeningDecision.init(rawValue:)) else { return nil }
        switch decision {
        case .noFurtherAction: return "Children's social care will take no further action. If you are still worried, or things change, contact us again."
        case .informationAndAdvice: return "The front door gave information and advice."
        case .signpostedToUniversalServices: return "The family has been pointed to universal services."
        case .earlyHelp: return "A family support team will offer the family early help."
        case .childAndFamilyAssessment: return "A social worker will assess the child's needs. They may contact you for information."
        case .strategyDiscussion: return "There will be a strategy discussion about the child's safety. The police and health may be involved; you may be asked to take part."
        }
    }
}

/// Times as people read them: "23 November 2026 at 9:05am".
enum DisplayTime {
    static func long(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.london
        let c = calendar.dateComponents([.hour, .minute], from: date)
        let hour = c.hour ?? 0, minute = c.minute ?? 0
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        return DisplayDate.long(Day(date)) + " at \(h12):" + (minute < 10 ? "0" : "") + "\(minute)" + (hour < 12 ? "am" : "pm")
    }
}

import Foundation
import LanternCore
import Vapor

/// The one-page contact form shared by partners (`/referrals/new`) and the front door
/// (`/front-door/contacts/new`): field names, the draft they make, and the page values.
struct ContactForm: Content {
    var childGivenName: String?
    var childFamilyName: String?
    var childDateOfBirth: String?
    var childExpectedDateOfBirth: String?
    var childSex: String?
    var childPostcode: String?
    var childAddress: String?
    var childNhsNumber: String?
    var childUpn: String?
    var childSchool: String?
    var concerns: String?
    var urgency: String?
    var consent: String?
    var consentDetail: String?
    var source: String?
    var referrerName: String?
    var referrerAgency: String?
    var referrerOrganisation: String?
    var referrerContact: String?

    var draft: ContactDraft {
        var child = ContactDraft.Child()
        child.givenName = childGivenName ?? ""
        child.familyName = childFamilyName ?? ""
        child.dateOfBirth = childDateOfBirth ?? ""
        child.expectedDateOfBirth = childExpectedDateOfBirth ?? ""
        child.sex = childSex ?? ""
        child.postcode = childPostcode ?? ""
        child.address = childAddress ?? ""
        child.nhsNumber = childNhsNumber ?? ""
        child.upn = childUpn ?? ""
        child.school = childSchool ?? ""
        var draft = ContactDraft()
        draft.children = [child]
        draft.concerns = concerns ?? ""
        draft.urgency = urgency ?? ""
        draft.consent = consent ?? ""
        draft.consentDetail = consentDetail ?? ""
        draft.source = source ?? ""
        draft.referrerName = referrerName ?? ""
        draft.referrerAgency = referrerAgency ?? ""
        draft.referrerOrganisation = referrerOrganisation ?? ""
        draft.referrerContact = referrerContact ?? ""
        return draft
    }

    /// `dateOfBirth` of child 0 is the input `childDateOfBirth`.
    static func fieldName(_ child: Int?, _ name: String) -> String {
        guard child != nil else { return name }
        return "child" + name.prefix(1).uppercased() + name.dropFirst()
    }


    struct Page: Encodable {
        let chrome: Chrome
        let action: String
        let errors: FormErrors
        let form: ContactForm
        let isPartner: Bool
        let sexes: [FormOption]
        let urgencies: [FormOption]
        let consents: [FormOption]
        let sources: [FormOption]
    }

    func page(_ req: Request, action: String, isPartner: Bool, errors: FormErrors) -> Page {
        Page(chrome: Chrome(request: req, title: errors.isEmpty ? "Tell us about a child" : "Error: Tell us about a child"),
             action: action, errors: errors, form: self, isPartner: isPartner,
             sexes: [("F", "Female"), ("M", "Male"), ("U", "Not known")].map { FormOption(value: $0.0, label: $0.1, selected: childSex == $0.0) },
             urgencies: ContactUrgency.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: urgency == $0.rawValue) },
             consents: ContactConsent.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: consent == $0.rawValue) },
             sources: ReferralSource.allCases.map { FormOption(value: $0.rawValue, label: "\($0.rawValue): \($0.label)", selected: source == $0.rawValue) })
    }
}

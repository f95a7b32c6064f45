import Foundation
import LanternCore

/// A contact as submitted, before it is stored: from the partner form, the front door's own
/// form or the API. `validated` checks every field and names each problem in plain English, so
/// the form comes back with the user's text and a message per field.
struct ContactDraft: Sendable {
    struct Child: Sendable {
        var givenName = ""
        var familyName = ""
        var dateOfBirth = ""
        var expectedDateOfBirth = ""
        var sex = ""
        var postcode = ""
        var address = ""
        var nhsNumber = ""
        var upn = ""
        var school = ""
    }

    var children: [Child] = [Child()]
    var concerns = ""
    var urgency = ""
    var consent = ""
    var consentDetail = ""
    var source = ""
    var referrerName = ""
    var referrerAgency = ""
    var referrerOrganisation = ""
    var referrerContact = ""

    /// A child's details once checked.
    struct ValidChild: Sendable {
        var givenName: String
        var familyName: String
        var dateOfBirth: Day?
        var expectedDateOfBirth: Day?
        var sex: Sex
        var postcode: Postcode?
        var address: String?
        var nhsNumber: NHSNumber?
        var upn: UPN?
        var school: String?
    }

    struct Valid: Sendable {
        var children: [ValidChild]
        var concerns: String
        var urgency: ContactUrgency
        var consent: ContactConsent
        var consentDetail: String?
        var source: ReferralSource
        var referrerName: String
        var referrerAgency: String
        var referrerOrganisation: String?
        var referrerContact: String?
    }

    static let maximumChildren = 20
    static let maximumNameLength = 200

    /// Control characters (NUL, escape...) and invisible formatting ones (such as right-to-left
    /// override, which can make a name display as something else) are never part of a name.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
    }

    /// `field` turns a field into the name the caller's form or JSON uses, e.g. child 0's
    /// `nhsNumber` into `childNhsNumber` on the web form or `children.0.nhsNumber` in the API.
    func validated(today: Day, field: (Int?, String) -> String) -> Result<Valid, ContactDraftProblems> {
        var issues: [FieldIssue] = []
        func problem(_ child: Int?, _ name: String, _ message: String) { issues.append(FieldIssue(field: field(child, name), message: message)) }
        func trimmed(_ text: String) -> String? {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }

        var valid: [ValidChild] = []
        if children.isEmpty { problem(nil, "children", "Give the details of at least one child") }
        // Each child is matched against the person index, so one contact stays a family's size.
        if children.count > Self.maximumChildren {
            problem(nil, "children", "A contact can name up to \(Self.maximumChildren) children. Send another contact for the others")
        }
        for (i, child) in children.prefix(Self.maximumChildren).enumerated() {
            let given = trimmed(child.givenName)
            let family = trimmed(child.familyName)
            for (name, value, label) in [("givenName", given, "First name"), ("familyName", family, "Last name")] {
                guard let value else { continue }
                if value.count > Self.maximumNameLength { problem(i, name, "\(label) must be \(Self.maximumNameLength) characters or fewer") }
                if Self.hasControlCharacters(value) { problem(i, name, "\(label) must not contain control or formatting characters") }
            }
            var dob: Day?
            var expected: Day?
            if let text = trimmed(child.dateOfBirth) {
                do {
                    let day = try DateEntry.parse(text)
                    if day > today { problem(i, "dateOfBirth", "Date of birth must be today or in the past. For an unborn baby, give the expected date of birth instead") }
                    else if day.age(on: today) >= 25 { problem(i, "dateOfBirth", "This person is 25 or older. Children's social care works with children and young people") }
                    else { dob = day }
                } catch { problem(i, "dateOfBirth", "Date of birth: \(error.message)") }
            }
            if let text = trimmed(child.expectedDateOfBirth) {
                do {
                    let day = try DateEntry.parse(text)
                    if dob != nil { problem(i, "expectedDateOfBirth", "Give a date of birth or an expected date of birth, not both") }
                    else if day < today.adding(days: -60) || day > today.adding(days: 300) { problem(i, "expectedDateOfBirth", "Expected date of birth must be within the next 10 months") }
                    else { expected = day }
                } catch { problem(i, "expectedDateOfBirth", "Expected date of birth: \(error.message)") }
            }
            let unborn = expected != nil
            if given == nil && !unborn { problem(i, "givenName", "Enter the child's first name") }
            if family == nil { problem(i, "familyName", unborn ? "Enter the family name the baby will have, or the mother's" : "Enter the child's last name") }
            let sex: Sex
            switch (trimmed(child.sex).map { $0.uppercased() }, unborn) {
            case (nil, true): sex = .unknown
            case (let code?, _):
                if let parsed = Sex(rawValue: code) { sex = parsed } else { problem(i, "sex", "Select the child's sex, or not known"); sex = .unknown }
            case (nil, false): sex = .unknown
            }
            var postcode: Postcode?
            if let text = trimmed(child.postcode) {
                do { postcode = try Postcode(text) } catch { problem(i, "postcode", error.message) }
            }
            var nhs: NHSNumber?
            if let text = trimmed(child.nhsNumber) {
                do { nhs = try NHSNumber(text) } catch { problem(i, "nhsNumber", error.message) }
            }
            var upn: UPN?
            if let text = trimmed(child.upn) {
                do { upn = try UPN(text) } catch { problem(i, "upn", error.message) }
            }
            valid.append(ValidChild(givenName: given ?? "Unborn", familyName: family ?? "", dateOfBirth: dob,
                                    expectedDateOfBirth: expected, sex: sex, postcode: postcode,
                                    address: trimmed(child.address), nhsNumber: nhs, upn: upn, school: trimmed(child.school)))
        }

        let concernsText = trimmed(concerns)
        if concernsText == nil { problem(nil, "concerns", "Describe what you are worried about") }
        else if concernsText!.count > 20_000 { problem(nil, "concerns", "Concerns must be 20,000 characters or fewer; attach longer reports later") }
        let urgencyValue = ContactUrgency(rawValue: urgency)
        if urgencyValue == nil { problem(nil, "urgency", "Select how urgent this is") }
        let consentValue = ContactConsent(rawValue: consent)
        if consentValue == nil { problem(nil, "consent", "Say whether the family knows about and agrees to this contact") }
        if consentValue == .notSought, trimmed(consentDetail) == nil {
            problem(nil, "consentDetail", "Say why consent was not sought (for example, asking would put the child at risk)")
        }
        let sourceValue = ReferralSource(rawValue: source)
        if sourceValue == nil { problem(nil, "source", "Select who is making this contact") }
        if trimmed(referrerName) == nil { problem(nil, "referrerName", "Enter the name of the person making the contact") }

        guard issues.isEmpty, let urgencyValue, let consentValue, let sourceValue, let concernsText else {
            return .failure(ContactDraftProblems(issues: issues))
        }
        return .success(Valid(children: valid, concerns: concernsText, urgency: urgencyValue, consent: consentValue,
                              consentDetail: trimmed(consentDetail), source: sourceValue,
                              referrerName: trimmed(referrerName)!, referrerAgency: trimmed(referrerAgency) ?? "other",
                              referrerOrganisation: trimmed(referrerOrganisation), referrerContact: trimmed(referrerContact)))
    }
}

struct ContactDraftProblems: Error {
    let issues: [FieldIssue]
}

/// How quickly the referrer thinks the front door must act.
enum ContactUrgency: String, CaseIterable, Codable, Sendable {
    case routine, urgent, immediate

    var label: String {
        switch self {
        case .routine: "Routine: a decision within one working day is fine"
        case .urgent: "Urgent: the child may be at risk today"
        case .immediate: "Immediate: the child is at risk of significant harm now"
        }
    }

    var shortLabel: String {
        switch self {
        case .routine: "Routine"
        case .urgent: "Urgent"
        case .immediate: "Immediate"
        }
    }
}

/// Whether the family knows about and agrees to the contact (Working Together: seek consent
/// unless doing so would place the child at risk of significant harm).
enum ContactConsent: String, CaseIterable, Codable, Sendable {
    case given, refused, notSought

    var label: String {
        switch self {
        case .given: "Yes, the family knows and agrees"
        case .refused: "The family was asked and does not agree"
        case .notSought: "Consent was not sought"
        }
    }
}

extension Agency {
    /// The CIN census referral source a partner's contacts carry.
    var referralSource: ReferralSource {
        switch self {
        case .police: .police
        case .school: .school
        case .gp: .generalPractitioner
        case .healthVisitor: .healthVisitor
        case .hospital: .accidentAndEmergency
        case .midwife, .mentalHealth: .otherHealth
        case .housing: .housing
        case .probation: .otherLegalAgency
        case .voluntary, .other: .other
        case .council: .localAuthorityOtherInternal
        }
    }
}

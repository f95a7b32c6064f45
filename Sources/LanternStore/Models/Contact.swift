import FluentKit
import Foundation
import LanternCore

/// A contact to the front door: what a police officer, teacher, GP or member of the public told
/// the council about a child, and what the front door decided.
public final class ContactModel: Model, @unchecked Sendable {
    public static let schema = "contacts"

    @ID(key: .id) public var id: UUID?
    /// What staff quote ("C2600123"); unique.
    @Field(key: "reference") public var reference: String
    @Field(key: "received_at") public var receivedAt: Date
    @Field(key: "received_on") public var receivedOn: String
    /// Receipt plus one working day: the Working Together decision clock.
    @Field(key: "decision_due_at") public var decisionDueAt: Date
    /// CIN census referral source (list 1.5).
    @Field(key: "source_code") public var sourceCode: String
    @Field(key: "referrer_name") public var referrerName: String
    @Field(key: "referrer_agency") public var referrerAgency: String
    @OptionalField(key: "referrer_organisation") public var referrerOrganisation: String?
    @OptionalField(key: "referrer_contact") public var referrerContact: String?
    @OptionalParent(key: "referrer_user_id") public var referrerUser: StaffUserModel?
    @Field(key: "concerns") public var concerns: String
    @Field(key: "consent") public var consent: String
    @Field(key: "urgency") public var urgency: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "decision") public var decision: String?
    @OptionalField(key: "threshold") public var threshold: Int?
    @OptionalField(key: "decision_rationale") public var decisionRationale: String?
    @OptionalField(key: "decision_detail") public var decisionDetail: String?
    @OptionalParent(key: "decided_by_id") public var decidedBy: StaffUserModel?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalParent(key: "approved_by_id") public var approvedBy: StaffUserModel?
    @OptionalField(key: "approved_at") public var approvedAt: Date?
    @OptionalField(key: "returned_reason") public var returnedReason: String?
    @OptionalField(key: "outcome_sent_at") public var outcomeSentAt: Date?
    @Field(key: "is_re_referral") public var isReReferral: Bool
    @OptionalParent(key: "entered_by_id") public var enteredBy: StaffUserModel?
    /// The front door workflow state (`FrontDoorContact`) as JSON; the columns above are kept in
    /// step with it for the queue and reports to query.
    @Field(key: "workflow") public var workflowJSON: String
    /// When the contact last changed (AddChangeStamps): the performance figures refresh from it.
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Children(for: \.$contact) public var subjects: [ContactSubjectModel]

    public init() {}

    public init(id: UUID? = nil, reference: String, receivedAt: Date, receivedOn: Day, decisionDueAt: Date, sourceCode: String,
                referrerName: String, referrerAgency: String, concerns: String, consent: String, urgency: String) {
        self.id = id
        self.reference = reference
        self.receivedAt = receivedAt
        self.receivedOn = receivedOn.iso
        self.decisionDueAt = decisionDueAt
        self.sourceCode = sourceCode
        self.referrerName = referrerName
        self.referrerAgency = referrerAgency
        self.concerns = concerns
        self.consent = consent
        self.urgency = urgency
        self.status = ContactStatus.received.rawValue
        self.isReReferral = false
        self.workflowJSON = "{}"
    }

    /// The contact as the front door rules see it.
    public func workflow() throws -> FrontDoorContact {
        try JSONDecoder().decode(FrontDoorContact.self, from: Data(workflowJSON.utf8))
    }

    /// Stores the workflow state and the columns derived from it.
    public func setWorkflow(_ contact: FrontDoorContact, decidedBy: UUID?, approvedBy: UUID?, now: Date) throws {
        workflowJSON = String(decoding: try JSONEncoder().encode(contact), as: UTF8.self)
        status = contact.status.rawValue
        decision = contact.decision?.decision.rawValue
        threshold = contact.decision?.threshold.rawValue
        decisionRationale = contact.decision?.rationale
        decisionDetail = contact.decision.flatMap { d in
            d.noFurtherActionReason ?? d.adviceGiven ?? d.universalService ?? d.familySupportTeam ?? d.significantHarmConcerns
        }
        if let decidedBy, contact.decision != nil, decidedAt == nil || status == ContactStatus.decided.rawValue {
            self.$decidedBy.id = decidedBy
            decidedAt = now
        }
        if let approvedBy, contact.approval != nil {
            self.$approvedBy.id = approvedBy
            approvedAt = now
        }
        returnedReason = contact.status == .returned ? contact.returns.last?.reason : nil
    }
}

/// A child or adult named in a contact, as the referrer described them, and the person record the
/// front door linked them to.
public final class ContactSubjectModel: Model, @unchecked Sendable {
    public static let schema = "contact_subjects"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "contact_id") public var contact: ContactModel
    @OptionalParent(key: "person_id") public var person: PersonModel?
    @Field(key: "is_child") public var isChild: Bool
    @Field(key: "given_name") public var givenName: String
    @Field(key: "family_name") public var familyName: String
    @OptionalField(key: "date_of_birth") public var dateOfBirth: String?
    @OptionalField(key: "expected_date_of_birth") public var expectedDateOfBirth: String?
    @Field(key: "sex") public var sex: String
    @OptionalField(key: "postcode") public var postcode: String?
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "nhs_number") public var nhsNumber: String?
    @OptionalField(key: "upn") public var upn: String?
    @OptionalField(key: "school") public var school: String?

    public init() {}

    public init(id: UUID? = nil, contactID: UUID, isChild: Bool, givenName: String, familyName: String, sex: String) {
        self.id = id
        self.$contact.id = contactID
        self.isChild = isChild
        self.givenName = givenName
        self.familyName = familyName
        self.sex = sex
    }

    public var fullName: String { "\(givenName) \(familyName)".trimmingCharacters(in: .whitespaces) }
}

/// A pair of person records a manager has said are not the same person, so matching never
/// proposes them together again.
public final class NotSamePersonModel: Model, @unchecked Sendable {
    public static let schema = "not_same_person"

    @ID(key: .id) public var id: UUID?
    @Field(key: "first_id") public var firstID: UUID
    @Field(key: "second_id") public var secondID: UUID
    @Field(key: "decided_by") public var decidedBy: UUID
    @Field(key: "decided_at") public var decidedAt: Date

    public init() {}

    public init(_ a: UUID, _ b: UUID, decidedBy: UUID, at: Date) {
        (self.firstID, self.secondID) = a.uuidString < b.uuidString ? (a, b) : (b, a)
        self.decidedBy = decidedBy
        self.decidedAt = at
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension ContactModel {
    public var properties: [any AnyProperty] {
        [_id, _reference, _receivedAt, _receivedOn, _decisionDueAt, _sourceCode, _referrerName, _referrerAgency,
         _referrerOrganisation, _referrerContact, _referrerUser, _concerns, _consent, _urgency, _status,
         _decision, _threshold, _decisionRationale, _decisionDetail, _decidedBy, _decidedAt, _approvedBy,
         _approvedAt, _returnedReason, _outcomeSentAt, _isReReferral, _enteredBy, _workflowJSON, _updatedAt,
         _subjects]
    }
}
extension ContactSubjectModel {
    public var properties: [any AnyProperty] {
        [_id, _contact, _person, _isChild, _givenName, _familyName, _dateOfBirth, _expectedDateOfBirth, _sex,
         _postcode, _address, _nhsNumber, _upn, _school]
    }
}
extension NotSamePersonModel {
    public var properties: [any AnyProperty] { [_id, _firstID, _secondID, _decidedBy, _decidedAt] }
}

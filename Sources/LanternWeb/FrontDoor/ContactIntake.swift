import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Stores a checked contact: the contact, the people it names as the referrer described them,
/// and an audit line, in one transaction.
enum ContactIntake {
    @discardableResult
    static func record(_ contact: ContactDraft.Valid, referrerUserID: UUID?, enteredBy: SignedInUser,
                       request: Request, now: Date = Date()) async throws -> ContactModel {
        try await recordWithSubjects(contact, referrerUserID: referrerUserID, enteredBy: enteredBy, request: request, now: now).contact
    }

    /// As `record`, also handing back the people the contact names, in the order given.
    static func recordWithSubjects(_ contact: ContactDraft.Valid, referrerUserID: UUID?, enteredBy: SignedInUser,
                                   request: Request, now: Date = Date()) async throws -> (contact: ContactModel, subjects: [ContactSubjectModel]) {
        let calendar = try await request.workingDays()
        let timescales = StatutoryTimescales(calendar: calendar)
        let receivedOn = Day(now)
        return try await request.db.transaction { db -> (contact: ContactModel, subjects: [ContactSubjectModel]) in
            let reference = try await ReferenceNumbers.next(.contact, on: db)
            let model = ContactModel(
                reference: reference, receivedAt: now, receivedOn: receivedOn,
                decisionDueAt: timescales.contactDecisionDue(receivedAt: now), sourceCode: contact.source.rawValue,
                referrerName: contact.referrerName, referrerAgency: contact.referrerAgency,
                concerns: contact.concerns, consent: contact.consent.rawValue, urgency: contact.urgency.rawValue)
            model.referrerOrganisation = contact.referrerOrganisation
            model.referrerContact = contact.referrerContact
            model.$referrerUser.id = referrerUserID
            model.$enteredBy.id = enteredBy.id
            try model.setWorkflow(FrontDoorContact(childIDs: [], receivedOn: receivedOn, summary: reference),
                                  decidedBy: nil, approvedBy: nil, now: now)
            try await model.create(on: db)
            var subjects: [ContactSubjectModel] = []
            for child in contact.children {
                let subject = ContactSubjectModel(contactID: try model.requireID(), isChild: true, givenName: child.givenName,
                                                  familyName: child.familyName, sex: child.sex.rawValue)
                subject.dateOfBirth = child.dateOfBirth?.iso
                subject.expectedDateOfBirth = child.expectedDateOfBirth?.iso
                subject.postcode = child.postcode?.formatted
                subject.address = child.address
                subject.nhsNumber = child.nhsNumber?.digits
                subject.upn = child.upn?.value
                subject.school = child.school
                try await subject.create(on: db)
                subjects.append(subject)
            }
            try await AuditLog.record(.contactReceived, on: db, request: request, subjectKind: "contact", subjectID: model.id,
                                      summary: "Contact \(reference) received from source \(contact.source.rawValue)")
            return (model, subjects)
        }
    }

    /// The match query for a subject as the referrer described them.
    static func matchQuery(for subject: ContactSubjectModel) -> MatchQuery {
        MatchQuery(personID: nil, givenName: subject.givenName == "Unborn" ? nil : subject.givenName,
                   familyName: subject.familyName,
                   dateOfBirth: subject.dateOfBirth.flatMap { Day(iso: $0) },
                   expectedDateOfBirth: subject.expectedDateOfBirth.flatMap { Day(iso: $0) },
                   sex: subject.sex, postcode: subject.postcode, addressLine: subject.address,
                   nhsNumber: subject.nhsNumber, upn: subject.upn)
    }
}

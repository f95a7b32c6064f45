import FluentKit
import Foundation
import LanternCore

/// A child's social care case: the workflow state (`CaseSnapshot`) as JSON, and the columns the
/// caseload pages query, recomputed from it on every change.
public final class ChildCaseModel: Model, @unchecked Sendable {
    public static let schema = "child_cases"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Field(key: "snapshot") public var snapshotJSON: String
    @Field(key: "is_open") public var isOpen: Bool
    @Field(key: "stage") public var stage: String
    @OptionalField(key: "category") public var category: String?
    @OptionalField(key: "next_event") public var nextEvent: String?
    @OptionalField(key: "next_due") public var nextDue: String?
    @OptionalField(key: "last_activity") public var lastActivity: String?
    @OptionalField(key: "last_seen") public var lastSeen: String?
    @Field(key: "awaiting_authorisation") public var awaitingAuthorisation: Bool
    @Field(key: "awaiting_sign_off") public var awaitingSignOff: Bool
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    /// `CaseSnapshot.Span` (AddCaseRecordSpans): which years' returns can include the record.
    @OptionalField(key: "first_referral_on") public var firstReferralOn: String?
    @OptionalField(key: "episodes_closed_on") public var episodesClosedOn: String?
    @Field(key: "ever_looked_after") public var everLookedAfter: Bool

    public init() {}

    public init(personID: UUID) {
        self.$person.id = personID
        self.snapshotJSON = "{}"
        self.isOpen = false
        self.stage = ""
        self.awaitingAuthorisation = false
        self.awaitingSignOff = false
        self.everLookedAfter = false
    }

    public func snapshot() throws -> CaseSnapshot {
        try JSONDecoder().decode(CaseSnapshot.self, from: Data(snapshotJSON.utf8))
    }

    /// Stores the snapshot and everything derived from it.
    public func setSnapshot(_ snapshot: CaseSnapshot, timescales: StatutoryTimescales, lastActivity: Day?) throws {
        snapshotJSON = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
        let episode = snapshot.openEpisode
        let today = Day(Date())
        // A child in care or a care leaver still supported stays on a caseload after the episode closes.
        isOpen = snapshot.hasOpenWork(today: today)
        stage = CaseClocks.stage(of: snapshot, today: today)
        category = CaseClocks.category(of: snapshot, today: today)?.rawValue
        let next = CaseClocks.events(for: snapshot, timescales: timescales, today: today).first
        nextEvent = next?.kind.rawValue
        nextDue = next?.due.iso
        let activity = [episode?.latestActivityDate, snapshot.care?.latestActivityDate, lastActivity].compactMap { $0 }.max()
        self.lastActivity = activity?.iso
        lastSeen = [episode?.childSeen.map(\.date).max(), snapshot.care?.lastSeen].compactMap { $0 }.max()?.iso
        awaitingAuthorisation = episode?.openAssessment?.submission != nil
        awaitingSignOff = episode?.closureProposal != nil
        let span = snapshot.span
        firstReferralOn = span.firstReferral?.iso
        episodesClosedOn = span.episodesClosed?.iso
        everLookedAfter = span.everLookedAfter
    }
}

/// What kind of recording a case note is.
public enum CaseNoteKind: String, Codable, CaseIterable, Sendable {
    case homeVisit, officeVisit, schoolVisit, phoneCall, virtualMeeting, meeting, caseNote, managementOversight

    public var label: String {
        switch self {
        case .homeVisit: "Home visit"
        case .officeVisit: "Office visit"
        case .schoolVisit: "School visit"
        case .phoneCall: "Phone call"
        case .virtualMeeting: "Virtual meeting"
        case .meeting: "Meeting"
        case .caseNote: "Case note"
        case .managementOversight: "Management oversight"
        }
    }

    public var isVisit: Bool { [.homeVisit, .officeVisit, .schoolVisit, .virtualMeeting].contains(self) }
}

/// A visit, call, meeting or note on a child's record. A significant event appears in the chronology.
public final class CaseNoteModel: Model, @unchecked Sendable {
    public static let schema = "case_notes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Enum(key: "kind") public var kind: CaseNoteKind
    @Field(key: "occurred_on") public var occurredOn: String
    @Field(key: "child_seen") public var childSeen: Bool
    @Field(key: "seen_alone") public var seenAlone: Bool
    @Field(key: "text") public var text: String
    @Field(key: "significant") public var significant: Bool
    @Parent(key: "author_id") public var author: StaffUserModel
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(personID: UUID, kind: CaseNoteKind, occurredOn: Day, childSeen: Bool, seenAlone: Bool, text: String,
                significant: Bool, authorID: UUID) {
        self.$person.id = personID
        self.kind = kind
        self.occurredOn = occurredOn.iso
        self.childSeen = childSeen
        self.seenAlone = seenAlone
        self.text = text
        self.significant = significant
        self.$author.id = authorID
    }
}

/// A half-finished form, kept so a dropped connection or a timeout never loses what was typed.
public final class DraftModel: Model, @unchecked Sendable {
    public static let schema = "drafts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "form_key") public var formKey: String
    @Field(key: "fields") public var fieldsJSON: String
    @Field(key: "saved_at") public var savedAt: Date

    public init() {}

    public init(userID: UUID, formKey: String, fieldsJSON: String, savedAt: Date) {
        self.userID = userID
        self.formKey = formKey
        self.fieldsJSON = fieldsJSON
        self.savedAt = savedAt
    }
}

/// A document on a child's record (a report, a letter, a photo of a drawing), stored in the
/// database so that backups, restores and access control cover it like every other record.
public final class DocumentModel: Model, @unchecked Sendable {
    public static let schema = "documents"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Field(key: "title") public var title: String
    @Field(key: "filename") public var filename: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @Field(key: "sha256") public var sha256: String
    @Field(key: "data") public var data: Data
    @Parent(key: "uploaded_by") public var uploadedBy: StaffUserModel
    @Timestamp(key: "uploaded_at", on: .create) public var uploadedAt: Date?

    public init() {}

    public init(personID: UUID, title: String, filename: String, contentType: String, data: Data, sha256: String, uploadedBy: UUID) {
        self.$person.id = personID
        self.title = title
        self.filename = filename
        self.contentType = contentType
        self.size = data.count
        self.sha256 = sha256
        self.data = data
        self.$uploadedBy.id = uploadedBy
    }
}

/// A supervision session between a manager and a worker, listing the cases discussed. Each case
/// discussed also gets a management oversight note, so the decision is on the child's record.
public final class SupervisionModel: Model, @unchecked Sendable {
    public static let schema = "supervisions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "worker_id") public var worker: StaffUserModel
    @Parent(key: "supervisor_id") public var supervisor: StaffUserModel
    @Field(key: "held_on") public var heldOn: String
    /// JSON array of the person ids discussed.
    @Field(key: "cases") public var casesJSON: String
    @Field(key: "notes") public var notes: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(workerID: UUID, supervisorID: UUID, heldOn: Day, cases: [UUID], notes: String) {
        self.$worker.id = workerID
        self.$supervisor.id = supervisorID
        self.heldOn = heldOn.iso
        self.casesJSON = String(decoding: (try? JSONEncoder().encode(cases)) ?? Data("[]".utf8), as: UTF8.self)
        self.notes = notes
    }

    public var cases: [UUID] { (try? JSONDecoder().decode([UUID].self, from: Data(casesJSON.utf8))) ?? [] }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension ChildCaseModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _snapshotJSON, _isOpen, _stage, _category, _nextEvent, _nextDue, _lastActivity, _lastSeen,
         _awaitingAuthorisation, _awaitingSignOff, _updatedAt, _firstReferralOn, _episodesClosedOn, _everLookedAfter]
    }
}
extension CaseNoteModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _kind, _occurredOn, _childSeen, _seenAlone, _text, _significant, _author, _createdAt]
    }
}
extension DraftModel {
    public var properties: [any AnyProperty] { [_id, _userID, _formKey, _fieldsJSON, _savedAt] }
}
extension DocumentModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _title, _filename, _contentType, _size, _sha256, _data, _uploadedBy, _uploadedAt]
    }
}
extension SupervisionModel {
    public var properties: [any AnyProperty] { [_id, _worker, _supervisor, _heldOn, _casesJSON, _notes, _createdAt] }
}

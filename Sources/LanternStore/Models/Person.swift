import FluentKit
import Foundation
import LanternCore

/// One record per person, child or adult, shared by every team and agency that works with them.
public final class PersonModel: Model, @unchecked Sendable {
    public static let schema = "people"

    @ID(key: .id) public var id: UUID?
    /// The short number people quote on the phone ("L1000123"), unique and never reused.
    @Field(key: "reference") public var reference: String
    @Field(key: "given_name") public var givenName: String
    @Field(key: "family_name") public var familyName: String
    @OptionalField(key: "other_names") public var otherNames: String?
    /// ISO `YYYY-MM-DD`, so that the same text sorts and compares on SQLite and PostgreSQL.
    @OptionalField(key: "date_of_birth") public var dateOfBirth: String?
    @OptionalField(key: "expected_date_of_birth") public var expectedDateOfBirth: String?
    @Field(key: "sex") public var sex: String
    @OptionalField(key: "ethnicity") public var ethnicity: String?
    @OptionalField(key: "nhs_number") public var nhsNumber: String?
    @OptionalField(key: "upn") public var upn: String?
    @OptionalField(key: "postcode") public var postcode: String?
    @OptionalField(key: "address") public var address: String?
    @Field(key: "is_child") public var isChild: Bool
    @Field(key: "restricted") public var restricted: Bool
    /// Set when a manager approved merging this record into another (the kept record); the row
    /// stays so the merge can be undone, but it leaves searches and matching.
    @OptionalField(key: "merged_into") public var mergedInto: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, reference: String, givenName: String, familyName: String,
                dateOfBirth: Day?, sex: String, isChild: Bool, postcode: String? = nil) {
        self.id = id
        self.reference = reference
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth?.iso
        self.sex = sex
        self.isChild = isChild
        self.postcode = postcode
        self.restricted = false
    }

    public var fullName: String { "\(givenName) \(familyName)" }
    public var birthDay: Day? { dateOfBirth.flatMap { Day(iso: $0) } }
}

/// Which worker and team hold a child's case. History is kept: an allocation ends, it is never overwritten.
public final class AllocationModel: Model, @unchecked Sendable {
    public static let schema = "allocations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Parent(key: "team_id") public var team: TeamModel
    @OptionalParent(key: "worker_id") public var worker: StaffUserModel?
    @Field(key: "started_on") public var startedOn: String
    @OptionalField(key: "ended_on") public var endedOn: String?
    /// SSDA903 SW_REASON: why this worker's involvement began (FCONTA for the first).
    @OptionalField(key: "change_reason") public var changeReason: String?
    /// When the allocation last changed (AddChangeStamps): the performance figures refresh from it.
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, personID: UUID, teamID: UUID, workerID: UUID?, startedOn: Day) {
        self.id = id
        self.$person.id = personID
        self.$team.id = teamID
        self.$worker.id = workerID
        self.startedOn = startedOn.iso
    }
}

/// `person` is related to `relative` as `kind`: "relative is person's parent".
public final class RelationshipModel: Model, @unchecked Sendable {
    public static let schema = "relationships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Parent(key: "relative_id") public var relative: PersonModel
    @Enum(key: "kind") public var kind: RelationshipKind
    @Field(key: "lives_with") public var livesWith: Bool
    /// ISO day the relationship stopped holding (a carer who left); nil while it holds. Ended
    /// relationships are kept as history rather than deleted.
    @OptionalField(key: "ended_on") public var endedOn: String?

    public init() {}

    public init(id: UUID? = nil, personID: UUID, relativeID: UUID, kind: RelationshipKind, livesWith: Bool) {
        self.id = id
        self.$person.id = personID
        self.$relative.id = relativeID
        self.kind = kind
        self.livesWith = livesWith
    }
}

/// Other names a person is or was known by: aliases, previous surnames, spellings.
public final class PersonAliasModel: Model, @unchecked Sendable {
    public static let schema = "person_aliases"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Field(key: "given_name") public var givenName: String
    @Field(key: "family_name") public var familyName: String

    public init() {}

    public init(id: UUID? = nil, personID: UUID, givenName: String, familyName: String) {
        self.id = id
        self.$person.id = personID
        self.givenName = givenName
        self.familyName = familyName
    }
}

/// Where a person lived and when. The newest row without an end date is the current address,
/// which is also kept on `PersonModel` (address and postcode) for matching and lists.
public final class PersonAddressModel: Model, @unchecked Sendable {
    public static let schema = "person_addresses"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "postcode") public var postcode: String?
    /// ISO days. `fromOn` is nil for an address known before the history was kept.
    @OptionalField(key: "from_on") public var fromOn: String?
    @OptionalField(key: "to_on") public var toOn: String?
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public init(personID: UUID, address: String?, postcode: String?, from: Day?, to: Day? = nil, recordedBy: UUID, at: Date) {
        self.$person.id = personID
        self.address = address
        self.postcode = postcode
        self.fromOn = from?.iso
        self.toOn = to?.iso
        self.recordedBy = recordedBy
        self.recordedAt = at
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension PersonModel {
    public var properties: [any AnyProperty] {
        [_id, _reference, _givenName, _familyName, _otherNames, _dateOfBirth, _expectedDateOfBirth, _sex,
         _ethnicity, _nhsNumber, _upn, _postcode, _address, _isChild, _restricted, _mergedInto, _createdAt,
         _updatedAt]
    }
}
extension AllocationModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _team, _worker, _startedOn, _endedOn, _changeReason, _updatedAt]
    }
}
extension RelationshipModel {
    public var properties: [any AnyProperty] { [_id, _person, _relative, _kind, _livesWith, _endedOn] }
}
extension PersonAliasModel {
    public var properties: [any AnyProperty] { [_id, _person, _givenName, _familyName] }
}
extension PersonAddressModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _address, _postcode, _fromOn, _toOn, _recordedBy, _recordedAt]
    }
}

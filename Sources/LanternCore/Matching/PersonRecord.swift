import Foundation

/// A name a person has also been known by: a previous family name, an alias, a name used at school.
public struct PersonName: Hashable, Sendable, Codable {
    public var given: String?
    public var family: String?

    public init(given: String? = nil, family: String? = nil) {
        self.given = given
        self.family = family
    }
}

/// What matching knows about a person already recorded in Lantern.
///
/// Identifiers are expected already normalised by the caller: NHS number as its ten digits, UPN
/// upper case, postcode upper case without spaces. Names are kept as recorded; matching
/// normalises them itself.
public struct PersonRecord: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var givenName: String?
    /// Middle names, in order.
    public var otherNames: [String]
    public var familyName: String?
    /// Previous names and aliases.
    public var aliases: [PersonName]
    public var dateOfBirth: Day?
    /// For an unborn child: the expected date of delivery.
    public var expectedDateOfBirth: Day?
    /// A sex or gender code as recorded (for example "M", "F", "U"); compared only for equality.
    public var sex: String?
    public var postcode: String?
    /// The first line of the address ("12 Oak Road"), compared loosely.
    public var addressLine: String?
    public var nhsNumber: String?
    public var upn: String?
    /// People this person is linked to: siblings, parents, others in the household, or the mother
    /// of an unborn child.
    public var linkedPersonIDs: [UUID]

    public init(id: UUID, givenName: String? = nil, otherNames: [String] = [], familyName: String? = nil,
                aliases: [PersonName] = [], dateOfBirth: Day? = nil, expectedDateOfBirth: Day? = nil,
                sex: String? = nil, postcode: String? = nil, addressLine: String? = nil,
                nhsNumber: String? = nil, upn: String? = nil, linkedPersonIDs: [UUID] = []) {
        self.id = id
        self.givenName = givenName
        self.otherNames = otherNames
        self.familyName = familyName
        self.aliases = aliases
        self.dateOfBirth = dateOfBirth
        self.expectedDateOfBirth = expectedDateOfBirth
        self.sex = sex
        self.postcode = postcode
        self.addressLine = addressLine
        self.nhsNumber = nhsNumber
        self.upn = upn
        self.linkedPersonIDs = linkedPersonIDs
    }
}

/// The person described by an incoming contact or API submission, to be matched against the
/// people Lantern already knows. Every field may be missing.
public struct MatchQuery: Hashable, Sendable, Codable {
    /// The person this query already is, when it is re-checked after recording: that person is
    /// never proposed, and pairs with it marked "not the same person" are skipped.
    public var personID: UUID?
    public var givenName: String?
    public var otherNames: [String]
    public var familyName: String?
    public var aliases: [PersonName]
    public var dateOfBirth: Day?
    public var expectedDateOfBirth: Day?
    public var sex: String?
    public var postcode: String?
    public var addressLine: String?
    public var nhsNumber: String?
    public var upn: String?
    /// Known people this person is linked to (for example the mother named on a pre-birth referral).
    public var linkedPersonIDs: [UUID]

    public init(personID: UUID? = nil, givenName: String? = nil, otherNames: [String] = [],
                familyName: String? = nil, aliases: [PersonName] = [], dateOfBirth: Day? = nil,
                expectedDateOfBirth: Day? = nil, sex: String? = nil, postcode: String? = nil,
                addressLine: String? = nil, nhsNumber: String? = nil, upn: String? = nil,
                linkedPersonIDs: [UUID] = []) {
        self.personID = personID
        self.givenName = givenName
        self.otherNames = otherNames
        self.familyName = familyName
        self.aliases = aliases
        self.dateOfBirth = dateOfBirth
        self.expectedDateOfBirth = expectedDateOfBirth
        self.sex = sex
        self.postcode = postcode
        self.addressLine = addressLine
        self.nhsNumber = nhsNumber
        self.upn = upn
        self.linkedPersonIDs = linkedPersonIDs
    }

    /// The query that describes `record` exactly, as when an existing person is checked for
    /// duplicates of themselves.
    public init(_ record: PersonRecord) {
        self.init(personID: record.id, givenName: record.givenName, otherNames: record.otherNames,
                  familyName: record.familyName, aliases: record.aliases, dateOfBirth: record.dateOfBirth,
                  expectedDateOfBirth: record.expectedDateOfBirth, sex: record.sex, postcode: record.postcode,
                  addressLine: record.addressLine, nhsNumber: record.nhsNumber, upn: record.upn,
                  linkedPersonIDs: record.linkedPersonIDs)
    }
}

/// Two people a practitioner has confirmed are not the same person; the order does not matter.
public struct NotSamePersonPair: Hashable, Sendable, Codable {
    public let first: UUID
    public let second: UUID

    public init(_ a: UUID, _ b: UUID) {
        if NotSamePersonPair.bytes(of: a).lexicographicallyPrecedes(NotSamePersonPair.bytes(of: b)) {
            (first, second) = (a, b)
        } else {
            (first, second) = (b, a)
        }
    }

    private static func bytes(of id: UUID) -> [UInt8] { withUnsafeBytes(of: id.uuid) { Array($0) } }
}

/// The blocks a person is filed under, and the blocks a query searches.
///
/// Comparing a query with every indexed person is too slow for a million people, so each person
/// is filed under several keys built from pieces of evidence that rarely all go wrong at once. A
/// genuine repeat contact with one or two fields mistyped still shares at least one key with the
/// right person:
///
/// | key | survives |
/// | --- | --- |
/// | NHS number; UPN | everything but the identifier itself |
/// | date of birth | any name error, a move |
/// | family-name sound + birth year | first-name errors, day or month errors |
/// | first-name sound or nickname group + birth day and month | family-name errors, year errors |
/// | postcode + family-name sound; postcode + first initial | date-of-birth errors |
/// | first-name sound + family-name sound | date-of-birth errors after a move |
/// | a linked person (sibling, parent, mother of an unborn child) | anything recorded about the child |
///
/// Queries also search the keys of the likely slips themselves: day and month swapped, a day
/// either side, and first and last names transposed.
enum BlockingKeys {
    enum Kind: UInt64 {
        case nhsNumber = 1, upn, birthDate, familyYear, givenMonthDay, postcodeFamily, postcodeInitial, linked, givenFamily
    }

    /// A query's key, marked when it is an identifier so that it is never skipped as too large.
    struct QueryKey: Hashable {
        let key: UInt64
        let isIdentifier: Bool
    }

    static func forRecord(_ p: PersonFeatures, nicknames: NicknameTable) -> [UInt64] {
        var keys: [UInt64] = []
        if p.nhsNumber != 0 { keys.append(key(.nhsNumber, p.nhsNumber)) }
        if p.upn != 0 { keys.append(key(.upn, p.upn)) }
        addPersonalKeys(given: p.given, family: p.family, otherFamily: p.otherFamily, birth: p.birth,
                        expectedBirth: p.expectedBirth, postcode: p.postcode, nicknames: nicknames, into: &keys)
        for id in p.linked { keys.append(key(.linked, StableHash.of(withUnsafeBytes(of: id.uuid) { Array($0) }))) }
        return unique(keys)
    }

    static func forQuery(_ p: PersonFeatures, nicknames: NicknameTable) -> [QueryKey] {
        var identifiers: [UInt64] = []
        if p.nhsNumber != 0 { identifiers.append(key(.nhsNumber, p.nhsNumber)) }
        if p.upn != 0 { identifiers.append(key(.upn, p.upn)) }
        var keys: [UInt64] = []
        addPersonalKeys(given: p.given, family: p.family, otherFamily: p.otherFamily, birth: p.birth,
                        expectedBirth: p.expectedBirth, postcode: p.postcode, nicknames: nicknames, into: &keys)
        if p.given != nil && p.family != nil {
            addPersonalKeys(given: p.family, family: p.given, otherFamily: [], birth: p.birth,
                            expectedBirth: p.expectedBirth, postcode: p.postcode, nicknames: nicknames, into: &keys)
        }
        if p.birth != PersonFeatures.unknownDay {
            let givenTokens = p.given.map { tokens(ofGiven: $0, nicknames: nicknames) } ?? []
            keys.append(key(.birthDate, UInt64(bitPattern: Int64(p.birth - 1))))
            keys.append(key(.birthDate, UInt64(bitPattern: Int64(p.birth + 1))))
            if let swapped = dayMonthSwapped(p.birth) {
                keys.append(key(.birthDate, UInt64(bitPattern: Int64(swapped))))
                let c = Day(ordinal: Int(swapped)).components
                for g in givenTokens { keys.append(key(.givenMonthDay, g, UInt64(c.month * 32 + c.day))) }
            }
        }
        for id in p.linked { keys.append(key(.linked, StableHash.of(withUnsafeBytes(of: id.uuid) { Array($0) }))) }
        return unique(identifiers).map { QueryKey(key: $0, isIdentifier: true) }
            + unique(keys).map { QueryKey(key: $0, isIdentifier: false) }
    }

    private static func dayMonthSwapped(_ birth: Int32) -> Int32? {
        let c = Day(ordinal: Int(birth)).components
        guard c.day != c.month, c.day <= 12, let swapped = Day(year: c.year, month: c.day, day: c.month) else { return nil }
        return Int32(clamping: swapped.ordinal)
    }

    private static func addPersonalKeys(given: NameFeature?, family: NameFeature?, otherFamily: [NameFeature],
                                         birth: Int32, expectedBirth: Int32, postcode: PostcodeKey?,
                                         nicknames: NicknameTable, into keys: inout [UInt64]) {
        let givenTokens = given.map { tokens(ofGiven: $0, nicknames: nicknames) } ?? []
        var familyTokens = family.map { tokens(ofFamily: $0) } ?? []
        for other in otherFamily { familyTokens.append(other.phonetic.primary) }
        let known = PersonFeatures.unknownDay
        let dated = birth != known ? birth : expectedBirth
        if birth != known { keys.append(key(.birthDate, UInt64(bitPattern: Int64(birth)))) }
        if dated != known {
            let c = Day(ordinal: Int(dated)).components
            for f in familyTokens { keys.append(key(.familyYear, f, UInt64(c.year))) }
            if birth != known {
                for g in givenTokens { keys.append(key(.givenMonthDay, g, UInt64(c.month * 32 + c.day))) }
            }
        }
        if let postcode {
            for f in familyTokens { keys.append(key(.postcodeFamily, postcode.full, f)) }
            if let initial = given?.text.first { keys.append(key(.postcodeInitial, postcode.full, UInt64(initial))) }
        }
        for g in givenTokens {
            for f in familyTokens { keys.append(key(.givenFamily, g, f)) }
        }
    }

    /// A first name's sounds and nickname groups: "Lizzie" and "Elizabeth" share the group of
    /// Elizabeth, "Kaitlin" and "Caitlin" share a sound.
    private static func tokens(ofGiven name: NameFeature, nicknames: NicknameTable) -> [UInt64] {
        var tokens = tokens(ofFamily: name)
        if let entry = name.nickname {
            for group in nicknames.groups(of: entry) { tokens.append(1 << 62 | UInt64(group)) }
        }
        return tokens
    }

    private static func tokens(ofFamily name: NameFeature) -> [UInt64] {
        guard name.phonetic.primary != 0 else { return [] }
        return name.phonetic.alternate == name.phonetic.primary
            ? [name.phonetic.primary] : [name.phonetic.primary, name.phonetic.alternate]
    }

    private static func key(_ kind: Kind, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        StableHash.combine(kind.rawValue, a, b)
    }

    private static func unique(_ keys: [UInt64]) -> [UInt64] {
        var seen = Set<UInt64>(minimumCapacity: keys.count)
        return keys.filter { seen.insert($0).inserted }
    }
}

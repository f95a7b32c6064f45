import Foundation
import LanternCore

/// Synthetic families: a mother and her children sharing a household, a postcode and usually a
/// surname, sometimes with twins or an unborn child. Nobody here is real.
public struct SyntheticPopulation: Sendable {
    public let people: [PersonRecord]
    /// Indices into `people`: each family's mother first, then the children.
    public let families: [[Int]]
    /// The day the population is "as at": ages and expected dates of delivery are relative to it.
    public let today: Day
}

/// A repeat contact about someone, as a practitioner would record it, with the truth kept aside.
public struct RepeatContact: Hashable, Sendable {
    public let query: MatchQuery
    /// The person the contact is really about, or nil when they are not yet known to Lantern.
    public let truth: UUID?
    /// The slips made while recording it, for reading benchmark failures.
    public let slips: [ContactSlip]
}

public enum ContactSlip: String, Hashable, Sendable, CaseIterable {
    case givenNameTypo, givenNameNickname, givenNameMissing, familyNameTypo, familyNameChanged
    case namesTransposed, birthDayMonthSwapped, birthDayOffByOne, birthYearOffByOne, birthDayDigit
    case birthDateMissing, movedPostcode, postcodeMissing, newbornOfUnbornRecord
    case newSibling, newPerson
}

/// How often each slip happens on a repeat contact. The defaults are judgement, not measurement:
/// most contacts are recorded cleanly, and the rest carry one or two slips.
public struct ContactErrorRates: Hashable, Sendable {
    public var newPerson = 0.3
    public var givenNameTypo = 0.07
    public var givenNameNickname = 0.08
    public var givenNameMissing = 0.01
    public var familyNameTypo = 0.06
    public var familyNameChanged = 0.01
    public var namesTransposed = 0.02
    public var birthDayMonthSwapped = 0.03
    public var birthDayOffByOne = 0.02
    public var birthYearOffByOne = 0.02
    public var birthDayDigit = 0.01
    public var birthDateMissing = 0.03
    public var movedPostcode = 0.12
    public var postcodeMissing = 0.1
    /// Share of contacts on which the NHS number is known (when the person has one).
    public var nhsNumberGiven = 0.45
    public var upnGiven = 0.2
    public var sexGiven = 0.85
    /// Share of contacts that name a linked family member already known.
    public var linkGiven = 0.15

    public init() {}

    public static let `default` = ContactErrorRates()
}

public enum SyntheticPeople {
    /// About `size` people in families, the same for the same seed.
    public static func population(size: Int, seed: UInt64,
                                  today: Day = Day(year: 2026, month: 1, day: 15)!) -> SyntheticPopulation {
        var builder = PopulationBuilder(rng: SeededGenerator(seed: seed), today: today)
        while builder.people.count < size { builder.addFamily() }
        return SyntheticPopulation(people: builder.people, families: builder.families, today: today)
    }

    /// `count` contacts about people in `population` (and some about people not in it).
    public static func repeatContacts(_ count: Int, about population: SyntheticPopulation, seed: UInt64,
                                      rates: ContactErrorRates = .default) -> [RepeatContact] {
        var writer = ContactWriter(population: population, rates: rates, rng: SeededGenerator(seed: seed))
        return (0..<count).map { _ in writer.next() }
    }
}

/// Valid-format identifiers from ranges that are never issued to real people.
enum SyntheticIdentifiers {
    /// NHS numbers starting 999 are reserved for testing; this adds a correct modulus-11 check digit.
    static func nhsNumber(serial: Int) -> String? {
        let body = "999" + String(format: "%06d", serial % 1_000_000)
        let digits = body.compactMap(\.wholeNumberValue)
        let sum = zip(digits, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        if check == 10 { return nil }
        return body + String(check == 11 ? 0 : check)
    }

    /// A UPN shaped as the DfE issues them: check letter, LA number, school code, serial. The LA
    /// number 999 is not a real authority.
    static func upn(serial: Int) -> String {
        let body = "999" + String(format: "%04d", (serial / 100_000) % 10_000) + String(format: "%05d", serial % 100_000)
        let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
        let sum = body.compactMap(\.wholeNumberValue).enumerated().reduce(0) { $0 + $1.element * ($1.offset + 2) }
        return String(letters[sum % 23]) + body
    }
}

private struct PopulationBuilder {
    var rng: SeededGenerator
    let today: Day
    var people: [PersonRecord] = []
    var families: [[Int]] = []
    var nhsSerial = 0
    var upnSerial = 0

    init(rng: SeededGenerator, today: Day) {
        self.rng = rng
        self.today = today
    }

    mutating func addFamily() {
        let surname = NameFrequencies.surnames.draw(using: &rng)
        let postcode = BirminghamPostcodes.spaced(BirminghamPostcodes.all.randomElement(using: &rng)!)
        let motherAge = Int.random(in: 18...45, using: &rng)
        let motherBirth = today.adding(days: -(motherAge * 365 + Int.random(in: 0..<365, using: &rng)))
        let mother = PersonRecord(
            id: rng.uuid(), givenName: NameFrequencies.girls.draw(using: &rng),
            familyName: rng.chance(0.8) ? surname : NameFrequencies.surnames.draw(using: &rng),
            dateOfBirth: motherBirth, sex: "F", postcode: postcode, nhsNumber: rng.chance(0.9) ? nextNHS() : nil)
        var members = [mother]
        var childCount = 1
        while childCount < 6 && rng.chance(0.45) { childCount += 1 }
        let earliest = max(motherBirth.adding(years: 16).ordinal, today.adding(years: -18).ordinal + 1)
        for _ in 0..<childCount where earliest < today.ordinal {
            let birth = Day(ordinal: Int.random(in: earliest..<today.ordinal, using: &rng))
            members.append(child(born: birth, surname: surname, postcode: postcode, siblings: members))
        }
        if members.count >= 2 && rng.chance(0.035), let first = members.last?.dateOfBirth {
            members.append(child(born: first, surname: members.last?.familyName ?? surname, postcode: postcode,
                                 siblings: members))
        }
        if rng.chance(0.04) {
            members.append(PersonRecord(id: rng.uuid(), familyName: surname,
                                        expectedDateOfBirth: today.adding(days: Int.random(in: 7...180, using: &rng)),
                                        postcode: postcode))
        }
        let ids = members.map(\.id)
        let start = people.count
        for var member in members {
            member.linkedPersonIDs = ids.filter { $0 != member.id }
            people.append(member)
        }
        families.append(Array(start..<people.count))
    }

    private mutating func child(born: Day, surname: String, postcode: String, siblings: [PersonRecord]) -> PersonRecord {
        let sex = rng.chance(0.5) ? "F" : "M"
        let given = distinctName(sex: sex, from: siblings.compactMap(\.givenName))
        var family = surname
        if rng.chance(0.08) { family = NameFrequencies.surnames.draw(using: &rng) }
        if rng.chance(0.03) { family = surname + "-" + NameFrequencies.surnames.draw(using: &rng) }
        let middle = rng.chance(0.35) ? [NameFrequencies.givenNames(sex: sex).draw(using: &rng)] : []
        let aliases = rng.chance(0.03) ? [PersonName(family: NameFrequencies.surnames.draw(using: &rng))] : []
        let age = born.age(on: today)
        return PersonRecord(id: rng.uuid(), givenName: given, otherNames: middle, familyName: family, aliases: aliases,
                            dateOfBirth: born, sex: sex, postcode: postcode,
                            nhsNumber: rng.chance(0.95) ? nextNHS() : nil,
                            upn: age >= 4 && rng.chance(0.85) ? nextUPN() : nil)
    }

    /// Siblings, and twins above all, get names that do not look or sound alike.
    private mutating func distinctName(sex: String, from taken: [String]) -> String {
        for _ in 0..<20 {
            let name = NameFrequencies.givenNames(sex: sex).draw(using: &rng)
            let clashes = taken.contains { other in
                let a = NameNormaliser.joined(name) ?? "", b = NameNormaliser.joined(other) ?? ""
                return a == b || StringSimilarity.jaroWinkler(a, b) >= 0.85
                    || DoubleMetaphone(a).soundsLike(DoubleMetaphone(b)) || NicknameTable.british.areNicknames(a, b)
            }
            if !clashes { return name }
        }
        return NameFrequencies.givenNames(sex: sex).draw(using: &rng)
    }

    private mutating func nextNHS() -> String {
        while true {
            nhsSerial += 1
            if let number = SyntheticIdentifiers.nhsNumber(serial: nhsSerial) { return number }
        }
    }

    private mutating func nextUPN() -> String {
        upnSerial += 1
        return SyntheticIdentifiers.upn(serial: upnSerial)
    }
}

private struct ContactWriter {
    let population: SyntheticPopulation
    let rates: ContactErrorRates
    var rng: SeededGenerator
    var slips: [ContactSlip] = []

    init(population: SyntheticPopulation, rates: ContactErrorRates, rng: SeededGenerator) {
        self.population = population
        self.rates = rates
        self.rng = rng
    }

    mutating func next() -> RepeatContact {
        slips = []
        if rng.chance(rates.newPerson) { return newPerson() }
        let family = population.families.randomElement(using: &rng)!
        // Contacts are mostly about children; now and then about a parent.
        let index = family.count > 1 && rng.chance(0.88) ? family[Int.random(in: 1..<family.count, using: &rng)] : family[0]
        let person = population.people[index]
        var query = MatchQuery(personID: nil, givenName: person.givenName, otherNames: person.otherNames,
                               familyName: person.familyName, dateOfBirth: person.dateOfBirth,
                               expectedDateOfBirth: person.expectedDateOfBirth, sex: person.sex,
                               postcode: person.postcode)
        if person.dateOfBirth == nil, let expected = person.expectedDateOfBirth {
            bornSince(expected: expected, into: &query)
        }
        misrecordNames(&query)
        misrecordBirth(&query)
        misrecordPostcode(&query)
        if let nhs = person.nhsNumber, rng.chance(rates.nhsNumberGiven) { query.nhsNumber = nhs }
        if let upn = person.upn, rng.chance(rates.upnGiven) { query.upn = upn }
        if !rng.chance(rates.sexGiven) { query.sex = nil }
        let linkChance = person.dateOfBirth == nil ? 0.7 : rates.linkGiven
        if rng.chance(linkChance), let link = person.linkedPersonIDs.randomElement(using: &rng) {
            query.linkedPersonIDs = [link]
        }
        if rng.chance(0.6) { query.otherNames = [] }  // middle names are often not taken
        return RepeatContact(query: query, truth: person.id, slips: slips)
    }

    /// An unborn child's record, met again after the birth.
    private mutating func bornSince(expected: Day, into query: inout MatchQuery) {
        slips.append(.newbornOfUnbornRecord)
        let sex = rng.chance(0.5) ? "F" : "M"
        query.sex = sex
        query.givenName = NameFrequencies.givenNames(sex: sex).draw(using: &rng)
        query.dateOfBirth = expected.adding(days: Int.random(in: -21...10, using: &rng))
        query.expectedDateOfBirth = nil
    }

    /// Someone not yet known: half of them a new brother or sister of a known child, the hardest
    /// people not to mistake for someone else.
    private mutating func newPerson() -> RepeatContact {
        let sex = rng.chance(0.5) ? "F" : "M"
        let age = Int.random(in: 0...17, using: &rng)
        let born = population.today.adding(days: -(age * 365 + Int.random(in: 0..<365, using: &rng)))
        var query = MatchQuery(givenName: NameFrequencies.givenNames(sex: sex).draw(using: &rng), dateOfBirth: born,
                               sex: sex)
        if rng.chance(0.5) {
            slips.append(.newSibling)
            let family = population.families.randomElement(using: &rng)!
            let sibling = population.people[family.last!]
            let taken = family.compactMap { population.people[$0].givenName }
            if taken.contains(query.givenName ?? "") { query.givenName = sex == "F" ? "Annabel" : "Barnaby" }
            query.familyName = sibling.familyName
            query.postcode = sibling.postcode
            if rng.chance(0.5) { query.linkedPersonIDs = [population.people[family[0]].id] }
        } else {
            slips.append(.newPerson)
            query.familyName = NameFrequencies.surnames.draw(using: &rng)
            query.postcode = BirminghamPostcodes.spaced(BirminghamPostcodes.all.randomElement(using: &rng)!)
        }
        misrecordNames(&query)
        misrecordPostcode(&query)
        return RepeatContact(query: query, truth: nil, slips: slips)
    }

    private mutating func misrecordNames(_ query: inout MatchQuery) {
        if let given = query.givenName {
            if rng.chance(rates.givenNameNickname) {
                let forms = NicknameTable.british.directForms(of: NameNormaliser.joined(given) ?? "")
                if let form = forms.randomElement(using: &rng) {
                    query.givenName = form.prefix(1).uppercased() + form.dropFirst()
                    slips.append(.givenNameNickname)
                }
            }
            if rng.chance(rates.givenNameTypo) {
                query.givenName = Typos.introduce(into: query.givenName!, using: &rng)
                slips.append(.givenNameTypo)
            }
            if rng.chance(rates.givenNameMissing) {
                query.givenName = nil
                slips.append(.givenNameMissing)
            }
        }
        if let family = query.familyName {
            if rng.chance(rates.familyNameChanged) {
                query.familyName = NameFrequencies.surnames.draw(using: &rng)
                slips.append(.familyNameChanged)
            } else if rng.chance(rates.familyNameTypo) {
                query.familyName = Typos.introduce(into: family, using: &rng)
                slips.append(.familyNameTypo)
            }
        }
        if query.givenName != nil && query.familyName != nil && rng.chance(rates.namesTransposed) {
            (query.givenName, query.familyName) = (query.familyName, query.givenName)
            slips.append(.namesTransposed)
        }
        if rng.chance(0.05) { query.familyName = query.familyName?.uppercased() }
    }

    private mutating func misrecordBirth(_ query: inout MatchQuery) {
        guard let born = query.dateOfBirth else { return }
        let c = born.components
        if rng.chance(rates.birthDateMissing) {
            query.dateOfBirth = nil
            slips.append(.birthDateMissing)
        } else if rng.chance(rates.birthDayMonthSwapped), c.day <= 12, c.day != c.month,
                  let swapped = Day(year: c.year, month: c.day, day: c.month) {
            query.dateOfBirth = swapped
            slips.append(.birthDayMonthSwapped)
        } else if rng.chance(rates.birthDayOffByOne) {
            query.dateOfBirth = born.adding(days: rng.chance(0.5) ? 1 : -1)
            slips.append(.birthDayOffByOne)
        } else if rng.chance(rates.birthYearOffByOne) {
            query.dateOfBirth = born.adding(years: rng.chance(0.5) ? 1 : -1)
            slips.append(.birthYearOffByOne)
        } else if rng.chance(rates.birthDayDigit) {
            let tens = c.day / 10, units = c.day % 10
            let day = rng.chance(0.5) ? tens * 10 + (units + 1) % 10 : ((tens + 1) % 4) * 10 + units
            if day != c.day, let slipped = Day(year: c.year, month: c.month, day: day) {
                query.dateOfBirth = slipped
                slips.append(.birthDayDigit)
            }
        }
    }

    private mutating func misrecordPostcode(_ query: inout MatchQuery) {
        guard let postcode = query.postcode else { return }
        if rng.chance(rates.movedPostcode) {
            let district = String(postcode.split(separator: " ").first ?? "")
            let nearby = BirminghamPostcodes.all.filter { $0.hasPrefix(district) && $0.count == district.count + 3 }
            let pool = rng.chance(0.4) && !nearby.isEmpty ? nearby : BirminghamPostcodes.all
            query.postcode = BirminghamPostcodes.spaced(pool.randomElement(using: &rng)!)
            slips.append(.movedPostcode)
        } else if rng.chance(rates.postcodeMissing) {
            query.postcode = nil
            slips.append(.postcodeMissing)
        } else if rng.chance(0.2) {
            query.postcode = postcode.replacingOccurrences(of: " ", with: "").lowercased()
        }
    }
}

/// The slips of a hurried typist: a letter dropped, doubled, swapped with its neighbour, or
/// replaced, most often by a key next to it.
enum Typos {
    static func introduce(into name: String, using rng: inout SeededGenerator) -> String {
        var letters = Array(name)
        guard letters.count >= 3 else { return name }
        // The first letter is rarely the one mistyped.
        let position = rng.chance(0.9) ? Int.random(in: 1..<letters.count, using: &rng) : 0
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            letters.remove(at: position)
        case 1:
            letters.insert(neighbour(of: letters[position], using: &rng), at: position)
        case 2:
            if position + 1 < letters.count {
                letters.swapAt(position, position + 1)
            } else {
                letters.swapAt(position - 1, position)
            }
        default:
            letters[position] = neighbour(of: letters[position], using: &rng)
        }
        return String(letters)
    }

    private static func neighbour(of letter: Character, using rng: inout SeededGenerator) -> Character {
        let lower = Character(letter.lowercased())
        let replacement: Character
        if rng.chance(0.75), let keys = keyboardNeighbours[lower], let key = keys.randomElement(using: &rng) {
            replacement = key
        } else {
            replacement = "abcdefghijklmnopqrstuvwxyz".randomElement(using: &rng)!
        }
        return letter.isUppercase ? Character(replacement.uppercased()) : replacement
    }

    private static let keyboardNeighbours: [Character: [Character]] = {
        let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"].map(Array.init)
        var map: [Character: [Character]] = [:]
        for (r, row) in rows.enumerated() {
            for (i, key) in row.enumerated() {
                var near: [Character] = []
                if i > 0 { near.append(row[i - 1]) }
                if i + 1 < row.count { near.append(row[i + 1]) }
                for other in [r - 1, r + 1] where other >= 0 && other < rows.count {
                    for j in [i - 1, i, i + 1] where j >= 0 && j < rows[other].count { near.append(rows[other][j]) }
                }
                map[key] = near
            }
        }
        return map
    }()
}

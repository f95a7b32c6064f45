import Foundation
import Testing
@testable import LanternCore
import LanternSynthetic

/// People the tests look for, filed among a few thousand synthetic strangers so that blocks hold
/// realistic crowds.
private struct Fixture {
    var index = MatchIndex()
    var ids = Ids()

    struct Ids {
        var rng = SeededGenerator(seed: 2024)
        mutating func next() -> UUID { rng.uuid() }
    }

    init() {
        for person in SyntheticPeople.population(size: 3_000, seed: 11).people { try! index.insert(person) }
    }

    @discardableResult
    mutating func add(_ given: String?, _ family: String, born: String?, expected: String? = nil, sex: String? = nil,
                      postcode: String? = "B12 9QD", nhs: String? = nil, other: [String] = [],
                      linked: [UUID] = []) -> PersonRecord {
        let record = PersonRecord(id: ids.next(), givenName: given, otherNames: other, familyName: family,
                                  dateOfBirth: born.flatMap { Day(iso: $0) },
                                  expectedDateOfBirth: expected.flatMap { Day(iso: $0) }, sex: sex,
                                  postcode: postcode, nhsNumber: nhs, linkedPersonIDs: linked)
        try! index.insert(record)
        return record
    }

    func best(_ query: MatchQuery, excluding: Set<NotSamePersonPair> = []) -> MatchCandidate? {
        index.candidates(for: query, limit: 10, excluding: excluding).first
    }
}

private func query(_ given: String?, _ family: String?, born: String?, sex: String? = nil, postcode: String? = nil,
                   nhs: String? = nil, linked: [UUID] = []) -> MatchQuery {
    MatchQuery(givenName: given, familyName: family, dateOfBirth: born.flatMap { Day(iso: $0) }, sex: sex,
               postcode: postcode, nhsNumber: nhs, linkedPersonIDs: linked)
}

@Suite struct MatchIndexTests {
    @Test func findsAMistypedFirstName() throws {
        var f = Fixture()
        let john = f.add("John", "Kowalczyk", born: "2015-03-21", sex: "M")
        let best = try #require(f.best(query("Jonh", "Kowalczyk", born: "2015-03-21", sex: "M", postcode: "B12 9QD")))
        #expect(best.personID == john.id)
        #expect(best.band == .likely)
        #expect(best.reasons.contains { $0.text == "First name 'Jonh' is a likely misspelling of 'John'" })
    }

    @Test func findsANickname() throws {
        var f = Fixture()
        let elizabeth = f.add("Elizabeth", "Okonkwo", born: "2012-10-02", sex: "F")
        let best = try #require(f.best(query("Lizzie", "Okonkwo", born: "2012-10-02", postcode: "B12 9QD")))
        #expect(best.personID == elizabeth.id)
        #expect(best.band == .likely)
        #expect(best.reasons.contains { $0.text == "First name 'Lizzie' is a nickname of 'Elizabeth'" })
    }

    @Test func findsAMistypedNickname() throws {
        var f = Fixture()
        let robert = f.add("Bobby", "Wilson", born: "2017-02-18", sex: "M")
        let best = try #require(f.best(query("Rbbie", "Wilson", born: "2017-02-18", postcode: "B12 9QD")))
        #expect(best.personID == robert.id)
        #expect(best.comparison.givenName == .nicknameSlip)
        #expect(best.band == .likely)
    }

    @Test func findsTransposedNames() throws {
        var f = Fixture()
        let amir = f.add("Amir", "Haddad", born: "2011-06-30", sex: "M")
        let best = try #require(f.best(query("Haddad", "Amir", born: "2011-06-30", postcode: "B12 9QD")))
        #expect(best.personID == amir.id)
        #expect(best.comparison.namesTransposed)
        #expect(best.band == .likely)
        #expect(best.reasons.contains { $0.text == "First and last names appear to be swapped" })
    }

    @Test func findsADateOfBirthWithDayAndMonthSwapped() throws {
        var f = Fixture()
        let maja = f.add("Maja", "Zielinski", born: "2016-04-09", sex: "F")
        let best = try #require(f.best(query("Maja", "Zielinski", born: "2016-09-04", postcode: "B12 9QD")))
        #expect(best.personID == maja.id)
        #expect(best.band == .likely)
        #expect(best.reasons.contains { $0.text == "Day and month of birth swapped" })
    }

    @Test func doesNotTakeOneTwinForTheOther() throws {
        var f = Fixture()
        let mother = f.add("Grace", "Adebayo", born: "1990-01-05", sex: "F")
        let ava = f.add("Ava", "Adebayo", born: "2019-07-14", sex: "F", linked: [mother.id])
        let mia = f.add("Mia", "Adebayo", born: "2019-07-14", sex: "F", linked: [mother.id])
        let found = f.index.candidates(for: query("Ava", "Adebayo", born: "2019-07-14", sex: "F",
                                                  postcode: "B12 9QD", linked: [mother.id]))
        #expect(found.first?.personID == ava.id)
        #expect(found.first?.band == .likely)
        let twin = try #require(found.first { $0.personID == mia.id })
        #expect(twin.band != .likely)
        #expect(twin.comparison.looksLikeSibling)
        #expect(twin.reasons.contains { $0.text.contains("could be a sibling or twin") })
    }

    @Test func doesNotTakeANewSiblingForAKnownOne() {
        var f = Fixture()
        let mother = f.add("Sadia", "Hoque", born: "1988-03-02", sex: "F")
        let musa = f.add("Musa", "Hoque", born: "2014-05-20", sex: "M", linked: [mother.id])
        let found = f.index.candidates(for: query("Yusuf", "Hoque", born: "2018-11-01", sex: "M", postcode: "B12 9QD",
                                                  linked: [mother.id]))
        #expect(found.first { $0.personID == musa.id }.map { $0.band != .likely } ?? true)
        #expect(!found.contains { $0.band == .likely })
    }

    @Test func matchesAnUnbornChildAfterTheBirth() throws {
        var f = Fixture()
        let mother = f.add("Chloe", "Price", born: "1999-08-12", sex: "F", postcode: "B23 6TH")
        let older = f.add("Leo", "Price", born: "2021-02-10", sex: "M", postcode: "B23 6TH", linked: [mother.id])
        let unborn = f.add(nil, "Price", born: nil, expected: "2026-03-01", postcode: "B23 6TH",
                           linked: [mother.id, older.id])
        let newborn = query("Ruby", "Price", born: "2026-02-19", sex: "F", postcode: "B23 6TH", linked: [mother.id])
        let best = try #require(f.best(newborn))
        #expect(best.personID == unborn.id)
        #expect(best.band == .likely)
        #expect(best.reasons.contains { $0.text == "Date of birth is close to the expected date of delivery" })
        // A pre-birth referral with no first name and only the expected date also finds the record.
        let prebirth = MatchQuery(familyName: "Price", expectedDateOfBirth: Day(iso: "2026-03-04"), postcode: "B23 6TH",
                                  linkedPersonIDs: [mother.id])
        #expect(f.best(prebirth)?.personID == unborn.id)
    }

    @Test func matchesAnUnbornChildAfterTheFamilyHasMoved() throws {
        var f = Fixture()
        let mother = f.add("Chloe", "Price", born: "1999-08-12", sex: "F", postcode: "B23 6TH")
        let unborn = f.add(nil, "Price", born: nil, expected: "2026-03-01", postcode: "B23 6TH", linked: [mother.id])
        let newborn = query("Ruby", "Price", born: "2026-02-19", sex: "F", postcode: "B30 2AA", linked: [mother.id])
        let best = try #require(f.best(newborn))
        #expect(best.personID == unborn.id)
        #expect(best.band == .likely)
        // The move is shown but does not count against the child: the whole family moved.
        let moved = try #require(best.reasons.first { $0.field == .postcode })
        #expect(moved.text == "Postcodes differ" && moved.weight == 0)
        // Without the shared link the same move still counts against.
        let unlinked = try #require(f.index.candidates(for: query("Ruby", "Price", born: "2026-02-19", sex: "F",
                                                                  postcode: "B30 2AA")).first { $0.personID == unborn.id })
        #expect(unlinked.reasons.contains { $0.field == .postcode && $0.weight < -2 })
        #expect(unlinked.band != .likely)
    }

    @Test func twinsStayApartWhenTheirMiddleNamesAreRecorded() throws {
        var f = Fixture()
        let mother = f.add("Grace", "Adebayo", born: "1990-01-05", sex: "F")
        let ava = f.add("Ava", "Adebayo", born: "2019-07-14", sex: "F", other: ["Rose"], linked: [mother.id])
        let mia = f.add("Mia", "Adebayo", born: "2019-07-14", sex: "F", other: ["Rose"], linked: [mother.id])
        var q = query("Ava", "Adebayo", born: "2019-07-14", sex: "F", postcode: "B12 9QD", linked: [mother.id])
        q.otherNames = ["Rose"]
        let found = f.index.candidates(for: q)
        #expect(found.first?.personID == ava.id)
        #expect(found.first?.band == .likely)
        // Even a shared middle name does not make one twin the other.
        let twin = try #require(found.first { $0.personID == mia.id })
        #expect(twin.band != .likely)
        #expect(twin.comparison.middleName == .exact)
    }

    @Test func anNHSNumberOutweighsSlipsAndAConflictingOneOutweighsAgreement() throws {
        var f = Fixture()
        let oscar = f.add("Oscar", "Nowak", born: "2013-12-01", sex: "M", nhs: "9990001237")
        let slipped = query("Osacr", "Nowack", born: "2013-01-12", postcode: "B44 0UG", nhs: "9990001237")
        let found = try #require(f.best(slipped))
        #expect(found.personID == oscar.id)
        #expect(found.band == .likely)
        #expect(found.reasons.first?.text == "NHS number matches")

        let conflicting = query("Oscar", "Nowak", born: "2013-12-01", sex: "M", postcode: "B12 9QD", nhs: "9990002446")
        let candidate = try #require(f.index.candidates(for: conflicting).first { $0.personID == oscar.id })
        #expect(candidate.band != .likely)
        #expect(candidate.reasons.contains { $0.text == "NHS number differs" && $0.weight < -10 })
    }

    @Test func neverProposesPairsMarkedNotTheSamePerson() throws {
        var f = Fixture()
        let ella = f.add("Ella", "Rossi", born: "2010-09-09", sex: "F")
        let newcomer = UUID()
        var q = query("Ella", "Rossi", born: "2010-09-09", postcode: "B12 9QD")
        q.personID = newcomer
        #expect(f.best(q)?.personID == ella.id)
        let notSame: Set = [NotSamePersonPair(ella.id, newcomer)]
        #expect(!f.index.candidates(for: q, excluding: notSame).contains { $0.personID == ella.id })
        // A person is never proposed as a match for themselves.
        #expect(!f.index.candidates(for: MatchQuery(ella)).contains { $0.personID == ella.id })
        #expect(NotSamePersonPair(ella.id, newcomer) == NotSamePersonPair(newcomer, ella.id))
    }

    @Test func blockingFindsPeopleWhoDifferInAnyOneField() {
        var f = Fixture()
        let target = f.add("Harjot", "Sandhu", born: "2009-05-17", sex: "M", postcode: "B21 9LS", nhs: "9990003521")
        let variants: [(String, MatchQuery)] = [
            ("first name", query("Zebedee", "Sandhu", born: "2009-05-17", postcode: "B21 9LS")),
            ("family name", query("Harjot", "Quimby", born: "2009-05-17", postcode: "B21 9LS")),
            ("date of birth", query("Harjot", "Sandhu", born: "2001-11-03", postcode: "B21 9LS")),
            ("postcode", query("Harjot", "Sandhu", born: "2009-05-17", postcode: "B90 1AA")),
            ("birth year", query("Harjot", "Sandhu", born: "2008-05-17", postcode: nil)),
            ("first letter of family name", query("Harjot", "Xandhu", born: "2009-05-17", postcode: "B90 1AA")),
            ("everything but the NHS number", query("Zebedee", "Quimby", born: "2001-11-03", postcode: "B90 1AA",
                                                    nhs: "9990003521")),
        ]
        for (changed, q) in variants {
            #expect(f.index.candidates(for: q, limit: 50).contains { $0.personID == target.id }, "changed \(changed)")
        }
    }

    @Test func updatesAndRemovalsTakeEffect() throws {
        var f = Fixture()
        var ivy = f.add("Ivy", "Gheorghe", born: "2018-01-30", sex: "F")
        let q = query("Ivy", "Gheorghe", born: "2018-01-30", postcode: "B12 9QD")
        #expect(f.best(q)?.personID == ivy.id)

        ivy.familyName = "Popescu"
        ivy.dateOfBirth = Day(iso: "2018-10-30")
        try f.index.update(ivy)
        #expect(f.best(q).map { $0.personID != ivy.id || $0.band != .likely } ?? true)
        #expect(f.best(query("Ivy", "Popescu", born: "2018-10-30", postcode: "B12 9QD"))?.personID == ivy.id)

        try f.index.remove(ivy.id)
        #expect(!f.index.contains(ivy.id))
        #expect(!f.index.candidates(for: q).contains { $0.personID == ivy.id })
        #expect(throws: MatchIndexError.unknownPerson(ivy.id)) { try f.index.remove(ivy.id) }
        #expect(throws: MatchIndexError.unknownPerson(ivy.id)) { try f.index.update(ivy) }
        try f.index.insert(ivy)
        #expect(throws: MatchIndexError.duplicatePerson(ivy.id)) { try f.index.insert(ivy) }
    }

    @Test func candidatesComeBestFirstWithinTheLimit() {
        let f = Fixture()
        let found = f.index.candidates(for: query("Oliver", "Smith", born: nil), limit: 5)
        #expect(found.count <= 5)
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        #expect(found.allSatisfy { (0...1).contains($0.score) })
        #expect(f.index.candidates(for: query("Oliver", "Smith", born: nil), limit: 0).isEmpty)
    }
}

@Suite struct MatchScorerTests {
    let scorer = MatchScorer()

    @Test func missingFieldsAddNothing() {
        let id = UUID()
        let record = PersonRecord(id: id, givenName: "Noah", familyName: "Patel", dateOfBirth: Day(iso: "2015-01-01"))
        let c = scorer.compare(MatchQuery(givenName: "Noah"), with: record)
        #expect(c.reasons.map(\.field) == [.givenName])
        #expect(c.comparison.birthDate == nil && c.comparison.familyName == nil)
    }

    @Test func readsDateOfBirthSlips() {
        let born = Day(iso: "2014-03-07")!.ordinal
        func level(_ iso: String) -> BirthDateLevel { BirthDateComparison.level(born, Day(iso: iso)!.ordinal) }
        #expect(level("2014-03-07") == .exact)
        #expect(level("2014-07-03") == .dayMonthSwapped)
        #expect(level("2014-03-08") == .oneDayApart)
        #expect(level("2015-03-07") == .oneFieldDiffers)
        #expect(level("2014-03-27") == .oneFieldDiffers)
        #expect(level("2011-09-22") == .different)
    }

    @Test func readsMiddleNames() {
        let record = PersonRecord(id: UUID(), givenName: "Amelia", otherNames: ["Rose", "Elizabeth"], familyName: "Khan",
                                  dateOfBirth: Day(iso: "2016-04-02"))
        func middle(_ names: [String], given: String = "Amelia") -> FieldComparison {
            scorer.compare(MatchQuery(givenName: given, otherNames: names, familyName: "Khan"), with: record).comparison
        }
        #expect(middle(["Rose"]).middleName == .exact)
        #expect(middle(["Beth"]).middleName == .exact)  // another form of Elizabeth
        #expect(middle(["Rsoe"]).middleName == .typo)
        #expect(middle(["R"]).middleName == .initial)
        #expect(middle(["Grace"]).middleName == .different)
        #expect(middle([]).middleName == nil)
        // A child called by their middle name: the middle name is used once, as the first name.
        let byMiddle = middle(["Amelia"], given: "Rose")
        #expect(byMiddle.givenName == .otherName && byMiddle.middleName == nil)

        let agree = scorer.compare(MatchQuery(givenName: "Amelia", otherNames: ["Rose"], familyName: "Khan"), with: record)
        #expect(agree.reasons.contains { $0.field == .middleName && $0.weight > 5 && $0.text == "Middle name matches" })
        let differ = scorer.compare(MatchQuery(givenName: "Amelia", otherNames: ["Grace"], familyName: "Khan"), with: record)
        #expect(differ.reasons.contains { $0.field == .middleName && $0.weight < -2 && $0.text == "Middle names differ" })
    }

    @Test func rejectsImpossibleParameters() {
        var p = MatchModelParameters.default
        p.givenName[.exact] = LevelProbability(m: 1.5, u: 0.01)
        p.likelyThreshold = 0.2
        #expect(throws: MatchModelError.self) { try MatchScorer(parameters: p) }
        #expect(MatchModelParameters.default.problems.isEmpty)
    }

    @Test func largerPopulationsNeedMoreEvidence() {
        let p = MatchModelParameters.default
        #expect(p.priorLog2Odds(population: 10) == p.priorLog2Odds(population: p.minimumPopulation))
        #expect(p.priorLog2Odds(population: 1_000_000) < p.priorLog2Odds(population: 200_000))
    }
}

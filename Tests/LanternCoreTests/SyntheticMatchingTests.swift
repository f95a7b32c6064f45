import Foundation
import Testing
import LanternCore
@testable import LanternSynthetic

@Suite struct SyntheticPeopleTests {
    @Test func theSameSeedGivesTheSamePeopleAndContacts() {
        let a = SyntheticPeople.population(size: 500, seed: 5)
        let b = SyntheticPeople.population(size: 500, seed: 5)
        let c = SyntheticPeople.population(size: 500, seed: 6)
        #expect(a.people == b.people)
        #expect(a.families == b.families)
        #expect(a.people != c.people)
        let ca = SyntheticPeople.repeatContacts(200, about: a, seed: 9)
        let cb = SyntheticPeople.repeatContacts(200, about: b, seed: 9)
        #expect(ca == cb)
        #expect(ca != SyntheticPeople.repeatContacts(200, about: a, seed: 10))
    }

    @Test func generatorsAreReproducible() {
        var x = SeededGenerator(seed: 1), y = SeededGenerator(seed: 1)
        #expect((0..<100).map { _ in x.next() } == (0..<100).map { _ in y.next() })
        #expect(x.uuid() == y.uuid())
    }

    @Test func familiesShareAHouseholdAndTwinsDoNotShareANameSound() {
        let population = SyntheticPeople.population(size: 5_000, seed: 3)
        var twinPairs = 0, unborn = 0
        for family in population.families {
            let members = family.map { population.people[$0] }
            #expect(Set(members.compactMap(\.postcode)).count == 1)
            for member in members {
                #expect(Set(member.linkedPersonIDs) == Set(members.map(\.id)).subtracting([member.id]))
            }
            let children = members.dropFirst().filter { $0.dateOfBirth != nil }
            for (i, a) in children.enumerated() {
                for b in children.dropFirst(i + 1) where a.dateOfBirth == b.dateOfBirth {
                    twinPairs += 1
                    #expect(!DoubleMetaphone(a.givenName!).soundsLike(DoubleMetaphone(b.givenName!)))
                }
            }
            unborn += members.filter { $0.expectedDateOfBirth != nil && $0.givenName == nil }.count
        }
        #expect(twinPairs > 0)
        #expect(unborn > 0)
    }

    @Test func identifiersAreWellFormedAndFromTestRanges() throws {
        for serial in 1...200 {
            guard let nhs = SyntheticIdentifiers.nhsNumber(serial: serial) else { continue }
            #expect(nhs.hasPrefix("999") && nhs.count == 10)
            let digits = nhs.compactMap(\.wholeNumberValue)
            let sum = zip(digits.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
            #expect((11 - sum % 11) % 11 == digits[9])
            let upn = SyntheticIdentifiers.upn(serial: serial)
            #expect(upn.count == 13 && upn.dropFirst().allSatisfy(\.isNumber) && upn.first!.isLetter)
        }
        #expect(BirminghamPostcodes.all.count > 20_000)
        #expect(BirminghamPostcodes.all.allSatisfy { $0.hasPrefix("B") })
        #expect(BirminghamPostcodes.spaced("B129QD") == "B12 9QD")
    }

    @Test func contactsCarryTheirSlipsAndTruth() {
        let population = SyntheticPeople.population(size: 2_000, seed: 4)
        let contacts = SyntheticPeople.repeatContacts(2_000, about: population, seed: 4)
        let ids = Set(population.people.map(\.id))
        #expect(contacts.allSatisfy { $0.truth.map(ids.contains) ?? true })
        let unknown = contacts.filter { $0.truth == nil }
        #expect(unknown.count > 400 && unknown.count < 800)
        let slips = Set(contacts.flatMap(\.slips))
        for slip in [ContactSlip.givenNameTypo, .givenNameNickname, .namesTransposed, .birthDayMonthSwapped,
                     .movedPostcode, .newSibling] {
            #expect(slips.contains(slip), "\(slip)")
        }
    }

    @Test func typosChangeANameByOneEdit() {
        var rng = SeededGenerator(seed: 8)
        for name in ["Elizabeth", "Mohammed", "Oliwia", "Chowdhury"] {
            let typed = Typos.introduce(into: name, using: &rng)
            #expect(typed != name || name.count < 3)
            #expect(StringSimilarity.optimalStringAlignmentDistance(typed.lowercased(), name.lowercased()) <= 1)
        }
    }
}

@Suite struct MatchBenchmarkTests {
    /// The model is held to this on its own synthetic data: at the likely threshold, at least 98%
    /// of repeat contacts about known people find the right person first, and at least 98% of
    /// likely proposals are right.
    @Test func matchesTwentyThousandPeopleAccurately() {
        let report = MatchBenchmark.run(people: 20_000, queries: 3_000, seed: 2026)
        #expect(report.atLikely.recall >= 0.98, "\(report.table)")
        #expect(report.atLikely.precision >= 0.98, "\(report.table)")
        #expect(report.atBestF1.f1 >= report.atLikely.f1)
        #expect(report.table.contains("likely: precision"))
    }

    @Test func bestF1ChoosesTheThresholdBetweenRightAndWrong() {
        let scored: [(score: Double, correct: Bool)] = [(0.9, true), (0.8, true), (0.7, false), (0.6, true), (0.2, false)]
        let best = ThresholdMetrics.bestF1(scored, actualPositives: 4)
        #expect(best.threshold == 0.6)
        #expect(best.truePositives == 3 && best.falsePositives == 1 && best.falseNegatives == 1)
        #expect(abs(best.f1 - 0.75) < 1e-9)
    }
}

@Suite struct FebrlDatasetTests {
    /// Made-up rows in FEBRL's layout (FEBRL's own data is not committed).
    static let sample = """
    rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
    rec-1-org, amelia, harding, 12, wattle street, , lakeside, 2150, nsw, 19810214, 4012345
    rec-1-dup-0, amelia, hardinge, 12, wattle st, , lakeside, 2150, nsw, 19810214, 4012345
    rec-1-dup-1, amelai, harding, 12, wattle street, , lakside, 2150, nsw, 19811402, 4012345
    rec-2-org, thomas, nguyen, 4, banksia road, unit 3, hillcrest, 3074, vic, 19670630, 5550001
    rec-3-org, grace, o'reilly, 88, river parade, , northbank, 4101, qld, 19990101, 7770002
    """

    @Test func readsRecordsAndTruePairs() throws {
        let data = try FebrlDataset.load(csvText: Self.sample)
        #expect(data.records.count == 5)
        #expect(data.records[1].entity == 1 && data.records[3].entity == 2)
        #expect(data.duplicatePairCount == 3)
        let person = data.records[3].person(useIdentifier: true)
        #expect(person.addressLine == "4 banksia road unit 3 hillcrest")
        #expect(person.dateOfBirth == Day(iso: "1967-06-30"))
        #expect(person.nhsNumber == "5550001")
        #expect(data.records[3].person(useIdentifier: false).nhsNumber == nil)
    }

    @Test func reportsMalformedInput() {
        #expect(throws: FebrlError.missingColumn("soc_sec_id")) {
            try FebrlDataset.load(csvText: "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth\n")
        }
        let badID = Self.sample.replacingOccurrences(of: "rec-2-org", with: "record two")
        #expect(throws: FebrlError.malformedRecordID(line: 5, "record two")) { try FebrlDataset.load(csvText: badID) }
        let short = Self.sample + "\nrec-4-org, too, few"
        #expect(throws: FebrlError.malformedRow(line: 7)) { try FebrlDataset.load(csvText: short) }
    }

    @Test func findsTheDuplicates() throws {
        let report = MatchBenchmark.febrl(try FebrlDataset.load(csvText: Self.sample), useIdentifier: false)
        #expect(report.truePairs == 3)
        #expect(report.atBestF1.recall == 1)
        #expect(report.atBestF1.precision == 1)
        #expect(report.table.contains("true duplicate pairs"))
    }
}

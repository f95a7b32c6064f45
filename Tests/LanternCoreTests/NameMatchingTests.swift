import Testing
@testable import LanternCore

@Suite struct StringSimilarityTests {
    @Test func jaroWinklerMatchesPublishedValues() {
        // Winkler's worked examples.
        #expect(abs(StringSimilarity.jaroWinkler("martha", "marhta") - 0.9611) < 0.0001)
        #expect(abs(StringSimilarity.jaroWinkler("dwayne", "duane") - 0.84) < 0.0001)
        #expect(abs(StringSimilarity.jaroWinkler("dixon", "dicksonx") - 0.8133) < 0.0001)
        #expect(StringSimilarity.jaroWinkler("smith", "smith") == 1)
        #expect(StringSimilarity.jaroWinkler("abc", "xyz") == 0)
        #expect(StringSimilarity.jaroWinkler("", "") == 1)
    }

    @Test func optimalStringAlignmentCountsAdjacentSwapsAsOneEdit() {
        #expect(StringSimilarity.optimalStringAlignmentDistance("jonh", "john") == 1)
        #expect(StringSimilarity.optimalStringAlignmentDistance("kitten", "sitting") == 3)
        // OSA, unlike true Damerau, cannot edit a swapped pair again.
        #expect(StringSimilarity.optimalStringAlignmentDistance("ca", "abc") == 3)
        #expect(StringSimilarity.optimalStringAlignmentDistance("", "abc") == 3)
    }

    @Test func withinOneEditAgreesWithTheFullDistance() {
        let words = ["john", "jonh", "jon", "joan", "johnny", "ojhn", "jhon", "jo", "mary", "marie", "maria", "amir", "amira"]
        for a in words {
            for b in words {
                let full = StringSimilarity.optimalStringAlignmentDistance(a, b) <= 1
                let fast = Array(a.utf8).withUnsafeBufferPointer { x in
                    Array(b.utf8).withUnsafeBufferPointer { y in StringSimilarity.isWithinOneEdit(x, y) }
                }
                #expect(fast == full, "\(a) / \(b)")
            }
        }
    }
}

@Suite struct DoubleMetaphoneTests {
    @Test func codesNamesAsTheReferenceImplementationDoes() {
        let expected: [(String, String, String)] = [
            ("Smith", "SM0", "XMT"), ("Schmidt", "XMT", "SMT"), ("Thompson", "TMPSN", "TMPSN"),
            ("Knight", "NT", "NT"), ("Wright", "RT", "RT"), ("Wojcik", "AJSK", "FJSK"),
            ("Caitlin", "KTLN", "KTLN"), ("Katelyn", "KTLN", "KTLN"), ("Siobhan", "SPN", "XPN"),
            ("Michael", "MKL", "MXL"), ("Jose", "HS", "HS"), ("Hughes", "HS", "HS"),
            ("Filipowicz", "FLPTS", "FLPFX"), ("Chowdhury", "XTR", "XTR"), ("Xavier", "SF", "SFR"),
        ]
        for (name, primary, alternate) in expected {
            let code = DoubleMetaphone(name)
            #expect(code.primary == primary, "\(name)")
            #expect(code.alternate == alternate, "\(name)")
        }
    }

    @Test func spellingsOfOneNameSoundAlike() {
        #expect(DoubleMetaphone("Mohammed").soundsLike(DoubleMetaphone("Muhammad")))
        #expect(DoubleMetaphone("Philip").soundsLike(DoubleMetaphone("Phillip")))
        #expect(DoubleMetaphone("Smith").soundsLike(DoubleMetaphone("Schmidt")))
        #expect(!DoubleMetaphone("Smith").soundsLike(DoubleMetaphone("Jones")))
        #expect(!DoubleMetaphone("").soundsLike(DoubleMetaphone("")))
    }
}

@Suite struct NameNormaliserTests {
    @Test func foldsCaseAccentsAndPunctuation() {
        #expect(NameNormaliser.joined("O'Brien") == "obrien")
        #expect(NameNormaliser.joined("O’BRIEN") == "obrien")
        #expect(NameNormaliser.joined("Zoë") == "zoe")
        #expect(NameNormaliser.joined("Łukasz") == "lukasz")
        #expect(NameNormaliser.joined("  José  ") == "jose")
        #expect(NameNormaliser.joined("'-") == nil)
    }

    @Test func splitsDoubleBarrelledAndMultipartNames() {
        #expect(NameNormaliser.parts(of: "Smith-Jones") == ["smith", "jones"])
        #expect(NameNormaliser.parts(of: "mary  ann") == ["mary", "ann"])
        #expect(NameNormaliser.joined("Smith-Jones") == "smithjones")
    }
}

@Suite struct NicknameTableTests {
    let table = NicknameTable.british

    @Test func knowsCommonBritishNicknames() {
        let pairs = [("lizzie", "elizabeth"), ("liz", "elizabeth"), ("bob", "robert"), ("kate", "catherine"),
                     ("jack", "john"), ("alfie", "alfred"), ("ollie", "oliver"), ("charlie", "charles"),
                     ("izzy", "isabella"), ("maddie", "madeleine"), ("billy", "william"), ("mo", "mohammed")]
        for (a, b) in pairs {
            #expect(table.areNicknames(a, b), "\(a) / \(b)")
            #expect(table.areNicknames(b, a), "\(b) / \(a)")
        }
    }

    @Test func twoFormalNamesSharingAShortFormAreNotNicknames() {
        #expect(table.areNicknames("ollie", "olivia"))
        #expect(!table.areNicknames("oliver", "olivia"))
        #expect(!table.areNicknames("charles", "charlotte"))
        #expect(!table.areNicknames("samuel", "samantha"))
        #expect(!table.areNicknames("john", "john"))
        #expect(!table.areNicknames("john", "zebedee"))
    }

    @Test func holdsAFewHundredPairs() {
        let names = Set((NicknameTable.britishFormalGroups + NicknameTable.britishShortFormGroups).flatMap { $0 })
        let pairs = names.compactMap(NameNormaliser.joined).reduce(0) { $0 + table.nicknames(of: $1).count } / 2
        #expect(pairs >= 300)
    }

    @Test func findsNamesASlipAway() {
        let slips = table.entries(aSlipFrom: "rbbie")
        #expect(slips.contains(table.entry(for: "robbie")!))
        #expect(table.entries(aSlipFrom: "robbie").isEmpty)  // a table name is not a slip
    }

    @Test func directFormsLinkFormalNamesWithTheirOwnShortForms() {
        #expect(table.directForms(of: "elizabeth").contains("lizzie"))
        #expect(table.directForms(of: "lizzie").contains("elizabeth"))
        #expect(!table.directForms(of: "ali").contains("lexi"))
    }
}

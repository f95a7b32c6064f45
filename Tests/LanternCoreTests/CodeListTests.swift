import Foundation
import Testing
@testable import LanternCore

/// Every code in the order returns-spec.md lists it, each label present and distinct, and the code
/// itself what goes on the wire.
private func expectCodes<C: CodeList>(_ type: C.Type, _ codes: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(C.allCases.map(\.rawValue) == codes, sourceLocation: sourceLocation)
    let labels = C.allCases.map(\.label)
    #expect(labels.allSatisfy { !$0.isEmpty }, sourceLocation: sourceLocation)
    #expect(Set(labels).count == labels.count, "two codes share a label", sourceLocation: sourceLocation)
    for value in C.allCases {
        #expect(value.code == value.rawValue, sourceLocation: sourceLocation)
        let json = try? JSONEncoder().encode([value])
        #expect(json.map { String(decoding: $0, as: UTF8.self) } == "[\"\(value.rawValue)\"]", sourceLocation: sourceLocation)
    }
    #expect(C(rawValue: "not a code") == nil, sourceLocation: sourceLocation)
}

@Suite struct ChildInNeedCodeTests {
    @Test func sex() {
        expectCodes(Sex.self, ["M", "F", "U"])
        #expect(Sex.unknown.label == "Unknown")
    }

    @Test func ethnicity() {
        expectCodes(Ethnicity.self, ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                                     "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"])
        #expect(Ethnicity.travellerOfIrishHeritage.code == "WIRT")
        #expect(Ethnicity(rawValue: "NOBT")?.label == "Information not yet obtained")
    }

    @Test func disability() {
        expectCodes(Disability.self, ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"])
        #expect(Disability.other.code == "DDA")
    }

    @Test func referralSource() {
        expectCodes(ReferralSource.self, ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
                                          "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"])
        #expect(ReferralSource.police.code == "6")
        #expect(ReferralSource(rawValue: "10") == .unknown)
        #expect(ReferralSource.accidentAndEmergency.label.contains("A&E"))
    }

    @Test func primaryNeed() {
        expectCodes(PrimaryNeed.self, ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N0"])
        #expect(PrimaryNeed.abuseNeglectOrExploitation.label == "Abuse, neglect and exploitation")
        #expect(PrimaryNeed.notStated.code == "N0")
    }

    @Test func reasonForClosure() {
        expectCodes(ReasonForClosure.self, ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"])
        #expect(ReasonForClosure.earlyHelpAfterAssessment.code == "RC9")
    }

    @Test func categoryOfAbuse() {
        expectCodes(CategoryOfAbuse.self, ["NEG", "PHY", "SAB", "EMO", "MUL"])
        #expect(CategoryOfAbuse.sexual.code == "SAB")
    }

    @Test func assessmentFactor() {
        expectCodes(AssessmentFactor.self, [
            "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C",
            "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A",
            "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A",
        ])
        #expect(AssessmentFactor.allCases.count == 42)
        // Obsolete since 2024-25: never offered, never emitted.
        #expect(AssessmentFactor(rawValue: "18A") == nil)
        #expect(AssessmentFactor(rawValue: "19A") == nil)
        #expect(AssessmentFactor.childCriminalExploitation.code == "24A")
    }

    @Test func upnUnknownReason() {
        expectCodes(UPNUnknownReason.self, ["UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"])
        #expect(UPNUnknownReason.referralWithNoFurtherAction.label == "Referral with no further action")
        #expect(UPNUnknownReason.allCases.filter(\.isAllowedInSSDA903).map(\.code) == ["UN1", "UN2", "UN3", "UN4", "UN5"])
    }
}

@Suite struct LookedAfterCodeTests {
    @Test func legalStatus() {
        expectCodes(LegalStatus.self, ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"])
        #expect(LegalStatus.accommodatedUnderSection20.code == "V2")
    }

    @Test func reasonForNewEpisode() {
        expectCodes(ReasonForNewEpisode.self, ["S", "L", "P", "T", "U", "B"])
        #expect(ReasonForNewEpisode.startedToBeLookedAfter.code == "S")
    }

    @Test func placementType() {
        expectCodes(PlacementType.self, [
            "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
            "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
        ])
        for gone in ["P2", "H5", "Z1"] { #expect(PlacementType(rawValue: gone) == nil) }
        #expect(PlacementType.fosterOtherCarerLongTerm.code == "U4")
    }

    @Test func placementProvider() {
        expectCodes(PlacementProvider.self, ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"])
        #expect(PlacementProvider.privateSector.code == "PR4")
    }

    @Test func reasonEpisodeCeased() {
        expectCodes(ReasonEpisodeCeased.self, ["X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46",
                                               "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17"])
        #expect(ReasonEpisodeCeased.returnedHomeAsPlanned.code == "E4A")
    }

    @Test func reasonForPlacementChange() {
        expectCodes(ReasonForPlacementChange.self, ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
                                                    "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"])
        #expect(ReasonForPlacementChange.custody.code == "CUSTOD")
    }

    @Test func categoryOfNeed() {
        expectCodes(CategoryOfNeed.self, ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"])
        for need in CategoryOfNeed.allCases {
            #expect(need.primaryNeed.code == need.code)
            #expect(need.label == need.primaryNeed.label)
        }
        #expect(CategoryOfNeed(rawValue: "N9") == nil)
    }

    @Test func reviewParticipation() {
        expectCodes(ReviewParticipation.self, ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])
        #expect(ReviewParticipation.underFour.code == "PN0")
    }

    @Test func missingEpisodeType() {
        expectCodes(MissingEpisodeType.self, ["M", "A"])
    }

    @Test func careLeaverInTouch() {
        expectCodes(CareLeaverInTouch.self, ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"])
    }

    @Test func careLeaverActivity() {
        expectCodes(CareLeaverActivity.self, ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"])
        #expect(CareLeaverActivity(rawValue: "F3") == nil)
    }

    @Test func careLeaverAccommodation() {
        expectCodes(CareLeaverAccommodation.self, [
            "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2",
            "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0",
        ])
        #expect(CareLeaverAccommodation.z1.label == "With former foster carers, suitable")
        #expect(CareLeaverAccommodation.s2.isSuitable == false)
        #expect(CareLeaverAccommodation.b1.isSuitable == true)
        #expect(CareLeaverAccommodation.notKnown.isSuitable == nil)
        #expect(CareLeaverAccommodation(rawValue: "S1") == nil)
    }

    @Test func previousPermanence() {
        expectCodes(PreviousPermanence.self, ["P1", "P2", "P3", "P4", "Z1"])
    }

    @Test func sdqReason() {
        expectCodes(SDQReason.self, ["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"])
    }

    @Test func adopterSex() {
        expectCodes(AdopterSex.self, ["M1", "F1", "MM", "FF", "MF"])
    }
}

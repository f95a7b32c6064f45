import Foundation
import LanternCore
import Testing
@testable import LanternReturns

@Suite struct CINCensusXMLTests {
    /// Element names in the order they open, for comparing with the XSD sequences.
    static func openingTags(_ xml: String) -> [String] {
        var tags: [String] = []
        var rest = xml[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let name = rest.prefix { $0.isLetter || $0.isNumber }
            tags.append(String(name))
        }
        return tags
    }

    /// A child with every element the schema allows, so the whole sequence is exercised.
    static let fullChild = CINChild(
        identifiers: CINChildIdentifiers(laChildID: "X1", upn: CINFixture.upn(1), formerUPN: CINFixture.upn(2),
                                         upnUnknown: "UN2", birthDate: day("2015-01-01"), expectedBirthDate: day("2015-01-02"),
                                         sex: "F", deathDate: day("2026-01-01")),
        characteristics: CINChildCharacteristics(ethnicity: "WBRI", disabilities: ["AUT", "LD"]),
        episodes: [
            CINDetails(referralDate: day("2025-04-01"), referralSource: "1A", primaryNeedCode: "N1",
                       closureDate: day("2025-12-01"), reasonForClosure: "RC7", initialCPCDate: day("2025-04-10"),
                       assessments: [CINAssessment(startDate: day("2025-04-02"), internalReviewDate: day("2025-04-03"),
                                                   authorisationDate: day("2025-04-04"), factors: ["1A", "2B"])],
                       cinPlans: [CINPlanDates(startDate: day("2025-05-01"), endDate: day("2025-06-01"))],
                       section47Enquiries: [Section47(startDate: day("2025-04-05"), initialCPCTarget: day("2025-04-09"),
                                                      initialCPCDate: day("2025-04-09"), icpcNotRequired: false)],
                       referralNFA: false,
                       childProtectionPlans: [ChildProtectionPlan(startDate: day("2025-06-01"), endDate: day("2025-11-01"),
                                                                  initialCategoryOfAbuse: "NEG", latestCategoryOfAbuse: "EMO",
                                                                  numberOfPreviousPlans: 2, reviewDates: [day("2025-09-01")])]),
        ])

    @Test func writesEveryElementInTheSchemaOrder() {
        var input = CINFixture.input
        input.children = [Self.fullChild]
        let tags = Self.openingTags(CINCensusXML.render(input))
        #expect(tags == [
            "Message", "Header", "CollectionDetails", "Collection", "Year", "ReferenceDate",
            "Source", "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime",
            "Children", "Child",
            "ChildIdentifiers", "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
            "ExpectedPersonBirthDate", "Sex", "PersonDeathDate",
            "ChildCharacteristics", "Ethnicity", "Disabilities", "Disability", "Disability",
            "CINdetails", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
            "DateOfInitialCPC",
            "Assessments", "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
            "FactorsIdentifiedAtAssessment", "AssessmentFactors", "AssessmentFactors",
            "CINPlanDates", "CINPlanStartDate", "CINPlanEndDate",
            "Section47", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired",
            "ReferralNFA",
            "ChildProtectionPlans", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
            "NumberOfPreviousCPP", "Reviews", "CPPreviewDate",
        ])
    }

    @Test func leavesOutOptionalElementsThatAreEmpty() {
        var input = CINFixture.input
        input.children = [CINFixture.storyChildren[0]]
        let tags = Self.openingTags(CINCensusXML.render(input))
        for absent in ["FormerUPN", "UPNunknown", "ExpectedPersonBirthDate", "PersonDeathDate", "Disabilities",
                       "PrimaryNeedCode", "DateOfInitialCPC", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"] {
            #expect(!tags.contains(absent), "\(absent) should be left out")
        }
    }

    @Test func headerCarriesTheCensusYearAndReferenceDate() {
        let xml = CINCensusXML.render(CINFixture.input)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n"))
        #expect(xml.contains("<Year>2026</Year>"))
        #expect(xml.contains("<ReferenceDate>2026-03-31</ReferenceDate>"))
        #expect(xml.contains("<LEA>330</LEA>"))
        #expect(xml.contains("<DateTime>2026-04-10T09:00:00</DateTime>"))
    }

    @Test func writesBooleansAsOneAndZero() {
        var input = CINFixture.input
        input.children = [Self.fullChild, CINFixture.storyChildren[0]]
        let xml = CINCensusXML.render(input)
        #expect(xml.contains("<ReferralNFA>0</ReferralNFA>"))
        #expect(xml.contains("<ReferralNFA>1</ReferralNFA>"))
        #expect(xml.contains("<ICPCnotRequired>0</ICPCnotRequired>"))
        #expect(!xml.contains("true") && !xml.contains("false"))
    }

    @Test func escapesMarkupAndDropsCharactersXMLCannotHold() {
        var input = CINFixture.input
        input.header.release = "R&D <beta> \"2\" 'x'\u{01}"
        let xml = CINCensusXML.render(input)
        #expect(xml.contains("<Release>R&amp;D &lt;beta&gt; &quot;2&quot; &apos;x&apos;</Release>"))
        #expect(XMLText.escape("a\u{0B}b\tc\u{FFFE}") == "ab\tc")
    }

    @Test func localDateTimeIsWrittenWithoutAZone() {
        let time = LocalDateTime(day: day("2026-04-05"), hour: 7, minute: 5, second: 9)
        #expect(time.iso == "2026-04-05T07:05:09")
        // 1 July 2026 12:00 UTC is 13:00 in London (summer time).
        let instant = Date(timeIntervalSince1970: 1_782_907_200)
        #expect(LocalDateTime(instant).iso == "2026-07-01T13:00:00")
    }
}

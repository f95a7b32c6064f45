import LanternCore
import Testing
@testable import LanternReturns

/// One deliberate mistake in an otherwise clean census, and the DfE rule that must catch it.
struct BrokenCINRecord: Sendable, CustomTestStringConvertible {
    let mistake: String
    let child: String
    let rule: String
    let change: @Sendable (inout CINChild) -> Void

    var testDescription: String { "\(mistake) -> \(rule)" }

    init(_ mistake: String, _ child: String, _ rule: String, _ change: @escaping @Sendable (inout CINChild) -> Void) {
        self.mistake = mistake
        self.child = child
        self.rule = rule
        self.change = change
    }
}

@Suite struct CINCensusChecksTests {
    static func issues(for broken: BrokenCINRecord) -> [ReturnIssue] {
        var input = CINFixture.input
        let index = input.children.firstIndex { $0.laChildID == broken.child }!
        broken.change(&input.children[index])
        return CINCensusChecks.check(input)
    }

    static let openPlan = ChildProtectionPlan(startDate: day("2025-09-01"), initialCategoryOfAbuse: "NEG",
                                              latestCategoryOfAbuse: "NEG", numberOfPreviousPlans: 1)

    static let brokenRecords: [BrokenCINRecord] = [
        .init("assessment starts before the referral", "LC0003", "1103") { $0.episodes[0].assessments[0].startDate = day("2025-05-01") },
        .init("two child protection plans overlap", "LC0005", "8940") { $0.episodes[0].childProtectionPlans.append(openPlan) },
        .init("two child protection plans open", "LC0005", "8935") { $0.episodes[0].childProtectionPlans.append(openPlan) },
        .init("CIN plan starts during a CP plan", "LC0005", "4016") { $0.episodes[0].cinPlans = [CINPlanDates(startDate: day("2025-07-01"))] },
        .init("CIN plan and CP plan both open", "LC0005", "4001") { $0.episodes[0].cinPlans = [CINPlanDates(startDate: day("2025-07-01"))] },
        .init("CP review during a CIN plan", "LC0005", "4003") {
            $0.episodes[0].cinPlans = [CINPlanDates(startDate: day("2025-08-01"), endDate: day("2025-09-01"))]
        },
        .init("CP plan starts during a CIN plan", "LC0006", "4017") {
            $0.episodes[0].cinPlans.append(CINPlanDates(startDate: day("2024-12-01"), endDate: day("2025-04-10")))
        },
        .init("closure before the referral", "LC0003", "8630") { $0.episodes[0].closureDate = day("2025-05-01") },
        .init("work recorded after closure", "LC0015", "8565") { $0.episodes[0].cinPlans[0].endDate = day("2025-10-10") },
        .init("factor recorded twice", "LC0004", "8898") { $0.episodes[0].assessments[0].factors = ["4B", "4B"] },
        .init("factor 21 with other factors", "LC0004", "8869") { $0.episodes[0].assessments[0].factors = ["21", "4B"] },
        .init("obsolete factor 18A", "LC0004", "8945Q") { $0.episodes[0].assessments[0].factors = ["18A"] },
        .init("obsolete factor 19A", "LC0004", "8950Q") { $0.episodes[0].assessments[0].factors = ["19A"] },
        .init("only assessment found nothing but case not closed RC8/RC9", "LC0007", "8873Q") {
            $0.episodes[0].assessments[0].factors = ["21"]
        },
        .init("closure date without a reason", "LC0010", "8805") { $0.episodes[0].reasonForClosure = nil },
        .init("reason without a closure date", "LC0007", "8810") { $0.episodes[0].reasonForClosure = "RC7" },
        .init("invalid reason for closure", "LC0015", "8640") { $0.episodes[0].reasonForClosure = "RC10" },
        .init("closure after the census year", "LC0010", "8620") { $0.episodes[0].closureDate = day("2026-04-02") },
        .init("two episodes open at once", "LC0010", "8815") { $0.episodes[0].closureDate = nil; $0.episodes[0].reasonForClosure = nil },
        .init("open episode not the latest", "LC0010", "8816") { $0.episodes[0].closureDate = nil; $0.episodes[0].reasonForClosure = nil },
        .init("episodes overlap", "LC0010", "8820") { $0.episodes[1].referralDate = day("2025-09-01") },
        .init("NFA referral with an assessment", "LC0001", "8831") {
            $0.episodes[0].assessments = [CINAssessment(startDate: day("2025-06-10"))]
        },
        .init("NFA referral with a CP plan", "LC0001", "8832") {
            $0.episodes[0].childProtectionPlans = [ChildProtectionPlan(startDate: day("2025-06-10"), initialCategoryOfAbuse: "NEG",
                                                                       latestCategoryOfAbuse: "NEG", numberOfPreviousPlans: 0)]
        },
        .init("NFA referral with a CIN plan", "LC0001", "4000") { $0.episodes[0].cinPlans = [CINPlanDates(startDate: day("2025-06-10"))] },
        .init("conference recorded twice", "LC0005", "2884") {
            $0.episodes[0].initialCPCDate = $0.episodes[0].section47Enquiries[0].initialCPCDate
        },
        .init("CP plan not started at a conference", "LC0005", "2885") {
            $0.episodes[0].childProtectionPlans[0].startDate = $0.episodes[0].childProtectionPlans[0].startDate.adding(days: 1)
        },
        .init("conference before the referral", "LC0012", "1104") {
            $0.episodes[0].section47Enquiries[0].initialCPCDate = day("2025-05-30")
        },
        .init("conference at a weekend", "LC0012", "8875") { $0.episodes[0].section47Enquiries[0].initialCPCDate = day("2025-06-28") },
        .init("conference target at a weekend", "LC0012", "8870Q") { $0.episodes[0].section47Enquiries[0].initialCPCTarget = day("2025-06-28") },
        .init("conference before the enquiry began", "LC0012", "8615") { $0.episodes[0].section47Enquiries[0].startDate = day("2025-06-25") },
        .init("enquiry before the referral", "LC0012", "2889") { $0.episodes[0].section47Enquiries[0].startDate = day("2025-05-30") },
        .init("CP plan before the referral", "LC0006", "1105") { $0.episodes[0].referralDate = day("2024-12-10") },
        .init("CP plan starts and ends the same day", "LC0013", "8840") {
            $0.episodes[0].childProtectionPlans[0].endDate = $0.episodes[0].childProtectionPlans[0].startDate
        },
        .init("CP plan ends before it starts", "LC0013", "8925") { $0.episodes[0].childProtectionPlans[0].endDate = day("2025-05-01") },
        .init("CP plan ends after the census year", "LC0005", "8930") { $0.episodes[0].childProtectionPlans[0].endDate = day("2026-04-15") },
        .init("CP review on the day the plan began", "LC0005", "8841") {
            $0.episodes[0].childProtectionPlans[0].reviewDates = [$0.episodes[0].childProtectionPlans[0].startDate]
        },
        .init("negative number of previous plans", "LC0005", "8730") { $0.episodes[0].childProtectionPlans[0].numberOfPreviousPlans = -1 },
        .init("invalid initial category", "LC0005", "8905") { $0.episodes[0].childProtectionPlans[0].initialCategoryOfAbuse = "ABC" },
        .init("invalid latest category", "LC0005", "8910") { $0.episodes[0].childProtectionPlans[0].latestCategoryOfAbuse = "ABC" },
        .init("two open assessments", "LC0008", "8896") { $0.episodes[0].assessments.append(CINAssessment(startDate: day("2026-02-20"))) },
        .init("assessment starts while another is open", "LC0008", "8863Q") {
            $0.episodes[0].assessments.append(CINAssessment(startDate: day("2026-02-20")))
        },
        .init("assessment authorised before it started", "LC0004", "8608") { $0.episodes[0].assessments[0].authorisationDate = day("2025-08-04") },
        .init("factors on an unauthorised assessment", "LC0008", "8614") { $0.episodes[0].assessments[0].factors = ["1B"] },
        .init("assessment authorised after the census year", "LC0007", "8696") {
            $0.episodes[0].assessments[0].authorisationDate = day("2026-04-02")
        },
        .init("authorised assessment with no factors", "LC0007", "8897Q") { $0.episodes[0].assessments[0].factors = [] },
        .init("open assessment started last year", "LC0008", "8736") { $0.episodes[0].assessments[0].startDate = day("2025-03-20") },
        .init("assessment open for over 45 working days", "LC0008", "8670Q") { $0.episodes[0].assessments[0].startDate = day("2025-12-01") },
        .init("closed with an unauthorised assessment", "LC0004", "8867") {
            $0.episodes[0].assessments[0].authorisationDate = nil
            $0.episodes[0].assessments[0].factors = []
        },
        .init("two enquiries without a conference", "LC0012", "8839") {
            $0.episodes[0].section47Enquiries += [Section47(startDate: day("2025-07-01")), Section47(startDate: day("2025-07-02"))]
        },
        .init("enquiry starts while another is open", "LC0012", "8890") {
            $0.episodes[0].section47Enquiries.append(Section47(startDate: day("2025-06-10")))
        },
        .init("enquiry without a conference for over 15 working days", "LC0011", "8675Q") {
            $0.episodes[0].section47Enquiries[0].icpcNotRequired = false
        },
        .init("open enquiry started last year", "LC0011", "8740") {
            $0.episodes[0].referralDate = day("2025-03-01")
            $0.episodes[0].section47Enquiries[0] = Section47(startDate: day("2025-03-02"))
        },
        .init("closed with an open enquiry", "LC0013", "8868") {
            $0.episodes[0].section47Enquiries[0].initialCPCDate = nil
        },
        .init("enquiry with no assessment", "LC0011", "2991Q") { $0.episodes[0].assessments = [] },
        .init("closed after assessment with a plan", "LC0014", "2990") { $0.episodes[0].reasonForClosure = "RC8" },
        .init("closed after assessment with no assessment", "LC0014", "8825Q") { $0.episodes[0].reasonForClosure = "RC8" },
        .init("died but no date of death", "LC0014", "8585Q") { $0.episodes[0].reasonForClosure = "RC2" },
        .init("CIN plan before the referral", "LC0007", "4015") { $0.episodes[0].cinPlans[0].startDate = day("2025-06-30") },
        .init("CIN plan ends before it starts", "LC0015", "4011") { $0.episodes[0].cinPlans[0].endDate = day("2025-06-12") },
        .init("CIN plan starts and ends the same day", "LC0015", "4012Q") { $0.episodes[0].cinPlans[0].endDate = day("2025-06-13") },
        .init("CIN plan ended before the census year", "LC0014", "4013") { $0.episodes[0].cinPlans[0].endDate = day("2025-03-01") },
        .init("CIN plan after the census year", "LC0007", "4010") { $0.episodes[0].cinPlans[0].startDate = day("2026-04-01") },
        .init("two open CIN plans", "LC0007", "4004") { $0.episodes[0].cinPlans.append(CINPlanDates(startDate: day("2025-10-01"))) },
        .init("CIN plans overlap", "LC0007", "4014") { $0.episodes[0].cinPlans.append(CINPlanDates(startDate: day("2025-10-01"))) },
        .init("CIN plan after death", "LC0009", "4008") { $0.episodes[0].cinPlans[0].startDate = day("2026-01-25") },
        .init("CIN plan ends after death", "LC0009", "4009Q") { $0.identifiers.deathDate = day("2026-01-10") },
        .init("UPN with the wrong check letter", "LC0003", "1510") {
            let upn = $0.identifiers.upn!
            $0.identifiers.upn = (upn.first == "A" ? "B" : "A") + upn.dropFirst()
        },
        .init("UPN from no real LA", "LC0003", "1530") { $0.identifiers.upn = "A999100001003" },
        .init("UPN with letters in the middle", "LC0003", "1540") { $0.identifiers.upn = "A3301000X1003" },
        .init("UPN ending in an invalid letter", "LC0003", "1550") { $0.identifiers.upn = "A33010000100I" },
        .init("former UPN badly formed", "LC0003", "1560Q") { $0.identifiers.formerUPN = "12345" },
        .init("child ID too long", "LC0003", "1570") { $0.identifiers.laChildID = String(repeating: "7", count: 21) },
        .init("child ID with punctuation", "LC0003", "1580") { $0.identifiers.laChildID = "LC-0003" },
        .init("sex not M, F or U", "LC0003", "4180") { $0.identifiers.sex = "X" },
        .init("unborn child recorded as male", "LC0008", "8750") { $0.identifiers.sex = "M" },
        .init("both date of birth and expected date", "LC0008", "8525Q") { $0.identifiers.birthDate = day("2026-03-01") },
        .init("expected birth far in the future", "LC0008", "8530Q") { $0.identifiers.expectedBirthDate = day("2027-03-01") },
        .init("born after the census year", "LC0003", "8520") { $0.identifiers.birthDate = day("2026-04-02") },
        .init("referral over 40 weeks before birth", "LC0008", "8606") { $0.identifiers.expectedBirthDate = day("2026-12-20") },
        .init("died before birth", "LC0009", "8535Q") { $0.identifiers.deathDate = day("2008-01-01") },
        .init("died outside the census year", "LC0009", "8545Q") { $0.identifiers.deathDate = day("2026-04-20") },
        .init("referred after death", "LC0009", "8555Q") { $0.identifiers.deathDate = day("2024-06-01") },
        .init("ethnicity not a code", "LC0003", "4220") { $0.characteristics.ethnicity = "XXXX" },
        .init("no disability recorded", "LC0003", "8540") { $0.characteristics.disabilities = [] },
        .init("NONE with a disability", "LC0003", "8790") { $0.characteristics.disabilities = ["NONE", "AUT"] },
        .init("disability recorded twice", "LC0007", "8794") { $0.characteristics.disabilities = ["AUT", "AUT"] },
        .init("referral source not a code", "LC0003", "8866") { $0.episodes[0].referralSource = "11" },
        .init("primary need missing", "LC0003", "8610") { $0.episodes[0].primaryNeedCode = nil },
        .init("primary need not a code", "LC0003", "8650") { $0.episodes[0].primaryNeedCode = "N10" },
        .init("referral after the census year", "LC0008", "8600") { $0.episodes[0].referralDate = day("2026-04-01") },
        .init("old referral marked NFA", "LC0001", "8569Q") {
            $0.episodes[0].referralDate = day("2025-03-20")
            $0.episodes[0].closureDate = day("2025-04-02")
        },
        .init("UN7 for a child with further action", "LC0003", "8772") { $0.identifiers.upnUnknown = "UN7" },
        .init("school-age child with no UPN", "LC0003", "8770Q") { $0.identifiers.upn = nil },
        .init("over 25", "LC0016", "8775Q") { $0.identifiers.birthDate = day("2000-01-01") },
        .init("no episode at all", "LC0003", "8590") { $0.episodes = [] },
    ]

    @Test(arguments: brokenRecords)
    func eachMistakeIsCaughtByItsRule(_ broken: BrokenCINRecord) throws {
        let issues = Self.issues(for: broken)
        let caught = issues.filter { $0.rule == broken.rule }
        #expect(!caught.isEmpty, "expected rule \(broken.rule); got \(issues.map(\.description))")
        for issue in caught {
            #expect(issue.severity == (broken.rule.hasSuffix("Q") ? .query : .error))
            #expect(issue.message.hasSuffix("(rule \(broken.rule))"))
        }
    }

    @Test func theCleanFixtureRaisesNothing() {
        let issues = CINCensusChecks.check(CINFixture.input)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func messagesReadAsPlainEnglishAboutTheRightChild() throws {
        let broken = Self.brokenRecords.first { $0.rule == "1103" }!
        let issue = try #require(Self.issues(for: broken).first { $0.rule == "1103" })
        #expect(issue.childID == "LC0003")
        #expect(issue.field == "AssessmentActualStartDate")
        #expect(issue.message == "The assessment starts (01/05/2025) before the referral date (12/05/2025) (rule 1103)")
    }

    @Test func duplicateChildIDsAndUPNsAreCaughtAcrossTheReturn() {
        var input = CINFixture.input
        input.children[1].identifiers.laChildID = input.children[0].laChildID
        input.children[3].identifiers.upn = input.children[2].identifiers.upn
        let rules = Set(CINCensusChecks.check(input).compactMap(\.rule))
        #expect(rules.isSuperset(of: ["8510", "1520"]))
    }

    @Test func returnLevelQueriesCountAcrossChildren() {
        var input = CINFixture.input
        for i in input.children.indices where input.children[i].identifiers.birthDate != nil {
            input.children[i].characteristics.disabilities = ["NONE"]
            input.children[i].identifiers.sex = i % 10 == 0 ? "U" : input.children[i].identifiers.sex
        }
        input.children[2].characteristics.disabilities = ["AUT"]
        let issues = CINCensusChecks.check(input).filter { $0.childID.isEmpty }
        #expect(Set(issues.compactMap(\.rule)) == ["2886Q", "2887Q", "2888Q"])
        #expect(issues.allSatisfy { $0.severity == .query })
    }

    @Test func moreProtectionPlansThanConferencesIsAnError() {
        var input = CINFixture.input
        for id in ["LC0005", "LC0012"] {
            let index = input.children.firstIndex { $0.laChildID == id }!
            input.children[index].episodes[0].section47Enquiries[0].initialCPCDate = nil
            input.children[index].episodes[0].section47Enquiries[0].icpcNotRequired = true
        }
        let issues = CINCensusChecks.check(input)
        #expect(issues.contains { $0.rule == "2883" && $0.childID.isEmpty })
    }

    @Test func workingDayCountsUseTheInjectedCalendar() {
        // With every day a working day, an assessment started 50 days before the reference date
        // has run for more than 45 working days; with the real calendar it has not.
        var input = CINFixture.input
        let index = input.children.firstIndex { $0.laChildID == "LC0008" }!
        input.children[index].episodes[0].assessments[0].startDate = day("2026-02-09")
        #expect(!CINCensusChecks.check(input).contains { $0.rule == "8670Q" })
        #expect(CINCensusChecks.check(input, isWorkingDay: { _ in true }).contains { $0.rule == "8670Q" })
    }
}

import Foundation
import Testing
@testable import LanternCore

private func day(_ iso: String) -> Day { Day(iso: iso)! }

@Suite struct RetentionPolicyTests {
    let policy = RetentionPolicy.englandDefault

    private func subject(_ kind: RecordKind, born: String?, closed: String? = nil, adopted: String? = nil,
                         died: String? = nil, id: String = "R1") -> RetentionSubject {
        RetentionSubject(recordID: id, kind: kind, dateOfBirth: born.map(day), closedOn: closed.map(day),
                         adoptionOrderOn: adopted.map(day), diedOn: died.map(day))
    }

    @Test func keepsALookedAfterChildsRecordUntilTheir75thBirthday() throws {
        let record = subject(.lookedAfter, born: "2008-03-14", closed: "2026-03-14")
        #expect(policy.reviewDate(for: record) == day("2083-03-14"))
        let due = try #require(policy.due(on: day("2083-03-14"), subjects: [record]).first)
        #expect(due.reason == "Looked after child record, kept until the child's 75th birthday on Sunday 14 March 2083. "
            + "Source: Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50.")
    }

    /// As `Day.age(on:)` counts them: someone born on 29 February turns 75 on 1 March in a common year.
    @Test func countsYearsFrom29FebruaryAsBirthdaysAreCounted() {
        #expect(policy.reviewDate(for: subject(.lookedAfter, born: "2008-02-29")) == day("2083-03-01"))
        #expect(policy.reviewDate(for: subject(.lookedAfter, born: "2008-02-29")).map { day("2008-02-29").age(on: $0) } == 75)
        #expect(policy.reviewDate(for: subject(.adoption, born: "2008-02-29", adopted: "2012-02-29")) == day("2112-02-29"))
    }

    @Test func keepsALookedAfterChildWhoDiedFor15YearsFromTheirDeath() throws {
        let child = subject(.lookedAfter, born: "2008-03-14", closed: "2020-05-01", died: "2020-05-01")
        #expect(policy.reviewDate(for: child) == day("2035-05-01"))
        let reason = try #require(policy.due(on: day("2035-05-01"), subjects: [child]).first?.reason)
        #expect(reason.contains("15 years after the child's death on Friday 1 May 2020"))
        #expect(reason.contains("died before their 18th birthday"))
        // Regulation 50's death rule is for a child; a care leaver who died at 30 keeps the 75th birthday.
        let adult = subject(.lookedAfter, born: "2008-03-14", closed: "2026-03-14", died: "2038-06-01")
        #expect(policy.reviewDate(for: adult) == day("2083-03-14"))
        let onTheirBirthday = subject(.lookedAfter, born: "2008-03-14", died: "2026-03-14")
        #expect(policy.reviewDate(for: onTheirBirthday) == day("2083-03-14"))
        let dayBefore = subject(.lookedAfter, born: "2008-03-14", died: "2026-03-13")
        #expect(policy.reviewDate(for: dayBefore) == day("2041-03-13"))
    }

    @Test func keepsAdoptionRecords100YearsFromTheOrderEvenAfterADeath() {
        #expect(policy.reviewDate(for: subject(.adoption, born: "2012-02-29", adopted: "2014-02-28")) == day("2114-02-28"))
        #expect(policy.reviewDate(for: subject(.adoption, born: "2012-02-29", adopted: "2014-02-28", died: "2015-01-01"))
            == day("2114-02-28"))
        #expect(policy.reviewDate(for: subject(.adoption, born: "2012-02-29")) == nil)
    }

    @Test(arguments: [RecordKind.childInNeed, .childProtection])
    func keepsChildrensRecordsUntilThe25thBirthdayOrThe26thIfClosedAt17(kind: RecordKind) throws {
        let born = "2006-01-10"
        #expect(policy.reviewDate(for: subject(kind, born: born, closed: "2020-01-01")) == day("2031-01-10"))
        #expect(policy.reviewDate(for: subject(kind, born: born, closed: "2023-01-09")) == day("2031-01-10"))
        #expect(policy.reviewDate(for: subject(kind, born: born, closed: "2023-01-10")) == day("2032-01-10"))
        #expect(policy.reviewDate(for: subject(kind, born: born, closed: "2024-01-09")) == day("2032-01-10"))
        let late = subject(kind, born: born, closed: "2023-06-01")
        let reason = try #require(policy.due(on: day("2032-01-10"), subjects: [late]).first?.reason)
        #expect(reason.contains("26th birthday on Saturday 10 January 2032, because they were 17 when the record closed"))
        #expect(reason.contains("NHS Records Management Code of Practice 2021"))
    }

    @Test func anOpenRecordHasNoReviewDateUntilItCloses() {
        #expect(policy.reviewDate(for: subject(.childInNeed, born: "2006-01-10")) == nil)
        #expect(policy.reviewDate(for: subject(.earlyHelp, born: "2006-01-10")) == nil)
        #expect(policy.due(on: day("2100-01-01"), subjects: [subject(.childProtection, born: "1990-01-01")]).isEmpty)
    }

    @Test func keepsEarlyHelpAndNoFurtherActionContactsSixYearsFromClosure() throws {
        #expect(policy.reviewDate(for: subject(.earlyHelp, born: "2015-05-05", closed: "2018-04-30")) == day("2024-04-30"))
        #expect(policy.reviewDate(for: subject(.contactNoFurtherAction, born: "2015-05-05", closed: "2020-02-29"))
            == day("2026-03-01"))
        let reason = try #require(policy.due(on: day("2024-04-30"),
                                             subjects: [subject(.earlyHelp, born: "2015-05-05", closed: "2018-04-30")]).first?.reason)
        #expect(reason.hasPrefix("Early help record, kept for 6 years after the record closed on Monday 30 April 2018, "
            + "until Tuesday 30 April 2024."))
    }

    @Test func keepsAnyChildWhoDiedFor15YearsFromTheirDeath() {
        #expect(policy.reviewDate(for: subject(.childInNeed, born: "2010-01-01", died: "2015-03-01")) == day("2030-03-01"))
        #expect(policy.reviewDate(for: subject(.earlyHelp, born: "2010-01-01", closed: "2012-01-01", died: "2015-03-01"))
            == day("2030-03-01"))
        // An unborn child has no date of birth; a death is still a child's death.
        #expect(policy.reviewDate(for: subject(.contactNoFurtherAction, born: nil, died: "2021-07-07")) == day("2036-07-07"))
    }

    @Test func listsOnlyRecordsDueOldestFirst() {
        let today = day("2025-06-30")
        let subjects = [
            subject(.earlyHelp, born: "2012-01-01", closed: "2019-06-30", id: "due-today"),
            subject(.earlyHelp, born: "2012-01-01", closed: "2019-07-01", id: "due-tomorrow"),
            subject(.contactNoFurtherAction, born: "2012-01-01", closed: "2010-01-01", id: "long-due"),
            subject(.childInNeed, born: "2000-01-01", closed: "2010-01-01", id: "b-cin"),
            subject(.childProtection, born: "2000-01-01", closed: "2010-01-01", id: "a-cp"),
            subject(.lookedAfter, born: "2000-01-01", closed: "2018-01-01", id: "looked-after"),
            subject(.childInNeed, born: "2000-01-01", id: "open"),
        ]
        let due = policy.due(on: today, subjects: subjects)
        #expect(due.map(\.subject.recordID) == ["long-due", "a-cp", "b-cin", "due-today"])
        #expect(due.map(\.reviewDate) == [day("2016-01-01"), day("2025-01-01"), day("2025-01-01"), day("2025-06-30")])
    }

    @Test func aCouncilCanSetItsOwnRules() throws {
        let custom = try RetentionPolicy(rules: [
            RetentionRule(kind: .childProtection, period: RetentionPeriod(years: 35, from: .closure),
                          source: "Example Council retention schedule, CP-01"),
        ])
        let record = subject(.childProtection, born: "2006-01-10", closed: "2020-01-01")
        #expect(custom.reviewDate(for: record) == day("2055-01-01"))
        #expect(custom.due(on: day("2055-01-01"), subjects: [record]).first?.reason.hasSuffix("Source: Example Council retention schedule, CP-01.") == true)
        #expect(custom.reviewDate(for: subject(.childInNeed, born: "2006-01-10", closed: "2020-01-01")) == nil)
        // With no rule for a death, a death changes nothing.
        #expect(custom.reviewDate(for: subject(.childProtection, born: "2006-01-10", closed: "2020-01-01", died: "2019-01-01"))
            == day("2055-01-01"))
    }

    @Test func refusesContradictoryRules() {
        let rule = RetentionRule(kind: .earlyHelp, period: RetentionPeriod(years: 6, from: .closure), source: "x")
        #expect(throws: RetentionPolicyError.duplicateRule(.earlyHelp)) { try RetentionPolicy(rules: [rule, rule]) }
        var negative = rule
        negative.ifChildDied = RetentionPeriod(years: -1, from: .death)
        #expect(throws: RetentionPolicyError.negativeYears(.earlyHelp)) { try RetentionPolicy(rules: [negative]) }
        negative = rule
        negative.period.lateClosure = .init(atAge: 17, extraYears: -2)
        #expect(throws: RetentionPolicyError.negativeYears(.earlyHelp)) { try RetentionPolicy(rules: [negative]) }
    }

    @Test func storesTheRulesAsJSON() throws {
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(RetentionPolicy.self, from: data) == policy)
        #expect(policy.rules.map(\.kind) == RecordKind.allCases)

        let written = #"""
        {"rules": [{"kind": "childInNeed", "source": "Local schedule",
                    "period": {"years": 25, "from": "birth", "lateClosure": {"atAge": 17, "extraYears": 1}},
                    "ifChildDied": {"years": 8, "from": "death"}}]}
        """#
        let decoded = try JSONDecoder().decode(RetentionPolicy.self, from: Data(written.utf8))
        #expect(decoded.rule(for: .childInNeed)?.ifChildDied == RetentionPeriod(years: 8, from: .death))
        #expect(decoded.reviewDate(for: subject(.childInNeed, born: "2006-01-10", died: "2010-01-01")) == day("2018-01-01"))

        let duplicated = #"{"rules": [{"kind": "earlyHelp", "source": "a", "period": {"years": 6, "from": "closure"}},"#
            + #"{"kind": "earlyHelp", "source": "b", "period": {"years": 7, "from": "closure"}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RetentionPolicy.self, from: Data(duplicated.utf8)) }
    }
}

@Suite struct RetentionSubjectFromCaseTests {
    @Test func aClosedCaseWithAPlanIsAChildProtectionRecordClosedOnItsLastClosure() throws {
        var episode = EpisodeOfNeed(referralDate: day("2010-01-04"), referralSource: "1A")
        episode.childProtectionPlans = []
        episode.closure = .init(date: day("2012-05-01"), reason: "RC1", signedOffBy: "m")
        let withoutPlan = try #require(RetentionSubject.forChild(recordID: "L1", dateOfBirth: day("2000-01-01"),
                                                                 snapshot: CaseSnapshot(episodes: [episode]), lastContactOn: nil))
        #expect(withoutPlan.kind == .childInNeed)
        #expect(withoutPlan.closedOn == day("2012-05-01"))
        let withPlan = try #require(RetentionSubject.forChild(recordID: "L1", dateOfBirth: day("2000-01-01"),
                                                              snapshot: CaseSnapshot(childProtectionPlansBeforeRecords: 1, episodes: [episode]),
                                                              lastContactOn: nil))
        #expect(withPlan.kind == .childProtection)
        // Born 2000, closed at 12: due on the 25th birthday.
        #expect(RetentionPolicy.englandDefault.reviewDate(for: withPlan) == day("2025-01-01"))
    }

    @Test func anOpenCaseHasNoClosureAndContactsAloneCountFromTheLastContact() throws {
        let open = EpisodeOfNeed(referralDate: day("2010-01-04"), referralSource: "1A")
        let subject = try #require(RetentionSubject.forChild(recordID: "L1", dateOfBirth: day("2000-01-01"),
                                                             snapshot: CaseSnapshot(episodes: [open]), lastContactOn: nil))
        #expect(subject.closedOn == nil)
        #expect(RetentionPolicy.englandDefault.reviewDate(for: subject) == nil)
        let contactOnly = try #require(RetentionSubject.forChild(recordID: "L2", dateOfBirth: nil, snapshot: nil, lastContactOn: day("2015-06-01")))
        #expect(contactOnly.kind == .contactNoFurtherAction)
        #expect(RetentionPolicy.englandDefault.reviewDate(for: contactOnly) == day("2021-06-01"))
        #expect(RetentionSubject.forChild(recordID: "L3", dateOfBirth: nil, snapshot: nil, lastContactOn: nil) == nil)
    }

    @Test func aChildWhoWasLookedAfterHasALookedAfterRecordKeptToTheir75thBirthday() throws {
        let born = day("1990-03-01")
        var episode = EpisodeOfNeed(referralDate: day("2005-01-04"), referralSource: "1A")
        episode.closure = .init(date: day("2008-03-05"), reason: "RC1", signedOffBy: "m")
        let ledger = try CareEpisodeLedger(childBirthDate: born)
            .recording(.startedToBeLookedAfter(.init(date: day("2005-02-01"), legalStatus: "C2", categoryOfNeed: "N1",
                                                    placement: CarePlacement(type: "U4", provider: "PR1", postcode: "B1 1BB"), homePostcode: nil)),
                       on: day("2026-11-23"), by: .practitioner("sw"))
            .recording(.ceasedToBeLookedAfter(on: day("2008-03-01"), reason: "E17"), on: day("2026-11-23"), by: .practitioner("sw"))
        let snapshot = CaseSnapshot(childBirthDate: born, episodes: [episode], care: LookedAfterRecord(ledger: ledger))
        let subject = try #require(RetentionSubject.forChild(recordID: "L1", dateOfBirth: born, snapshot: snapshot, lastContactOn: nil,
                                                             today: day("2026-11-23")))
        #expect(subject.kind == .lookedAfter)
        #expect(subject.closedOn == day("2008-03-05"))
        #expect(RetentionPolicy.englandDefault.reviewDate(for: subject) == day("2065-03-01"))
    }
}

import Foundation
import Testing
@testable import LanternCore

@Suite struct PerformanceMeasuresTests {
    let timescales = StatutoryTimescales()
    let manager = WorkflowActor.manager("m")
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func snapshot(_ actions: [CaseworkAction]) throws -> CaseSnapshot {
        var s = CaseSnapshot(childBirthDate: day("2015-01-01"))
        for a in actions { s = try CaseworkRules.apply(a, to: s, on: day("2026-11-20"), by: manager) }
        return s
    }

    func assessed(referral: String, start: String, seen: String?, authorised: String) -> [CaseworkAction] {
        var actions: [CaseworkAction] = [.openEpisodeOfNeed(referralDate: day(referral), source: "6", primaryNeed: nil), .startAssessment(on: day(start))]
        if let seen { actions.append(.recordChildSeen(on: day(seen), seenAlone: true)) }
        actions += [.recordWishesAndFeelings(on: day(start)), .submitAssessment(on: day(authorised), factors: ["3A"], needsSupport: true),
                    .authoriseAssessment(on: day(authorised), primaryNeed: "N1")]
        return actions
    }

    @Test func assessmentTimelinessCountsWorkingDaysFromReferral() throws {
        // Referral 2 March 2026: 45 working days (Good Friday and Easter Monday skipped) end on 7 May.
        let onTime = CaseFacts(childID: UUID(), teamID: nil, snapshot: try snapshot(assessed(referral: "2026-03-02", start: "2026-03-03", seen: "2026-03-04", authorised: "2026-05-07")))
        let late = CaseFacts(childID: UUID(), teamID: nil, snapshot: try snapshot(assessed(referral: "2026-03-02", start: "2026-03-03", seen: "2026-03-05", authorised: "2026-05-08")))
        let m = PerformanceMeasures.compute(contacts: [], cases: [onTime, late], period: ReportingPeriod(from: day("2026-04-01"), to: day("2026-06-30")), timescales: timescales)
        #expect(m.assessmentsWithin45WorkingDays == Proportion(count: 1, of: 2, children: [late.childID]))
        #expect(m.assessmentsWithChildSeen.count == 2)
        #expect(m.referrals == 0)
        #expect(m.assessmentsWithin45WorkingDays.label == "50% (1 of 2)")
    }

    @Test func contactsDecidedInTimeAndConversionBySource() {
        let due = Date(timeIntervalSince1970: 1_780_000_000)
        let contacts = [
            ContactFacts(receivedOn: day("2026-05-01"), decisionDue: due, decidedAt: due.addingTimeInterval(-60), becameReferral: true, sourceCode: "6", isReReferral: false),
            ContactFacts(receivedOn: day("2026-05-01"), decisionDue: due, decidedAt: due.addingTimeInterval(3600), becameReferral: false, sourceCode: "6", isReReferral: false),
            ContactFacts(receivedOn: day("2026-05-02"), decisionDue: due, decidedAt: nil, becameReferral: false, sourceCode: "2A", isReReferral: false,
                         organisation: "Greenfield Primary School"),
            ContactFacts(receivedOn: day("2025-05-02"), decisionDue: due, decidedAt: due, becameReferral: true, sourceCode: "2A", isReReferral: false),
        ]
        let m = PerformanceMeasures.compute(contacts: contacts, cases: [], period: ReportingPeriod(from: day("2026-04-01"), to: day("2026-06-30")), timescales: timescales)
        #expect(m.contacts == 3)
        #expect(m.decidedWithinOneWorkingDay == Proportion(count: 1, of: 2))
        #expect(m.conversionToReferral == Proportion(count: 1, of: 3))
        #expect(m.conversionBySource.first?.source == "6")
        #expect(m.conversionBySource.first?.proportion == Proportion(count: 1, of: 2))
        #expect(m.conversionByOrganisation.map(\.organisation) == ["Greenfield Primary School"])
        #expect(m.conversionByOrganisation.first?.proportion == Proportion(count: 0, of: 1))
    }

    @Test func reReferralsAndRepeatPlans() throws {
        let child = UUID()
        var first = assessed(referral: "2025-09-01", start: "2025-09-02", seen: "2025-09-03", authorised: "2025-09-20")
        first += [.proposeClosure(on: day("2025-09-22"), reason: "RC8"), .signOffClosure(on: day("2025-09-23"))]
        let second: [CaseworkAction] = [.openEpisodeOfNeed(referralDate: day("2026-05-01"), source: "2A", primaryNeed: nil)]
        let facts = CaseFacts(childID: child, teamID: nil, snapshot: try snapshot(first + second))
        let m = PerformanceMeasures.compute(contacts: [], cases: [facts], period: ReportingPeriod(from: day("2026-04-01"), to: day("2026-06-30")), timescales: timescales)
        #expect(m.referrals == 1)
        #expect(m.reReferralsWithinTwelveMonths == Proportion(count: 1, of: 1, children: [child]))
    }

    @Test func periodsSplitIntoMonths() {
        let months = ReportingPeriod(from: day("2026-01-15"), to: day("2026-03-02")).months
        #expect(months.map(\.start.iso) == ["2026-01-01", "2026-02-01", "2026-03-01"])
        #expect(months.last?.end.iso == "2026-03-31")
    }
}

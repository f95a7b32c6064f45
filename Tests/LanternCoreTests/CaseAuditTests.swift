import Testing
@testable import LanternCore
import LanternSynthetic

@Suite struct CaseAuditTests {
    @Test func gradesSortBestFirstAndOnlyGoodOrBetterMeetsTheStandard() {
        #expect(CaseAuditGrade.allCases.sorted() == [.outstanding, .good, .requiresImprovement, .inadequate])
        #expect(CaseAuditGrade.allCases.filter(\.meetsStandard) == [.outstanding, .good])
        #expect(CaseAuditGrade.requiresImprovement.label == "Requires improvement")
    }

    @Test func theRollUpCountsOverallGradesByTeamAndSectionGradesByTheme() {
        let results = [
            CaseAuditResult(team: "South", overall: .good, sections: [("Voice of the child", .good), ("Planning", .inadequate)]),
            CaseAuditResult(team: "North", overall: .inadequate, sections: [("Voice of the child", .inadequate), ("Planning", .requiresImprovement)]),
            CaseAuditResult(team: "North", overall: .outstanding, sections: [("Voice of the child", .outstanding)]),
            CaseAuditResult(team: "North", overall: .good, sections: [("Planning", .good), ("Voice of the child", .good)]),
        ]
        let r = CaseAuditRollUp.compute(results)
        #expect(r.byTeam.map(\.key) == ["North", "South"])
        let north = r.byTeam[0]
        #expect(north.total == 3)
        #expect(north.count(.inadequate) == 1 && north.count(.outstanding) == 1 && north.count(.good) == 1 && north.count(.requiresImprovement) == 0)
        #expect(north.percentMeetingStandard.map { Int($0.rounded()) } == 67)
        #expect(north.percent(.requiresImprovement) == 0)
        #expect(r.byTheme.map(\.key) == ["Voice of the child", "Planning"])
        let voice = r.byTheme[0]
        #expect(voice.total == 4 && voice.count(.good) == 2 && voice.count(.inadequate) == 1)
        #expect(voice.percentMeetingStandard == 75)
        let planning = r.byTheme[1]
        #expect(planning.total == 3 && planning.percentMeetingStandard.map { Int($0.rounded()) } == 33)
        #expect(r.overall.total == 4 && r.overall.percentMeetingStandard == 75)
        #expect(CaseAuditRollUp.compute([]).overall.percentMeetingStandard == nil)
    }

    @Test func aNewSectionNeedsATitleThatIsNewAndAQuestion() {
        let template = CaseAuditTemplate.standard
        #expect(template.sections.map(\.title) == ["Voice of the child", "Assessment quality", "Planning", "Management oversight"])
        #expect(template.problems(addingTitle: "Health and education", prompt: "Are health and education needs met?").isEmpty)
        #expect(template.problems(addingTitle: "  ", prompt: "") == [.titleMissing, .promptMissing])
        #expect(template.problems(addingTitle: "voice of the child", prompt: "Again?") == [.titleDuplicate])
        #expect(template.problems(addingTitle: String(repeating: "x", count: 81), prompt: "Long") == [.titleTooLong])
    }

    @Test func aSampleIsDrawnWithoutRepeatsAndCappedAtTheMaximum() {
        let cases = Array(1...50)
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        let first = CaseAuditSample.draw(5, from: cases, using: &a)
        #expect(first.count == 5 && Set(first).count == 5 && first.allSatisfy(cases.contains))
        #expect(first == CaseAuditSample.draw(5, from: cases, using: &b))
        #expect(CaseAuditSample.draw(500, from: cases, using: &a).count == CaseAuditSample.maximum)
        #expect(CaseAuditSample.draw(3, from: [1, 2], using: &a).sorted() == [1, 2])
        #expect(CaseAuditSample.draw(-1, from: cases, using: &a).isEmpty)
    }
}

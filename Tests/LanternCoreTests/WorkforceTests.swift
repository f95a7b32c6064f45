import Testing
@testable import LanternCore

@Suite struct WorkforceTests {
    @Test func censusFiguresCountVacanciesAgainstEmployedStaffOnly() {
        let team = [
            Workforce.Member(isManager: true, agency: false),
            Workforce.Member(isManager: false, agency: false, fte: 1, cases: 18, weightedCases: 22.5, absenceDays: 3),
            Workforce.Member(isManager: false, agency: false, fte: 0.6, cases: 12, weightedCases: 10, absenceDays: 0.5),
            Workforce.Member(isManager: false, agency: true, fte: 1, cases: 20, weightedCases: 26),
            Workforce.Member(isManager: false, agency: false, fte: 0.4),
        ]
        let f = Workforce.figures(team, establishment: 5)
        #expect(f.headcount == 5 && f.socialWorkers == 4 && f.managers == 1)
        #expect(f.fte == 4 && f.agencyHeadcount == 1 && f.agencyFTE == 1)
        // Employed FTE is 3, so 2 of the 5 posts are vacant even though an agency worker covers one.
        #expect(f.vacancies == 2)
        #expect(f.vacancyRate == 40)
        #expect(f.agencyRate == 25)
        #expect(f.absenceDays == 3.5 && f.absenceDaysPerFTE == 0.875)
        #expect(f.cases == 50 && f.caseHolders == 3)
        #expect(f.averageCaseload.map { ($0 * 100).rounded() } == 1667)
        #expect(f.averageWeightedCaseload.map { ($0 * 10).rounded() } == 195)
        // More staff than posts: no negative vacancies.
        #expect(Workforce.figures(team, establishment: 2).vacancies == 0)
        #expect(Workforce.figures(team, establishment: nil).vacancyRate == nil)
        #expect(Workforce.figures([], establishment: nil).averageCaseload == nil)
    }

    @Test func theServiceAddsTeamsUpAndLeavesVacanciesOutWhenATeamHasNoEstablishment() {
        let a = [Workforce.Member(isManager: false, agency: false)]
        let b = [Workforce.Member(isManager: false, agency: true)]
        #expect(Workforce.service([(a, 2), (b, 1)]).vacancies == 2)
        #expect(Workforce.service([(a, 2), (b, nil)]).vacancies == nil)
        #expect(Workforce.service([(a, 2), (b, nil)]).headcount == 2)
    }

    @Test func typedNumbersAreCheckedAgainstTheirRange() {
        #expect(Workforce.parse(" 2.5 ", in: Workforce.absenceDaysInAMonth) == .success(2.5))
        #expect(Workforce.parse("lots", in: Workforce.absenceDaysInAMonth) == .failure(.notANumber))
        #expect(Workforce.parse("nan", in: Workforce.fteRange) == .failure(.notANumber))
        #expect(Workforce.parse("40", in: Workforce.absenceDaysInAMonth) == .failure(.outOfRange(0...23)))
        #expect(Workforce.EntryProblem.outOfRange(0.1...1).message == "Enter a number from 0.1 to 1")
    }
}

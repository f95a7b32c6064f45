import Foundation
import Testing
@testable import LanternCore

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// An instant given as clock time in England.
private func london(_ iso: String, _ hour: Int, _ minute: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Day.london
    let d = day(iso)
    return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: hour, minute: minute))!
}

// Every example below was counted by hand on a printed calendar. Holidays crossed:
// Easter 2024 (Fri 29 Mar, Mon 1 Apr); early May 2024 (Mon 6 May); Christmas 2023 (Mon 25, Tue 26 Dec,
// Mon 1 Jan); Christmas 2024 (Wed 25, Thu 26 Dec, Wed 1 Jan); the 2022 jubilee (Thu 2, Fri 3 Jun, with
// Mon 30 May a working day); the state funeral (Mon 19 Sep 2022); Easter 2025 (Fri 18, Mon 21 Apr).
@Suite struct StatutoryTimescalesTests {
    let clocks = StatutoryTimescales()

    @Test func contactDecisionIsDueTheNextWorkingDay() {
        #expect(clocks.contactDecisionDue(receivedOn: day("2024-03-28")) == day("2024-04-02"))
        #expect(clocks.contactDecisionDue(receivedOn: day("2024-03-30")) == day("2024-04-02"))
        #expect(clocks.contactDecisionDue(receivedOn: day("2024-04-02")) == day("2024-04-03"))
    }

    @Test func contactDecisionKeepsTheClockTimeAcrossEasterAndTheClockChange() {
        // 16:30 GMT on Thursday; the clocks go forward on Easter Sunday; due 16:30 BST on Tuesday.
        let received = london("2024-03-28", 16, 30)
        let due = clocks.contactDecisionDue(receivedAt: received)
        #expect(due == london("2024-04-02", 16, 30))
        #expect(due.timeIntervalSince(received) == (4 * 24 + 24 - 1) * 3600)  // one hour lost to BST
        #expect(clocks.workingHoursLeft(now: received, due: due) == 24)
        #expect(clocks.workingHoursLeft(now: london("2024-03-30", 12), due: due) == 16.5)
        #expect(clocks.workingHoursLeft(now: london("2024-04-02", 15), due: due) == 1.5)
        #expect(clocks.workingHoursLeft(now: london("2024-04-02", 18), due: due) == -1.5)
        #expect(clocks.workingHoursLeft(now: london("2024-04-03", 9), due: due) == -(7.5 + 9))
    }

    @Test func contactReceivedOnAHolidayStartsWhenTheNextWorkingDayBegins() {
        // Saturday of Easter weekend: the clock starts on Tuesday and runs one full working day.
        let due = clocks.contactDecisionDue(receivedAt: london("2024-03-30", 10))
        #expect(due == london("2024-04-03", 0))
        #expect(clocks.workingHoursLeft(now: london("2024-03-30", 10), due: due) == 24)
    }

    @Test func referrerIsToldTheOutcomeByTheLocalStandard() {
        #expect(clocks.referrerToldOutcomeDue(decidedOn: day("2023-12-21")) == day("2023-12-28"))
        var standards = LocalStandards.national
        standards.referrerToldOutcome = .workingDays(5)
        let council = StatutoryTimescales(standards: standards)
        #expect(council.referrerToldOutcomeDue(decidedOn: day("2023-12-21")) == day("2024-01-02"))
    }

    @Test func assessmentIsDueIn45WorkingDays() {
        // Easter and the early May holiday both fall inside.
        #expect(clocks.assessmentDue(referralOn: day("2024-03-18")) == day("2024-05-23"))
        var standards = LocalStandards.national
        standards.assessment = .workingDays(35)
        let council = StatutoryTimescales(standards: standards)
        #expect(council.assessmentDue(referralOn: day("2024-03-18")) == day("2024-05-09"))
        // The DfE still measures 45.
        #expect(council.assessmentDueByDfEMeasure(referralOn: day("2024-03-18")) == day("2024-05-23"))
    }

    @Test func strategyDiscussionIsDueByTheLocalStandard() {
        #expect(clocks.strategyDiscussionDue(concernRaisedOn: day("2024-03-28")) == day("2024-04-02"))
    }

    @Test func initialConferenceIsDueIn15WorkingDays() {
        #expect(clocks.initialConferenceDue(strategyDiscussionOn: day("2022-05-25")) == day("2022-06-17"))
        #expect(clocks.initialConferenceDueByDfEMeasure(section47StartedOn: day("2022-05-26")) == day("2022-06-20"))
        // Without the 2022 changes the usual spring holiday (30 May) would have cost a different day.
        let usualOnly = StatutoryTimescales(calendar: WorkingDayCalendar(oneOffChanges: []))
        #expect(usualOnly.initialConferenceDue(strategyDiscussionOn: day("2022-05-25")) == day("2022-06-16"))
    }

    @Test func firstCoreGroupIsDueIn10WorkingDays() {
        #expect(clocks.firstCoreGroupDue(initialConferenceOn: day("2022-09-09")) == day("2022-09-26"))
    }

    @Test func reviewConferencesFollowAt3ThenEvery6Months() {
        #expect(clocks.reviewConferenceDue(initialConferenceOn: day("2023-11-30")) == day("2024-02-29"))
        #expect(clocks.reviewConferenceDue(initialConferenceOn: day("2022-11-30")) == day("2023-02-28"))
        #expect(clocks.reviewConferenceDue(initialConferenceOn: day("2023-11-30"), lastReviewOn: day("2024-02-27"))
            == day("2024-08-27"))
        // Calendar months can end on a holiday: due Monday 6 May 2024, the early May bank holiday.
        #expect(clocks.reviewConferenceDue(initialConferenceOn: day("2024-02-06")) == day("2024-05-06"))
    }

    @Test func childProtectionVisitsFollowTheLocalInterval() {
        #expect(clocks.childProtectionVisitDue(planStartedOn: day("2023-12-20")) == day("2024-01-08"))
        #expect(clocks.childProtectionVisitDue(planStartedOn: day("2023-12-20"), lastVisitOn: day("2024-03-28"))
            == day("2024-04-15"))
        var standards = LocalStandards.national
        standards.childProtectionVisits = .weeks(4)
        let council = StatutoryTimescales(standards: standards)
        #expect(council.childProtectionVisitDue(planStartedOn: day("2023-12-20"), lastVisitOn: day("2024-03-28"))
            == day("2024-04-25"))
    }

    @Test func lookedAfterReviewsFollowAt20WorkingDaysThen3ThenEvery6Months() {
        let start = day("2022-12-12")
        #expect(clocks.lookedAfterReviewDue(startedToBeLookedAfterOn: start) == day("2023-01-12"))
        // The second review falls due on Easter Monday 2023.
        #expect(clocks.lookedAfterReviewDue(startedToBeLookedAfterOn: start, reviewsHeld: [day("2023-01-10")])
            == day("2023-04-10"))
        #expect(clocks.lookedAfterReviewDue(startedToBeLookedAfterOn: start,
                                            reviewsHeld: [day("2023-04-05"), day("2023-01-10")]) == day("2023-10-05"))
    }

    @Test func lookedAfterVisitsFollowRegulation28() {
        let start = day("2023-12-21")
        #expect(clocks.lookedAfterVisitDue(placementStartedOn: start) == day("2023-12-28"))
        #expect(clocks.lookedAfterVisitDue(placementStartedOn: start, lastVisitOn: day("2023-12-28")) == day("2024-02-08"))
        // After the first year: 3 months in a long-term placement, otherwise still 6 weeks.
        let older = day("2023-03-01")
        #expect(clocks.lookedAfterVisitDue(placementStartedOn: older, lastVisitOn: day("2024-03-04"), isLongTermPlacement: true)
            == day("2024-06-04"))
        #expect(clocks.lookedAfterVisitDue(placementStartedOn: older, lastVisitOn: day("2024-03-04"))
            == day("2024-04-15"))
        #expect(clocks.lookedAfterVisitDue(placementStartedOn: older, lastVisitOn: day("2024-02-28"), isLongTermPlacement: true)
            == day("2024-04-10"))
    }

    @Test func initialHealthAssessmentIsDueIn20WorkingDays() {
        #expect(clocks.initialHealthAssessmentDue(startedToBeLookedAfterOn: day("2022-05-16")) == day("2022-06-15"))
    }

    @Test func reviewHealthAssessmentsAreSixMonthlyUnderFiveAndYearlyAfter() {
        let born = day("2020-03-10")
        #expect(clocks.reviewHealthAssessmentDue(lastAssessmentOn: day("2024-09-01"), dateOfBirth: born) == day("2025-03-01"))
        #expect(clocks.reviewHealthAssessmentDue(lastAssessmentOn: day("2025-03-09"), dateOfBirth: born) == day("2025-09-09"))
        #expect(clocks.reviewHealthAssessmentDue(lastAssessmentOn: day("2025-03-10"), dateOfBirth: born) == day("2026-03-10"))
    }

    @Test func personalEducationPlanIsDueIn20WorkingDays() {
        #expect(clocks.personalEducationPlanDue(startedToBeLookedAfterOn: day("2024-12-19")) == day("2025-01-21"))
        // A council that closes between Christmas and New Year loses three more days.
        let closures: Set<Day> = [day("2024-12-27"), day("2024-12-30"), day("2024-12-31")]
        let council = StatutoryTimescales(calendar: WorkingDayCalendar(closureDays: closures))
        #expect(council.personalEducationPlanDue(startedToBeLookedAfterOn: day("2024-12-19")) == day("2025-01-24"))
    }

    @Test func pathwayPlanIsDueBy16Years3MonthsThenEvery6Months() {
        #expect(clocks.pathwayPlanDue(dateOfBirth: day("2009-05-31")) == day("2025-08-31"))
        #expect(clocks.pathwayPlanDue(dateOfBirth: day("2008-11-30")) == day("2025-02-28"))
        #expect(clocks.pathwayPlanDue(dateOfBirth: day("2009-05-31"), lastReviewOn: day("2025-08-20")) == day("2026-02-20"))
    }

    @Test func privateFosteringVisitsFollowThe2005Regulations() {
        let notified = day("2025-04-16")
        #expect(clocks.privateFosteringVisitDue(notifiedOn: notified) == day("2025-04-29"))
        #expect(clocks.privateFosteringVisitDue(notifiedOn: notified, lastVisitOn: day("2025-04-29")) == day("2025-06-10"))
        #expect(clocks.privateFosteringVisitDue(notifiedOn: notified, lastVisitOn: day("2026-05-01")) == day("2026-07-24"))
    }
}

@Suite struct ClockReadingTests {
    let calendar = WorkingDayCalendar.englandAndWales

    private func reading(due: String, on today: String) -> ClockReading {
        ClockReading(due: day(due), on: day(today), calendar: calendar)
    }

    @Test func countsWorkingDaysLeft() {
        let r = reading(due: "2024-05-23", on: "2024-05-20")
        #expect(r.workingDaysLeft == 3)
        #expect(r.label == "3 working days left")
        #expect(!r.isOverdue && !r.isDueToday)
        #expect(reading(due: "2024-04-02", on: "2024-03-28").label == "1 working day left")
    }

    @Test func saysDueToday() {
        let r = reading(due: "2024-04-02", on: "2024-04-02")
        #expect(r.isDueToday && !r.isOverdue)
        #expect(r.workingDaysLeft == 0)
        #expect(r.label == "due today")
    }

    @Test func countsWorkingDaysOverdue() {
        let r = reading(due: "2024-04-02", on: "2024-04-04")
        #expect(r.isOverdue)
        #expect(r.workingDaysLeft == -2)
        #expect(r.label == "overdue by 2 working days")
        // Due the Friday before Christmas 2023, read on the Wednesday after: one working day late.
        #expect(reading(due: "2023-12-22", on: "2023-12-27").label == "overdue by 1 working day")
    }

    @Test func givesTheDateWhenNoWorkingDayIsBetween() {
        // Due on the early May bank holiday, read the Friday before.
        let early = reading(due: "2024-05-06", on: "2024-05-03")
        #expect(early.workingDaysLeft == 0 && !early.isOverdue)
        #expect(early.label == "due Monday 6 May")
        // Due on a Friday, read on the Saturday.
        let late = reading(due: "2023-12-22", on: "2023-12-23")
        #expect(late.isOverdue && late.workingDaysLeft == 0)
        #expect(late.label == "overdue (was due Friday 22 December)")
    }

    @Test func timescalesReadTheirOwnCalendar() {
        let council = StatutoryTimescales(calendar: WorkingDayCalendar(closureDays: [day("2024-05-21")]))
        #expect(council.reading(due: day("2024-05-23"), on: day("2024-05-20")).label == "2 working days left")
    }
}

@Suite struct LocalStandardsTests {
    @Test func startAtTheNationalTimescales() {
        let national = LocalStandards.national
        #expect(national.contactDecision == .workingDays(1))
        #expect(national.referrerToldOutcome == .workingDays(3))
        #expect(national.assessment == .workingDays(45))
        #expect(national.strategyDiscussion == .workingDays(1))
        #expect(national.initialConference == .workingDays(15))
        #expect(national.childProtectionVisits == .workingDays(10))
        #expect(national.firstLookedAfterReview == .workingDays(20))
        #expect(national.lookedAfterVisitsInLongTermPlacement == .months(3))
        #expect(national.privateFosteringVisitsLater == .weeks(12))
    }

    @Test func roundTripEveryTimescaleThroughJSON() throws {
        var standards = LocalStandards()
        // Change every field, so one left out of the coding keys would come back as its default.
        let mirror = Mirror(reflecting: standards)
        #expect(mirror.children.count == 25)
        standards.contactDecision = .workingDays(2); standards.referrerToldOutcome = .workingDays(4)
        standards.assessment = .workingDays(35); standards.strategyDiscussion = .workingDays(0)
        standards.initialConference = .workingDays(12); standards.firstCoreGroup = .workingDays(8)
        standards.firstReviewConference = .weeks(12); standards.laterReviewConferences = .months(5)
        standards.childProtectionVisits = .weeks(4); standards.firstLookedAfterReview = .workingDays(19)
        standards.secondLookedAfterReview = .weeks(13); standards.laterLookedAfterReviews = .months(5)
        standards.firstLookedAfterVisit = .workingDays(5); standards.lookedAfterVisitsInFirstYear = .weeks(4)
        standards.lookedAfterVisitsInLongTermPlacement = .weeks(12); standards.lookedAfterVisitsOtherwise = .weeks(5)
        standards.initialHealthAssessment = .workingDays(18); standards.reviewHealthAssessmentUnderFive = .months(5)
        standards.reviewHealthAssessmentFromFive = .months(11); standards.personalEducationPlan = .workingDays(15)
        standards.pathwayPlanAfterSixteenthBirthday = .months(2); standards.pathwayPlanReviews = .months(4)
        standards.firstPrivateFosteringVisit = .workingDays(5); standards.privateFosteringVisitsInFirstYear = .weeks(5)
        standards.privateFosteringVisitsLater = .weeks(10)
        for child in Mirror(reflecting: standards).children {
            #expect(Mirror(reflecting: LocalStandards.national).children.first { $0.label == child.label }
                .map { "\($0.value)" != "\(child.value)" } == true, "\(child.label ?? "")")
        }
        let json = try JSONEncoder().encode(standards)
        #expect(try JSONDecoder().decode(LocalStandards.self, from: json) == standards)
    }

    @Test func fillMissingTimescalesWithTheirDefaults() throws {
        let json = Data(#"{"assessment": {"workingDays": 35}, "childProtectionVisits": {"weeks": 4}}"#.utf8)
        let standards = try JSONDecoder().decode(LocalStandards.self, from: json)
        #expect(standards.assessment == .workingDays(35))
        #expect(standards.childProtectionVisits == .weeks(4))
        #expect(standards.initialConference == .workingDays(15))
    }

    @Test func rejectAmbiguousOrNegativeTimescales() {
        for text in [#"{"workingDays": 3, "weeks": 1}"#, #"{}"#, #"{"days": 3}"#, #"{"weeks": -1}"#] {
            #expect(throws: DecodingError.self, "\(text)") { try JSONDecoder().decode(Timescale.self, from: Data(text.utf8)) }
        }
    }

    @Test func describeTimescalesInPlainEnglish() {
        #expect(Timescale.workingDays(1).description == "1 working day")
        #expect(Timescale.workingDays(45).description == "45 working days")
        #expect(Timescale.weeks(1).description == "1 week")
        #expect(Timescale.months(3).description == "3 months")
    }
}

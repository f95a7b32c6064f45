import Foundation

/// The statutory clocks of children's social care in England, as pure functions of the dates on a
/// child's record, a working-day calendar and the council's local standards.
///
/// Each function returns the last day on which the thing is still in time, and names its source.
/// "Working day" means Monday to Friday, less bank holidays in England and Wales and the council's
/// closure days (see `WorkingDayCalendar`).
public struct StatutoryTimescales: Sendable {
    public var calendar: WorkingDayCalendar
    public var standards: LocalStandards

    public init(calendar: WorkingDayCalendar = .englandAndWales, standards: LocalStandards = .national) {
        self.calendar = calendar
        self.standards = standards
    }

    /// How a clock stands on `today`.
    public func reading(due: Day, on today: Day) -> ClockReading {
        ClockReading(due: due, on: today, calendar: calendar)
    }

    // MARK: Contacts, referrals and assessment

    /// The decision on a contact or referral (what type of response it needs).
    /// Source: Working Together to Safeguard Children: within one working day of receipt.
    public func contactDecisionDue(receivedOn received: Day) -> Day {
        standards.contactDecision.due(from: received, in: calendar)
    }

    /// The same clock for an instant: the same clock time (Europe/London) on the due day. A contact
    /// that arrives on a weekend or holiday is taken as arriving when the next working day begins,
    /// so one working day later is midnight at the end of that day.
    public func contactDecisionDue(receivedAt received: Date) -> Date {
        let day = Day(received)
        guard calendar.isWorkingDay(day) else {
            let clockStarts = calendar.nextWorkingDay(onOrAfter: day)
            return standards.contactDecision.due(from: clockStarts, in: calendar).start()
        }
        let dueDay = standards.contactDecision.due(from: day, in: calendar)
        // Safe across clock changes: the UK changes its clocks on Sundays, never a working day, so
        // time since midnight is the same as the clock time on both days.
        return dueDay.start().addingTimeInterval(received.timeIntervalSince(day.start()))
    }

    /// Hours left until `due` that fall on working days (Europe/London); negative once `due` has
    /// passed, counting the working hours since. A weekend in between costs nothing.
    public func workingHoursLeft(now: Date, due: Date) -> Double {
        if due < now { return -workingHoursLeft(now: due, due: now) }
        var seconds: TimeInterval = 0
        var day = Day(now)
        let lastDay = Day(due)
        while day <= lastDay {
            if calendar.isWorkingDay(day) {
                let from = max(now, day.start()), to = min(due, day.adding(days: 1).start())
                if to > from { seconds += to.timeIntervalSince(from) }
            }
            day = day.adding(days: 1)
        }
        return seconds / 3600
    }

    /// Telling the referrer what will happen. Source: Working Together says referrers should be
    /// told the outcome; it sets no number, so the default (3 working days) is a local standard.
    public func referrerToldOutcomeDue(decidedOn decision: Day) -> Day {
        standards.referrerToldOutcome.due(from: decision, in: calendar)
    }

    /// The child and family assessment, completed and authorised.
    /// Source: Working Together: within 45 working days of the referral.
    public func assessmentDue(referralOn referral: Day) -> Day {
        standards.assessment.due(from: referral, in: calendar)
    }

    /// The DfE's measure of the same (the CIN census counts 45 working days from referral to
    /// authorisation against an England bank-holiday list), whatever the local standard is.
    public func assessmentDueByDfEMeasure(referralOn referral: Day) -> Day {
        LocalStandards.national.assessment.due(from: referral, in: calendar)
    }

    // MARK: Child protection

    /// The strategy discussion once there is reasonable cause to suspect significant harm.
    /// Source: Working Together says "immediately"; the default (next working day) is a local standard.
    public func strategyDiscussionDue(concernRaisedOn concern: Day) -> Day {
        standards.strategyDiscussion.due(from: concern, in: calendar)
    }

    /// The initial child protection conference, counted in practice from the strategy discussion
    /// that started the section 47 enquiry. Source: Working Together: within 15 working days.
    public func initialConferenceDue(strategyDiscussionOn strategy: Day) -> Day {
        standards.initialConference.due(from: strategy, in: calendar)
    }

    /// The DfE's measure of the initial conference: 15 working days from the section 47 start
    /// date, because the CIN census holds no strategy discussion date.
    public func initialConferenceDueByDfEMeasure(section47StartedOn start: Day) -> Day {
        LocalStandards.national.initialConference.due(from: start, in: calendar)
    }

    /// The first core group meeting. Source: Working Together: within 10 working days of the
    /// initial conference.
    public func firstCoreGroupDue(initialConferenceOn conference: Day) -> Day {
        standards.firstCoreGroup.due(from: conference, in: calendar)
    }

    /// The next review child protection conference. Source: Working Together: the first within
    /// 3 months of the initial conference, then at intervals of not more than 6 months.
    public func reviewConferenceDue(initialConferenceOn conference: Day, lastReviewOn lastReview: Day? = nil) -> Day {
        guard let lastReview else { return standards.firstReviewConference.due(from: conference, in: calendar) }
        return standards.laterReviewConferences.due(from: lastReview, in: calendar)
    }

    /// The next visit to a child on a child protection plan (the child seen). Source: local
    /// procedures; there is no national frequency, so the default (10 working days) is configuration.
    public func childProtectionVisitDue(planStartedOn start: Day, lastVisitOn lastVisit: Day? = nil) -> Day {
        standards.childProtectionVisits.due(from: lastVisit ?? start, in: calendar)
    }

    // MARK: Looked-after children

    /// The next looked-after review. Source: Care Planning, Placement and Case Review (England)
    /// Regulations 2010, reg 33: the first within 20 working days of the child starting to be looked
    /// after, the second within 3 months of the first, then at intervals of not more than 6 months.
    /// `reviewsHeld` are the reviews in this period of care, in any order.
    public func lookedAfterReviewDue(startedToBeLookedAfterOn start: Day, reviewsHeld: [Day] = []) -> Day {
        guard let latest = reviewsHeld.max() else {
            return standards.firstLookedAfterReview.due(from: start, in: calendar)
        }
        let interval = reviewsHeld.count == 1 ? standards.secondLookedAfterReview : standards.laterLookedAfterReviews
        return interval.due(from: latest, in: calendar)
    }

    /// The next statutory visit to a looked-after child. Source: Care Planning, Placement and Case
    /// Review (England) Regulations 2010, reg 28: within 1 week of the start of a placement, then at
    /// intervals of not more than 6 weeks for its first year; after that, not more than 3 months
    /// where the placement is intended to last until the child is 18, otherwise 6 weeks. The interval
    /// is the one in force on the day of the last visit.
    public func lookedAfterVisitDue(placementStartedOn start: Day, lastVisitOn lastVisit: Day? = nil,
                                    isLongTermPlacement: Bool = false) -> Day {
        guard let lastVisit else { return standards.firstLookedAfterVisit.due(from: start, in: calendar) }
        let inFirstYear = lastVisit < start.adding(years: 1)
        let interval = inFirstYear ? standards.lookedAfterVisitsInFirstYear
            : isLongTermPlacement ? standards.lookedAfterVisitsInLongTermPlacement
            : standards.lookedAfterVisitsOtherwise
        return interval.due(from: lastVisit, in: calendar)
    }

    /// The initial health assessment. Source: Promoting the health and well-being of looked-after
    /// children (statutory guidance): within 20 working days of the child entering care.
    public func initialHealthAssessmentDue(startedToBeLookedAfterOn start: Day) -> Day {
        standards.initialHealthAssessment.due(from: start, in: calendar)
    }

    /// The next review health assessment. Source: Promoting the health and well-being of looked-after
    /// children: every 6 months before the fifth birthday, every 12 months after. A child who was
    /// under 5 at the last assessment is due within 6 months, even if that falls after the birthday.
    public func reviewHealthAssessmentDue(lastAssessmentOn last: Day, dateOfBirth: Day) -> Day {
        let interval = dateOfBirth.age(on: last) < 5 ? standards.reviewHealthAssessmentUnderFive
            : standards.reviewHealthAssessmentFromFive
        return interval.due(from: last, in: calendar)
    }

    /// The first personal education plan. Source: Promoting the education of looked-after children
    /// (statutory guidance for virtual school heads): within 20 working days of entering care, in
    /// time for the first review; then reviewed termly.
    public func personalEducationPlanDue(startedToBeLookedAfterOn start: Day) -> Day {
        standards.personalEducationPlan.due(from: start, in: calendar)
    }

    /// The pathway plan for an eligible child. Source: Care Leavers (England) Regulations 2010: the
    /// first by the age of 16 years and 3 months, then reviewed at least every 6 months.
    public func pathwayPlanDue(dateOfBirth: Day, lastReviewOn lastReview: Day? = nil) -> Day {
        guard let lastReview else {
            return standards.pathwayPlanAfterSixteenthBirthday.due(from: dateOfBirth.birthday(16), in: calendar)
        }
        return standards.pathwayPlanReviews.due(from: lastReview, in: calendar)
    }

    // MARK: Private fostering

    /// The next visit to a privately fostered child. Source: Children (Private Arrangements for
    /// Fostering) Regulations 2005: within 7 working days of the notification, then at intervals of
    /// not more than 6 weeks in the first year and 12 weeks after. The first year is counted from the
    /// notification, the only date the council is sure to hold.
    public func privateFosteringVisitDue(notifiedOn notification: Day, lastVisitOn lastVisit: Day? = nil) -> Day {
        guard let lastVisit else { return standards.firstPrivateFosteringVisit.due(from: notification, in: calendar) }
        let interval = lastVisit < notification.adding(years: 1) ? standards.privateFosteringVisitsInFirstYear
            : standards.privateFosteringVisitsLater
        return interval.due(from: lastVisit, in: calendar)
    }
}

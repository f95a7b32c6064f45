import LanternCore

/// The checks on one episode of need (CINdetails) and the work recorded inside it.
struct CINEpisodeReview {
    let child: CINChildReview
    let episode: CINDetails

    var id: String { child.id }
    var year: CollectionYear { child.year }
    var referenceDate: Day { child.referenceDate }
    var referral: Day { episode.referralDate }
    var deathDate: Day? { child.ids.deathDate }

    func run(into log: inout IssueLog) {
        checkReferral(into: &log)
        checkClosure(into: &log)
        checkNoFurtherAction(into: &log)
        checkConferences(into: &log)
        checkAssessments(into: &log)
        checkCINPlans(into: &log)
        checkSection47s(into: &log)
        checkProtectionPlans(into: &log)
        checkPlansDoNotRunTogether(into: &log)
    }

    private func checkReferral(into log: inout IssueLog) {
        if referral > referenceDate {
            log.add("8600", child: id, field: "CINreferralDate", "The referral date \(referral.ukText) is after the end of the census year")
        }
        if !CINCodes.referralSource.contains(episode.referralSource) {
            log.add("8866", child: id, field: "ReferralSource", "\"\(episode.referralSource)\" is not a referral source code")
        }
        if let need = episode.primaryNeedCode, !CINCodes.primaryNeed.contains(need) {
            log.add("8650", child: id, field: "PrimaryNeedCode", "\"\(need)\" is not a primary need code")
        }
        if episode.primaryNeedCode == nil, !episode.referralNFA {
            log.add("8610", child: id, field: "PrimaryNeedCode",
                    "The referral on \(referral.ukText) led to further action, so it needs a primary need code")
        }
        if let died = deathDate, referral > died {
            log.add("8555Q", child: id, field: "CINreferralDate", "The referral on \(referral.ukText) is after the child's date of death")
        }
        if let birth = child.ids.birthDate ?? child.ids.expectedBirthDate, referral < birth.adding(days: -280) {
            log.add("8606", child: id, field: "CINreferralDate",
                    "The referral on \(referral.ukText) is more than 40 weeks before the (expected) date of birth")
        }
        let dayBeforeYear = year.start.subtractingWorkingDays(1, isWorkingDay: child.isWorkingDay)
        if episode.referralNFA, referral < dayBeforeYear {
            log.add("8569Q", child: id, field: "ReferralNFA",
                    "The referral on \(referral.ukText) was before this census year, so it should not be marked as no further action")
        }
    }

    private func checkClosure(into log: inout IssueLog) {
        if let reason = episode.reasonForClosure, !CINCodes.reasonForClosure.contains(reason) {
            log.add("8640", child: id, field: "ReasonForClosure", "\"\(reason)\" is not a reason for closure code")
        }
        switch (episode.closureDate, episode.reasonForClosure) {
        case (.some, nil):
            log.add("8805", child: id, field: "ReasonForClosure", "The episode has a closure date but no reason for closure")
        case (nil, .some):
            log.add("8810", child: id, field: "CINclosureDate", "The episode has a reason for closure but no closure date")
        default: break
        }
        if episode.reasonForClosure == CINCodes.died, deathDate == nil {
            log.add("8585Q", child: id, field: "PersonDeathDate", "The episode closed because the child died (RC2) but no date of death is recorded")
        }
        if let reason = episode.reasonForClosure, CINCodes.closedAfterAssessment.contains(reason) {
            if episode.assessments.isEmpty {
                log.add("8825Q", child: id, field: "ReasonForClosure",
                        "The episode closed after assessment (\(reason)) but no assessment is recorded")
            }
            if !episode.section47Enquiries.isEmpty || !episode.childProtectionPlans.isEmpty
                || episode.initialCPCDate != nil || !episode.cinPlans.isEmpty {
                log.add("2990", child: id, field: "ReasonForClosure",
                        "The episode closed after assessment with no further action (\(reason)), yet a plan, enquiry or conference is recorded")
            }
        }
        guard let closed = episode.closureDate else { return }
        if !year.contains(closed) {
            log.add("8620", child: id, field: "CINclosureDate", "The closure date \(closed.ukText) is outside the census year")
        }
        if closed < referral {
            log.add("8630", child: id, field: "CINclosureDate", "The episode closes (\(closed.ukText)) before the referral date (\(referral.ukText))")
        }
        if let latest = activityDates.max(), latest > closed {
            log.add("8565", child: id, field: "CINclosureDate",
                    "Work is recorded on \(latest.ukText), after the episode closed on \(closed.ukText)")
        }
        for assessment in episode.assessments where assessment.authorisationDate == nil {
            log.add("8867", child: id, field: "AssessmentAuthorisationDate",
                    "The episode is closed but the assessment started \(assessment.startDate.ukText) has not been authorised")
        }
        for enquiry in episode.section47Enquiries where !enquiry.isConcluded {
            log.add("8868", child: id, field: "DateOfInitialCPC",
                    "The episode is closed but the section 47 enquiry started \(enquiry.startDate.ukText) has no conference date and is not marked as needing none")
        }
    }

    /// Every date of work that must fall on or before the closure date (rule 8565's list).
    private var activityDates: [Day] {
        var dates = episode.assessments.flatMap { [$0.startDate] + [$0.authorisationDate].compactMap { $0 } }
        dates += episode.section47Enquiries.flatMap { [$0.startDate] + [$0.initialCPCDate].compactMap { $0 } }
        dates += [episode.initialCPCDate].compactMap { $0 }
        dates += episode.childProtectionPlans.compactMap(\.endDate)
        dates += episode.cinPlans.flatMap { [$0.startDate] + [$0.endDate].compactMap { $0 } }
        return dates
    }

    private func checkNoFurtherAction(into log: inout IssueLog) {
        guard episode.referralNFA else { return }
        if !episode.assessments.isEmpty || !episode.section47Enquiries.isEmpty || episode.initialCPCDate != nil {
            log.add("8831", child: id, field: "ReferralNFA",
                    "The referral on \(referral.ukText) is marked as no further action, but assessments, enquiries or conferences are recorded against it")
        }
        if !episode.childProtectionPlans.isEmpty {
            log.add("8832", child: id, field: "ReferralNFA",
                    "The referral on \(referral.ukText) is marked as no further action, but a child protection plan is recorded against it")
        }
        if !episode.cinPlans.isEmpty {
            log.add("4000", child: id, field: "ReferralNFA",
                    "The referral on \(referral.ukText) is marked as no further action, but a child in need plan is recorded against it")
        }
    }

    /// Initial child protection conferences, wherever they are recorded.
    private func checkConferences(into log: inout IssueLog) {
        let conferences = [episode.initialCPCDate].compactMap { $0 } + episode.section47Enquiries.compactMap(\.initialCPCDate)
        for date in conferences {
            if date < referral {
                log.add("1104", child: id, field: "DateOfInitialCPC",
                        "The initial conference on \(date.ukText) is before the referral date \(referral.ukText)")
            }
            if !year.contains(date) {
                log.add("8715", child: id, field: "DateOfInitialCPC", "The initial conference date \(date.ukText) is outside the census year")
            }
            if date.isWeekend {
                log.add("8875", child: id, field: "DateOfInitialCPC", "The initial conference date \(date.ukText) is at a weekend")
            }
        }
        if let atEpisode = episode.initialCPCDate {
            let recordedTwice = child.child.episodes.flatMap(\.section47Enquiries).contains { $0.initialCPCDate == atEpisode }
            if recordedTwice {
                log.add("2884", child: id, field: "DateOfInitialCPC",
                        "The initial conference on \(atEpisode.ukText) is recorded both on the episode and on the section 47 enquiry; keep only the enquiry's")
            }
        }
    }

    private func checkAssessments(into log: inout IssueLog) {
        let assessments = episode.assessments
        let open = assessments.filter { $0.authorisationDate == nil }
        if open.count > 1 {
            log.add("8896", child: id, field: "AssessmentAuthorisationDate",
                    "\(open.count) assessments in the episode from \(referral.ukText) are open at once")
        }
        let overdueFrom = referenceDate.subtractingWorkingDays(45, isWorkingDay: child.isWorkingDay)
        for (i, assessment) in assessments.enumerated() {
            let start = assessment.startDate
            if start < referral {
                log.add("1103", child: id, field: "AssessmentActualStartDate",
                        "The assessment starts (\(start.ukText)) before the referral date (\(referral.ukText))")
            }
            for (j, other) in assessments.enumerated() where i != j && start >= other.startDate
                && start <= (other.authorisationDate ?? referenceDate) {
                log.add("8863Q", child: id, field: "AssessmentActualStartDate",
                        "The assessment starting \(start.ukText) begins while the assessment started \(other.startDate.ukText) is still going on")
            }
            if let authorised = assessment.authorisationDate {
                if authorised < start {
                    log.add("8608", child: id, field: "AssessmentAuthorisationDate",
                            "The assessment is authorised (\(authorised.ukText)) before it started (\(start.ukText))")
                }
                if !year.contains(authorised) {
                    log.add("8696", child: id, field: "AssessmentAuthorisationDate",
                            "The assessment authorisation date \(authorised.ukText) is outside the census year")
                }
                if authorised >= year.start, assessment.factors.isEmpty {
                    log.add("8897Q", child: id, field: "AssessmentFactors",
                            "The assessment authorised on \(authorised.ukText) has no factors identified; record them, or 21 if there were none")
                }
            } else {
                if !assessment.factors.isEmpty {
                    log.add("8614", child: id, field: "AssessmentFactors",
                            "Factors are recorded for the assessment started \(start.ukText), which is not yet authorised")
                }
                if !year.contains(start) {
                    log.add("8736", child: id, field: "AssessmentActualStartDate",
                            "The assessment started \(start.ukText) is not authorised, so it must have started within the census year")
                }
                if start < overdueFrom {
                    log.add("8670Q", child: id, field: "AssessmentAuthorisationDate",
                            "The assessment started \(start.ukText) has run for more than 45 working days without being authorised")
                }
            }
            checkFactors(assessment, into: &log)
        }
        if assessments.count == 1, assessments[0].factors.contains(CINCodes.noFactorsIdentified),
           !CINCodes.closedAfterAssessment.contains(episode.reasonForClosure ?? "") {
            log.add("8873Q", child: id, field: "ReasonForClosure",
                    "The only assessment found no factors (21), so the episode should close as RC8 or RC9")
        }
    }

    private func checkFactors(_ assessment: CINAssessment, into log: inout IssueLog) {
        let factors = assessment.factors
        let start = assessment.startDate.ukText
        if factors.contains(CINCodes.noFactorsIdentified), factors.count > 1 {
            log.add("8869", child: id, field: "AssessmentFactors",
                    "Factor 21 (no factors identified) is recorded alongside other factors in the assessment started \(start)")
        }
        if Set(factors).count < factors.count {
            log.add("8898", child: id, field: "AssessmentFactors", "A factor is recorded more than once in the assessment started \(start)")
        }
        for factor in factors where !CINCodes.assessmentFactor.contains(factor) {
            switch factor {
            case "18A":
                log.add("8945Q", child: id, field: "AssessmentFactors", "Factor 18A is no longer used; record 18B or 18C instead")
            case "19A":
                log.add("8950Q", child: id, field: "AssessmentFactors", "Factor 19A is no longer used; record 19B or 19C instead")
            default:
                log.addUnnumbered(child: id, field: "AssessmentFactors", "\"\(factor)\" is not an assessment factor code")
            }
        }
    }

    private func checkCINPlans(into log: inout IssueLog) {
        let open = episode.cinPlans.filter { $0.endDate == nil }
        if open.count > 1 {
            log.add("4004", child: id, field: "CINPlanEndDate", "\(open.count) child in need plans are open at once")
        }
        for plan in episode.cinPlans {
            let start = plan.startDate
            if start > referenceDate {
                log.add("4010", child: id, field: "CINPlanStartDate", "The child in need plan starts (\(start.ukText)) after the census year")
            }
            if start < referral {
                log.add("4015", child: id, field: "CINPlanStartDate",
                        "The child in need plan starts (\(start.ukText)) before the referral date (\(referral.ukText))")
            }
            if let died = deathDate, start > died {
                log.add("4008", child: id, field: "CINPlanStartDate", "The child in need plan starts after the child's date of death")
            }
            guard let end = plan.endDate else { continue }
            if end < start {
                log.add("4011", child: id, field: "CINPlanEndDate", "The child in need plan ends (\(end.ukText)) before it starts (\(start.ukText))")
            } else if end == start {
                log.add("4012Q", child: id, field: "CINPlanEndDate", "The child in need plan starts and ends on the same day (\(start.ukText))")
            }
            if !year.contains(end) {
                log.add("4013", child: id, field: "CINPlanEndDate", "The child in need plan end date \(end.ukText) is outside the census year")
            }
            if let died = deathDate, end > died {
                log.add("4009Q", child: id, field: "CINPlanEndDate", "The child in need plan ends after the child's date of death")
            }
        }
    }

    private func checkSection47s(into log: inout IssueLog) {
        let enquiries = episode.section47Enquiries
        let unconcluded = enquiries.filter { !$0.isConcluded }
        if unconcluded.count > 1 {
            log.add("8839", child: id, field: "DateOfInitialCPC", "\(unconcluded.count) section 47 enquiries are open at once")
        }
        if !enquiries.isEmpty, episode.assessments.isEmpty {
            log.add("2991Q", child: id, field: "Section47", "A section 47 enquiry is recorded but the episode has no assessment")
        }
        let overdueFrom = referenceDate.subtractingWorkingDays(15, isWorkingDay: child.isWorkingDay)
        for (i, enquiry) in enquiries.enumerated() {
            let start = enquiry.startDate
            if start < referral {
                log.add("2889", child: id, field: "S47ActualStartDate",
                        "The section 47 enquiry starts (\(start.ukText)) before the referral date (\(referral.ukText))")
            }
            if let conference = enquiry.initialCPCDate, conference < start {
                log.add("8615", child: id, field: "DateOfInitialCPC",
                        "The initial conference (\(conference.ukText)) is before the section 47 enquiry started (\(start.ukText))")
            }
            if let target = enquiry.initialCPCTarget, target.isWeekend {
                log.add("8870Q", child: id, field: "InitialCPCtarget", "The target date for the initial conference (\(target.ukText)) is at a weekend")
            }
            for (j, other) in enquiries.enumerated() where i != j && start >= other.startDate {
                let otherEnd: Day? = other.initialCPCDate ?? (other.icpcNotRequired ? nil : referenceDate)
                if let otherEnd, start <= otherEnd {
                    log.add("8890", child: id, field: "S47ActualStartDate",
                            "The section 47 enquiry starting \(start.ukText) begins while the enquiry started \(other.startDate.ukText) is still going on")
                }
            }
            if !enquiry.isConcluded {
                if !year.contains(start) {
                    log.add("8740", child: id, field: "S47ActualStartDate",
                            "The section 47 enquiry started \(start.ukText) has no conference yet, so it must have started within the census year")
                }
                if start < overdueFrom {
                    log.add("8675Q", child: id, field: "DateOfInitialCPC",
                            "The section 47 enquiry started \(start.ukText) has gone more than 15 working days without an initial conference")
                }
            }
        }
    }

    private func checkProtectionPlans(into log: inout IssueLog) {
        let plans = episode.childProtectionPlans
        let open = plans.filter { $0.endDate == nil }
        if open.count > 1 {
            log.add("8935", child: id, field: "CPPendDate", "\(open.count) child protection plans are open at once")
        }
        let conferenceDates = Set(episode.section47Enquiries.compactMap(\.initialCPCDate) + [episode.initialCPCDate].compactMap { $0 })
        for plan in plans {
            let start = plan.startDate
            if start < referral {
                log.add("1105", child: id, field: "CPPstartDate",
                        "The child protection plan starts (\(start.ukText)) before the referral date (\(referral.ukText))")
            }
            if start > referenceDate {
                log.add("8720", child: id, field: "CPPstartDate", "The child protection plan starts (\(start.ukText)) after the census year")
            }
            if year.contains(start), !conferenceDates.contains(start) {
                log.add("2885", child: id, field: "CPPstartDate",
                        "The child protection plan starts on \(start.ukText), which is not the date of an initial conference in this episode")
            }
            if plan.numberOfPreviousPlans < 0 {
                log.add("8730", child: id, field: "NumberOfPreviousCPP", "The number of previous child protection plans cannot be negative")
            }
            if !CINCodes.categoryOfAbuse.contains(plan.initialCategoryOfAbuse) {
                log.add("8905", child: id, field: "InitialCategoryOfAbuse", "\"\(plan.initialCategoryOfAbuse)\" is not a category of abuse")
            }
            if !CINCodes.categoryOfAbuse.contains(plan.latestCategoryOfAbuse) {
                log.add("8910", child: id, field: "LatestCategoryOfAbuse", "\"\(plan.latestCategoryOfAbuse)\" is not a category of abuse")
            }
            if let died = deathDate, start > died {
                log.add("8915", child: id, field: "CPPstartDate", "The child protection plan starts after the child's date of death")
            }
            for review in plan.reviewDates where review <= start {
                log.add("8841", child: id, field: "CPPreviewDate",
                        "The review on \(review.ukText) is on or before the day the plan started (\(start.ukText))")
            }
            guard let end = plan.endDate else { continue }
            if end == start {
                log.add("8840", child: id, field: "CPPendDate", "The child protection plan starts and ends on the same day (\(start.ukText))")
            }
            if end < start {
                log.add("8925", child: id, field: "CPPendDate", "The child protection plan ends (\(end.ukText)) before it starts (\(start.ukText))")
            }
            if !year.contains(end) {
                log.add("8930", child: id, field: "CPPendDate", "The child protection plan end date \(end.ukText) is outside the census year")
            }
            if let died = deathDate, end > died {
                log.add("8920", child: id, field: "CPPendDate", "The child protection plan ends after the child's date of death")
            }
        }
    }

    /// A child is on a child in need plan or a child protection plan, never both at once; the plans
    /// may hand over on the same day.
    private func checkPlansDoNotRunTogether(into log: inout IssueLog) {
        for cinPlan in episode.cinPlans {
            for cpp in episode.childProtectionPlans {
                if cinPlan.endDate == nil, cpp.endDate == nil {
                    log.add("4001", child: id, field: "CINPlanEndDate",
                            "A child in need plan and a child protection plan are both open; end the child in need plan when the protection plan starts")
                }
                let cppEnd = cpp.endDate ?? referenceDate
                if cinPlan.startDate >= cpp.startDate, cinPlan.startDate <= cppEnd, cinPlan.startDate != cpp.endDate {
                    log.add("4016", child: id, field: "CINPlanStartDate",
                            "The child in need plan starts (\(cinPlan.startDate.ukText)) while the child protection plan from \(cpp.startDate.ukText) is running")
                }
                let cinEnd = cinPlan.endDate ?? referenceDate
                if cpp.startDate >= cinPlan.startDate, cpp.startDate <= cinEnd, cpp.startDate != cinPlan.endDate {
                    log.add("4017", child: id, field: "CPPstartDate",
                            "The child protection plan starts (\(cpp.startDate.ukText)) while the child in need plan from \(cinPlan.startDate.ukText) is open; end the child in need plan that day")
                }
                for review in cpp.reviewDates where review >= cinPlan.startDate && review <= cinEnd && review != cpp.endDate {
                    log.add("4003", child: id, field: "CPPreviewDate",
                            "The child protection review on \(review.ukText) falls while the child in need plan from \(cinPlan.startDate.ukText) is open")
                }
            }
        }
    }
}

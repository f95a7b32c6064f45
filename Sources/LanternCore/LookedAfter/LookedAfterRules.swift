/// What a practitioner records about a looked-after child or care leaver.
public enum LookedAfterAction: Hashable, Sendable, Codable {
    /// Started to be looked after, placement or legal status changed, care ended, missing...
    case care(CareEvent)
    case holdReview(LookedAfterReview)
    case recordVisit(StatutoryVisit)
    case recordIROContact(on: Day)
    case recordHealthAssessment(on: Day)
    case recordDentalCheck(on: Day)
    case recordImmunisations(upToDate: Bool, on: Day)
    case recordSDQ(score: Int, on: Day)
    case recordPersonalEducationPlan(on: Day)
    case recordUASC(since: Day)
    case recordUASCCeased(on: Day)
    case recordAdoptionMilestone(AdoptionMilestone, on: Day)
    case reverseAdoptionDecision(on: Day, reason: String)
    /// Who the child has been matched with, once the match is recorded.
    case recordAdopters(AdoptersOfChild, on: Day)
    case agreePermanencePlan(PermanencePlanChoice, on: Day)
    case appointPersonalAdviser(name: String, on: Day)
    case careLeaver(CareLeaverAction)
    case recordMotherhood(isMother: Bool, firstChildBorn: Day?, on: Day)
    case recordPreviousPermanence(option: String, arrangedBy: String?, orderDate: Day?, on: Day)
    case recordDevelopmentCheck(on: Day)
    case recordConviction(on: Day)
    case recordSubstanceMisuse(on: Day, interventionOffered: Bool, interventionReceived: Bool)

    public var date: Day {
        switch self {
        case .care(let event): event.date
        case .holdReview(let review): review.date
        case .recordVisit(let visit): visit.date
        case .recordIROContact(let day), .recordHealthAssessment(let day), .recordDentalCheck(let day),
             .recordImmunisations(_, let day), .recordSDQ(_, let day), .recordPersonalEducationPlan(let day),
             .recordUASC(let day), .recordUASCCeased(let day), .recordAdoptionMilestone(_, let day),
             .reverseAdoptionDecision(let day, _), .recordAdopters(_, let day), .agreePermanencePlan(_, let day), .appointPersonalAdviser(_, let day),
             .recordMotherhood(_, _, let day), .recordPreviousPermanence(_, _, _, let day), .recordDevelopmentCheck(let day),
             .recordConviction(let day), .recordSubstanceMisuse(let day, _, _):
            day
        case .careLeaver(let action): action.date
        }
    }
}

extension CareLeaverAction {
    public var date: Day {
        switch self {
        case .makePathwayPlan(let day), .reviewPathwayPlan(let day): day
        case .recordBirthdayFollowUp(let followUp): followUp.contactedOn
        }
    }
}

/// Rules for the looked-after parts of a child's case. Sources: Care Planning, Placement and
/// Case Review (England) Regulations 2010 (reviews, visits, IRO), Promoting the health and
/// well-being of looked-after children (2015), the Adoption Statutory Guidance (2013), and the
/// SSDA903 guidance and validation rules 2025-26 for the codes. Care events themselves are
/// checked by `CareEpisodeLedger`, care leaver work by `CareLeaverRules`.
public enum LookedAfterRules {
    /// `episodeOpen`: the child has an open episode of need; care starts only within one, as
    /// every looked-after child is also a child in need (CIN census guidance).
    public static func apply(_ action: LookedAfterAction, to record: LookedAfterRecord?, birthDate: Day?, episodeOpen: Bool,
                             on today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) -> LookedAfterRecord {
        try actor.require(.practitioner, to: "record a child's care")
        try WorkflowDates.notInFuture(action.date, today: today, "this care record")
        if case .care(let event) = action {
            return try recordCareEvent(event, in: record, birthDate: birthDate, episodeOpen: episodeOpen, today: today, actor: actor)
        }
        guard var updated = record else {
            throw WorkflowRefusal(.notLookedAfter, "This child has never been looked after. Record that they started to be looked after first.")
        }
        if let start = updated.ledger.episodes.first?.startDate, !isCareLeaverAction(action) {
            try WorkflowDates.notBefore(action.date, start, "this care record", "the start of care")
        }
        switch action {
        case .care:
            break
        case .holdReview(let review):
            try requireLookedAfter(on: review.date, updated, "a looked-after review")
            guard WorkflowCodeSets.reviewParticipation.contains(review.participation) else {
                throw .unknownCode(review.participation, field: "how the child took part", allowed: "PN0 to PN7")
            }
            if let born = birthDate, review.participation == "PN0", born.age(on: review.date) >= 4 {
                throw WorkflowRefusal(.participationInconsistent, "PN0 is only for a child under 4 at the review. Choose how this child took part.")
            }
            if updated.reviews.contains(where: { $0.date == review.date }) {
                throw WorkflowRefusal(.duplicateRecord, "A review on \(WorkflowDates.text(review.date)) is already recorded.")
            }
            updated.reviews.append(review)
            updated.reviews.sort { $0.date < $1.date }
        case .recordVisit(let visit):
            try requireLookedAfter(on: visit.date, updated, "a statutory visit")
            updated.visits.append(visit)
            updated.visits.sort { $0.date < $1.date }
        case .recordIROContact(let day):
            try requireLookedAfter(on: day, updated, "a contact with the independent reviewing officer")
            updated.iroContacts.append(day)
            updated.iroContacts.sort()
        case .recordHealthAssessment(let day):
            try requireLookedAfter(on: day, updated, "a health assessment")
            updated.healthAssessments.append(day)
            updated.healthAssessments.sort()
        case .recordDentalCheck(let day):
            try requireLookedAfter(on: day, updated, "a dental check")
            updated.dentalChecks.append(day)
            updated.dentalChecks.sort()
        case .recordImmunisations(let upToDate, let day):
            try requireLookedAfter(on: day, updated, "immunisations")
            updated.immunisations = ImmunisationStatus(upToDate: upToDate, checkedOn: day)
        case .recordSDQ(let score, let day):
            try requireLookedAfter(on: day, updated, "a strengths and difficulties score")
            guard (0...40).contains(score) else {
                throw WorkflowRefusal(.sdqOutOfRange, "A strengths and difficulties questionnaire total is from 0 to 40.")
            }
            if let born = birthDate, !(4...17).contains(born.age(on: day)) {
                throw WorkflowRefusal(.sdqOutOfRange, "The strengths and difficulties questionnaire is for children aged 4 to 17.")
            }
            updated.strengthsAndDifficulties.append(SDQScore(date: day, score: score))
        case .recordPersonalEducationPlan(let day):
            try requireLookedAfter(on: day, updated, "a personal education plan")
            updated.personalEducationPlans.append(day)
            updated.personalEducationPlans.sort()
        case .recordUASC(let day):
            if updated.uasc != nil {
                throw WorkflowRefusal(.duplicateRecord, "This child is already recorded as an unaccompanied asylum-seeking child.")
            }
            updated.uasc = UASCStatus(since: day)
        case .recordUASCCeased(let day):
            guard var status = updated.uasc, status.ceasedOn == nil else {
                throw WorkflowRefusal(.notRecorded, "This child is not recorded as an unaccompanied asylum-seeking child.")
            }
            try WorkflowDates.notBefore(day, status.since, "the end of UASC status", "its start")
            status.ceasedOn = day
            updated.uasc = status
        case .recordAdoptionMilestone(let milestone, let day):
            updated.adoption = try recordAdoption(milestone, on: day, in: updated)
        case .reverseAdoptionDecision(let day, let reason):
            guard var adoption = updated.adoption, adoption.reversed == nil, adoption.adoptionOrderOn == nil else {
                throw WorkflowRefusal(.notRecorded, "There is no adoption decision in force to reverse.")
            }
            guard WorkflowCodeSets.adoptionReversalReasons.contains(reason) else {
                throw .unknownCode(reason, field: "reason the decision was reversed", allowed: "RD1 to RD4")
            }
            try WorkflowDates.notBefore(day, adoption.decisionOn, "the reversal", "the decision")
            adoption.reversed = .init(date: day, reason: reason)
            updated.adoption = adoption
        case .recordAdopters(let adopters, let day):
            guard var adoption = updated.adoption, adoption.reversed == nil, let matched = adoption.matchedOn else {
                throw WorkflowRefusal(.outOfOrder, "Record the match with adopters before who the adopters are.")
            }
            if let problem = adopters.inconsistency { throw WorkflowRefusal(.unknownCode, problem) }
            try WorkflowDates.notBefore(day, matched, "the adopters' details", "the match")
            adoption.adopters = adopters
            updated.adoption = adoption
        case .agreePermanencePlan(let plan, let day):
            try requireLookedAfter(on: day, updated, "a permanence plan")
            updated.permanencePlan = plan
        case .appointPersonalAdviser(let name, _):
            guard !name.hasNoText else { throw .missing("the personal adviser's name", "every care leaver has a named adviser") }
            updated.personalAdviser = name.trimmingCharacters(in: .whitespaces)
        case .recordMotherhood(let isMother, let firstChildBorn, let day):
            if !isMother, firstChildBorn != nil {
                throw WorkflowRefusal(.motherhoodInconsistent, "Give the date of birth of the young woman's first child only if she is a mother.")
            }
            if let child = firstChildBorn { try WorkflowDates.notInFuture(child, today: day, "the child's date of birth") }
            updated.motherhood = Motherhood(isMother: isMother, firstChildBorn: firstChildBorn)
        case .recordPreviousPermanence(let option, let arrangedBy, let orderDate, _):
            guard WorkflowCodeSets.previousPermanence.contains(option) else {
                throw .unknownCode(option, field: "previous permanence", allowed: "P1 to P4, or Z1 for none")
            }
            if option == "Z1", arrangedBy != nil || orderDate != nil {
                throw WorkflowRefusal(.motherhoodInconsistent, "Z1 means there was no previous permanence order: leave the council and date blank.")
            }
            updated.previousPermanence = PreviousPermanenceRecord(option: option, arrangedBy: arrangedBy, orderDate: orderDate)
        case .recordDevelopmentCheck(let day):
            try requireLookedAfter(on: day, updated, "a development check")
            if let born = birthDate, born.age(on: day) >= 5 {
                throw WorkflowRefusal(.sdqOutOfRange, "Health promotion (development) checks are recorded for children under 5.")
            }
            updated.developmentChecks.append(day)
            updated.developmentChecks.sort()
        case .recordConviction(let day):
            try requireLookedAfter(on: day, updated, "a conviction")
            if let born = birthDate, born.age(on: day) < 10 {
                throw WorkflowRefusal(.sdqOutOfRange, "A child under 10 cannot be convicted (the age of criminal responsibility).")
            }
            updated.convictions.append(day)
            updated.convictions.sort()
        case .recordSubstanceMisuse(let day, let offered, let received):
            try requireLookedAfter(on: day, updated, "a substance misuse problem")
            updated.substanceMisuse.append(SubstanceMisuseRecord(identifiedOn: day, interventionOffered: offered || received, interventionReceived: received))
        case .careLeaver(let leaverAction):
            guard let born = birthDate else {
                throw .missing("the young person's date of birth", "care leaver support depends on their age")
            }
            let eligibility = CareLeaverRules.eligibility(birthDate: born, ledger: updated.ledger, on: leaverAction.date)
                ?? updated.careLeaver?.eligibility
            guard let eligibility else {
                throw WorkflowRefusal(.notACareLeaver,
                                      "On \(WorkflowDates.text(leaverAction.date)) this young person does not qualify for leaving care support (they need to have been looked after for 13 weeks after their 14th birthday, or after their 16th).")
            }
            let current = updated.careLeaver ?? CareLeaverRecord(eligibility: eligibility)
            var leaver = try CareLeaverRules.apply(leaverAction, to: current, birthDate: born, ledger: updated.ledger, on: today, by: actor)
            leaver.eligibility = eligibility
            updated.careLeaver = leaver
        }
        return updated
    }

    private static func recordCareEvent(_ event: CareEvent, in record: LookedAfterRecord?, birthDate: Day?, episodeOpen: Bool,
                                        today: Day, actor: WorkflowActor) throws(WorkflowRefusal) -> LookedAfterRecord {
        if case .startedToBeLookedAfter = event, !episodeOpen {
            throw WorkflowRefusal(.noOpenEpisode,
                                  "A child starts to be looked after within an open episode of need. Open the episode from the referral first.")
        }
        var updated = record ?? LookedAfterRecord(ledger: CareEpisodeLedger(childBirthDate: birthDate))
        updated.ledger = try updated.ledger.recording(event, on: today, by: actor)
        return updated
    }

    private static func isCareLeaverAction(_ action: LookedAfterAction) -> Bool {
        switch action {
        case .careLeaver, .appointPersonalAdviser: true
        default: false
        }
    }

    private static func requireLookedAfter(on day: Day, _ record: LookedAfterRecord, _ what: String) throws(WorkflowRefusal) {
        guard record.ledger.isLookedAfter(on: day) else {
            throw WorkflowRefusal(.notLookedAfter,
                                  "The child was not looked after on \(WorkflowDates.text(day)), so \(what) cannot be recorded for that day. Check the date.")
        }
    }

    /// Milestones come in order (903 rules on PLACED_ADOPTION and AD1; Annex A list 10): a
    /// decision, then the placement order, the match, the placement and the order.
    private static func recordAdoption(_ milestone: AdoptionMilestone, on day: Day,
                                       in record: LookedAfterRecord) throws(WorkflowRefusal) -> AdoptionMilestones {
        if milestone == .decision {
            if let existing = record.adoption, existing.reversed == nil {
                throw WorkflowRefusal(.duplicateRecord, "The decision that the child should be placed for adoption was already made on \(WorkflowDates.text(existing.decisionOn)).")
            }
            try requireLookedAfter(on: day, record, "an adoption decision")
            return AdoptionMilestones(decisionOn: day)
        }
        guard var adoption = record.adoption, adoption.reversed == nil else {
            throw WorkflowRefusal(.outOfOrder, "Record the decision that the child should be placed for adoption first.")
        }
        let order: [(AdoptionMilestone, Day?)] = [(.decision, adoption.decisionOn), (.placementOrder, adoption.placementOrderOn),
                                                   (.matched, adoption.matchedOn), (.placed, adoption.placedOn),
                                                   (.adoptionOrder, adoption.adoptionOrderOn)]
        guard let index = order.firstIndex(where: { $0.0 == milestone }) else { return adoption }
        if order[index].1 != nil {
            throw WorkflowRefusal(.duplicateRecord, "\(milestone.label) is already recorded.")
        }
        // A placement order is not needed where parents consent (Adoption and Children Act 2002 s.19).
        let required = order[..<index].filter { $0.0 != .placementOrder }
        if let missing = required.first(where: { $0.1 == nil }) {
            throw WorkflowRefusal(.outOfOrder, "Record \"\(missing.0.label)\" before \"\(milestone.label)\".")
        }
        if let latest = order[..<index].compactMap(\.1).max() {
            try WorkflowDates.notBefore(day, latest, milestone.label.lowercased(), "the milestone before it")
        }
        switch milestone {
        case .decision: break
        case .placementOrder: adoption.placementOrderOn = day
        case .matched: adoption.matchedOn = day
        case .placed: adoption.placedOn = day
        case .adoptionOrder: adoption.adoptionOrderOn = day
        }
        return adoption
    }
}

/// The statutory clocks of a looked-after child and a care leaver.
public enum LookedAfterClocks {
    public static func events(for record: LookedAfterRecord, birthDate: Day?, timescales: StatutoryTimescales, today: Day) -> [StatutoryEvent] {
        var events: [StatutoryEvent] = []
        if record.ledger.isLookedAfter, let start = record.periodStart {
            events.append(.init(kind: .lookedAfterReview,
                                due: timescales.lookedAfterReviewDue(startedToBeLookedAfterOn: start, reviewsHeld: record.reviewsInCurrentPeriod().map(\.date))))
            if let placed = record.currentPlacementStart {
                let lastVisit = record.visits.map(\.date).filter { $0 >= placed }.max()
                events.append(.init(kind: .lookedAfterVisit,
                                    due: timescales.lookedAfterVisitDue(placementStartedOn: placed, lastVisitOn: lastVisit,
                                                                        isLongTermPlacement: record.isLongTermPlacement)))
            }
            let assessments = record.healthAssessments.filter { $0 >= start }
            if let last = assessments.max(), let born = birthDate {
                events.append(.init(kind: .healthAssessment, due: timescales.reviewHealthAssessmentDue(lastAssessmentOn: last, dateOfBirth: born)))
            } else if assessments.isEmpty {
                events.append(.init(kind: .healthAssessment, due: timescales.initialHealthAssessmentDue(startedToBeLookedAfterOn: start)))
            }
            // Personal education plans are for children of school age or in early education (from 3).
            if let born = birthDate, (3..<18).contains(born.age(on: today)), record.personalEducationPlans.filter({ $0 >= start }).isEmpty {
                events.append(.init(kind: .personalEducationPlan, due: timescales.personalEducationPlanDue(startedToBeLookedAfterOn: start)))
            }
        }
        if let born = birthDate, needsPathwayPlan(record, birthDate: born, today: today) {
            let plan = record.careLeaver?.pathwayPlan
            let due = plan.map { timescales.pathwayPlanDue(dateOfBirth: born, lastReviewOn: $0.reviewDates.last ?? $0.madeOn) }
                ?? timescales.pathwayPlanDue(dateOfBirth: born)
            events.append(.init(kind: .pathwayPlan, due: due))
        }
        return events
    }

    /// Eligible, relevant and former relevant young people have a pathway plan, reviewed every
    /// 6 months, until 21 (or 25 while they still want support; Children and Social Work Act 2017).
    static func needsPathwayPlan(_ record: LookedAfterRecord, birthDate: Day, today: Day) -> Bool {
        let age = birthDate.age(on: today)
        guard (16..<21).contains(age) else { return false }
        let eligibility = CareLeaverRules.eligibility(birthDate: birthDate, ledger: record.ledger, on: today)
        return [.eligible, .relevant, .formerRelevant].contains(eligibility)
    }

    /// A care leaver whose support is still running: looked after at some point and followed up
    /// until 21.
    public static func isCareLeaverSupported(_ record: LookedAfterRecord, birthDate: Day?, today: Day) -> Bool {
        guard !record.ledger.isLookedAfter, let born = birthDate, record.careLeaver != nil else { return false }
        let age = born.age(on: today)
        let followedUpAt21 = record.careLeaver?.birthdayFollowUps.contains { $0.age == 21 } ?? false
        return age < 21 || (age == 21 && !followedUpAt21)
    }
}

extension WorkflowRefusal.Code {
    public static let participationInconsistent = Self("lookedafter.participation-inconsistent")
    public static let duplicateRecord = Self("lookedafter.duplicate")
    public static let notRecorded = Self("lookedafter.not-recorded")
    public static let sdqOutOfRange = Self("lookedafter.sdq-out-of-range")
    public static let outOfOrder = Self("lookedafter.out-of-order")
    public static let notACareLeaver = Self("careleaver.not-a-care-leaver")
    public static let motherhoodInconsistent = Self("lookedafter.inconsistent")
}

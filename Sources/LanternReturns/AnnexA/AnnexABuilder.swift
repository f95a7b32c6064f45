import LanternCore

/// One child as the store holds them, for Ofsted's Annex A.
public struct AnnexASourceChild: Sendable {
    public var child: AnnexAChild
    public var snapshot: CaseSnapshot
    /// Contacts about the child: when, and the CIN referral source of who made them.
    public var contacts: [(date: Day, source: String)]
    public var earlyHelpAssessments: [EarlyHelpAssessment]
    /// The team and worker the child is allocated to now.
    public var team: String?
    public var worker: String?

    public init(child: AnnexAChild, snapshot: CaseSnapshot, contacts: [(date: Day, source: String)] = [],
                earlyHelpAssessments: [EarlyHelpAssessment] = [], team: String? = nil, worker: String? = nil) {
        self.child = child
        self.snapshot = snapshot
        self.contacts = contacts
        self.earlyHelpAssessments = earlyHelpAssessments
        self.team = team
        self.worker = worker
    }
}

/// Builds Annex A lists 1 to 10 for the 12 months before the extract date, from children's
/// records. Source: Ofsted, "Annex A: data set for inspections of local authority children's
/// services" (the list definitions quoted in AnnexALabels). List 11 comes from the adopter
/// households the council records (`AdopterHousehold`), one row per adopter.
public enum AnnexABuilder {
    /// An adopter household as the store holds it, with the date of the adoption order of the
    /// child placed with them, from that child's record.
    public struct AdopterSource: Sendable {
        public var household: AdopterHousehold
        public var adoptionOrder: Day?

        public init(household: AdopterHousehold, adoptionOrder: Day? = nil) {
            self.household = household
            self.adoptionOrder = adoptionOrder
        }
    }

    /// List 11: every adopter in the process at some time in the 12 months: enquired by the
    /// extract date, and neither left the process nor adopted before the window began. The
    /// application is submitted when stage 2 begins (Adoption Agencies Regulations 2005, reg 30).
    public static func adopters(_ sources: [AdopterSource], extractDate: Day) -> [AnnexAAdopter] {
        let window = Window(end: extractDate)
        return sources.filter { source in
            let household = source.household
            return household.enquiry <= extractDate && (household.left.map { $0 >= window.start } ?? true)
                && (source.adoptionOrder.map { $0 >= window.start } ?? true)
        }
        .sorted { $0.household.reference < $1.household.reference }
        .flatMap { source in
            let household = source.household
            let shown: (Day?) -> Day? = { day in day.flatMap { $0 <= extractDate ? $0 : nil } }
            return household.adopterSexes.enumerated().map { index, sex in
                AnnexAAdopter(adopterID: "\(household.reference)-\(index + 1)", familyID: household.reference, sex: sex,
                              fosteringForAdoption: household.fosteringForAdoption, enquiry: household.enquiry,
                              stage1Started: shown(household.stage1Started), stage1Ended: shown(household.stage1Ended),
                              stage2Started: shown(household.stage2Started), stage2Ended: shown(household.stage2Ended),
                              applicationSubmitted: shown(household.stage2Started), applicationApproved: shown(household.approved),
                              matched: shown(household.matched), childrenPlacedDate: shown(household.placed),
                              childrenPlaced: shown(household.placed) == nil ? nil : household.childrenPlaced,
                              adoptionOrder: shown(source.adoptionOrder), leftProcess: shown(household.left),
                              reasonLeft: shown(household.left) == nil ? nil : household.leftReason.map(reasonLeft))
            }
        }
    }

    static func reasonLeft(_ reason: AdopterHousehold.LeavingReason) -> AnnexAReasonLeftAdoption {
        switch reason {
        case .withdrew: .adopterWithdrew
        case .onHold: .processOnHold
        case .notApproved: .applicationRefused
        }
    }

    public static func build(_ children: [AnnexASourceChild], extractDate: Day) -> AnnexAInput {
        let window = Window(end: extractDate)
        var input = AnnexAInput(extractDate: extractDate)
        for source in children.sorted(by: { $0.child.id < $1.child.id }) {
            let child = source.child
            let snapshot = source.snapshot
            input.contacts += source.contacts.filter { window.contains($0.date) }.map { AnnexAContact(child: child, date: $0.date, source: $0.source) }
            input.earlyHelpAssessments += source.earlyHelpAssessments
                .filter { window.contains($0.startedOn) || ($0.completedOn.map(window.contains) ?? true) }
                .map { AnnexAEarlyHelpAssessment(child: child, start: $0.startedOn, completed: $0.completedOn, organisation: $0.organisation) }
            for episode in snapshot.episodes where episode.referralDate <= extractDate {
                add(episode, snapshot: snapshot, source: source, window: window, to: &input)
            }
            if let care = snapshot.care {
                if let row = childInCare(care, source: source, window: window) { input.childrenInCare.append(row) }
                if let leaver = careLeaver(care, source: source, extractDate: extractDate) { input.careLeavers.append(leaver) }
                if let adoption = care.adoption, adoption.decisionOn <= extractDate,
                   adoption.adoptionOrderOn.map(window.contains) ?? true {
                    input.adoptions.append(AnnexAAdoption(child: child, familyID: nil, enteredCare: care.periodStart,
                                                          decisionToPlace: adoption.decisionOn, placementOrder: adoption.placementOrderOn,
                                                          matched: adoption.matchedOn, placed: adoption.placedOn,
                                                          adoptionOrder: adoption.adoptionOrderOn, decisionReversed: adoption.reversed?.date,
                                                          reversedReason: adoption.reversed?.reason))
                }
            }
        }
        return input
    }

    /// The 12 months up to and including the extract date.
    public struct Window: Sendable {
        public let start: Day
        public let end: Day

        public init(end: Day) {
            self.end = end
            self.start = end.adding(months: -12).adding(days: 1)
        }

        public func contains(_ day: Day) -> Bool { start <= day && day <= end }
        /// Something running from `from` to `to` (nil: still running) was open at some time in the window.
        func overlaps(from: Day, to: Day?) -> Bool { from <= end && (to.map { $0 >= start } ?? true) }
    }

    // Swift 6.3.1's optimiser crashes on this function ("Found ownership error?!" in CopyPropagation)
    // in release builds; it runs once per episode, so leaving it unoptimised costs nothing measurable.
    @_optimize(none)
    private static func add(_ episode: EpisodeOfNeed, snapshot: CaseSnapshot, source: AnnexASourceChild, window: Window,
                            to input: inout AnnexAInput) {
        let child = source.child
        if window.contains(episode.referralDate) {
            // A referral that closed without an assessment ended in no further action.
            let noFurtherAction = episode.closure != nil && episode.assessments.isEmpty
            input.referrals.append(AnnexAReferral(child: child, date: episode.referralDate, source: episode.referralSource,
                                                  noFurtherAction: noFurtherAction,
                                                  referralsInLast12Months: ReReferral.referralsInTwelveMonths(before: episode.referralDate,
                                                                                                               among: snapshot.referralDates),
                                                  team: source.team, worker: source.worker))
        }
        for assessment in episode.assessments where window.overlaps(from: assessment.startDate, to: assessment.authorisationDate) {
            let end = assessment.authorisationDate ?? window.end
            input.assessments.append(AnnexAAssessment(child: child, start: assessment.startDate,
                                                      childSeen: episode.childSeen.contains { $0.date >= assessment.startDate && $0.date <= end },
                                                      authorised: assessment.authorisationDate,
                                                      needsSocialCareSupport: assessment.submission?.needsSupport,
                                                      team: source.team, worker: source.worker))
        }
        let allEnquiries = snapshot.episodes.flatMap(\.section47Enquiries)
        for enquiry in episode.section47Enquiries where window.contains(enquiry.strategyDiscussionDate) {
            let yearBefore = Window(end: enquiry.strategyDiscussionDate)
            let conference = enquiry.initialConferenceDate
            input.section47Enquiries.append(AnnexASection47(
                child: child, strategyDiscussion: enquiry.strategyDiscussionDate, conferenceNotNeeded: enquiry.initialConferenceNotRequired,
                conference: conference,
                conferenceLedToPlan: conference.map { day in episode.childProtectionPlans.contains { $0.startDate == day } },
                enquiriesInLast12Months: allEnquiries.filter { $0.strategyDiscussionDate < enquiry.strategyDiscussionDate && yearBefore.contains($0.strategyDiscussionDate) }.count,
                conferencesInLast12Months: allEnquiries.compactMap(\.initialConferenceDate).filter { $0 < enquiry.strategyDiscussionDate && yearBefore.contains($0) }.count,
                team: source.team, worker: source.worker))
        }
        for plan in episode.childProtectionPlans where window.overlaps(from: plan.startDate, to: plan.endDate) {
            let lastVisit = episode.childSeen.filter { $0.date >= plan.startDate && $0.date <= (plan.endDate ?? window.end) }.max { $0.date < $1.date }
            input.childProtectionPlans.append(AnnexAChildProtection(
                child: child, start: plan.startDate, initialCategory: plan.initialCategory, latestCategory: plan.latestCategory,
                lastStatutoryVisit: lastVisit?.date, seenAlone: lastVisit?.seenAlone, latestReviewConference: plan.reviewDates.last,
                end: plan.endDate, previousPlans: snapshot.numberOfPreviousChildProtectionPlans(before: plan.startDate),
                team: source.team, worker: source.worker))
        }
        if window.overlaps(from: episode.referralDate, to: episode.closure?.date) {
            input.childrenInNeed.append(AnnexAChildInNeed(
                child: child, start: episode.referralDate, primaryNeed: episode.primaryNeed ?? "",
                lastSeen: episode.childSeen.map(\.date).filter { $0 <= window.end }.max(), closed: episode.closure?.date,
                reasonForClosure: episode.closure?.reason, caseStatus: status(of: episode, snapshot: snapshot, on: window.end),
                team: source.team, worker: source.worker))
        }
    }

    static func status(of episode: EpisodeOfNeed, snapshot: CaseSnapshot, on day: Day) -> AnnexACaseStatus {
        if episode.closure != nil { return .closedEpisode }
        if snapshot.care?.ledger.isLookedAfter(on: day) == true { return .lookedAfter }
        if episode.openChildProtectionPlan != nil { return .childProtectionPlan }
        if episode.openAssessment != nil || episode.assessments.isEmpty { return .openAssessment }
        return .childInNeedPlan
    }

    private static func childInCare(_ care: LookedAfterRecord, source: AnnexASourceChild, window: Window) -> AnnexAChildInCare? {
        let rows = care.ledger.episodes.filter { window.overlaps(from: $0.startDate, to: $0.endDate) }
        guard let latest = rows.last else { return nil }
        let periodStart = care.ledger.episodes.last(where: { $0.reasonForNewEpisode == .startedToBeLookedAfter && $0.startDate <= latest.startDate })?.startDate
            ?? latest.startDate
        let legalStatusStart = care.ledger.episodes.filter { $0.startDate <= latest.startDate }.reversed()
            .prefix { $0.legalStatus == latest.legalStatus && $0.startDate >= periodStart }.last?.startDate
        let missing = care.ledger.missingEpisodes.filter { window.overlaps(from: $0.start, to: $0.end) }
        let lastMissing = care.ledger.missingEpisodes.last { $0.start <= window.end }
        let before: (Day) -> Bool = { $0 <= window.end }
        return AnnexAChildInCare(
            child: source.child, uascInLast12Months: care.uasc.map { window.overlaps(from: $0.since, to: $0.ceasedOn) } ?? false,
            startedCare: periodStart, categoryOfNeed: latest.categoryOfNeed,
            secondPeriodInLast12Months: rows.filter { $0.reasonForNewEpisode == .startedToBeLookedAfter && window.contains($0.startDate) }.count > 1,
            legalStatusStart: legalStatusStart, legalStatus: latest.legalStatus,
            latestReview: care.reviews.map(\.date).filter(before).max(), lastSocialWorkVisit: care.visits.map(\.date).filter(before).max(),
            permanencePlan: care.permanencePlan.map(annexAPlan), lastIROContact: care.iroContacts.filter(before).max(),
            lastHealthAssessment: care.healthAssessments.filter(before).max(), lastDentalCheck: care.dentalChecks.filter(before).max(),
            placementsInLast12Months: rows.filter { ($0.reasonForNewEpisode.changesPlacement || $0.reasonForNewEpisode == .startedToBeLookedAfter)
                && window.contains($0.startDate) }.count,
            ceasedCare: latest.endDate.flatMap { window.contains($0) ? $0 : nil },
            reasonCeased: latest.endDate.flatMap { window.contains($0) ? latest.reasonEnded : nil },
            placementStart: care.ledger.episodes.filter { $0.startDate <= latest.startDate }.last {
                $0.reasonForNewEpisode.changesPlacement || $0.reasonForNewEpisode == .startedToBeLookedAfter }?.startDate,
            placementType: latest.placement.type, placementProvider: latest.placement.provider,
            placementPostcode: latest.placement.postcode, urn: latest.placement.urn,
            missingEpisodesInLast12Months: missing.filter { $0.kind == .missing }.count,
            absentEpisodesInLast12Months: missing.filter { $0.kind == .awayWithoutAuthorisation }.count,
            offeredReturnInterview: lastMissing.map { $0.returnInterview != nil },
            acceptedReturnInterview: lastMissing?.returnInterview?.accepted,
            team: source.team, worker: source.worker)
    }

    /// Care leavers aged 17 to 21 on the extract date who have left care (Annex A list 9).
    private static func careLeaver(_ care: LookedAfterRecord, source: AnnexASourceChild, extractDate: Day) -> AnnexACareLeaver? {
        guard let leaver = care.careLeaver, !care.ledger.isLookedAfter(on: extractDate),
              let born = source.child.dateOfBirth, (17...21).contains(born.age(on: extractDate)) else { return nil }
        let followUp = leaver.birthdayFollowUps.filter { $0.contactedOn <= extractDate }.last
        let plan = leaver.pathwayPlan
        return AnnexACareLeaver(child: source.child, uasc: care.uasc != nil, team: source.team, worker: source.worker,
                                personalAdviser: care.personalAdviser, eligibility: AnnexAEligibility(rawValue: leaver.eligibility.rawValue),
                                latestPathwayPlanReview: plan.map { $0.reviewDates.last ?? $0.madeOn },
                                inTouch: followUp?.inTouch, latestContact: followUp?.contactedOn,
                                accommodation: followUp?.accommodation, activity: followUp?.activity)
    }

    static func annexAPlan(_ plan: PermanencePlanChoice) -> AnnexAPermanencePlan {
        switch plan {
        case .returnHome, .familyOrFriends: .returnToFamily
        case .specialGuardianship: .specialGuardianshipOrChildArrangements
        case .adoption: .adoption
        case .longTermFostering: .longTermFostering
        case .residential: .longTermResidential
        case .independence: .supportedLivingInTheCommunity
        }
    }
}

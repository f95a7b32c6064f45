import Foundation

/// The statutory events a child's case is waiting for, each with its due date: what My work, the
/// Team page and the child's page show. Timescales: Working Together to Safeguard Children 2023
/// (see `StatutoryTimescales`); CIN plan reviews follow the local standard.
public struct StatutoryEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case assessment, initialConference, coreGroup, reviewConference, childProtectionVisit, childInNeedReview, closureSignOff
        case lookedAfterReview, lookedAfterVisit, healthAssessment, personalEducationPlan, pathwayPlan

        public var label: String {
            switch self {
            case .assessment: "Assessment authorised"
            case .initialConference: "Initial child protection conference"
            case .coreGroup: "First core group meeting"
            case .reviewConference: "Review child protection conference"
            case .childProtectionVisit: "Child protection visit"
            case .childInNeedReview: "Child in need plan review"
            case .closureSignOff: "Closure signed off by a manager"
            case .lookedAfterReview: "Looked-after review"
            case .lookedAfterVisit: "Statutory visit (looked after)"
            case .healthAssessment: "Health assessment"
            case .personalEducationPlan: "Personal education plan"
            case .pathwayPlan: "Pathway plan"
            }
        }
    }

    public let kind: Kind
    public let due: Day
}

/// What kind of work a case is, for weighting caseloads: a child protection case takes more of a
/// worker's time than an assessment. Weights are configuration (`CaseloadWeights`).
public enum CaseloadCategory: String, Hashable, Sendable, Codable, CaseIterable {
    case childProtection, lookedAfter, careLeaver, childInNeed, assessment

    public var label: String {
        switch self {
        case .childProtection: "Child protection"
        case .lookedAfter: "Looked after"
        case .careLeaver: "Care leaver"
        case .childInNeed: "Child in need"
        case .assessment: "Assessment"
        }
    }
}

public struct CaseloadWeights: Hashable, Sendable, Codable {
    public var childProtection: Double
    public var lookedAfter: Double
    public var careLeaver: Double
    public var childInNeed: Double
    public var assessment: Double

    public init(childProtection: Double = 1.5, lookedAfter: Double = 1.3, careLeaver: Double = 0.7, childInNeed: Double = 1.0,
                assessment: Double = 0.8) {
        self.childProtection = childProtection
        self.lookedAfter = lookedAfter
        self.careLeaver = careLeaver
        self.childInNeed = childInNeed
        self.assessment = assessment
    }

    public func weight(of category: CaseloadCategory) -> Double {
        switch category {
        case .childProtection: childProtection
        case .lookedAfter: lookedAfter
        case .careLeaver: careLeaver
        case .childInNeed: childInNeed
        case .assessment: assessment
        }
    }
}

public enum CaseClocks {
    /// Every event the open episode is waiting for, soonest first. `childInNeedReviewMonths` is
    /// the local standard for reviewing a child in need plan (commonly 3 months).
    /// `today` matters only for a looked-after child or care leaver (whose clocks depend on age).
    public static func events(for snapshot: CaseSnapshot, timescales: StatutoryTimescales,
                              childInNeedReviewMonths: Int = 3, today: Day = Day(Date())) -> [StatutoryEvent] {
        var events: [StatutoryEvent] = []
        if let care = snapshot.care {
            events += LookedAfterClocks.events(for: care, birthDate: snapshot.childBirthDate, timescales: timescales, today: today)
        }
        guard let episode = snapshot.openEpisode else { return events.sorted { $0.due < $1.due } }
        // An open assessment runs to its 45 working days; so does a referral not yet assessed.
        let awaitingAssessment = episode.assessments.isEmpty && episode.openChildProtectionPlan == nil
            && episode.openChildInNeedPlan == nil && episode.closureProposal == nil
        if episode.openAssessment != nil || awaitingAssessment {
            events.append(.init(kind: .assessment, due: timescales.assessmentDue(referralOn: episode.referralDate)))
        }
        if let enquiry = episode.openSection47Enquiry {
            events.append(.init(kind: .initialConference, due: timescales.initialConferenceDue(strategyDiscussionOn: enquiry.strategyDiscussionDate)))
        }
        if let plan = episode.openChildProtectionPlan {
            let icpc = episode.initialConferenceDates.last ?? plan.startDate
            if (plan.coreGroupMeetings ?? []).isEmpty {
                events.append(.init(kind: .coreGroup, due: timescales.firstCoreGroupDue(initialConferenceOn: icpc)))
            }
            events.append(.init(kind: .reviewConference, due: timescales.reviewConferenceDue(initialConferenceOn: icpc, lastReviewOn: plan.reviewDates.last)))
            let lastSeen = episode.childSeen.map(\.date).filter { $0 >= plan.startDate }.max()
            events.append(.init(kind: .childProtectionVisit, due: timescales.childProtectionVisitDue(planStartedOn: plan.startDate, lastVisitOn: lastSeen)))
        }
        if let plan = episode.openChildInNeedPlan {
            events.append(.init(kind: .childInNeedReview, due: (plan.reviewDates.last ?? plan.startDate).adding(months: childInNeedReviewMonths)))
        }
        if let proposal = episode.closureProposal {
            events.append(.init(kind: .closureSignOff, due: timescales.calendar.addingWorkingDays(5, to: proposal.proposedOn)))
        }
        return events.sorted { $0.due < $1.due }
    }

    public static func category(of snapshot: CaseSnapshot, today: Day = Day(Date())) -> CaseloadCategory? {
        if snapshot.care?.ledger.isLookedAfter == true { return .lookedAfter }
        if let care = snapshot.care, LookedAfterClocks.isCareLeaverSupported(care, birthDate: snapshot.childBirthDate, today: today) {
            return .careLeaver
        }
        guard let episode = snapshot.openEpisode else { return nil }
        if episode.openChildProtectionPlan != nil || episode.openSection47Enquiry != nil { return .childProtection }
        if episode.openChildInNeedPlan != nil { return .childInNeed }
        return .assessment
    }

    /// Plain words for where the case is: "Assessment", "Child protection plan", ...
    public static func stage(of snapshot: CaseSnapshot, today: Day = Day(Date())) -> String {
        if let care = snapshot.care {
            if care.ledger.isLookedAfter { return "Looked after" }
            if LookedAfterClocks.isCareLeaverSupported(care, birthDate: snapshot.childBirthDate, today: today) { return "Care leaver" }
        }
        guard let episode = snapshot.openEpisode else { return snapshot.episodes.isEmpty ? "No open episode" : "Closed" }
        if episode.closureProposal != nil { return "Closure proposed" }
        if episode.openChildProtectionPlan != nil { return "Child protection plan" }
        if episode.openSection47Enquiry != nil { return "Section 47 enquiry" }
        if episode.openChildInNeedPlan != nil { return "Child in need plan" }
        if let assessment = episode.openAssessment {
            return assessment.submission == nil ? "Assessment" : "Assessment awaiting authorisation"
        }
        return episode.assessments.isEmpty ? "Referral: assessment not started" : "Assessed"
    }
}

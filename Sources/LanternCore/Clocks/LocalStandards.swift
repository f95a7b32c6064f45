import Foundation

/// The timescales a council works to. Each starts at the national figure; a council that sets a
/// stricter local standard (most do) changes it here, in configuration, not in code. Where the
/// guidance gives no national number (feedback to referrers, strategy discussions, child
/// protection visits) the default is a common local standard.
///
/// Decoding fills any timescale missing from the stored configuration with its default, so a
/// council's file keeps working when a new timescale is added.
public struct LocalStandards: Hashable, Sendable, Codable {
    // Contacts, referrals and assessment
    public var contactDecision: Timescale = .workingDays(1)
    public var referrerToldOutcome: Timescale = .workingDays(3)
    public var assessment: Timescale = .workingDays(45)

    // Child protection
    public var strategyDiscussion: Timescale = .workingDays(1)
    public var initialConference: Timescale = .workingDays(15)
    public var firstCoreGroup: Timescale = .workingDays(10)
    public var firstReviewConference: Timescale = .months(3)
    public var laterReviewConferences: Timescale = .months(6)
    public var childProtectionVisits: Timescale = .workingDays(10)

    // Looked-after children
    public var firstLookedAfterReview: Timescale = .workingDays(20)
    public var secondLookedAfterReview: Timescale = .months(3)
    public var laterLookedAfterReviews: Timescale = .months(6)
    public var firstLookedAfterVisit: Timescale = .weeks(1)
    public var lookedAfterVisitsInFirstYear: Timescale = .weeks(6)
    public var lookedAfterVisitsInLongTermPlacement: Timescale = .months(3)
    public var lookedAfterVisitsOtherwise: Timescale = .weeks(6)
    public var initialHealthAssessment: Timescale = .workingDays(20)
    public var reviewHealthAssessmentUnderFive: Timescale = .months(6)
    public var reviewHealthAssessmentFromFive: Timescale = .months(12)
    public var personalEducationPlan: Timescale = .workingDays(20)

    // Care leavers
    /// How long after the 16th birthday the first pathway plan is due.
    public var pathwayPlanAfterSixteenthBirthday: Timescale = .months(3)
    public var pathwayPlanReviews: Timescale = .months(6)

    // Private fostering
    public var firstPrivateFosteringVisit: Timescale = .workingDays(7)
    public var privateFosteringVisitsInFirstYear: Timescale = .weeks(6)
    public var privateFosteringVisitsLater: Timescale = .weeks(12)

    public init() {}

    /// The national timescales, with common local standards where there is no national number.
    public static let national = LocalStandards()

    private enum CodingKeys: String, CodingKey {
        case contactDecision, referrerToldOutcome, assessment
        case strategyDiscussion, initialConference, firstCoreGroup, firstReviewConference,
             laterReviewConferences, childProtectionVisits
        case firstLookedAfterReview, secondLookedAfterReview, laterLookedAfterReviews, firstLookedAfterVisit,
             lookedAfterVisitsInFirstYear, lookedAfterVisitsInLongTermPlacement, lookedAfterVisitsOtherwise,
             initialHealthAssessment, reviewHealthAssessmentUnderFive, reviewHealthAssessmentFromFive,
             personalEducationPlan
        case pathwayPlanAfterSixteenthBirthday, pathwayPlanReviews
        case firstPrivateFosteringVisit, privateFosteringVisitsInFirstYear, privateFosteringVisitsLater
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LocalStandards.national
        func read(_ key: CodingKeys, _ fallback: Timescale) throws -> Timescale {
            try c.decodeIfPresent(Timescale.self, forKey: key) ?? fallback
        }
        contactDecision = try read(.contactDecision, d.contactDecision)
        referrerToldOutcome = try read(.referrerToldOutcome, d.referrerToldOutcome)
        assessment = try read(.assessment, d.assessment)
        strategyDiscussion = try read(.strategyDiscussion, d.strategyDiscussion)
        initialConference = try read(.initialConference, d.initialConference)
        firstCoreGroup = try read(.firstCoreGroup, d.firstCoreGroup)
        firstReviewConference = try read(.firstReviewConference, d.firstReviewConference)
        laterReviewConferences = try read(.laterReviewConferences, d.laterReviewConferences)
        childProtectionVisits = try read(.childProtectionVisits, d.childProtectionVisits)
        firstLookedAfterReview = try read(.firstLookedAfterReview, d.firstLookedAfterReview)
        secondLookedAfterReview = try read(.secondLookedAfterReview, d.secondLookedAfterReview)
        laterLookedAfterReviews = try read(.laterLookedAfterReviews, d.laterLookedAfterReviews)
        firstLookedAfterVisit = try read(.firstLookedAfterVisit, d.firstLookedAfterVisit)
        lookedAfterVisitsInFirstYear = try read(.lookedAfterVisitsInFirstYear, d.lookedAfterVisitsInFirstYear)
        lookedAfterVisitsInLongTermPlacement = try read(.lookedAfterVisitsInLongTermPlacement,
                                                        d.lookedAfterVisitsInLongTermPlacement)
        lookedAfterVisitsOtherwise = try read(.lookedAfterVisitsOtherwise, d.lookedAfterVisitsOtherwise)
        initialHealthAssessment = try read(.initialHealthAssessment, d.initialHealthAssessment)
        reviewHealthAssessmentUnderFive = try read(.reviewHealthAssessmentUnderFive, d.reviewHealthAssessmentUnderFive)
        reviewHealthAssessmentFromFive = try read(.reviewHealthAssessmentFromFive, d.reviewHealthAssessmentFromFive)
        personalEducationPlan = try read(.personalEducationPlan, d.personalEducationPlan)
        pathwayPlanAfterSixteenthBirthday = try read(.pathwayPlanAfterSixteenthBirthday,
                                                     d.pathwayPlanAfterSixteenthBirthday)
        pathwayPlanReviews = try read(.pathwayPlanReviews, d.pathwayPlanReviews)
        firstPrivateFosteringVisit = try read(.firstPrivateFosteringVisit, d.firstPrivateFosteringVisit)
        privateFosteringVisitsInFirstYear = try read(.privateFosteringVisitsInFirstYear,
                                                     d.privateFosteringVisitsInFirstYear)
        privateFosteringVisitsLater = try read(.privateFosteringVisitsLater, d.privateFosteringVisitsLater)
    }
}

import LanternCore
@testable import LanternReturns

/// A small set of Annex A lists drawn for an inspection on 1 December 2025.
enum AnnexAFixture {
    static let amira = AnnexAChild(id: "LC0005", sex: "F", ethnicity: "MWBC", dateOfBirth: day("2018-02-11"), hasDisability: false)
    static let josh = AnnexAChild(id: "LC0007", sex: "M", ethnicity: "WBRI", dateOfBirth: day("2011-09-14"), hasDisability: true)
    static let unborn = AnnexAChild(id: "LC0008", sex: "U", ethnicity: "NOBT")

    static let input = AnnexAInput(
        extractDate: day("2025-12-01"),
        contacts: [AnnexAContact(child: amira, date: day("2025-04-17"), source: "2A"),
                   AnnexAContact(child: unborn, date: day("2025-11-20"), source: "3B")],
        earlyHelpAssessments: [AnnexAEarlyHelpAssessment(child: josh, start: day("2025-05-01"), completed: day("2025-06-12"),
                                                         organisation: "Ladywood Family Hub & Partners")],
        referrals: [AnnexAReferral(child: amira, date: day("2025-04-22"), source: "2A", noFurtherAction: false,
                                   referralsInLast12Months: 1, team: "MASH", worker: "Priya Shah")],
        assessments: [AnnexAAssessment(child: josh, start: day("2025-07-02"), childSeen: true, authorised: day("2025-08-15"),
                                       needsSocialCareSupport: true, team: "Disabled Children", worker: "Tom O'Neill")],
        section47Enquiries: [AnnexASection47(child: amira, strategyDiscussion: day("2025-04-23"), conferenceNotNeeded: false,
                                             conference: day("2025-05-14"), conferenceLedToPlan: true, enquiriesInLast12Months: 1,
                                             conferencesInLast12Months: 1, team: "Safeguarding 2", worker: "Priya Shah")],
        childrenInNeed: [AnnexAChildInNeed(child: josh, start: day("2025-07-01"), primaryNeed: "N2", lastSeen: day("2025-11-25"),
                                           caseStatus: .childInNeedPlan, team: "Disabled Children", worker: "Tom O'Neill")],
        childProtectionPlans: [AnnexAChildProtection(child: amira, start: day("2025-05-14"), initialCategory: "NEG",
                                                     latestCategory: "NEG", lastStatutoryVisit: day("2025-11-27"), seenAlone: true,
                                                     latestReviewConference: day("2025-08-14"),
                                                     emergencyProtectionInLast6Months: false, previousPlans: 0,
                                                     team: "Safeguarding 2", worker: "Priya Shah")],
        childrenInCare: [AnnexAChildInCare(child: AnnexAChild(id: "L2001", sex: "F", ethnicity: "WBRI", dateOfBirth: day("2012-05-14"),
                                                              hasDisability: false),
                                           uascInLast12Months: false, startedCare: day("2024-09-16"), categoryOfNeed: "N1",
                                           secondPeriodInLast12Months: false, legalStatusStart: day("2025-11-20"), legalStatus: "C2",
                                           latestReview: day("2025-11-18"), lastSocialWorkVisit: day("2025-11-28"),
                                           permanencePlan: .longTermResidential, placementsInLast12Months: 3,
                                           placementStart: day("2025-11-20"), placementType: "K2", placementProvider: "PR4",
                                           placementPostcode: "B33 0AA", urn: "SC471124", placedInArea: true, placementLA: "Birmingham",
                                           missingEpisodesInLast12Months: 2, absentEpisodesInLast12Months: 1,
                                           offeredReturnInterview: true, acceptedReturnInterview: false,
                                           team: "Children in Care 1", worker: "Grace Adeyemi")],
        careLeavers: [AnnexACareLeaver(child: AnnexAChild(id: "L2003", sex: "M", ethnicity: "WBRI", dateOfBirth: day("2007-08-30"),
                                                          hasDisability: false),
                                       uasc: false, team: "Leaving Care", worker: "Sam Lee", personalAdviser: "Sam Lee",
                                       eligibility: .formerRelevant, latestPathwayPlanReview: day("2025-10-01"), inTouch: "YES",
                                       latestContact: day("2025-11-20"), accommodation: "Z1", activity: "F4")],
        adoptions: [AnnexAAdoption(child: AnnexAChild(id: "L2005", sex: "F", ethnicity: "MWBC", dateOfBirth: day("2023-02-10"),
                                                      hasDisability: false),
                                   familyID: "FAM77", enteredCare: day("2024-07-01"), decisionToPlace: day("2025-04-14"),
                                   placementOrder: day("2025-05-12"), matched: day("2025-07-30"), placed: day("2025-08-18"))],
        adopters: [AnnexAAdopter(adopterID: "AD1", familyID: "FAM77", sex: "F", ethnicity: "WBRI", hasDisability: false,
                                 fosteringForAdoption: false, enquiry: day("2024-09-02"), stage1Started: day("2024-10-01"),
                                 stage1Ended: day("2024-11-29"), stage2Started: day("2024-12-02"), stage2Ended: day("2025-03-28"),
                                 applicationSubmitted: day("2024-12-02"), applicationApproved: day("2025-04-10"),
                                 matched: day("2025-07-30"), childrenPlacedDate: day("2025-08-18"), childrenPlaced: 1)]
    )
}

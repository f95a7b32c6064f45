import Foundation
import LanternCore

/// One child as the case record holds them, for the CIN census.
public struct CINSourceChild: Sendable {
    public var laChildID: String
    public var upn: String?
    public var birthDate: Day?
    public var expectedBirthDate: Day?
    public var sex: String
    public var ethnicity: String?
    public var disabilities: [String]
    public var snapshot: CaseSnapshot

    public init(laChildID: String, upn: String?, birthDate: Day?, expectedBirthDate: Day?, sex: String, ethnicity: String?,
                disabilities: [String], snapshot: CaseSnapshot) {
        self.laChildID = laChildID
        self.upn = upn
        self.birthDate = birthDate
        self.expectedBirthDate = expectedBirthDate
        self.sex = sex
        self.ethnicity = ethnicity
        self.disabilities = disabilities
        self.snapshot = snapshot
    }
}

/// Builds the CIN census from case records as they stood at the end of the collection year: the
/// children with an episode of need open at any time in the year, each episode holding only what
/// had happened by 31 March (DfE, Children in need census guide: "the census covers the period
/// 1 April to 31 March").
public enum CINCensusBuilder {
    public static func build(_ children: [CINSourceChild], header: CINHeader, isWorkingDay: WorkingDayTest = EnglandWorkingDays.isWorkingDay) -> CINCensusInput {
        let year = header.collectionYear
        let result: [CINChild] = children.compactMap { child in
            let episodes = child.snapshot.episodes.compactMap { episode(from: $0, in: year, snapshot: child.snapshot, isWorkingDay: isWorkingDay) }
            guard !episodes.isEmpty else { return nil }
            let unborn = child.birthDate == nil || child.birthDate! > year.end
            return CINChild(
                identifiers: CINChildIdentifiers(laChildID: child.laChildID, upn: unborn ? nil : child.upn,
                                                 upnUnknown: unborn ? nil : (child.upn == nil ? upnUnknownReason(birthDate: child.birthDate, at: year.end) : nil),
                                                 birthDate: unborn ? nil : child.birthDate,
                                                 expectedBirthDate: unborn ? (child.expectedBirthDate ?? child.birthDate) : nil,
                                                 sex: unborn ? "U" : child.sex),
                characteristics: CINChildCharacteristics(ethnicity: child.ethnicity ?? "NOBT", disabilities: child.disabilities.isEmpty ? ["NONE"] : child.disabilities),
                episodes: episodes)
        }
        return CINCensusInput(header: header, children: result)
    }

    /// A child under school age has not been given a UPN (UN1 is for those who have left or not
    /// started school; UN2 "not yet obtained" otherwise). Source: CIN census guide, UPN unknown codes.
    static func upnUnknownReason(birthDate: Day?, at end: Day) -> String {
        guard let birthDate else { return "UN1" }
        return birthDate.age(on: end) < 5 ? "UN1" : "UN2"
    }

    static func episode(from episode: EpisodeOfNeed, in year: CollectionYear, snapshot: CaseSnapshot,
                        isWorkingDay: WorkingDayTest) -> CINDetails? {
        let end = year.end
        guard episode.referralDate <= end else { return nil }
        if let closure = episode.closure, closure.date < year.start { return nil }
        func by(_ day: Day?) -> Day? { day.flatMap { $0 <= end ? $0 : nil } }
        let closed = episode.closure.flatMap { $0.date <= end ? $0 : nil }
        let start = year.start
        // Work that finished before the year began belongs to earlier returns (rules 8696, 8715).
        func inYear(_ finished: Day?) -> Bool { finished.map { $0 >= start } ?? true }
        let assessments: [CINAssessment] = episode.assessments
            .filter { $0.startDate <= end && inYear($0.authorisation?.authorisedOn) }.map { a in
            let authorised = by(a.authorisation?.authorisedOn)
            return CINAssessment(startDate: a.startDate, authorisationDate: authorised, factors: authorised == nil ? [] : a.factors)
        }
        let enquiries: [Section47] = episode.section47Enquiries
            .filter { $0.startDate <= end && inYear($0.outcome?.date) }.map { e in
            let held = by(e.initialConferenceDate)
            let notRequired = e.initialConferenceNotRequired && (by(e.outcome?.date) != nil)
            return Section47(startDate: e.startDate, initialCPCTarget: addingWorkingDays(15, to: e.startDate, isWorkingDay),
                             initialCPCDate: held, icpcNotRequired: notRequired)
        }
        let plans: [LanternReturns.ChildProtectionPlan] = episode.childProtectionPlans
            .filter { $0.startDate <= end && inYear($0.end?.date) }.map { p in
            let latest = p.categoryChanges.filter { $0.date <= end }.last?.to ?? p.initialCategory
            return ChildProtectionPlan(startDate: p.startDate, endDate: by(p.end?.date), initialCategoryOfAbuse: p.initialCategory,
                                       latestCategoryOfAbuse: latest,
                                       numberOfPreviousPlans: snapshot.numberOfPreviousChildProtectionPlans(before: p.startDate),
                                       reviewDates: p.reviewDates.filter { $0 <= end && $0 >= start })
        }
        let cinPlans = episode.childInNeedPlans.filter { $0.startDate <= end && inYear($0.endDate) }.map { CINPlanDates(startDate: $0.startDate, endDate: by($0.endDate)) }
        // A referral that led to further action carries a primary need (rule 8610): the one the
        // assessment found, or N0 "not stated" while the assessment is still under way.
        let primaryNeed = episode.primaryNeed ?? "N0"
        // An initial conference held within a section 47 enquiry is recorded there only (rule 2884).
        return CINDetails(referralDate: episode.referralDate, referralSource: episode.referralSource, primaryNeedCode: primaryNeed,
                          closureDate: closed?.date, reasonForClosure: closed?.reason,
                          initialCPCDate: nil, assessments: assessments, cinPlans: cinPlans,
                          section47Enquiries: enquiries, referralNFA: false, childProtectionPlans: plans)
    }

    static func addingWorkingDays(_ n: Int, to day: Day, _ isWorkingDay: WorkingDayTest) -> Day {
        var current = day
        var left = n
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }
}

import Foundation
import LanternCore

/// A plausible social care journey for one referred child, as the casework actions a worker would
/// record, in order, each on its own date. Shapes follow the national picture (DfE, Characteristics
/// of children in need): most referrals are assessed and closed or supported as children in need;
/// about one in six goes through a section 47 enquiry; fewer reach a child protection plan.
/// Only what has happened by `today` is returned, so recent referrals are still in progress.
public struct SyntheticCaseJourney: Sendable {
    public enum Shape: String, CaseIterable, Sendable {
        case assessedAndClosed, childInNeedPlan, enquiryNoConference, childProtectionPlan
    }

    /// How quickly a team works: 1 is typical; 1.6 is a team whose assessments run late.
    public var pace: Double

    public init(pace: Double = 1) {
        self.pace = pace
    }

    public func shape(using random: inout some RandomNumberGenerator) -> Shape {
        let roll = Double.random(in: 0..<1, using: &random)
        switch roll {
        case ..<0.42: return .assessedAndClosed
        case ..<0.72: return .childInNeedPlan
        case ..<0.86: return .enquiryNoConference
        default: return .childProtectionPlan
        }
    }

    /// The actions for a referral on `referral`, truncated at `today`.
    public func actions(referral: Day, source: String, shape: Shape, today: Day, calendar: WorkingDayCalendar,
                        using random: inout some RandomNumberGenerator) -> [CaseworkAction] {
        var timeline: [CaseworkAction] = [.openEpisodeOfNeed(referralDate: referral, source: source, primaryNeed: nil)]
        var day = referral
        func after(_ low: Int, _ high: Int) -> Day {
            let span = Int((Double(Int.random(in: low...high, using: &random)) * pace).rounded())
            day = calendar.addingWorkingDays(max(1, span), to: day)
            return day
        }
        let protection = shape == .enquiryNoConference || shape == .childProtectionPlan
        var strategyDay: Day?
        if protection {
            strategyDay = after(1, 2)
            timeline.append(.holdStrategyDiscussion(.init(date: strategyDay!, participants: [
                Professional(name: "Police officer", agency: .police), Professional(name: "Health visitor", agency: .health),
                Professional(name: "Designated safeguarding lead", agency: .education),
            ], childAttendsEducationSetting: true, decidedToStartSection47: true)))
            timeline.append(.startSection47Enquiry(on: strategyDay!))
        }
        let start = after(1, 4)
        timeline.append(.startAssessment(on: start))
        timeline.append(.recordChildSeen(on: after(1, 5), seenAlone: Bool.random(using: &random)))
        timeline.append(.recordWishesAndFeelings(on: after(3, 12)))
        let needsSupport = shape != .assessedAndClosed
        // "21 no factors identified" only fits an assessment that finds no support is needed.
        let choices = needsSupport ? Self.factorSets.filter { $0 != ["21"] } : Self.factorSets
        let factors = choices[Int.random(in: 0..<choices.count, using: &random)]
        timeline.append(.submitAssessment(on: after(5, 18), factors: factors, needsSupport: needsSupport))
        let need = needsSupport ? ["N1", "N1", "N3", "N4", "N5", "N2", "N8"].randomElement(using: &random)! : "N9"
        timeline.append(.authoriseAssessment(on: after(1, 6), primaryNeed: need))
        switch shape {
        case .assessedAndClosed:
            let close = after(1, 5)
            timeline.append(.proposeClosure(on: close, reason: Bool.random(using: &random) ? "RC8" : "RC9"))
            timeline.append(.signOffClosure(on: after(1, 3)))
        case .childInNeedPlan:
            timeline.append(.startChildInNeedPlan(on: after(1, 5)))
            timeline.append(.reviewChildInNeedPlan(on: after(50, 70)))
            timeline.append(.endChildInNeedPlan(on: after(40, 90)))
            timeline.append(.proposeClosure(on: after(1, 5), reason: "RC7"))
            timeline.append(.signOffClosure(on: after(1, 3)))
        case .enquiryNoConference:
            // The outcome of the enquiry comes once the assessment is done, before the plan.
            timeline.append(.recordInitialConferenceNotRequired(on: after(0, 2)))
            timeline.append(.startChildInNeedPlan(on: after(1, 5)))
            timeline.append(.endChildInNeedPlan(on: after(60, 120)))
            timeline.append(.proposeClosure(on: after(1, 5), reason: "RC7"))
            timeline.append(.signOffClosure(on: after(1, 3)))
        case .childProtectionPlan:
            // The conference follows the strategy discussion within about 15 working days,
            // whatever stage the assessment has reached; the plan starts at the conference.
            let conference = calendar.addingWorkingDays(Int(Double(Int.random(in: 8...14, using: &random)) * pace), to: strategyDay!)
            timeline.append(.recordInitialConference(on: conference))
            timeline.append(.startChildProtectionPlan(on: conference, category: ["NEG", "NEG", "EMO", "PHY", "SAB", "MUL"].randomElement(using: &random)!))
            let firstReview = conference.adding(months: 3)
            let secondReview = firstReview.adding(months: 6)
            let ending = Bool.random(using: &random) ? firstReview : secondReview
            // Child protection visits through the plan; a slower team misses more of them.
            var visit = conference
            while true {
                visit = calendar.addingWorkingDays(max(3, Int((Double(Int.random(in: 6...11, using: &random)) * pace).rounded())), to: visit)
                guard visit < ending else { break }
                timeline.append(.recordChildSeen(on: visit, seenAlone: Double.random(in: 0..<1, using: &random) < 0.7))
            }
            // The first core group, due within 10 working days: a slower team holds it late.
            timeline.append(.recordCoreGroupMeeting(on: calendar.addingWorkingDays(Int((7 * pace).rounded()), to: conference)))
            timeline.append(.recordReviewConference(on: firstReview))
            if ending == secondReview { timeline.append(.recordReviewConference(on: secondReview)) }
            timeline.append(.endChildProtectionPlan(on: ending, reason: .noLongerAtRiskOfSignificantHarm))
            day = max(day, ending)
            timeline.append(.startChildInNeedPlan(on: after(1, 3)))
            timeline.append(.endChildInNeedPlan(on: after(40, 80)))
            timeline.append(.proposeClosure(on: after(1, 5), reason: "RC7"))
            timeline.append(.signOffClosure(on: after(1, 3)))
        }
        // Recorded in date order, as they happened (same-day steps keep their order).
        timeline = timeline.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        return timeline.filter { $0.date <= today }
    }

    /// Factor combinations seen often at assessment (CIN list 1.6 codes).
    static let factorSets: [[String]] = [
        ["3A", "4A"], ["2B"], ["1B", "3B"], ["4A", "6A"], ["21"], ["2A", "8B"], ["3C", "3A", "4A"], ["16A"], ["6C", "2B"], ["5B"],
    ]
}

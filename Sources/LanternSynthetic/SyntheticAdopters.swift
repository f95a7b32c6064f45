import Foundation
import LanternCore

/// The adopter households of a generated council (Annex A list 11): the ones matched with the
/// council's adopted children, each taken back through approval and the two stages to its enquiry,
/// and a handful a year of others at every stage, some of whom leave. Stage lengths follow the
/// Adoption Agencies Regulations 2005 as amended in 2013: stage 1 about 2 months, stage 2 about 4.
public enum SyntheticAdopters {
    /// Other households a year, besides those matched with the council's children.
    public static let othersPerYear = 4

    /// `matches`: each adopted child's adoption, in order; the first `matches.count` households
    /// returned are theirs, in the same order.
    public static func households(matches: [AdoptionMilestones], years: Int, today: Day,
                                  using rng: inout SeededGenerator) -> [AdopterHousehold] {
        var number = 0
        func reference() -> String {
            number += 1
            return "ADH-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        }
        var households: [AdopterHousehold] = matches.compactMap { adoption in
            guard let matched = adoption.matchedOn else { return nil }
            let approved = matched.adding(days: -Int.random(in: 40...200, using: &rng))
            var household = stages(to: approved, reference: reference(), sex: adoption.adopters?.sex ?? "MF", using: &rng)
            household.approved = approved
            household.matched = matched
            if let placed = adoption.placedOn, placed <= today {
                household.placed = placed
                household.childrenPlaced = 1
            }
            return household
        }
        for _ in 0..<(othersPerYear * years) {
            let enquiry = today.adding(days: -Int.random(in: 10...(365 * years), using: &rng))
            let sex = ["MF", "MF", "FF", "MM", "F1", "M1"][Int.random(in: 0..<6, using: &rng)]
            var household = AdopterHousehold(reference: reference(), sex: sex, fosteringForAdoption: rng.chance(0.1), enquiry: enquiry)
            let steps: [(WritableKeyPath<AdopterHousehold, Day?>, ClosedRange<Int>)] = [
                (\.stage1Started, 14...45), (\.stage1Ended, 50...75), (\.stage2Started, 1...14), (\.stage2Ended, 110...140), (\.approved, 20...40),
            ]
            var day = enquiry
            for (step, gap) in steps {
                day = day.adding(days: Int.random(in: gap, using: &rng))
                if day > today.adding(days: -1) { break }
                household[keyPath: step] = day
                // Some households withdraw or pause along the way; some are not approved after stage 2.
                if step != \.approved, rng.chance(0.08) {
                    let left = min(day.adding(days: Int.random(in: 5...30, using: &rng)), today.adding(days: -1))
                    household.left = left
                    household.leftReason = step == \.stage2Ended && rng.chance(0.5) ? .notApproved : rng.chance(0.7) ? .withdrew : .onHold
                    break
                }
            }
            households.append(household)
        }
        return households
    }

    /// Enquiry, stage 1 and stage 2 counted back from approval.
    static func stages(to approved: Day, reference: String, sex: String, using rng: inout SeededGenerator) -> AdopterHousehold {
        let stage2Ended = approved.adding(days: -Int.random(in: 20...40, using: &rng))
        let stage2Started = stage2Ended.adding(days: -Int.random(in: 110...140, using: &rng))
        let stage1Ended = stage2Started.adding(days: -Int.random(in: 1...14, using: &rng))
        let stage1Started = stage1Ended.adding(days: -Int.random(in: 50...75, using: &rng))
        let enquiry = stage1Started.adding(days: -Int.random(in: 14...45, using: &rng))
        return AdopterHousehold(reference: reference, sex: sex, enquiry: enquiry, stage1Started: stage1Started, stage1Ended: stage1Ended,
                                stage2Started: stage2Started, stage2Ended: stage2Ended)
    }
}

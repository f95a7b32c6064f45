import Foundation
import LanternCore

/// A referred child who comes into care: an assessment, then care with the visits, reviews,
/// health checks and education plans the regulations ask for (Care Planning, Placement and Case
/// Review (England) Regulations 2010), a placement move for some, a missing episode for some
/// teenagers, and an end: home as planned, or at 18 staying with carers and supported as a care
/// leaver. A slower team visits later. Only what has happened by `today` is returned.
public struct SyntheticCareJourney: Sendable {
    public var pace: Double

    public init(pace: Double = 1) {
        self.pace = pace
    }

    /// Made-up Ofsted URNs for real-format placements; the validator's URN lookups need Ofsted's
    /// lists, which are not used.
    public static let placements = [CarePlacement(type: "U4", provider: "PR1", postcode: "B15 2TT", urn: "SC400101"),
                             CarePlacement(type: "U6", provider: "PR4", postcode: "B29 6BD", urn: "SC400202"),
                             CarePlacement(type: "K2", provider: "PR4", postcode: "B31 2PA", urn: "SC401234"),
                             CarePlacement(type: "U3", provider: "PR1", postcode: "B12 9LP", urn: "SC400101")]

    /// Real Birmingham postcodes for the homes of children in care: the SSDA903 validator looks
    /// home and placement postcodes up to work out the distance between them.
    public static let homePostcodes = ["B1 1BB", "B5 4BU", "B6 4AD", "B10 0HJ", "B11 1AA", "B12 9LP", "B16 8QE", "B19 3SD",
                                       "B23 6SN", "B36 8AT", "B44 8BE"]

    /// Whether a child of this age at referral can come into care in this journey (it ends before 18
    /// or carries on as a care leaver; a child referred at 17 is supported as a child in need instead).
    public static func fits(born: Day, referral: Day) -> Bool { born.age(on: referral) < 17 }

    public func actions(referral: Day, born: Day, sex: String, homePostcode: String, today: Day,
                        using rng: inout SeededGenerator) -> [CaseworkAction] {
        let ageAtReferral = born.age(on: referral)
        var actions: [CaseworkAction] = [
            .openEpisodeOfNeed(referralDate: referral, source: "5A", primaryNeed: "N1"),
            .startAssessment(on: referral.adding(days: 1)),
            .recordChildSeen(on: referral.adding(days: 3), seenAlone: ageAtReferral >= 8),
            .recordWishesAndFeelings(on: referral.adding(days: 3)),
            .submitAssessment(on: referral.adding(days: 20), factors: ["3B", "4A"], needsSupport: true),
            .authoriseAssessment(on: referral.adding(days: 22), primaryNeed: "N1"),
        ]
        let start = referral.adding(days: Int.random(in: 24...60, using: &rng))
        let adoption = born.age(on: start) < 5 && rng.chance(Self.adoptedShare) ? AdoptionPlan(start: start, using: &rng) : nil
        // A child heading for adoption is fostered first: the 903 wants a foster placement just
        // before the placement for adoption (rule 336).
        let placement = adoption != nil ? Self.placements[Int.random(in: 0...1, using: &rng)]
                                        : Self.placements[Int.random(in: 0..<Self.placements.count, using: &rng)]
        let eighteenth = born.birthday(18)
        let planned = adoption?.order ?? start.adding(days: Int.random(in: 150...1800, using: &rng))
        let leaver = adoption == nil && planned >= eighteenth
        let end = leaver ? eighteenth : planned
        let lastInCare = min(end.adding(days: -1), today.adding(days: -2))
        // Home and placement are at different postcodes except with parents (SSDA903 rule 392d).
        let home = Self.placementPostcodes.contains(homePostcode) ? "B44 8BE" : homePostcode
        actions.append(.lookedAfter(.care(.startedToBeLookedAfter(.init(
            date: start, legalStatus: adoption == nil && rng.chance(0.35) ? "V2" : "C2", categoryOfNeed: "N1", placement: placement,
            homePostcode: home)))))
        actions.append(.lookedAfter(.recordPreviousPermanence(option: "Z1", arrangedBy: nil, orderDate: nil, on: start)))
        if sex == "F" {
            // Asked once she is 11 or older while in care.
            let asked = max(start.adding(days: 2), born.adding(years: 11))
            if asked <= lastInCare { actions.append(.lookedAfter(.recordMotherhood(isMother: false, firstChildBorn: nil, on: asked))) }
        }
        actions += Self.routineCare(start: start, born: born, lastDay: lastInCare, visitEvery: Int((35 + (pace - 1) * 15).rounded()),
                                    sdqScore: { Int.random(in: 6...24, using: &rng) })
        let moveOn = start.adding(days: 60)
        if rng.chance(0.4), moveOn.adding(days: 4) <= lastInCare {
            let next = Self.placements.first { $0 != placement }!
            actions.append(.lookedAfter(.care(.placementChanged(.init(date: moveOn, placement: next, reason: "CARPL")))))
            actions.append(.lookedAfter(.recordVisit(.init(date: moveOn.adding(days: 4), seenAlone: born.age(on: moveOn) >= 8))))
        }
        let missing = start.adding(days: 90)
        if born.age(on: missing) >= 12, rng.chance(0.3), missing.adding(days: 3) <= lastInCare {
            actions.append(.lookedAfter(.care(.wentMissing(on: missing, kind: .missing))))
            actions.append(.lookedAfter(.care(.returnedFromMissing(on: missing.adding(days: 1)))))
            actions.append(.lookedAfter(.care(.returnInterviewOffered(on: missing.adding(days: 3), accepted: true))))
        }
        if let adoption {
            actions += adoption.actions(today: today, using: &rng)
        } else if leaver {
            actions += leavingCare(start: start, born: born, today: today)
        } else if end <= today.adding(days: -3) {
            actions.append(.lookedAfter(.care(.ceasedToBeLookedAfter(on: end, reason: "E4A"))))
            actions.append(.proposeClosure(on: end.adding(days: 1), reason: "RC7"))
            actions.append(.signOffClosure(on: end.adding(days: 2)))
        }
        actions = actions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        return actions.filter { $0.date <= today }
    }

    /// The share of children under 5 when they come into care whose plan becomes adoption.
    public static let adoptedShare = 0.15

    /// Where adopted children are placed: with adopters found by the regional adoption agency, not
    /// the child's foster carers (A6, with a placement order), at a real Birmingham postcode.
    public static let adoptivePlacement = CarePlacement(type: "A6", provider: "PR1", postcode: "B23 6SN", urn: "XXXXXXX")

    /// Every postcode a journey can place a child at.
    static let placementPostcodes = Set((placements + [adoptivePlacement]).compactMap(\.postcode))

    /// An adoption from care, in the order of the Adoption Statutory Guidance (2013): the agency
    /// decision, the placement order (the legal status becomes E1), the match and who the adopters
    /// are, placement with them, and the adoption order that ends care. Timings follow the DfE
    /// adoption scorecard: about 12 to 18 months from coming into care to placement with adopters.
    public struct AdoptionPlan: Sendable {
        public var decision: Day
        public var placementOrder: Day
        public var matched: Day
        public var placed: Day
        public var order: Day
        public var adopters: AdoptersOfChild

        public init(start: Day, using rng: inout SeededGenerator) {
            decision = start.adding(days: Int.random(in: 150...240, using: &rng))
            placementOrder = decision.adding(days: Int.random(in: 60...120, using: &rng))
            matched = placementOrder.adding(days: Int.random(in: 60...120, using: &rng))
            placed = matched.adding(days: Int.random(in: 14...35, using: &rng))
            order = placed.adding(days: Int.random(in: 150...300, using: &rng))
            adopters = Self.households[Int.random(in: 0..<Self.households.count, using: &rng)]
        }

        /// Households of the kinds adopters come in (married, civil partners, unmarried, single).
        public static let households = [
            AdoptersOfChild(count: 2, sex: "MF", legalStatus: "L11", formerFosterCarers: false),
            AdoptersOfChild(count: 2, sex: "MF", legalStatus: "L11", formerFosterCarers: false),
            AdoptersOfChild(count: 2, sex: "FF", legalStatus: "L2", formerFosterCarers: false),
            AdoptersOfChild(count: 2, sex: "MM", legalStatus: "L12", formerFosterCarers: false),
            AdoptersOfChild(count: 2, sex: "MF", legalStatus: "L3", formerFosterCarers: false),
            AdoptersOfChild(count: 1, sex: "F1", legalStatus: "L0", formerFosterCarers: false),
        ]

        /// What has happened by `today`; care ends only once the order is three days old, like
        /// the other journeys, and the case closes as adopted (RC1).
        func actions(today: Day, using rng: inout SeededGenerator) -> [CaseworkAction] {
            var actions: [CaseworkAction] = [
                .lookedAfter(.agreePermanencePlan(.adoption, on: decision)),
                .lookedAfter(.recordAdoptionMilestone(.decision, on: decision)),
                .lookedAfter(.recordAdoptionMilestone(.placementOrder, on: placementOrder)),
                .lookedAfter(.care(.legalStatusChanged(on: placementOrder, legalStatus: "E1"))),
                .lookedAfter(.recordAdoptionMilestone(.matched, on: matched)),
                .lookedAfter(.recordAdopters(adopters, on: matched)),
                .lookedAfter(.care(.placementChanged(.init(date: placed, placement: SyntheticCareJourney.adoptivePlacement,
                                                           reason: "CARPL")))),
                .lookedAfter(.recordAdoptionMilestone(.placed, on: placed)),
            ]
            let adopted = rng.chance(0.7) ? "E11" : "E12"
            if order <= today.adding(days: -3) {
                actions += [.lookedAfter(.recordAdoptionMilestone(.adoptionOrder, on: order)),
                            .lookedAfter(.care(.ceasedToBeLookedAfter(on: order, reason: adopted))),
                            .proposeClosure(on: order.adding(days: 1), reason: "RC1"),
                            .signOffClosure(on: order.adding(days: 2))]
            }
            return actions
        }
    }

    /// The regular practice of care from `start` to `lastDay`: a visit every `visitEvery` days,
    /// reviews at 20 working days, 3 months and then 6-monthly, a personal education plan each term
    /// from age 3, and health, dental and immunisation checks within 20 working days and then every
    /// year, with an SDQ from 4 to 17 and development checks under 5.
    public static func routineCare(start: Day, born: Day, lastDay: Day, visitEvery: Int,
                                   sdqScore: () -> Int) -> [CaseworkAction] {
        var actions: [CaseworkAction] = []
        for visit in stride(from: 5, through: start.days(until: lastDay), by: visitEvery) {
            let day = start.adding(days: visit)
            actions.append(.lookedAfter(.recordVisit(.init(date: day, seenAlone: born.age(on: day) >= 8))))
        }
        var review = start.adding(days: 19)
        var held = 0
        while review <= lastDay {
            actions.append(.lookedAfter(.holdReview(.init(date: review, participation: born.age(on: review) < 4 ? "PN0" : "PN1"))))
            held += 1
            review = review.adding(days: held == 1 ? 80 : 170)
        }
        if born.age(on: start) >= 3 {
            for plan in stride(from: 15, through: start.days(until: lastDay), by: 110) {
                actions.append(.lookedAfter(.recordPersonalEducationPlan(on: start.adding(days: plan))))
            }
        }
        var check = start.adding(days: 18)
        while check <= lastDay {
            let age = born.age(on: check)
            actions.append(.lookedAfter(.recordHealthAssessment(on: check)))
            actions.append(.lookedAfter(.recordDentalCheck(on: check)))
            actions.append(.lookedAfter(.recordImmunisations(upToDate: true, on: check)))
            if (4...17).contains(age) { actions.append(.lookedAfter(.recordSDQ(score: sdqScore(), on: check))) }
            if age < 5 { actions.append(.lookedAfter(.recordDevelopmentCheck(on: check))) }
            check = check.adding(days: 330)
        }
        return actions
    }

    /// A pathway plan from 16 (or soon after coming into care), reviewed every six months to 21; at 18
    /// the child stays with their carers, the case closes, a personal adviser is appointed, and
    /// the council keeps in touch around each birthday to 21 (the SSDA903 OC3 return).
    private func leavingCare(start: Day, born: Day, today: Day) -> [CaseworkAction] {
        let eighteenth = born.birthday(18)
        // Leaving care support needs 13 weeks in care since 14 (Children (Leaving Care) Act 2000).
        let planned = max(start.adding(days: 92), born.birthday(16))
        var actions: [CaseworkAction] = []
        guard planned < eighteenth.adding(days: -1) else { return actions + ceaseAt18(eighteenth) + followUps(born: born, today: today) }
        actions.append(.lookedAfter(.careLeaver(.makePathwayPlan(on: planned))))
        var review = planned.adding(days: 170)
        while review <= min(today.adding(days: -2), born.adding(years: 21)) {
            actions.append(.lookedAfter(.careLeaver(.reviewPathwayPlan(on: review))))
            review = review.adding(days: 170)
        }
        return actions + ceaseAt18(eighteenth) + followUps(born: born, today: today)
    }

    private func ceaseAt18(_ eighteenth: Day) -> [CaseworkAction] {
        [.lookedAfter(.care(.ceasedToBeLookedAfter(on: eighteenth, reason: "E17"))),
         .proposeClosure(on: eighteenth.adding(days: 1), reason: "RC7"),
         .signOffClosure(on: eighteenth.adding(days: 2)),
         .lookedAfter(.appointPersonalAdviser(name: "Personal adviser", on: eighteenth.adding(days: 3)))]
    }

    private func followUps(born: Day, today: Day) -> [CaseworkAction] {
        (18...21).compactMap { age in
            let contacted = born.birthday(age).adding(days: 10)
            guard contacted <= today else { return nil }
            return .lookedAfter(.careLeaver(.recordBirthdayFollowUp(.init(age: age, contactedOn: contacted, inTouch: "YES",
                                                                          activity: age == 18 ? "F2" : "G4",
                                                                          accommodation: age == 18 ? "B1" : "C1"))))
        }
    }
}

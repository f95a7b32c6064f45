/// What the council keeps for a young person leaving care: their eligibility, pathway plan and
/// the 903 OC3 follow-up around each birthday from 17 to 21.
public struct CareLeaverRecord: Hashable, Sendable, Codable {
    /// The Children (Leaving Care) Act 2000 categories, as Ofsted's Annex A list 9 names them.
    public enum Eligibility: String, Hashable, Sendable, Codable, CaseIterable {
        case eligible
        case relevant
        case formerRelevant
        case qualifying
    }

    public var eligibility: Eligibility
    public var pathwayPlan: PathwayPlan?
    public var birthdayFollowUps: [BirthdayFollowUp] = []

    public init(eligibility: Eligibility, pathwayPlan: PathwayPlan? = nil) {
        self.eligibility = eligibility
        self.pathwayPlan = pathwayPlan
    }

    public struct PathwayPlan: Hashable, Sendable, Codable {
        public var madeOn: Day
        public var reviewDates: [Day] = []

        public init(madeOn: Day) { self.madeOn = madeOn }
    }

    /// One OC3 row: contact around a birthday from the 17th to the 21st.
    public struct BirthdayFollowUp: Hashable, Sendable, Codable {
        /// Which birthday, 17 to 21.
        public var age: Int
        public var contactedOn: Day
        /// `IN_TOUCH`: YES, NO, DIED, REFU, NREQ or RHOM.
        public var inTouch: String
        /// `ACTIV`; nil is reported as 0.
        public var activity: String?
        /// `ACCOM`; nil is reported as 0.
        public var accommodation: String?

        public init(age: Int, contactedOn: Day, inTouch: String, activity: String?, accommodation: String?) {
            self.age = age
            self.contactedOn = contactedOn
            self.inTouch = inTouch
            self.activity = activity
            self.accommodation = accommodation
        }
    }
}

public enum CareLeaverAction: Hashable, Sendable, Codable {
    case makePathwayPlan(on: Day)
    case reviewPathwayPlan(on: Day)
    case recordBirthdayFollowUp(CareLeaverRecord.BirthdayFollowUp)
}

/// Rules for care leavers. Sources: Children Act 1989 schedule 2 paragraph 19B and the Care
/// Leavers (England) Regulations 2010 (eligibility, pathway plans); DfE SSDA903 guidance and
/// validation rules 2025-26 for the OC3 birthday follow-up (numbers quoted).
public enum CareLeaverRules {
    /// The young person's category on `day`, worked out from their care: eligible while still
    /// looked after at 16 or 17 after 13 weeks in care since turning 14 (part of it after 16);
    /// relevant once such a child leaves care before 18; former relevant from 18; qualifying
    /// if looked after after 16 without the 13 weeks. Short breaks (V3, V4) do not count.
    /// Returns nil for a young person who is not a care leaver on `day`.
    public static func eligibility(birthDate: Day, ledger: CareEpisodeLedger, on day: Day) -> CareLeaverRecord.Eligibility? {
        let age = birthDate.age(on: day)
        guard (16..<25).contains(age) else { return nil }
        let fourteenth = birthDate.birthday(14), sixteenth = birthDate.birthday(16)
        let counted = ledger.episodes.filter { !["V3", "V4"].contains($0.legalStatus) && $0.startDate <= day }
        let daysSinceFourteen = counted.reduce(0) { total, row in
            let from = max(row.startDate, fourteenth), to = min(row.endDate ?? day, day)
            return total + max(0, from.days(until: to))
        }
        let inCareAfterSixteen = counted.contains { $0.endDate.map { $0 > sixteenth } ?? true }
        let thirteenWeeks = daysSinceFourteen >= 13 * 7 && inCareAfterSixteen
        let lookedAfterNow = ledger.isLookedAfter(on: day)

        switch age {
        case 16, 17:
            if lookedAfterNow { return thirteenWeeks ? .eligible : nil }
            if thirteenWeeks, !livedAtHomeSixMonths(ledger: ledger, on: day) { return .relevant }
            return inCareAfterSixteen ? .qualifying : nil
        case 18..<21:
            if thirteenWeeks { return .formerRelevant }
            return inCareAfterSixteen ? .qualifying : nil
        default:
            // From 21 to 25 only former relevant young people keep an entitlement to support.
            return thirteenWeeks ? .formerRelevant : nil
        }
    }

    /// A child who went home (E4A, E4B) and has lived there six months is no longer relevant.
    private static func livedAtHomeSixMonths(ledger: CareEpisodeLedger, on day: Day) -> Bool {
        guard let last = ledger.episodes.last, let ended = last.endDate, ["E4A", "E4B"].contains(last.reasonEnded ?? "") else { return false }
        return day >= ended.adding(months: 6)
    }

    public static func apply(_ action: CareLeaverAction, to record: CareLeaverRecord, birthDate: Day, ledger: CareEpisodeLedger,
                             on today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) -> CareLeaverRecord {
        try actor.require(.practitioner, to: "record care leaver support")
        var updated = record
        switch action {
        case .makePathwayPlan(let day):
            try WorkflowDates.notInFuture(day, today: today, "the pathway plan")
            if let plan = record.pathwayPlan {
                throw WorkflowRefusal(.pathwayPlanExists,
                                      "A pathway plan was made on \(WorkflowDates.text(plan.madeOn)). Record a review of it instead.")
            }
            try WorkflowDates.notBefore(day, birthDate.birthday(16), "the pathway plan", "the young person's 16th birthday")
            updated.pathwayPlan = .init(madeOn: day)
        case .reviewPathwayPlan(let day):
            try WorkflowDates.notInFuture(day, today: today, "the pathway plan review")
            guard var plan = record.pathwayPlan else {
                throw WorkflowRefusal(.noPathwayPlan, "There is no pathway plan to review. Make the pathway plan first.")
            }
            try WorkflowDates.after(day, plan.reviewDates.last ?? plan.madeOn, "the pathway plan review",
                                    plan.reviewDates.isEmpty ? "the plan" : "the previous review")
            plan.reviewDates.append(day)
            updated.pathwayPlan = plan
        case .recordBirthdayFollowUp(let followUp):
            try checkFollowUp(followUp, record: record, birthDate: birthDate, ledger: ledger, today: today)
            updated.birthdayFollowUps.append(followUp)
            updated.birthdayFollowUps.sort { $0.age < $1.age }
        }
        return updated
    }

    /// 903 OC3 rules: ages 17 to 21 (391), once each, not for a birthday spent in care (1007),
    /// not after the young person was reported dead (348), codes consistent with being in touch
    /// (344, 345) and no former foster carers at 17 (3001).
    static func checkFollowUp(_ followUp: CareLeaverRecord.BirthdayFollowUp, record: CareLeaverRecord, birthDate: Day,
                              ledger: CareEpisodeLedger, today: Day) throws(WorkflowRefusal) {
        try WorkflowDates.notInFuture(followUp.contactedOn, today: today, "the follow-up contact")
        guard (17...21).contains(followUp.age) else {
            throw WorkflowRefusal(.followUpAgeOutOfRange, "Care leaver follow-up is recorded around the 17th to 21st birthdays, not the \(followUp.age)th.")
        }
        if let existing = record.birthdayFollowUps.first(where: { $0.age == followUp.age }) {
            throw WorkflowRefusal(.followUpAlreadyRecorded,
                                  "The follow-up for the \(followUp.age)th birthday was already recorded (contact on \(WorkflowDates.text(existing.contactedOn))).")
        }
        if let died = record.birthdayFollowUps.first(where: { $0.inTouch == "DIED" }) {
            throw WorkflowRefusal(.followUpAfterDeath,
                                  "The young person was reported as having died at the \(died.age)th birthday follow-up, so no further follow-up is recorded.")
        }
        guard !ledger.episodes.isEmpty else {
            throw WorkflowRefusal(.neverLookedAfter, "There is no record of this young person being looked after, so there is no care leaver follow-up to record.")
        }
        let birthday = birthDate.birthday(followUp.age)
        if ledger.isLookedAfter(on: birthday) {
            throw WorkflowRefusal(.stillLookedAfterOnBirthday,
                                  "The young person was still looked after on their \(followUp.age)th birthday (\(WorkflowDates.text(birthday))), so no care leaver follow-up is recorded for it.")
        }
        try checkFollowUpCodes(followUp)
    }

    static func checkFollowUpCodes(_ followUp: CareLeaverRecord.BirthdayFollowUp) throws(WorkflowRefusal) {
        guard WorkflowCodeSets.careLeaverInTouch.contains(followUp.inTouch) else {
            throw .unknownCode(followUp.inTouch, field: "in-touch code", allowed: "YES, NO, DIED, REFU, NREQ or RHOM")
        }
        if let activity = followUp.activity, !WorkflowCodeSets.careLeaverActivities.contains(activity) {
            throw .unknownCode(activity, field: "activity code", allowed: "an OC3 activity such as F1 (full-time education) or G4 (not in education, employment or training)")
        }
        if let accommodation = followUp.accommodation, !WorkflowCodeSets.careLeaverAccommodation.contains(accommodation) {
            throw .unknownCode(accommodation, field: "accommodation code", allowed: "an OC3 accommodation code such as B1 or Z1 (letter for the type, 1 suitable, 2 not suitable)")
        }
        switch followUp.inTouch {
        case "YES":
            guard followUp.activity != nil, followUp.accommodation != nil else {
                throw .missing("the young person's activity and accommodation", "the council is in touch with them")
            }
        case "DIED", "RHOM":
            guard followUp.activity == nil, followUp.accommodation == nil else {
                let why = followUp.inTouch == "DIED" ? "has died" : "has returned home to live with their parents"
                throw WorkflowRefusal(.followUpInconsistent, "Leave activity and accommodation blank: the young person \(why).")
            }
        default:
            break
        }
        if followUp.age == 17, let accommodation = followUp.accommodation, WorkflowCodeSets.withFormerFosterCarers.contains(accommodation) {
            throw WorkflowRefusal(.followUpInconsistent,
                                  "At 17 a young person living with their foster carers is still looked after, so the accommodation cannot be \"with former foster carers\".")
        }
    }
}

extension WorkflowRefusal.Code {
    public static let pathwayPlanExists = Self("careleaver.pathway-plan-exists")
    public static let noPathwayPlan = Self("careleaver.no-pathway-plan")
    public static let followUpAgeOutOfRange = Self("careleaver.follow-up-age")
    public static let followUpAlreadyRecorded = Self("careleaver.follow-up-already-recorded")
    public static let followUpAfterDeath = Self("careleaver.follow-up-after-death")
    public static let neverLookedAfter = Self("careleaver.never-looked-after")
    public static let stillLookedAfterOnBirthday = Self("careleaver.still-looked-after-on-birthday")
    public static let followUpInconsistent = Self("careleaver.follow-up-inconsistent")
}

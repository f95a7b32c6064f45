import Foundation
import LanternCore

/// A child in a generated council, with every contact about them and their case as the actions
/// a worker would have recorded. The record keeps the truth: each contact is about this child,
/// even where the referrer misspelt the name or the date of birth.
public struct SyntheticChild: Sendable {
    public let id: UUID
    public let givenName: String
    public let familyName: String
    public let dateOfBirth: Day
    public let sex: String
    public let ethnicity: String
    public let postcode: String
    public let nhsNumber: String?
    public let upn: String?
    public let locality: Int
    public internal(set) var contacts: [SyntheticContact] = []
    /// Every episode of need, one after another, through the same rules a social worker's forms use.
    public internal(set) var caseActions: [CaseworkAction] = []
    public internal(set) var allocations: [SyntheticAllocation] = []
    /// When the child's open work ends: the sign-off of their latest episode (nil while open).
    var busyUntil: Day?
    var isOpen = false
    var lastReferral: Day?
    /// When the child's latest time in care was closed, if they have been in care.
    var careClosedOn: Day?
}

public struct SyntheticContact: Sendable {
    public let receivedAt: Date
    public let receivedOn: Day
    public let source: String
    /// nil while the contact still waits in the front door queue.
    public let decision: ScreeningDecision?
    public let decidedAt: Date?
    public let isReReferral: Bool
    public let urgent: Bool
    /// The names and date of birth as the referrer gave them: mostly right, sometimes not.
    public let recordedGivenName: String
    public let recordedBirthDate: Day?
    public let concerns: Int
}

public struct SyntheticAllocation: Sendable {
    public let team: Int
    /// Index into `SyntheticOrganisation.staff`; nil while the case waits in the unallocated queue.
    public let worker: Int?
    public let startedOn: Day
}

public struct SyntheticEarlyHelp: Sendable {
    public let team: Int
    /// Indexes into the family's children.
    public let children: [Int]
    public let startedOn: Day
}

public struct SyntheticFamily: Sendable {
    public let index: Int
    public internal(set) var children: [SyntheticChild]
    public internal(set) var earlyHelp: [SyntheticEarlyHelp] = []
}

/// The families a council meets over `shape.years` years to `today`, generated one at a time
/// until the contacts reach the shape's yearly rate. Shares follow the national picture (DfE,
/// Characteristics of children in need 2023-24): about 3 in 10 contacts need no social work,
/// about 1 in 5 referrals is a re-referral within 12 months, most contacts come from police,
/// schools and health; children come into care from some referrals.
public struct SyntheticCouncilHistory: Sequence, IteratorProtocol, Sendable {
    public let shape: CouncilShape
    public let organisation: SyntheticOrganisation
    public let today: Day
    public let now: Date
    let calendar: WorkingDayCalendar
    var rng: SeededGenerator
    public private(set) var contactsMade = 0
    var familiesMade = 0
    /// The first day Lantern's records cover.
    let windowStart: Day
    /// Families are met from this earlier day, so that by the time records begin the council is
    /// already seeing families again as often as it always will: the contacts a year stay level.
    /// What happened before records begin is simulated (it makes re-referrals and busy children)
    /// but not written.
    let historyStart: Day
    static let yearsBeforeRecords = 6
    let postcodesByLocality: [[String]]
    let teamsByKindAndLocality: [String: [Int]]
    let practitionersByTeam: [Int: [Int]]

    public var contactTarget: Int { shape.contactsPerYear * shape.years }

    public init(shape: CouncilShape, organisation: SyntheticOrganisation, seed: UInt64, now: Date, calendar: WorkingDayCalendar) {
        self.shape = shape
        self.organisation = organisation
        self.now = now
        self.today = Day(now)
        self.calendar = calendar
        self.rng = SeededGenerator(seed: seed)
        self.windowStart = Day(now).adding(years: -shape.years)
        self.historyStart = windowStart.adding(years: -Self.yearsBeforeRecords)
        var byLocality = Array(repeating: [String](), count: shape.localities)
        for code in BirminghamPostcodes.all {
            let district = BirminghamPostcodes.districts.firstIndex(of: String(code.dropLast(3))) ?? 0
            byLocality[district % shape.localities].append(BirminghamPostcodes.spaced(code))
        }
        postcodesByLocality = byLocality
        var teams: [String: [Int]] = [:]
        for (index, team) in organisation.teams.enumerated() {
            teams["\(team.kind.rawValue)/\(team.locality.map(String.init) ?? "-")", default: []].append(index)
            teams["\(team.kind.rawValue)/*", default: []].append(index)
        }
        teamsByKindAndLocality = teams
        var practitioners: [Int: [Int]] = [:]
        for (index, member) in organisation.staff.enumerated() where !member.roles.contains(.teamManager) {
            if let team = member.team { practitioners[team, default: []].append(index) }
        }
        practitionersByTeam = practitioners
    }

    public mutating func next() -> SyntheticFamily? {
        while contactsMade < contactTarget {
            let family = makeFamily()
            if family.children.contains(where: { !$0.contacts.isEmpty }) { return family }
        }
        return nil
    }

    // MARK: - Families

    private mutating func makeFamily() -> SyntheticFamily {
        let locality = Int.random(in: 0..<shape.localities, using: &rng)
        let postcodes = postcodesByLocality[locality].isEmpty ? postcodesByLocality.flatMap { $0 } : postcodesByLocality[locality]
        let postcode = postcodes[Int.random(in: 0..<postcodes.count, using: &rng)]
        let surname = NameFrequencies.surnames.draw(using: &rng)
        let ethnicity = Self.ethnicities.draw(using: &rng)
        let firstContact = Day(ordinal: Int.random(in: historyStart.ordinal...today.ordinal, using: &rng))
        var count = 1
        while count < 5 && rng.chance(0.4) { count += 1 }
        var children: [SyntheticChild] = []
        for _ in 0..<count {
            let born = firstContact.adding(days: -Int.random(in: 30...(16 * 365), using: &rng))
            let sex = rng.chance(0.5) ? "F" : "M"
            var given = NameFrequencies.givenNames(sex: sex).draw(using: &rng)
            while children.contains(where: { $0.givenName == given }) { given = NameFrequencies.givenNames(sex: sex).draw(using: &rng) }
            let serial = familiesMade * 6 + children.count + 1
            children.append(SyntheticChild(
                id: rng.uuid(), givenName: given, familyName: rng.chance(0.9) ? surname : NameFrequencies.surnames.draw(using: &rng),
                dateOfBirth: born, sex: sex, ethnicity: ethnicity, postcode: postcode,
                nhsNumber: rng.chance(0.9) ? SyntheticIdentifiers.nhsNumber(serial: serial) : nil,
                upn: born.age(on: today) >= 5 && rng.chance(0.85) ? SyntheticIdentifiers.upn(laNumber: "330", serial: serial) : nil,
                locality: locality))
        }
        var family = SyntheticFamily(index: familiesMade, children: children)
        familiesMade += 1
        var day = firstContact
        var followsReferral = false
        var involved: [Int]? = nil
        while day <= today, contactsMade < contactTarget {
            (followsReferral, involved) = recordContact(on: day, in: &family, followsReferral: followsReferral, previously: involved)
            // Most families are known again: after a referral often within the year (a re-referral), otherwise years later.
            guard rng.chance(followsReferral ? 0.8 : 0.5) else { break }
            guard !family.children.contains(where: \.isOpen) else { break }
            let settled = Swift.max(family.children.compactMap(\.busyUntil).max() ?? day, day)
            let soon = rng.chance(followsReferral ? 0.8 : 0.35)
            day = settled.adding(days: soon ? Int.random(in: 10...150, using: &rng) : Int.random(in: 365...1500, using: &rng))
        }
        return family
    }

    /// One contact about some or all of the family's children, decided as the front door would.
    /// A family referred before is more often referred again, usually about the same children.
    /// Returns whether the contact opened a referral, and about whom.
    private mutating func recordContact(on day: Day, in family: inout SyntheticFamily, followsReferral: Bool,
                                        previously: [Int]?) -> (Bool, [Int]?) {
        let eligible = family.children.indices.filter { index in
            let child = family.children[index]
            return child.dateOfBirth < day && child.dateOfBirth.age(on: day) < 18 && !child.isOpen
        }
        guard !eligible.isEmpty else { return (false, nil) }
        let again = previously.map { $0.filter(eligible.contains) } ?? []
        let involved = !again.isEmpty && rng.chance(0.85) ? again
            : rng.chance(0.6) ? eligible : [eligible[Int.random(in: 0..<eligible.count, using: &rng)]]
        let decision = (followsReferral ? Self.repeatDecisions : Self.decisions).draw(using: &rng)
        let source = Self.sources.draw(using: &rng)
        let weekend = calendar.isWorkingDay(day) == false
        let receivedAt = day.start().addingTimeInterval(Double(weekend ? Int.random(in: 0..<86_400, using: &rng)
                                                                       : Int.random(in: 8 * 3600..<18 * 3600, using: &rng)))
        // Decisions take hours, usually inside the working day; a few run over.
        let hours = rng.chance(0.85) ? Double.random(in: 1...7, using: &rng) : Double.random(in: 8...40, using: &rng)
        let decidedAt = receivedAt.addingTimeInterval(hours * 3600 + (weekend ? 2 * 86_400 : 0))
        let decided = decidedAt <= now
        let decidedOn = Day(decidedAt)
        let referralDay = calendar.nextWorkingDay(onOrAfter: decidedOn)
        let urgent = decision == .strategyDiscussion || rng.chance(0.1)
        let concerns = Int.random(in: 0..<1000, using: &rng)
        let recorded = day >= windowStart
        for index in involved {
            var child = family.children[index]
            let opens = decided && decision.opensReferral && referralDay <= today
            let reReferral = opens && child.lastReferral.map { $0.days(until: referralDay) <= 365 } == true
            if recorded {
                child.contacts.append(SyntheticContact(
                    receivedAt: receivedAt, receivedOn: day, source: source, decision: decided ? decision : nil,
                    decidedAt: decided ? decidedAt : nil, isReReferral: reReferral, urgent: urgent,
                    recordedGivenName: misrecorded(child.givenName), recordedBirthDate: rng.chance(0.03) ? nil : child.dateOfBirth,
                    concerns: concerns))
                contactsMade += 1
            }
            if opens { openCase(for: &child, decision: decision, referral: referralDay, source: source, recorded: recorded) }
            family.children[index] = child
        }
        if recorded, decided, decision == .earlyHelp, let team = team(.earlyHelp, locality: family.children[involved[0]].locality) {
            let start = calendar.addingWorkingDays(Int.random(in: 1...5, using: &rng), to: decidedOn)
            if start <= today { family.earlyHelp.append(SyntheticEarlyHelp(team: team, children: involved, startedOn: start)) }
        }
        return (decided && decision.opensReferral, involved)
    }

    /// Opens the child's case; before records begin only its dates are kept (when it closed).
    private mutating func openCase(for child: inout SyntheticChild, decision: ScreeningDecision, referral: Day, source: String,
                                   recorded: Bool) {
        child.lastReferral = referral
        let careJourney = rng.chance(0.05) && SyntheticCareJourney.fits(born: child.dateOfBirth, referral: referral)
            && !Self.wouldReturnToCareInTheSameYear(closedOn: child.careClosedOn, referral: referral)
        let shape: SyntheticCaseJourney.Shape = decision == .strategyDiscussion
            ? (rng.chance(0.5) ? .childProtectionPlan : .enquiryNoConference)
            : (rng.chance(0.55) ? .assessedAndClosed : .childInNeedPlan)
        let kind: SyntheticTeamKind = careJourney ? .childrenInCare : decision == .strategyDiscussion ? .safeguarding : .assessment
        guard let teamIndex = team(kind, locality: child.locality) else { return }
        let pace = organisation.teams[teamIndex].pace
        let actions: [CaseworkAction]
        if careJourney {
            let home = SyntheticCareJourney.homePostcodes[Int.random(in: 0..<SyntheticCareJourney.homePostcodes.count, using: &rng)]
            actions = SyntheticCareJourney(pace: pace).actions(referral: referral, born: child.dateOfBirth, sex: child.sex,
                                                               homePostcode: home, today: today, using: &rng)
        } else {
            actions = SyntheticCaseJourney(pace: pace).actions(referral: referral, source: source, shape: shape, today: today,
                                                               calendar: calendar, using: &rng)
        }
        let closedOn = actions.last { if case .signOffClosure = $0 { true } else { false } }?.date
        child.busyUntil = closedOn
        child.isOpen = closedOn == nil
        if careJourney { child.careClosedOn = closedOn }
        guard recorded else { return }
        child.caseActions += actions
        // Most open cases have a worker; some wait in the team's unallocated queue, never a child in care.
        let workers = practitionersByTeam[teamIndex] ?? []
        let worker = workers.isEmpty || (child.isOpen && !careJourney && rng.chance(0.06)) ? nil : workers[Int.random(in: 0..<workers.count, using: &rng)]
        child.allocations.append(SyntheticAllocation(team: teamIndex, worker: worker, startedOn: referral))
    }

    /// A child who left care is not brought back into care in the same April-to-March year. Real
    /// children do come back that quickly, but the DfE's SSDA903 validator (SW12STG2 as
    /// lac_validator applies it) refuses every such child who has a new social worker, so the
    /// synthetic council leaves them out to keep its returns a test of Lantern, not of that rule;
    /// Lantern's own checks name such a child when a real council has one (SSDA903TableChecks).
    static func wouldReturnToCareInTheSameYear(closedOn: Day?, referral: Day) -> Bool {
        guard let closedOn else { return false }
        func collectionYear(_ day: Day) -> Int { day.components.month >= 4 ? day.components.year + 1 : day.components.year }
        return collectionYear(closedOn) == collectionYear(referral)
    }

    private mutating func team(_ kind: SyntheticTeamKind, locality: Int) -> Int? {
        let local = teamsByKindAndLocality["\(kind.rawValue)/\(locality)"] ?? teamsByKindAndLocality["\(kind.rawValue)/*"] ?? []
        return local.isEmpty ? nil : local[Int.random(in: 0..<local.count, using: &rng)]
    }

    /// About one contact in twelve spells the first name differently: a typo or a familiar form.
    private mutating func misrecorded(_ name: String) -> String {
        guard rng.chance(0.08), name.count > 3 else { return name }
        if let nickname = NicknameTable.british.nicknames(of: name).first, rng.chance(0.5) { return nickname.capitalized }
        var letters = Array(name)
        let at = Int.random(in: 1..<(letters.count - 1), using: &rng)
        letters.swapAt(at, at + 1)
        return String(letters)
    }

    // MARK: - Shares

    /// Decisions about a family new to the front door: with the repeat families below, about 30%
    /// of all contacts need no social work and about 17% go to early help.
    static let decisions = WeightedList<ScreeningDecision>([
        (.noFurtherAction, 14), (.informationAndAdvice, 12), (.signpostedToUniversalServices, 9), (.earlyHelp, 17),
        (.childAndFamilyAssessment, 41), (.strategyDiscussion, 7),
    ])

    /// Decisions about a family referred before: more of them are referred again.
    static let repeatDecisions = WeightedList<ScreeningDecision>([
        (.noFurtherAction, 6), (.informationAndAdvice, 5), (.signpostedToUniversalServices, 4), (.earlyHelp, 10),
        (.childAndFamilyAssessment, 63), (.strategyDiscussion, 12),
    ])

    /// Referral sources (CIN list 1.5) in roughly the national shares: police about 29%, schools
    /// about 20%, health about 15%, the council's own services about 14%.
    static let sources = WeightedList<String>([
        ("6", 29), ("2A", 17), ("2B", 3), ("3A", 4), ("3B", 4), ("3E", 4), ("3D", 3), ("5A", 7), ("5D", 4), ("5C", 3),
        ("1A", 4), ("1B", 2), ("1D", 1), ("4", 2), ("7", 2), ("8", 6), ("9", 2),
    ])

    /// Ethnicity (CIN/903 codes) in roughly the shares of a large, diverse English city's children.
    static let ethnicities = WeightedList<String>([
        ("WBRI", 42), ("WIRI", 1), ("WOTH", 4), ("WROM", 1), ("MWBC", 5), ("MWBA", 1), ("MWAS", 1), ("MOTH", 2), ("AIND", 4),
        ("APKN", 14), ("ABAN", 3), ("AOTH", 3), ("BCRB", 4), ("BAFR", 5), ("BOTH", 1), ("CHNE", 1), ("OOTH", 3), ("REFU", 1),
        ("NOBT", 4),
    ])
}

extension SyntheticIdentifiers {
    /// A UPN for a made-up school in the council `laNumber`, with its check letter.
    static func upn(laNumber: String, serial: Int) -> String? {
        let last12 = laNumber + String(format: "%04d", 2000 + (serial / 1000) % 5000) + String(format: "%05d", serial % 100_000)
        return UPN.checkLetter(forLast12: last12).map { String($0) + last12 }
    }
}

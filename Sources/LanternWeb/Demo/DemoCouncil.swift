import Fluent
import Foundation
import LanternCore
import LanternStore
import LanternSynthetic
import Vapor

/// The small synthetic council that `lantern serve` loads into an empty database, so there is
/// something to explore. Every name is made up; nobody real is in it.
enum DemoCouncil {
    struct Account {
        let username: String
        let password: String
        let displayName: String
        let roles: Set<Role>
        let team: String?
        /// Administrators must use two-factor sign-in: the demo sets it up with this key (Base32).
        var totpSecret: String? = nil
    }

    static func isEmpty(_ db: any Database) async throws -> Bool {
        try await StaffUserModel.query(on: db).count() == 0
    }

    /// Seeds the council. With no `password`, each account gets its own random passphrase. With no
    /// `adminTOTPSecret`, each administrator gets a random two-factor key.
    static func seed(app: Application, password: String?, adminTOTPSecret: String? = nil, childCount: Int = 60,
                     seed: UInt64 = 2026) async throws -> [Account] {
        var random = DemoRandom(seed: seed)
        let staff = staffPlan()
        var accounts: [Account] = []
        var system = SystemRandomNumberGenerator()
        for member in staff {
            let chosen = password ?? passphrase(&system)
            let totp = member.roles.contains(.administrator) ? adminTOTPSecret ?? TOTP(secret: TOTP.generateSecret()).base32Secret : nil
            accounts.append(Account(username: member.username, password: chosen, displayName: member.name,
                                    roles: member.roles, team: member.team, totpSecret: totp))
        }
        let hashes = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for account in accounts {
                group.addTask { (account.username, try await app.password.async.hash(account.password)) }
            }
            return try await group.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        }
        let childSeed = random.nextRaw()
        let totpSecrets = Dictionary(accounts.compactMap { account in account.totpSecret.map { (account.username, $0) } },
                                     uniquingKeysWith: { a, _ in a })
        try await app.db.transaction { db in
            var childRandom = DemoRandom(seed: childSeed)
            try await CouncilModel(name: "Lantern Demo Council", laNumber: "330", onsCode: "E08000025").create(on: db)
            var localities: [String: UUID] = [:]
            for name in ["North", "South"] {
                let locality = LocalityModel(name: name)
                try await locality.create(on: db)
                localities[name] = locality.id
            }
            var teams: [String: TeamModel] = [:]
            for plan in teamPlan() {
                let team = TeamModel(name: plan.name, kind: plan.kind, localityID: plan.locality.flatMap { localities[$0] })
                try await team.create(on: db)
                teams[plan.name] = team
            }
            var users: [String: StaffUserModel] = [:]
            for member in staff {
                let user = StaffUserModel(username: member.username, displayName: member.name, passwordHash: hashes[member.username]!,
                                          roles: member.roles, teamID: member.team.flatMap { teams[$0]?.id },
                                          agency: member.agency, organisation: member.organisation)
                if member.roles.contains(.socialWorker) || member.roles.contains(.teamManager) {
                    // Made-up Social Work England numbers, one per worker.
                    user.socialWorkerNumber = "SW\(100_000 + users.count * 37)"
                }
                if let secret = totpSecrets[member.username] {
                    user.totpSecret = secret
                    user.totpConfirmedAt = Date()
                }
                try await user.create(on: db)
                users[member.username] = user
                if member.roles.contains(.teamManager), let team = member.team.flatMap({ teams[$0] }) {
                    team.managerID = user.id
                    try await team.save(on: db)
                }
            }
            try await seedChildren(count: childCount, random: &childRandom, teams: teams, users: users, on: db)
            let inCare = try await seedCare(firstReference: 1_000_001 + childCount, random: &childRandom, teams: teams, users: users, on: db)
            try await ReferenceNumbers.setAtLeast(.person, value: Int64(1_000_000 + childCount + inCare), on: db)
        }
        return accounts
    }

    static func describe(_ accounts: [Account]) -> String {
        var lines = ["", "Demo council loaded. Demo sign-ins (shown once; note them now):", ""]
        let width = (accounts.map(\.username.count).max() ?? 8) + 2
        let pwWidth = (accounts.map(\.password.count).max() ?? 8) + 2
        for account in accounts {
            let roles = account.roles.sorted().map(\.label).joined(separator: ", ")
            lines.append("  " + account.username.padding(toLength: width, withPad: " ", startingAt: 0)
                         + account.password.padding(toLength: pwWidth, withPad: " ", startingAt: 0)
                         + roles + (account.team.map { " — \($0)" } ?? ""))
        }
        for account in accounts {
            if let secret = account.totpSecret {
                lines.append("  Two-factor key for \(account.username) (add it to an authenticator app as a time-based key): \(secret)")
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    // MARK: - The plan

    struct TeamPlan { let name: String; let kind: TeamKind; let locality: String? }
    struct StaffPlan {
        let username: String; let name: String; let roles: Set<Role>; let team: String?
        var agency: Agency = .council; var organisation: String? = nil
    }

    static func teamPlan() -> [TeamPlan] {
        [
            TeamPlan(name: "Front Door (MASH)", kind: .frontDoor, locality: nil),
            TeamPlan(name: "Assessment Team North", kind: .assessment, locality: "North"),
            TeamPlan(name: "Safeguarding Team South", kind: .safeguarding, locality: "South"),
            TeamPlan(name: "Children in Care Team", kind: .childrenInCare, locality: nil),
            TeamPlan(name: "Family Support North", kind: .earlyHelp, locality: "North"),
        ]
    }

    static func staffPlan() -> [StaffPlan] {
        [
            StaffPlan(username: "admin", name: "Alex Morgan", roles: [.administrator], team: nil),
            StaffPlan(username: "leader", name: "Priya Shah", roles: [.serviceLeader], team: nil),
            StaffPlan(username: "manager", name: "Grace Okafor", roles: [.teamManager], team: "Assessment Team North"),
            StaffPlan(username: "worker", name: "Sam Patel", roles: [.socialWorker], team: "Assessment Team North"),
            StaffPlan(username: "worker2", name: "Jordan Reid", roles: [.socialWorker], team: "Assessment Team North"),
            StaffPlan(username: "sgmanager", name: "Hannah Lewis", roles: [.teamManager], team: "Safeguarding Team South"),
            StaffPlan(username: "sgworker", name: "Tom Byrne", roles: [.socialWorker], team: "Safeguarding Team South"),
            StaffPlan(username: "frontdoor", name: "Chris Evans", roles: [.frontDoor], team: "Front Door (MASH)"),
            StaffPlan(username: "mashmanager", name: "Nadia Hussain", roles: [.teamManager, .frontDoor], team: "Front Door (MASH)"),
            StaffPlan(username: "carer", name: "Aisha Begum", roles: [.socialWorker], team: "Children in Care Team"),
            StaffPlan(username: "earlyhelp", name: "Lucy Ward", roles: [.earlyHelp], team: "Family Support North"),
            StaffPlan(username: "ehschool", name: "Kerry Adams", roles: [.earlyHelp], team: "Family Support North",
                      agency: .school, organisation: "Greenfield Primary School"),
            StaffPlan(username: "analyst", name: "Ravi Kumar", roles: [.analyst], team: nil),
            StaffPlan(username: "police", name: "PC Dana Hughes", roles: [.partnerReferrer], team: nil,
                      agency: .police, organisation: "West Midlands Police Public Protection Unit"),
            StaffPlan(username: "school", name: "Mel Carter", roles: [.partnerReferrer], team: nil,
                      agency: .school, organisation: "Greenfield Primary School"),
        ]
    }

    /// Children with case histories made by the synthetic journey generator and written through
    /// the same workflow rules a social worker's forms use. The two case-holding teams work at
    /// different paces, so team variation shows from the first look.
    private static func seedChildren(count: Int, random: inout DemoRandom, teams: [String: TeamModel],
                                     users: [String: StaffUserModel], on db: any Database) async throws {
        let today = Day(Date())
        let calendar = try await CalendarQueries.workingDayCalendar(on: db)
        let timescales = StatutoryTimescales(calendar: calendar)
        let manager = WorkflowActor.manager("demo")
        let caseTeams: [(team: String, workers: [String], pace: Double)] = [
            ("Assessment Team North", ["worker", "worker2"], 1.0),
            ("Safeguarding Team South", ["sgworker"], 1.6),
        ]
        var generator = DemoGenerator(random: random)
        for index in 0..<count {
            let sex = random.next(2) == 0 ? "F" : "M"
            let given = sex == "F" ? random.pick(girls) : random.pick(boys)
            let family = random.pick(surnames)
            let born = today.adding(days: -(random.next(17 * 365) + 30))
            let person = PersonModel(reference: "L\(1_000_001 + index)", givenName: given, familyName: family,
                                     dateOfBirth: born, sex: sex, isChild: true, postcode: random.pick(postcodes))
            person.ethnicity = random.pick(["WBRI", "WBRI", "WBRI", "APKN", "BCRB", "MWBC", "AIND", "BAFR", "WOTH", "ABAN"])
            person.nhsNumber = nhsNumber(&random)
            if born.age(on: today) >= 5 { person.upn = upn(&random) }
            try await person.create(on: db)
            let personID = try person.requireID()
            let plan = caseTeams[index % caseTeams.count]
            guard let team = teams[plan.team], index % 6 != 5 else { continue }
            // A referral some time in the last two and a half years, and what has happened since.
            let referral = calendar.nextWorkingDay(onOrAfter: max(born, today.adding(days: -random.next(900))))
            let journey = SyntheticCaseJourney(pace: plan.pace)
            generator.random = random
            let shape = journey.shape(using: &generator)
            let actions = journey.actions(referral: referral, source: random.pick(["6", "2A", "3A", "3B", "1A", "8"]), shape: shape,
                                          today: today, calendar: calendar, using: &generator)
            random = generator.random
            try await CaseWrites.apply(actions, to: personID, by: manager, today: today, timescales: timescales, on: db)
            let decision: ScreeningDecision = shape == .childProtectionPlan || shape == .enquiryNoConference ? .strategyDiscussion : .childAndFamilyAssessment
            if case .openEpisodeOfNeed(_, let source, _) = actions.first {
                try await demoContact(about: person, receivedOn: referral, source: source, decision: decision, lateness: plan.pace,
                                      random: &random, timescales: timescales, users: users, on: db)
            }
            let snapshot = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).first()?.snapshot()
            let closedOn = snapshot?.episodes.last?.closure?.date
            // Most open cases have a worker; some wait in the team's unallocated queue.
            let worker = closedOn == nil && index % 7 == 6 ? nil : users[plan.workers[random.next(plan.workers.count)]]
            let allocation = AllocationModel(personID: personID, teamID: try team.requireID(), workerID: worker?.id, startedOn: referral)
            allocation.changeReason = worker == nil ? nil : SocialWorkerChangeReason.firstContact.code
            allocation.endedOn = closedOn?.iso
            try await allocation.create(on: db)
        }
        try await ReferenceNumbers.setAtLeast(.person, value: Int64(1_000_000 + count), on: db)
        // Contacts that needed no social work (about 3 in 10 nationally), and today's queue.
        let people = try await PersonModel.query(on: db).all()
        for _ in 0..<(count / 2) {
            let person = random.pick(people)
            let receivedOn = calendar.nextWorkingDay(onOrAfter: today.adding(days: -random.next(400) - 1))
            try await demoContact(about: person, receivedOn: receivedOn, source: random.pick(["6", "2A", "3A", "3B", "1A", "9"]),
                                  decision: random.pick([.noFurtherAction, .informationAndAdvice, .signpostedToUniversalServices, .earlyHelp]),
                                  lateness: 1, random: &random, timescales: timescales, users: users, on: db)
        }
        for index in 0..<5 {
            let person = people[(index * 7) % people.count]
            try await demoContact(about: person, receivedOn: today, source: index % 2 == 0 ? "6" : "2A", decision: nil,
                                  lateness: 1, random: &random, timescales: timescales, users: users, on: db,
                                  nickname: index == 0)
        }
    }

    /// A contact about `person`, decided as `decision` (nil: still in today's queue).
    private static func demoContact(about person: PersonModel, receivedOn: Day, source: String, decision: ScreeningDecision?,
                                    lateness: Double, random: inout DemoRandom, timescales: StatutoryTimescales,
                                    users: [String: StaffUserModel], on db: any Database, nickname: Bool = false) async throws {
        let receivedAt = receivedOn.start().addingTimeInterval(Double(8 * 3600 + random.next(8 * 3600)))
        let reference = try await ReferenceNumbers.next(.contact, on: db)
        let referrer = source == "6" ? users["police"] : source == "2A" ? users["school"] : nil
        let contact = ContactModel(reference: reference, receivedAt: receivedAt, receivedOn: receivedOn,
                                   decisionDueAt: timescales.contactDecisionDue(receivedAt: receivedAt), sourceCode: source,
                                   referrerName: referrer?.displayName ?? random.pick(["Aunt", "Neighbour", "Health visitor", "Anonymous caller"]),
                                   referrerAgency: referrer?.agency.rawValue ?? "other",
                                   concerns: random.pick(demoConcerns), consent: random.pick(["given", "given", "notSought"]),
                                   urgency: random.pick(["routine", "routine", "urgent"]))
        contact.referrerOrganisation = referrer?.organisation
        contact.$referrerUser.id = referrer?.id
        let decidedBy = decision == nil ? nil : users["mashmanager"]?.id
        let workflow = try frontDoorWorkflow(childID: person.id!, receivedOn: receivedOn, reference: reference, decision: decision,
                                             decidedOn: receivedOn, source: source, familySupportTeam: "Family Support North",
                                             by: .manager(users["mashmanager"]!.id!.uuidString))
        // Most decisions are made within hours; a stretched front door sometimes runs over.
        let hours = Double(2 + random.next(20)) * lateness
        try contact.setWorkflow(workflow, decidedBy: decidedBy, approvedBy: decision?.needsManagerApproval == true ? decidedBy : nil,
                                now: receivedAt.addingTimeInterval(hours * 3600))
        if decision != nil { contact.outcomeSentAt = contact.decidedAt }
        try await contact.create(on: db)
        let subject = ContactSubjectModel(contactID: try contact.requireID(), isChild: true,
                                          givenName: nickname ? nicknames[person.givenName] ?? person.givenName : person.givenName,
                                          familyName: person.familyName, sex: person.sex)
        subject.dateOfBirth = person.dateOfBirth
        subject.postcode = person.postcode
        if decision != nil { subject.$person.id = person.id }
        try await subject.create(on: db)
    }

    /// A demo contact's front door workflow, decided as `decision` on `decidedOn` (nil: not yet),
    /// through the same rules the screening page uses.
    static func frontDoorWorkflow(childID: UUID, receivedOn: Day, reference: String, decision: ScreeningDecision?, decidedOn: Day,
                                  source: String, familySupportTeam: String, by practitioner: WorkflowActor) throws -> FrontDoorContact {
        var workflow = FrontDoorContact(childIDs: [childID.uuidString], receivedOn: receivedOn, summary: reference)
        guard let decision else { return workflow }
        let decided = ReferralDecision(
            decision: decision, decidedOn: decidedOn, threshold: decision.opensReferral ? .complex : .universal,
            rationale: "Screened against the threshold document", noFurtherActionReason: "No role for social care",
            adviceGiven: "Advice to the family", universalService: "School nurse", familySupportTeam: familySupportTeam,
            familyConsentsToEarlyHelp: true, referralSource: source, significantHarmConcerns: "Reasonable cause to suspect significant harm")
        workflow = try FrontDoorRules.apply(.recordDecision(decided), to: workflow, on: decidedOn, by: practitioner)
        if decision.needsManagerApproval {
            workflow = try FrontDoorRules.apply(.submitForApproval(on: decidedOn), to: workflow, on: decidedOn, by: practitioner)
            workflow = try FrontDoorRules.apply(.approve(on: decidedOn), to: workflow, on: decidedOn, by: practitioner)
        }
        return try FrontDoorRules.apply(decision.opensReferral ? .openReferral(on: decidedOn) : .close(on: decidedOn),
                                        to: workflow, on: decidedOn, by: practitioner)
    }

    static let nicknames = ["Oliver": "Ollie", "Amelia": "Millie", "Alfie": "Alfred", "Theo": "Theodore", "Harry": "Harrison",
                            "Sophie": "Soph", "Isla": "Isla", "Muhammad": "Mohammed", "Grace": "Gracie", "Poppy": "Poppie",
                            "Jack": "Jak", "Ella": "Ellie", "Chloe": "Cloe", "Lily": "Lilly", "Ruby": "Rubi", "Ava": "Eva"]
    static let demoConcerns = [
        "Police attended a domestic abuse incident at the home overnight; the children were present.",
        "The child has been coming to school hungry and in the same clothes for a week.",
        "The child disclosed to a teacher that she is frightened of her mother's partner.",
        "Health visitor worried about a baby's weight and the mother's low mood.",
        "Neighbour reports young children left alone in the flat in the evenings.",
        "Attendance has fallen below 60% this term and the family is not answering calls.",
    ]

    /// A valid NHS number in the 999 range, which the NHS keeps for test data and never issues.
    private static func nhsNumber(_ random: inout DemoRandom) -> String? {
        for _ in 0..<10 {
            let first = [9, 9, 9] + (0..<6).map { _ in random.next(10) }
            if let check = NHSNumber.checkDigit(forFirstNine: first) { return (first + [check]).map(String.init).joined() }
        }
        return nil
    }

    /// A UPN for a made-up school in this council (LA 330).
    private static func upn(_ random: inout DemoRandom) -> String {
        let last12 = "330" + String(format: "%04d", 2000 + random.next(500)) + String(format: "%02d", 10 + random.next(15)) + String(format: "%03d", random.next(1000))
        return UPN.checkLetter(forLast12: last12).map { String($0) + last12 } ?? ("A" + last12)
    }

    static func passphrase(_ random: inout SystemRandomNumberGenerator) -> String {
        var pool = words
        pool.shuffle(using: &random)
        return pool.prefix(3).joined(separator: "-") + "-\(Int.random(in: 10...99, using: &random))"
    }

    static let girls = ["Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Aisha", "Maryam", "Zara", "Sophie", "Grace", "Ella", "Freya", "Poppy", "Hana", "Chloe", "Ruby"]
    static let boys = ["Oliver", "Noah", "George", "Muhammad", "Leo", "Arthur", "Harry", "Oscar", "Jack", "Ibrahim", "Yusuf", "Kai", "Theo", "Alfie", "Reuben", "Ethan", "Tyler", "Dylan"]
    static let surnames = ["Smith", "Jones", "Khan", "Ali", "Williams", "Brown", "Taylor", "Hussain", "Begum", "Davies", "Evans", "Wilson", "Ahmed", "Johnson", "Thomas", "Robinson", "Wright", "Walker", "Campbell", "Nowak", "Kowalski", "Mensah", "Okoro"]
    static let postcodes = ["B1 1BB", "B5 4BU", "B6 4AD", "B10 0HJ", "B11 1AA", "B12 9LP", "B15 2TT", "B16 8QE", "B19 3SD", "B23 6SN", "B29 6BD", "B31 2PA", "B36 8AT", "B44 8BE"]
    static let words = ["amber", "harbour", "willow", "copper", "meadow", "lantern", "orchard", "falcon", "pebble", "thistle", "granite", "saffron", "canal", "juniper", "marble", "heron", "bramble", "cobalt"]
}

/// Lets the synthetic generator (which takes any `RandomNumberGenerator`) draw from the demo's stream.
struct DemoGenerator: RandomNumberGenerator {
    var random: DemoRandom
    mutating func next() -> UInt64 { random.nextRaw() }
}

/// SplitMix64: deterministic for a seed, so the demo council is the same on every machine.
struct DemoRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func nextRaw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(nextRaw() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import LanternSynthetic
import Vapor

/// `lantern demo --scale council|city`: a generated council (SyntheticOrganisation and
/// SyntheticCouncilHistory) written through the store's own models and rules in batched
/// transactions, so a city of ten years loads in minutes on SQLite or PostgreSQL.
enum ScaledCouncil {
    /// Families written per transaction: large enough to keep inserts batched, small enough that a
    /// batch stays well inside SQLite's and PostgreSQL's limits on bound values.
    static let familiesPerBatch = 400
    static let rowsPerInsert = 400

    struct Loaded {
        let accounts: [DemoCouncil.Account]
        let refusedCases: Int
        let refusedEarlyHelp: Int
        /// Why the rules refused the first journey they refused: the rule's own words, which name
        /// no child.
        let firstRefusal: String?
    }

    static func seed(app: Application, shape: CouncilShape, seed: UInt64, password: String?, adminTOTPSecret: String?,
                     now: Date = Date(), progress: @escaping @Sendable (String) -> Void) async throws -> Loaded {
        let organisation = SyntheticOrganisation.plan(shape, seed: seed)
        let calendar = try await CalendarQueries.workingDayCalendar(on: app.db)
        let timescales = StatutoryTimescales(calendar: calendar)
        let (staff, accounts) = try await staffWithSignIns(organisation, app: app, password: password, adminTOTPSecret: adminTOTPSecret)
        progress("Organisation: \(organisation.localities.count) localities, \(organisation.teams.count) teams, \(staff.count) staff.")
        let ids = try await writeOrganisation(organisation, staff: staff, on: app.db)
        var history = SyntheticCouncilHistory(shape: shape, organisation: organisation, seed: seed, now: now, calendar: calendar)
        var writer = BatchWriter(organisation: organisation, ids: ids, today: Day(now), timescales: timescales)
        var lastReported = 0
        while true {
            var batch: [SyntheticFamily] = []
            while batch.count < familiesPerBatch, let family = history.next() { batch.append(family) }
            if batch.isEmpty { break }
            let rows = try writer.rows(for: batch)
            try await app.db.transaction { db in try await rows.save(on: db) }
            let percent = history.contactsMade * 100 / max(1, history.contactTarget)
            if percent >= lastReported + 10 {
                lastReported = percent / 10 * 10
                progress("\(lastReported)%: \(history.contactsMade) of \(history.contactTarget) contacts written.")
            }
        }
        // Adopter households: those matched with the adopted children, and others in the process.
        var adopterRNG = SeededGenerator(seed: seed &+ 0xAD0)
        let households = SyntheticAdopters.households(matches: writer.adoptions.map(\.adoption), years: shape.years, today: Day(now),
                                                      using: &adopterRNG)
        let adopterRows = households.enumerated().map { index, household in
            AdopterHouseholdModel(household: household,
                                  childID: index < writer.adoptions.count && household.placed != nil ? writer.adoptions[index].child : nil)
        }
        try await app.db.transaction { db in try await adopterRows.create(on: db) }
        try await ReferenceNumbers.setAtLeast(.person, value: Int64(writer.personNumber), on: app.db)
        try await ReferenceNumbers.setAtLeast(.contact, value: Int64(writer.contactNumber), on: app.db)
        try await ReferenceNumbers.setAtLeast(.earlyHelp, value: Int64(writer.earlyHelpNumber), on: app.db)
        return Loaded(accounts: accounts, refusedCases: writer.refusedCases, refusedEarlyHelp: writer.refusedEarlyHelp,
                      firstRefusal: writer.firstRefusal)
    }

    // MARK: - Staff and organisation

    /// The generated staff, with the small demo's named accounts (worker, manager, frontdoor, ...)
    /// standing in for generated people in the same kind of team so that there is someone to sign
    /// in as. Only those accounts get a password; everyone else shares one hash of a random secret
    /// nobody is told, so they cannot sign in until an administrator resets them.
    static func staffWithSignIns(_ organisation: SyntheticOrganisation, app: Application, password: String?,
                                 adminTOTPSecret: String?) async throws -> ([(SyntheticStaff, String, String?)], [DemoCouncil.Account]) {
        let teamKinds = Dictionary(uniqueKeysWithValues: DemoCouncil.teamPlan().map { ($0.name, $0.kind.rawValue) })
        var staff = organisation.staff
        var named: [Int: DemoCouncil.StaffPlan] = [:]
        for plan in DemoCouncil.staffPlan() {
            let kind = plan.team.flatMap { teamKinds[$0] }
            let match = staff.indices.first { index in
                named[index] == nil && staff[index].roles == plan.roles
                    && staff[index].team.map { organisation.teams[$0].kind.rawValue } == kind
                    && (plan.roles.contains(.partnerReferrer) ? staff[index].agency == plan.agency : true)
            }
            guard let match else { continue }
            named[match] = plan
            let original = staff[match]
            staff[match] = SyntheticStaff(username: plan.username, displayName: plan.name, roles: plan.roles, team: original.team,
                                          agency: plan.agency, organisation: plan.organisation ?? original.organisation)
        }
        var system = SystemRandomNumberGenerator()
        var accounts: [DemoCouncil.Account] = []
        for index in named.keys.sorted() {
            let member = staff[index]
            let totp = member.roles.contains(.administrator) ? adminTOTPSecret ?? TOTP(secret: TOTP.generateSecret()).base32Secret : nil
            accounts.append(DemoCouncil.Account(username: member.username, password: password ?? DemoCouncil.passphrase(&system),
                                                displayName: member.displayName, roles: member.roles,
                                                team: member.team.map { organisation.teams[$0].name }, totpSecret: totp))
        }
        let unusable = try await app.password.async.hash(Data([UInt8].random(count: 32)).base64EncodedString())
        let hashes = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for account in accounts {
                group.addTask { (account.username, try await app.password.async.hash(account.password)) }
            }
            return try await group.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        }
        let totps = Dictionary(accounts.compactMap { a in a.totpSecret.map { (a.username, $0) } }, uniquingKeysWith: { a, _ in a })
        return (staff.map { ($0, hashes[$0.username] ?? unusable, totps[$0.username]) }, accounts)
    }

    struct OrganisationIDs: Sendable {
        let teams: [UUID]
        let staff: [UUID]
        let teamNames: [String]
    }

    static func writeOrganisation(_ organisation: SyntheticOrganisation, staff: [(SyntheticStaff, String, String?)],
                                  on db: any Database) async throws -> OrganisationIDs {
        try await db.transaction { db in
            try await CouncilModel(name: "Lantern Demo City Council", laNumber: "330", onsCode: "E08000025").create(on: db)
            let localities = organisation.localities.map { LocalityModel(id: UUID(), name: $0) }
            try await localities.create(on: db)
            let teams = organisation.teams.map { team in
                TeamModel(id: UUID(), name: team.name, kind: TeamKind(rawValue: team.kind.rawValue) ?? .assessment,
                          localityID: team.locality.map { localities[$0].id! })
            }
            try await teams.create(on: db)
            var users: [StaffUserModel] = []
            for (index, (member, hash, totp)) in staff.enumerated() {
                let user = StaffUserModel(id: UUID(), username: member.username, displayName: member.displayName, passwordHash: hash,
                                          roles: member.roles, teamID: member.team.map { teams[$0].id! }, agency: member.agency,
                                          organisation: member.organisation)
                if member.roles.contains(.socialWorker) || member.roles.contains(.teamManager) {
                    user.socialWorkerNumber = "SW\(200_000 + index * 7)"
                }
                if let totp {
                    user.totpSecret = totp
                    user.totpConfirmedAt = Date()
                }
                users.append(user)
            }
            for chunk in users.chunked(rowsPerInsert) { try await chunk.create(on: db) }
            for (index, member) in staff.enumerated() where member.0.roles.contains(.teamManager) {
                guard let team = member.0.team, teams[team].managerID == nil else { continue }
                teams[team].managerID = users[index].id
                try await teams[team].save(on: db)
            }
            return OrganisationIDs(teams: teams.map { $0.id! }, staff: users.map { $0.id! }, teamNames: teams.map(\.name))
        }
    }

    // MARK: - Families

    /// Everything one batch of families adds, ready to insert.
    struct Rows {
        var people: [PersonModel] = []
        var relationships: [RelationshipModel] = []
        var contacts: [ContactModel] = []
        var subjects: [ContactSubjectModel] = []
        var cases: [ChildCaseModel] = []
        var allocations: [AllocationModel] = []
        var earlyHelp: [(EarlyHelpEpisode, UUID, [UUID], String)] = []

        func save(on db: any Database) async throws {
            for chunk in people.chunked(rowsPerInsert) { try await chunk.create(on: db) }
            for chunk in relationships.chunked(rowsPerInsert) { try await chunk.create(on: db) }
            for chunk in contacts.chunked(rowsPerInsert / 2) { try await chunk.create(on: db) }
            for chunk in subjects.chunked(rowsPerInsert) { try await chunk.create(on: db) }
            for chunk in cases.chunked(rowsPerInsert) { try await chunk.create(on: db) }
            for chunk in allocations.chunked(rowsPerInsert) { try await chunk.create(on: db) }
            for (episode, team, children, reference) in earlyHelp {
                try await EarlyHelpWrites.open(episode, teamID: team, children: children, reference: reference, on: db)
            }
        }
    }

    struct BatchWriter {
        let organisation: SyntheticOrganisation
        let ids: OrganisationIDs
        let today: Day
        let timescales: StatutoryTimescales
        var personNumber = 1_000_000
        var contactNumber = 100_000
        var earlyHelpNumber = 10_000
        var refusedCases = 0
        var refusedEarlyHelp = 0
        var firstRefusal: String?
        /// Children matched with adopters, for the adopter households written at the end.
        var adoptions: [(child: UUID, adoption: AdoptionMilestones)] = []
        let generator = WorkflowActor.manager("synthetic council")
        /// The manager of each front door team, who decides and approves its contacts.
        let frontDoorDeciders: [UUID?]
        let referrers: [Agency: [Int]]

        init(organisation: SyntheticOrganisation, ids: OrganisationIDs, today: Day, timescales: StatutoryTimescales) {
            self.organisation = organisation
            self.ids = ids
            self.today = today
            self.timescales = timescales
            frontDoorDeciders = organisation.teams.indices.filter { organisation.teams[$0].kind == .frontDoor }.map { team in
                organisation.staff.indices.first { organisation.staff[$0].team == team && organisation.staff[$0].roles.contains(.teamManager) }
                    .map { ids.staff[$0] }
            }
            var referrers: [Agency: [Int]] = [:]
            for (index, member) in organisation.staff.enumerated() where member.roles.contains(.partnerReferrer) {
                referrers[member.agency, default: []].append(index)
            }
            self.referrers = referrers
        }

        mutating func rows(for families: [SyntheticFamily]) throws -> Rows {
            var rows = Rows()
            for family in families {
                for child in family.children {
                    personNumber += 1
                    let person = PersonModel(id: child.id, reference: "L\(personNumber)", givenName: child.givenName,
                                             familyName: child.familyName, dateOfBirth: child.dateOfBirth, sex: child.sex, isChild: true,
                                             postcode: child.postcode)
                    person.ethnicity = child.ethnicity
                    person.nhsNumber = child.nhsNumber
                    person.upn = child.upn
                    rows.people.append(person)
                    for contact in child.contacts { try add(contact, about: child, into: &rows) }
                    try addCase(of: child, into: &rows)
                }
                for (index, child) in family.children.enumerated() {
                    for sibling in family.children[(index + 1)...] {
                        rows.relationships.append(RelationshipModel(personID: child.id, relativeID: sibling.id, kind: .sibling, livesWith: true))
                    }
                }
                for help in family.earlyHelp { try addEarlyHelp(help, of: family, into: &rows) }
            }
            return rows
        }

        private mutating func add(_ contact: SyntheticContact, about child: SyntheticChild, into rows: inout Rows) throws {
            contactNumber += 1
            let reference = "C\(contactNumber)"
            let referrer = referrer(for: contact.source, seed: contactNumber)
            let model = ContactModel(id: UUID(), reference: reference, receivedAt: contact.receivedAt, receivedOn: contact.receivedOn,
                                     decisionDueAt: timescales.contactDecisionDue(receivedAt: contact.receivedAt),
                                     sourceCode: contact.source, referrerName: referrer?.displayName ?? Self.otherReferrers[contactNumber % Self.otherReferrers.count],
                                     referrerAgency: referrer?.agency.rawValue ?? "other",
                                     concerns: DemoCouncil.demoConcerns[contact.concerns % DemoCouncil.demoConcerns.count],
                                     consent: contact.concerns % 4 == 0 ? "notSought" : "given", urgency: contact.urgent ? "urgent" : "routine")
            model.referrerOrganisation = referrer?.organisation
            model.$referrerUser.id = referrer.map { ids.staff[$0.index] }
            let decider = frontDoorDeciders.isEmpty ? nil : frontDoorDeciders[contactNumber % frontDoorDeciders.count]
            let decidedOn = contact.decidedAt.map { Day($0) } ?? contact.receivedOn
            let workflow = try DemoCouncil.frontDoorWorkflow(childID: child.id, receivedOn: contact.receivedOn, reference: reference,
                                                             decision: contact.decision, decidedOn: decidedOn, source: contact.source,
                                                             familySupportTeam: "Family Support", by: .manager(decider?.uuidString ?? "demo"))
            try model.setWorkflow(workflow, decidedBy: contact.decision == nil ? nil : decider,
                                  approvedBy: contact.decision?.needsManagerApproval == true ? decider : nil,
                                  now: contact.decidedAt ?? contact.receivedAt)
            model.isReReferral = contact.isReReferral
            if contact.decision != nil { model.outcomeSentAt = contact.decidedAt }
            rows.contacts.append(model)
            let subject = ContactSubjectModel(contactID: model.id!, isChild: true, givenName: contact.recordedGivenName,
                                              familyName: child.familyName, sex: child.sex)
            subject.dateOfBirth = contact.recordedBirthDate?.iso
            subject.postcode = child.postcode
            if contact.decision != nil { subject.$person.id = child.id }
            rows.subjects.append(subject)
        }

        private func referrer(for source: String, seed: Int) -> (index: Int, displayName: String, agency: Agency, organisation: String?)? {
            let agency: Agency? = switch source {
            case "6": .police
            case "2A", "2B": .school
            case "3A": .gp
            case "3B": .healthVisitor
            default: nil
            }
            guard let agency, let pool = referrers[agency], !pool.isEmpty else { return nil }
            let index = pool[seed % pool.count]
            let member = organisation.staff[index]
            return (index, member.displayName, member.agency, member.organisation)
        }

        private mutating func addCase(of child: SyntheticChild, into rows: inout Rows) throws {
            guard !child.caseActions.isEmpty else { return }
            let model: ChildCaseModel
            do {
                model = try CaseWrites.newCase(child.caseActions, personID: child.id, birthDate: child.dateOfBirth, by: generator,
                                               today: today, timescales: timescales)
            } catch {
                // A journey the rules refuse is left out and counted, never stored half-made.
                refusedCases += 1
                if firstRefusal == nil { firstRefusal = String(describing: error) }
                return
            }
            rows.cases.append(model)
            let snapshot = try model.snapshot()
            let stillOpen = snapshot.hasOpenWork(today: today)
            if let adoption = snapshot.care?.adoption, adoption.matchedOn != nil { adoptions.append((child.id, adoption)) }
            for (index, allocation) in child.allocations.enumerated() {
                let model = AllocationModel(personID: child.id, teamID: ids.teams[allocation.team],
                                            workerID: allocation.worker.map { ids.staff[$0] }, startedOn: allocation.startedOn)
                model.changeReason = allocation.worker == nil ? nil : SocialWorkerChangeReason.firstContact.code
                let episode = index < snapshot.episodes.count ? snapshot.episodes[index] : nil
                let last = index == child.allocations.count - 1
                model.endedOn = last && stillOpen ? nil : episode?.closure?.date.iso
                rows.allocations.append(model)
            }
        }

        /// Early help for the family: consent and an assessment straight away, the team around the
        /// family and a plan within a month, and most families' work finished after about six months.
        private mutating func addEarlyHelp(_ help: SyntheticEarlyHelp, of family: SyntheticFamily, into rows: inout Rows) throws {
            earlyHelpNumber += 1
            let children = help.children.map { family.children[$0].id }
            let lead = Professional(name: "Family support worker", agency: .earlyHelp, role: "Family support worker")
            guard var episode = try? EarlyHelpRules.start(familyID: "F\(earlyHelpNumber)", childIDs: children.map(\.uuidString),
                                                          leadPractitioner: lead, on: help.startedOn, today: today, by: generator) else {
                refusedEarlyHelp += 1
                return
            }
            let start = help.startedOn
            var steps: [EarlyHelpAction] = [.recordConsent(on: start), .startAssessment(on: start, organisation: ids.teamNames[help.team])]
            let age = start.days(until: today)
            if age >= 25 {
                let done = start.adding(days: 20)
                steps += [.completeAssessment(on: done),
                          .holdMeeting(.init(date: done.adding(days: 3), kind: .initial, attendees: [lead], familyAttended: true)),
                          .addPlanAction(FamilyPlanAction(id: "A1", description: "Weekly check-in with the family", owner: lead,
                                                          agreedOn: done.adding(days: 3)))]
            }
            if age >= 200 {
                steps += [.completePlanAction(id: "A1", on: start.adding(days: 170)), .close(on: start.adding(days: 180), outcome: .needsMet)]
            }
            do {
                for step in steps { episode = try EarlyHelpRules.apply(step, to: episode, on: today, by: generator) }
            } catch {
                refusedEarlyHelp += 1
                return
            }
            rows.earlyHelp.append((episode, ids.teams[help.team], children, "F\(earlyHelpNumber)"))
        }

        static let otherReferrers = ["Aunt", "Neighbour", "Anonymous caller", "Housing officer", "Youth worker", "Grandparent"]
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

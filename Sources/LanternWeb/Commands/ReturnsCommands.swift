import Fluent
import Foundation
import LanternCore
import LanternReturns
import LanternStore
import Vapor

/// `lantern returns ...`: the statutory returns, with Lantern's own pre-submission checks.
struct ReturnsCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["cin": CINReturnCommand(), "903": SSDA903ReturnCommand(), "annex-a": AnnexAReturnCommand()] }
    var help: String { "Writes the statutory returns (CIN census, SSDA903) after Lantern's pre-submission checks, and Ofsted's Annex A." }
}

struct CINReturnCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The collection year, named by its end: 2026 is 1 April 2025 to 31 March 2026")
        var year: Int?
        @Option(name: "out", help: "Where to write the XML (default cin-YEAR.xml)")
        var out: String?
    }

    var help: String { "Writes the CIN census XML for a collection year and lists any problems found before submission." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let year = CollectionYear(endingIn: signature.year ?? Day(Date()).year)
        let export = try await StatutoryReturns.cinCensus(year: year, on: app.db, calendar: try await app.calendarCache.calendar(on: app.db))
        let path = signature.out ?? "cin-\(year.endYear).xml"
        try export.xml.write(toFile: path, atomically: true, encoding: .utf8)
        context.console.print("Wrote the CIN census \(year) for \(export.input.children.count) children to \(path).")
        PreSubmissionReport.print(export.issues, to: context.console)
    }
}

struct SSDA903ReturnCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The collection year, named by its end: 2026 is 1 April 2025 to 31 March 2026")
        var year: Int?
        @Option(name: "out", help: "The folder to write the CSV files into (default ssda903-YEAR)")
        var out: String?
    }

    var help: String { "Writes the SSDA903 (children looked after) CSV files for a collection year and lists problems found before submission." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let year = CollectionYear(endingIn: signature.year ?? Day(Date()).year)
        let export = try await StatutoryReturns.ssda903(year: year, on: context.application.db)
        let folder = URL(fileURLWithPath: signature.out ?? "ssda903-\(year.endYear)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in export.files.sorted(by: { $0.key < $1.key }) {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        context.console.print("Wrote the SSDA903 \(year) for \(export.input.headers.count) children (\(export.input.episodes.count) episodes) to \(folder.path)/.")
        PreSubmissionReport.print(export.issues, to: context.console)
    }
}

struct AnnexAReturnCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "date", help: "The extract date (default today): the lists cover the 12 months up to it")
        var date: String?
        @Option(name: "out", help: "Where to write the workbook (default annex-a-DATE.xlsx)")
        var out: String?
    }

    var help: String { "Writes Ofsted's Annex A workbook (lists 1 to 10) for the 12 months before the extract date." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let extract: Day
        if let text = signature.date {
            guard let parsed = try? DateEntry.parse(text) else { throw AnnexACommandError("The extract date \(text) is not a date. Use 2026-11-23 or 23/11/2026.") }
            extract = parsed
        } else {
            extract = Day(Date())
        }
        let (input, workbook) = try await StatutoryReturns.annexAWorkbook(extractDate: extract, on: context.application.db)
        let path = signature.out ?? "annex-a-\(extract.iso).xlsx"
        try workbook.write(to: URL(fileURLWithPath: path))
        context.console.print("Wrote Annex A for the 12 months to \(extract.iso) to \(path): \(input.contacts.count) contacts, \(input.referrals.count) referrals, "
            + "\(input.assessments.count) assessments, \(input.section47Enquiries.count) section 47 enquiries, \(input.childrenInNeed.count) children in need, "
            + "\(input.childProtectionPlans.count) child protection plans, \(input.childrenInCare.count) children in care, \(input.careLeavers.count) care leavers, "
            + "\(input.adoptions.count) adoptions.")
    }
}

struct AnnexACommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What a return command prints after writing: the count of errors and queries, then each one.
enum PreSubmissionReport {
    static func print(_ issues: [ReturnIssue], to console: any Console, limit: Int = 200) {
        let errors = issues.filter { $0.severity == .error }
        console.print("Pre-submission checks: \(errors.count) errors, \(issues.count - errors.count) queries.")
        for issue in issues.prefix(limit) {
            console.print("  \(issue.severity == .error ? "ERROR" : "QUERY") \(issue.childID) \(issue.rule.map { "rule \($0): " } ?? "")\(issue.message)")
        }
    }
}

/// The returns as the app produces them: store records through the pure builders and checks.
enum StatutoryReturns {
    struct CINExport {
        let input: CINCensusInput
        let xml: String
        let issues: [ReturnIssue]
    }

    struct SSDA903Export {
        let input: SSDA903Input
        let files: [String: String]
        let issues: [ReturnIssue]
    }

    static func ssda903(year: CollectionYear, on db: any Database) async throws -> SSDA903Export {
        let cases = try await ReturnsQueries.childCases(.everLookedAfter, on: db).filter { $0.snapshot.care != nil }
        let spells = try await ReturnsQueries.socialWorkerSpells(for: cases.map(\.person.id), on: db)
        let sources = cases.compactMap { c -> SSDA903SourceChild? in
            guard let care = c.snapshot.care else { return nil }
            return SSDA903SourceChild(childID: c.person.reference, sex: c.person.sex, birthDate: c.person.birthDate,
                                      ethnicity: c.person.ethnicity, upn: c.person.upn, care: care,
                                      socialWorkers: (spells[c.person.id] ?? []).map {
                                          SocialWorkerSpell(socialWorkerNumber: $0.number, start: $0.start, end: $0.end, reason: $0.reason)
                                      })
        }
        let input = SSDA903Builder.build(sources, year: year)
        return SSDA903Export(input: input, files: SSDA903CSV.render(input), issues: SSDA903Checks.check(input))
    }

    /// Annex A and the workbook Ofsted receives, as `lantern returns annex-a` writes it.
    static func annexAWorkbook(extractDate: Day, on db: any Database) async throws -> (input: AnnexAInput, workbook: Data) {
        let input = try await annexA(extractDate: extractDate, on: db)
        return (input, AnnexAWorkbook.render(input))
    }

    static func annexA(extractDate: Day, on db: any Database) async throws -> AnnexAInput {
        let cases = try await ReturnsQueries.childCases(on: db)
        var contacts: [UUID: [(date: Day, source: String)]] = [:]
        var unlinked: [AnnexAContact] = []
        // A join, not an eager load: a city's 300,000 contacts are more values than SQLite or
        // PostgreSQL accept in one IN list.
        let subjects = try await ContactSubjectModel.query(on: db)
            .join(ContactModel.self, on: \ContactSubjectModel.$contact.$id == \ContactModel.$id).all()
        for subject in subjects {
            let contact = try subject.joined(ContactModel.self)
            guard let day = Day(iso: contact.receivedOn) else { continue }
            if let personID = subject.$person.id {
                contacts[personID, default: []].append((day, contact.sourceCode))
            } else {
                // Not yet linked to a record: listed under the contact's reference.
                unlinked.append(AnnexAContact(child: AnnexAChild(id: contact.reference, sex: subject.sex,
                                                                 dateOfBirth: subject.dateOfBirth.flatMap { Day(iso: $0) }),
                                              date: day, source: contact.sourceCode))
            }
        }
        var earlyHelp: [UUID: [EarlyHelpAssessment]] = [:]
        for link in try await EarlyHelpChildModel.query(on: db).with(\.$episode).all() {
            earlyHelp[link.$person.id, default: []] += try link.episode.episode().assessments
        }
        var allocated: [UUID: (team: String, worker: String?)] = [:]
        for allocation in try await AllocationModel.query(on: db).filter(\.$endedOn == nil).with(\.$team).with(\.$worker).all() {
            allocated[allocation.$person.id] = (allocation.team.name, allocation.worker?.displayName)
        }
        let sources = cases.map { c in
            AnnexASourceChild(child: AnnexAChild(id: c.person.reference, sex: c.person.sex, ethnicity: c.person.ethnicity, dateOfBirth: c.person.birthDate),
                              snapshot: c.snapshot, contacts: contacts[c.person.id] ?? [], earlyHelpAssessments: earlyHelp[c.person.id] ?? [],
                              team: allocated[c.person.id]?.team, worker: allocated[c.person.id]?.worker)
        }
        // Children known only from contacts have no case, but their contacts are on list 1.
        let withCase = Set(cases.map(\.person.id))
        let contactOnly = contacts.keys.filter { !withCase.contains($0) }
        var people: [PersonModel] = []
        for chunk in Array(contactOnly).chunked(500) {
            people += try await PersonModel.query(on: db).filter(\.$id ~~ Array(chunk)).all()
        }
        let contactOnlySources = people.map { person in
            AnnexASourceChild(child: AnnexAChild(id: person.reference, sex: person.sex, ethnicity: person.ethnicity, dateOfBirth: person.birthDay),
                              snapshot: CaseSnapshot(childBirthDate: person.birthDay), contacts: contacts[person.id!] ?? [],
                              earlyHelpAssessments: earlyHelp[person.id!] ?? [])
        }
        var input = AnnexABuilder.build(sources + contactOnlySources, extractDate: extractDate)
        let window = AnnexABuilder.Window(end: extractDate)
        input.contacts += unlinked.filter { window.contains($0.date) }
        // List 11: adopter households, with the adoption order of the child placed with them.
        let orders = Dictionary(cases.compactMap { c in c.snapshot.care?.adoption?.adoptionOrderOn.map { (c.person.id, $0) } },
                                uniquingKeysWith: { first, _ in first })
        let models = try await AdopterHouseholdModel.query(on: db).all()
        let households = models.compactMap { model in
            model.household.map { AnnexABuilder.AdopterSource(household: $0, adoptionOrder: model.$child.id.flatMap { orders[$0] }) }
        }
        input.adopters = AnnexABuilder.adopters(households, extractDate: extractDate)
        // List 10's family identifier is the household the child is placed with, as on list 11.
        let references = Dictionary(cases.map { ($0.person.id, $0.person.reference) }, uniquingKeysWith: { first, _ in first })
        let families = Dictionary(models.compactMap { model in model.$child.id.flatMap { references[$0] }.map { ($0, model.reference) } },
                                  uniquingKeysWith: { first, _ in first })
        for index in input.adoptions.indices { input.adoptions[index].familyID = families[input.adoptions[index].child.id] }
        return input
    }

    static func cinSources(_ cases: [ReturnsQueries.ChildCase]) -> [CINSourceChild] {
        cases.map { c in
            CINSourceChild(laChildID: c.person.reference, upn: c.person.upn, birthDate: c.person.birthDate,
                           expectedBirthDate: c.person.expectedBirthDate, sex: c.person.sex, ethnicity: c.person.ethnicity,
                           disabilities: [], snapshot: c.snapshot)
        }
    }

    static func cinCensus(year: CollectionYear, on db: any Database, calendar: WorkingDayCalendar, now: Date = Date()) async throws -> CINExport {
        let council = try await CouncilModel.query(on: db).first()
        let cases = try await ReturnsQueries.childCases(.episodesOverlapping(from: year.start, to: year.end), reading: .episodesOnly, on: db)
        let sources = cinSources(cases)
        let header = CINHeader(collectionYear: year, laNumber: council?.laNumber ?? "000", release: "1",
                               serialNumber: "001", generatedAt: LocalDateTime(now))
        let isWorkingDay: WorkingDayTest = { calendar.isWorkingDay($0) }
        let input = CINCensusBuilder.build(sources, header: header, isWorkingDay: isWorkingDay)
        return CINExport(input: input, xml: CINCensusXML.render(input), issues: CINCensusChecks.check(input, isWorkingDay: isWorkingDay))
    }
}

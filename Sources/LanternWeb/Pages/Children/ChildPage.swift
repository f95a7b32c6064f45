import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children/:personID`: the child's record: who they are, where the case is, every clock with
/// its working days left, the next steps, allocation and recent recording. Viewing is audited.
enum ChildPage {
    struct Clock: Encodable {
        let label: String
        let due: String
        let left: String
        let overdue: Bool

        /// A statutory event as a row: when it is due and the working days left (or overdue by).
        init(_ event: StatutoryEvent, timescales: StatutoryTimescales, today: Day) {
            let reading = timescales.reading(due: event.due, on: today)
            label = event.kind.label
            due = DisplayDate.long(event.due)
            left = reading.label
            overdue = reading.isOverdue
        }
    }

    struct AllocationRow: Encodable {
        let team: String
        let worker: String
        let startedOn: String
        let endedOn: String?
    }

    struct Note: Encodable {
        let date: String
        let kind: String
        let author: String
        let text: String
        let childSeen: String?
        let significant: Bool
    }


    struct Document: Encodable {
        let id: UUID
        let title: String
        let kind: String
        let size: String
        let uploaded: String
        let by: String
    }

    struct Page: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let name: String
        let dateOfBirth: String
        let age: String
        let sex: String
        let postcode: String
        let ethnicity: String
        let nhsNumber: String
        let stage: String
        let referralDate: String?
        let clocks: [Clock]
        let forms: [CaseActionForm]
        let actionsURL: String
        let allocations: [AllocationRow]
        let canAllocate: Bool
        let workers: [FormOption]
        /// Why the worker changes (SSDA903 SW_REASON), asked once a child has had a worker.
        let changeReasons: [FormOption]
        let notes: [Note]
        let documents: [Document]
        let canRecord: Bool
        let canSeeAudit: Bool
        let earlyHelp: [EarlyHelpLine]
        let canStepDown: Bool
        let earlyHelpTeams: [FormOption]
        let errors: FormErrors
        let failedAction: String?
    }

    struct EarlyHelpLine: Encodable {
        let reference: String
        let text: String
    }

    static func render(_ req: Request, person: PersonModel, errors: FormErrors, refill: (action: String, values: [String: [String]])?) async throws -> View {
        let user = try req.user()
        let id = try person.requireID()
        let today = Day(Date())
        let calendar = try await req.workingDays()
        let timescales = StatutoryTimescales(calendar: calendar)
        let caseModel = try await ChildCaseModel.query(on: req.db).filter(\.$person.$id == id).first()
        let snapshot = try caseModel?.snapshot() ?? CaseSnapshot(childBirthDate: person.birthDay)
        let clocks = CaseClocks.events(for: snapshot, timescales: timescales).map { Clock($0, timescales: timescales, today: today) }
        let isCaseworker = user.hasAny([.socialWorker, .teamManager])
        var forms = isCaseworker ? CaseActionForm.available(for: snapshot, isManager: user.has(.teamManager), today: today) : []
        if let refill {
            for index in forms.indices where forms[index].action == refill.action { forms[index].refill(from: refill.values) }
        }
        let allocations = try await AllocationModel.query(on: req.db)
            .filter(\.$person.$id == id).with(\.$team).with(\.$worker)
            .sort(\.$startedOn, .descending).all()
        let openTeam = allocations.first { $0.endedOn == nil }?.$team.id
        let canAllocate = user.has(.teamManager) && (openTeam == nil || openTeam == user.teamID)
        var workers: [FormOption] = []
        if canAllocate, let teamID = user.teamID {
            workers = try await StaffUserModel.query(on: req.db).filter(\.$team.$id == teamID).filter(\.$active == true).sort(\.$displayName).all()
                .filter { !$0.roles.isDisjoint(with: [.socialWorker, .teamManager]) }
                .map { FormOption(value: $0.id!.uuidString, label: $0.displayName) }
        }
        let notes = try await CaseNoteModel.query(on: req.db).filter(\.$person.$id == id).with(\.$author)
            .sort(\.$occurredOn, .descending).sort(\.$createdAt, .descending).limit(20).all()
        let documents = try await DocumentModel.query(on: req.db).filter(\.$person.$id == id).with(\.$uploadedBy)
            .field(\.$id).field(\.$title).field(\.$contentType).field(\.$size).field(\.$uploadedAt).field(\.$uploadedBy.$id).field(\.$person.$id)
            .field(\.$filename).field(\.$sha256)
            .sort(\.$uploadedAt, .descending).all()
        let earlyHelpEpisodes = try await EarlyHelpChildModel.query(on: req.db).filter(\.$person.$id == id)
            .with(\.$episode) { $0.with(\.$team) }.all().map(\.episode)
        let earlyHelp = try earlyHelpEpisodes.sorted { $0.startedOn > $1.startedOn }.map { model in
            let episode = try model.episode()
            let end = episode.closure.map { " to \(DisplayDate.long($0.closedOn)) (\($0.outcome.plainEnglish))" } ?? ", open"
            return EarlyHelpLine(reference: model.reference,
                                 text: "\(model.team.name), from \(DisplayDate.long(episode.startedOn))\(end)")
        }
        let canStepDown = isCaseworker && snapshot.openEpisode == nil && snapshot.episodes.last?.closure != nil
            && !earlyHelpEpisodes.contains { $0.isOpen }
        let earlyHelpTeams = canStepDown
            ? try await TeamModel.query(on: req.db).filter(\.$kind == .earlyHelp).sort(\.$name).all().map { FormOption(value: $0.id!.uuidString, label: $0.name) }
            : []
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: id, summary: "Viewed the child's record")
        let page = Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? person.fullName : "Error: \(person.fullName)"),
            id: id, reference: person.reference, name: person.fullName,
            dateOfBirth: person.birthDay.map(DisplayDate.long) ?? person.expectedDateOfBirth.flatMap { Day(iso: $0) }.map { "Unborn, due " + DisplayDate.long($0) } ?? "Not known",
            age: person.birthDay.map { "\($0.age(on: today))" } ?? "Not known",
            sex: Sex(rawValue: person.sex)?.label ?? "Not known", postcode: person.postcode ?? "Not known",
            ethnicity: person.ethnicity.flatMap(Ethnicity.init(rawValue:))?.label ?? "Not recorded",
            nhsNumber: person.nhsNumber.flatMap { try? NHSNumber($0).formatted } ?? "Not recorded",
            stage: CaseClocks.stage(of: snapshot), referralDate: snapshot.openEpisode.map { DisplayDate.long($0.referralDate) },
            clocks: clocks, forms: forms, actionsURL: "/children/\(id)/casework",
            allocations: allocations.map {
                AllocationRow(team: $0.team.name, worker: $0.worker?.displayName ?? "Not allocated to a worker",
                              startedOn: Day(iso: $0.startedOn).map(DisplayDate.long) ?? $0.startedOn,
                              endedOn: $0.endedOn.flatMap { Day(iso: $0) }.map(DisplayDate.long))
            },
            canAllocate: canAllocate, workers: workers,
            changeReasons: canAllocate && allocations.contains(where: { $0.worker != nil })
                ? SocialWorkerChangeReason.allCases.filter { $0 != .firstContact }.map { FormOption(value: $0.code, label: $0.label) } : [],
            notes: notes.map {
                Note(date: Day(iso: $0.occurredOn).map(DisplayDate.long) ?? $0.occurredOn, kind: $0.kind.label, author: $0.author.displayName,
                     text: $0.text, childSeen: $0.childSeen ? ($0.seenAlone ? "Child seen alone" : "Child seen") : ($0.kind.isVisit ? "Child not seen" : nil),
                     significant: $0.significant)
            },
            documents: documents.map {
                Document(id: $0.id!, title: $0.title, kind: $0.contentType.contains("pdf") ? "PDF" : $0.contentType.contains("word") ? "Word" : "Image",
                         size: $0.size < 1_048_576 ? "\(max(1, $0.size / 1024)) KB" : String(format: "%.1f MB", Double($0.size) / 1_048_576),
                         uploaded: $0.uploadedAt.map { DisplayDate.long(Day($0)) } ?? "", by: $0.uploadedBy.displayName)
            },
            canRecord: isCaseworker, canSeeAudit: user.has(.administrator), earlyHelp: earlyHelp, canStepDown: canStepDown,
            earlyHelpTeams: earlyHelpTeams, errors: errors, failedAction: refill?.action)
        return try await req.view.render("children/show", page)
    }
}

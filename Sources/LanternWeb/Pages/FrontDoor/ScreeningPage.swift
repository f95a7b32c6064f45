import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// The decision form on the screening page.
struct DecisionForm: Content {
    var decision: String?
    var threshold: String?
    var rationale: String?
    var noFurtherActionReason: String?
    var adviceGiven: String?
    var universalService: String?
    var familySupportTeam: String?
    var familyConsents: String?
    var referralSource: String?
    var significantHarmConcerns: String?

    init(source: String) {
        self.referralSource = source
    }

    func decision(on today: Day) -> Result<ReferralDecision, ContactDraftProblems> {
        var issues: [FieldIssue] = []
        let choice = decision.flatMap(ScreeningDecision.init(rawValue:))
        if choice == nil { issues.append(FieldIssue(field: "decision", message: "Choose a decision")) }
        let level = threshold.flatMap(Int.init).flatMap(ThresholdLevel.init(rawValue:))
        if level == nil { issues.append(FieldIssue(field: "threshold", message: "Choose the threshold level")) }
        if (rationale ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(FieldIssue(field: "rationale", message: "Say why you made this decision"))
        }
        if let source = referralSource, !source.isEmpty, ReferralSource(rawValue: source) == nil {
            issues.append(FieldIssue(field: "referralSource", message: "Choose a referral source from the list"))
        }
        guard issues.isEmpty, let choice, let level else { return .failure(ContactDraftProblems(issues: issues)) }
        func text(_ value: String?) -> String? {
            let t = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return t.isEmpty ? nil : t
        }
        return .success(ReferralDecision(
            decision: choice, decidedOn: today, threshold: level, rationale: text(rationale) ?? "",
            noFurtherActionReason: text(noFurtherActionReason), adviceGiven: text(adviceGiven),
            universalService: text(universalService), familySupportTeam: text(familySupportTeam),
            familyConsentsToEarlyHelp: familyConsents.map { $0 == "yes" },
            referralSource: text(referralSource), significantHarmConcerns: text(significantHarmConcerns)))
    }
}

/// `/front-door/contacts/:contactID`: the contact, the match panel for each child, and the decision.
enum ScreeningPage {
    struct Reason: Encodable {
        let text: String
        let against: Bool
    }

    struct Candidate: Encodable {
        let personID: UUID
        let name: String
        let reference: String
        let dateOfBirth: String
        let postcode: String
        let score: Int
        let band: String
        let reasons: [Reason]
        let history: [String]
        let allocation: String?
        let reReferralRisk: Bool
        /// When two known records both look like this child: propose merging this one into the best match.
        var mergeLink: String? = nil
    }

    struct Subject: Encodable {
        let id: UUID
        let name: String
        let entered: String
        let linkedName: String?
        let linkedID: UUID?
        let linkedReference: String?
        let candidates: [Candidate]
    }

    struct Page: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let received: String
        let clock: String
        let overdue: Bool
        let status: String
        let isOpen: Bool
        let awaitingApproval: Bool
        let canApprove: Bool
        let canDecide: Bool
        let source: String
        let referrer: String
        let urgency: String
        let consent: String
        let concerns: String
        let subjects: [Subject]
        let allLinked: Bool
        let decisionSummary: String?
        let returnedReason: String?
        let isReReferral: Bool
        let earlyHelpHistory: [String]
        let familySupportTeams: [String]
        let errors: FormErrors
        let form: DecisionForm
        let decisions: [FormOption]
        let thresholds: [FormOption]
        let sources: [FormOption]
    }

    /// What early help did, for a contact that early help stepped up: the front door decides
    /// knowing it, instead of starting cold.
    static func earlyHelpLines(_ history: EarlyHelpHistory) -> [String] {
        let episode = history.episode
        var lines = ["Early help from \(DisplayDate.long(episode.startedOn)), led by \(episode.leadPractitioner.name) (\(EarlyHelpController.originText(episode.origin)))"]
        if let consent = episode.consentGivenOn { lines.append("Family consented on \(DisplayDate.long(consent))") }
        lines += episode.assessments.map { "Assessment by \($0.organisation) from \(DisplayDate.long($0.startedOn))" + ($0.completedOn.map { ", completed \(DisplayDate.long($0))" } ?? "") }
        lines += episode.meetings.map { "\($0.kind == .initial ? "Team around the family meeting" : "Review meeting") on \(DisplayDate.long($0.date))" }
        lines += episode.planActions.map { "Plan: \($0.description) (\($0.owner.name))" + ($0.completedOn == nil ? ", not done" : ", done") }
        return lines
    }

    static func render(_ req: Request, contact: ContactModel, decision form: DecisionForm, errors: FormErrors) async throws -> View {
        let user = try req.user()
        let timescales = StatutoryTimescales(calendar: try await req.workingDays())
        let status = ContactStatus(rawValue: contact.status) ?? .received
        let clock = DecisionClock(due: contact.decisionDueAt, now: Date(), timescales: timescales)
        var subjects: [Subject] = []
        for subject in contact.subjects {
            subjects.append(try await describe(subject, req: req))
        }
        try await AuditLog.record(.contactViewed, on: req.db, request: req, subjectKind: "contact", subjectID: contact.id,
                                  summary: "Viewed contact \(contact.reference)")
        let decision = contact.decision.flatMap(ScreeningDecision.init(rawValue:))
        let wording = ThresholdWording.standard
        let page = Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Contact \(contact.reference)" : "Error: Contact \(contact.reference)"),
            id: contact.id!, reference: contact.reference, received: DisplayTime.long(contact.receivedAt),
            clock: status.isFinal ? "Decided" : clock.label, overdue: !status.isFinal && clock.isOverdue,
            status: FrontDoorController.statusLabel(status), isOpen: !status.isFinal,
            awaitingApproval: status == .awaitingApproval, canApprove: status == .awaitingApproval && user.has(.teamManager),
            canDecide: [.received, .decided, .returned].contains(status) && user.hasAny(FrontDoorController.staff),
            source: ReferralSource(rawValue: contact.sourceCode).map { "\($0.rawValue): \($0.label)" } ?? contact.sourceCode,
            referrer: [contact.referrerName, contact.referrerOrganisation, contact.referrerContact].compactMap { $0 }.joined(separator: ", "),
            urgency: ContactUrgency(rawValue: contact.urgency)?.label ?? contact.urgency,
            consent: ContactConsent(rawValue: contact.consent)?.label ?? contact.consent,
            concerns: contact.concerns, subjects: subjects, allLinked: subjects.allSatisfy { $0.linkedID != nil },
            decisionSummary: decision.map { d in
                "\(d.plainEnglish.prefix(1).uppercased())\(d.plainEnglish.dropFirst())" + (contact.threshold.flatMap(ThresholdLevel.init(rawValue:)).map { " · " + wording.label(for: $0) } ?? "")
            },
            returnedReason: contact.returnedReason, isReReferral: contact.isReReferral,
            earlyHelpHistory: try contact.workflow().earlyHelpHistory.map(Self.earlyHelpLines) ?? [],
            familySupportTeams: try await TeamModel.query(on: req.db).filter(\.$kind == .earlyHelp).sort(\.$name).all().map(\.name),
            errors: errors, form: form,
            decisions: ScreeningDecision.allCases.map {
                FormOption(value: $0.rawValue, label: $0.plainEnglish.prefix(1).uppercased() + $0.plainEnglish.dropFirst()
                                   + ($0.needsManagerApproval ? " (needs a manager's approval)" : ""), selected: form.decision == $0.rawValue)
            },
            thresholds: ThresholdLevel.allCases.map { FormOption(value: String($0.rawValue), label: wording.label(for: $0), selected: form.threshold == String($0.rawValue)) },
            sources: ReferralSource.allCases.map { FormOption(value: $0.rawValue, label: "\($0.rawValue): \($0.label)", selected: form.referralSource == $0.rawValue) })
        return try await req.view.render("front-door/screen", page)
    }

    private static func describe(_ subject: ContactSubjectModel, req: Request) async throws -> Subject {
        let entered = [subject.dateOfBirth.flatMap { Day(iso: $0) }.map { "born " + DisplayDate.long($0) },
                       subject.expectedDateOfBirth.flatMap { Day(iso: $0) }.map { "unborn, due " + DisplayDate.long($0) },
                       subject.postcode, subject.nhsNumber.map { "NHS \($0)" }, subject.upn.map { "UPN \($0)" }, subject.school]
            .compactMap { $0 }.joined(separator: " · ")
        if let personID = subject.$person.id, let person = try await PersonModel.find(personID, on: req.db) {
            return Subject(id: subject.id!, name: subject.fullName, entered: entered, linkedName: person.fullName, linkedID: personID,
                           linkedReference: person.reference, candidates: [])
        }
        let matches = try await req.application.personIndex.candidates(for: ContactIntake.matchQuery(for: subject), limit: 5, on: req.db)
            .filter { $0.band != .unlikely }
        var candidates: [Candidate] = []
        let people = try await PersonModel.query(on: req.db).filter(\.$id ~~ matches.map(\.personID)).all()
        let byID = Dictionary(people.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let mayPropose = try req.user().hasAny(MergeController.proposers)
        var bestChild: UUID?
        for match in matches {
            guard let person = byID[match.personID] else { continue }
            let mergeLink = mayPropose && person.isChild ? bestChild.map { "/children/\($0)/merge?duplicate=\(person.reference)" } : nil
            if bestChild == nil, person.isChild { bestChild = match.personID }
            let history = try await PersonQueries.history(of: match.personID, on: req.db)
            let today = Day(Date())
            candidates.append(Candidate(
                personID: match.personID, name: person.fullName, reference: person.reference,
                dateOfBirth: person.birthDay.map(DisplayDate.long) ?? (person.expectedDateOfBirth.flatMap { Day(iso: $0) }.map { "due " + DisplayDate.long($0) } ?? "not known"),
                postcode: person.postcode ?? "not known", score: Int((match.score * 100).rounded()),
                band: match.band == .likely ? "Likely match" : "Possible match",
                reasons: match.reasons.map { Reason(text: $0.text, against: $0.weight < 0) },
                history: history.contacts.prefix(5).map { c in
                    "Contact \(c.reference) on \(Day(iso: c.receivedOn).map(DisplayDate.long) ?? c.receivedOn)"
                        + (c.decision.flatMap(ScreeningDecision.init(rawValue:)).map { ": " + $0.plainEnglish } ?? ": no decision yet")
                },
                allocation: history.allocation.map { "Open to \($0.team)" + ($0.worker.map { ", allocated to \($0)" } ?? ", not allocated to a worker") },
                reReferralRisk: ReReferral.isReReferral(today, previousReferrals: history.referralDates), mergeLink: mergeLink))
        }
        return Subject(id: subject.id!, name: subject.fullName, entered: entered, linkedName: nil, linkedID: nil,
                       linkedReference: nil, candidates: candidates)
    }
}

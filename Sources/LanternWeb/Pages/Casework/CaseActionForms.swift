import Foundation
import LanternCore

/// The next steps offered on a child's page, worked out from the case as it stands, and the
/// parsing of each back into a `CaseworkAction`. Offering only what may follow keeps the page
/// short; the rules still check every action.
struct CaseActionForm: Encodable {
    struct Field: Encodable {
        enum Kind: String, Encodable { case date, text, textarea, select, checkboxes, radios }
        struct Option: Encodable {
            let value: String
            let label: String
            var selected: Bool
        }
        let name: String
        let label: String
        let kind: Kind
        var value: String
        var options: [Option]
        var hint: String?

        var id: String { name }
    }

    let action: String
    let title: String
    let button: String
    var fields: [Field]
    var managerOnly: Bool = false

    static func date(_ label: String = "Date", today: Day) -> Field {
        Field(name: "date", label: label, kind: .date, value: DisplayDate.entry(today), options: [], hint: "For example 27 3 2026")
    }

    static func select(_ name: String, _ label: String, _ options: [(String, String)]) -> Field {
        Field(name: name, label: label, kind: .select, value: "",
              options: [Field.Option(value: "", label: "Choose…", selected: true)] + options.map { Field.Option(value: $0.0, label: $0.1, selected: false) })
    }

    static func text(_ name: String, _ label: String, long: Bool = false, hint: String? = nil) -> Field {
        Field(name: name, label: label, kind: long ? .textarea : .text, value: "", options: [], hint: hint)
    }

    /// The forms for the case as it stands.
    static func available(for snapshot: CaseSnapshot, isManager: Bool, today: Day) -> [CaseActionForm] {
        guard let episode = snapshot.openEpisode else { return [] }
        var forms: [CaseActionForm] = []
        let categories = CategoryOfAbuse.allCases.map { ($0.rawValue, "\($0.rawValue): \($0.label)") }
        if episode.closureProposal != nil {
            if isManager {
                forms.append(CaseActionForm(action: "signOffClosure", title: "Sign off the closure", button: "Sign off closure", fields: [date(today: today)], managerOnly: true))
                forms.append(CaseActionForm(action: "returnClosure", title: "Return the closure", button: "Return closure", fields: [date(today: today), text("reason", "Why should the case stay open?", long: true)], managerOnly: true))
            }
            return forms
        }
        if let assessment = episode.openAssessment {
            if assessment.submission == nil {
                if assessment.wishesAndFeelingsRecordedOn == nil {
                    forms.append(CaseActionForm(action: "recordWishesAndFeelings", title: "The child's wishes and feelings are recorded", button: "Save",
                                                fields: [date("Date recorded", today: today)]))
                }
                forms.append(CaseActionForm(action: "submitAssessment", title: "Submit the assessment for authorisation", button: "Submit for authorisation", fields: [
                    date(today: today),
                    Field(name: "factors", label: "Factors identified at assessment", kind: .checkboxes, value: "",
                          options: AssessmentFactor.allCases.map { Field.Option(value: $0.rawValue, label: "\($0.rawValue): \($0.label)", selected: false) },
                          hint: "Choose every factor that applies, or 21 alone if none"),
                    Field(name: "needsSupport", label: "Does the child need support from children's social care?", kind: .radios, value: "",
                          options: [Field.Option(value: "yes", label: "Yes", selected: false), Field.Option(value: "no", label: "No", selected: false)]),
                ]))
            } else if isManager {
                forms.append(CaseActionForm(action: "authoriseAssessment", title: "Authorise the assessment", button: "Authorise", fields: [
                    date(today: today),
                    select("primaryNeed", "Primary need", PrimaryNeed.allCases.map { ($0.rawValue, "\($0.rawValue): \($0.label)") }),
                ], managerOnly: true))
                forms.append(CaseActionForm(action: "returnAssessment", title: "Return the assessment to the worker", button: "Return",
                                            fields: [date(today: today), text("reason", "What needs to change?", long: true)], managerOnly: true))
            }
        } else if episode.assessments.isEmpty {
            forms.append(CaseActionForm(action: "startAssessment", title: "Start the child and family assessment", button: "Start assessment", fields: [date("Start date", today: today)]))
        }
        if let enquiry = episode.openSection47Enquiry {
            _ = enquiry
            forms.append(CaseActionForm(action: "recordInitialConference", title: "Initial child protection conference held", button: "Record conference", fields: [date(today: today)]))
            forms.append(CaseActionForm(action: "recordInitialConferenceNotRequired", title: "No conference needed", button: "Record decision", fields: [date(today: today)]))
        } else if episode.openChildProtectionPlan == nil {
            forms.append(CaseActionForm(action: "holdStrategyDiscussion", title: "Strategy discussion", button: "Record strategy discussion", fields: [
                date(today: today),
                text("police", "Police: name and role"), text("health", "Health: name and role"), text("education", "Education: name and role", hint: "Needed if the child attends school or nursery"),
                Field(name: "attendsEducation", label: "Does the child attend school or nursery?", kind: .radios, value: "",
                      options: [Field.Option(value: "yes", label: "Yes", selected: false), Field.Option(value: "no", label: "No", selected: false)]),
                Field(name: "startSection47", label: "Start a section 47 enquiry?", kind: .radios, value: "",
                      options: [Field.Option(value: "yes", label: "Yes", selected: false), Field.Option(value: "no", label: "No", selected: false)]),
            ]))
        }
        let conferenceHeld = episode.section47Enquiries.last?.initialConferenceDate != nil
        if let plan = episode.openChildProtectionPlan {
            _ = plan
            forms.append(CaseActionForm(action: "recordCoreGroupMeeting", title: "Core group meeting held", button: "Record meeting", fields: [date(today: today)]))
            forms.append(CaseActionForm(action: "recordReviewConference", title: "Review conference held", button: "Record review", fields: [date(today: today)]))
            forms.append(CaseActionForm(action: "changeCategoryOfAbuse", title: "Change the category of abuse", button: "Change category", fields: [date(today: today), select("category", "New category", categories)]))
            forms.append(CaseActionForm(action: "endChildProtectionPlan", title: "End the child protection plan", button: "End plan", fields: [
                date(today: today),
                select("reason", "Reason", EpisodeOfNeed.ChildProtectionPlan.EndReason.allCases.map { ($0.rawValue, $0.plainEnglish.prefix(1).uppercased() + $0.plainEnglish.dropFirst()) }),
            ]))
        } else if conferenceHeld, episode.childProtectionPlans.last.map({ !$0.isOpen }) ?? true {
            forms.append(CaseActionForm(action: "startChildProtectionPlan", title: "Start a child protection plan", button: "Start plan",
                                        fields: [date(today: today), select("category", "Category of abuse", categories)]))
        }
        if episode.openChildProtectionPlan == nil {
            if episode.openChildInNeedPlan != nil {
                forms.append(CaseActionForm(action: "reviewChildInNeedPlan", title: "Child in need plan reviewed", button: "Record review", fields: [date(today: today)]))
                forms.append(CaseActionForm(action: "endChildInNeedPlan", title: "End the child in need plan", button: "End plan", fields: [date(today: today)]))
            } else if episode.openAssessment == nil, !episode.assessments.isEmpty {
                forms.append(CaseActionForm(action: "startChildInNeedPlan", title: "Start a child in need plan", button: "Start plan", fields: [date(today: today)]))
            }
        }
        if episode.openAssessment == nil, episode.openChildProtectionPlan == nil, episode.openChildInNeedPlan == nil, episode.openSection47Enquiry == nil {
            forms.append(CaseActionForm(action: "proposeClosure", title: "Propose closing this episode", button: "Propose closure", fields: [
                date(today: today), select("reason", "Reason for closure", ReasonForClosure.allCases.map { ($0.rawValue, "\($0.rawValue): \($0.label)") }),
            ]))
        }
        return forms
    }

    /// Puts back what the user typed, after a refusal.
    mutating func refill(from values: [String: [String]]) {
        for index in fields.indices {
            let name = fields[index].name
            let sent = values[name] ?? []
            fields[index].value = sent.first ?? fields[index].value
            for o in fields[index].options.indices { fields[index].options[o].selected = sent.contains(fields[index].options[o].value) }
        }
    }
}

/// Reads a posted action form into a `CaseworkAction`.
enum CaseActionParser {
    struct Problem: Error {
        let field: String
        let message: String
    }

    static func parse(_ action: String, values: [String: [String]]) throws(Problem) -> CaseworkAction {
        func one(_ name: String) -> String { (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func required(_ name: String, _ message: String) throws(Problem) -> String {
            let value = one(name)
            guard !value.isEmpty else { throw Problem(field: name, message: message) }
            return value
        }
        let date: Day
        do { date = try DateEntry.parse(one("date")) } catch { throw Problem(field: "date", message: error.message) }
        switch action {
        case "startAssessment": return .startAssessment(on: date)
        case "recordWishesAndFeelings": return .recordWishesAndFeelings(on: date)
        case "submitAssessment":
            let answer = try required("needsSupport", "Say whether the child needs support")
            return .submitAssessment(on: date, factors: values["factors"] ?? [], needsSupport: answer == "yes")
        case "authoriseAssessment":
            let need = one("primaryNeed")
            return .authoriseAssessment(on: date, primaryNeed: need.isEmpty ? nil : need)
        case "returnAssessment": return .returnAssessment(on: date, reason: one("reason"))
        case "holdStrategyDiscussion":
            var participants: [Professional] = []
            for (field, agency) in [("police", PartnerAgency.police), ("health", .health), ("education", .education)] where !one(field).isEmpty {
                participants.append(Professional(name: one(field), agency: agency))
            }
            let attends = try required("attendsEducation", "Say whether the child attends school or nursery")
            let start = try required("startSection47", "Say whether a section 47 enquiry starts")
            return .holdStrategyDiscussion(.init(date: date, participants: participants, childAttendsEducationSetting: attends == "yes",
                                                 decidedToStartSection47: start == "yes"))
        case "startSection47Enquiry": return .startSection47Enquiry(on: date)
        case "recordInitialConference": return .recordInitialConference(on: date)
        case "recordInitialConferenceNotRequired": return .recordInitialConferenceNotRequired(on: date)
        case "startChildProtectionPlan": return .startChildProtectionPlan(on: date, category: try required("category", "Choose the category of abuse"))
        case "recordReviewConference": return .recordReviewConference(on: date)
        case "recordCoreGroupMeeting": return .recordCoreGroupMeeting(on: date)
        case "changeCategoryOfAbuse": return .changeCategoryOfAbuse(on: date, to: try required("category", "Choose the new category"))
        case "endChildProtectionPlan":
            guard let reason = EpisodeOfNeed.ChildProtectionPlan.EndReason(rawValue: one("reason")) else {
                throw Problem(field: "reason", message: "Choose why the plan ends")
            }
            return .endChildProtectionPlan(on: date, reason: reason)
        case "startChildInNeedPlan": return .startChildInNeedPlan(on: date)
        case "reviewChildInNeedPlan": return .reviewChildInNeedPlan(on: date)
        case "endChildInNeedPlan": return .endChildInNeedPlan(on: date)
        case "proposeClosure": return .proposeClosure(on: date, reason: try required("reason", "Choose the reason for closure"))
        case "returnClosure": return .returnClosure(on: date, reason: one("reason"))
        case "signOffClosure": return .signOffClosure(on: date)
        default: throw Problem(field: "action", message: "That is not something that can be recorded here")
        }
    }
}

extension DisplayDate {
    /// The form a date field is filled with: "23 11 2026".
    static func entry(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(c.month) \(c.year)"
    }
}

import Foundation
import LanternCore

/// The forms on an early help episode, offered from where the episode is, and their parsing.
enum EarlyHelpForms {
    typealias Form = CaseActionForm

    static func agencies() -> [(String, String)] {
        PartnerAgency.allCases.map { ($0.rawValue, $0.plainEnglish.prefix(1).uppercased() + $0.plainEnglish.dropFirst()) }
    }

    static func available(for episode: EarlyHelpEpisode, today: Day) -> [Form] {
        let date = Form.date(today: today)
        var forms: [Form] = []
        if episode.consentGivenOn == nil {
            forms.append(Form(action: "consent", title: "The family consents to early help", button: "Record consent", fields: [date]))
            return forms
        }
        if episode.openAssessment != nil {
            forms.append(Form(action: "completeAssessment", title: "Early help assessment completed", button: "Record completion", fields: [date]))
        } else {
            forms.append(Form(action: "startAssessment", title: "Start an early help assessment", button: "Start assessment",
                              fields: [date, Form.text("organisation", "Organisation completing it", hint: "For example Greenfield Primary School")]))
        }
        // The team around the family and the plan answer a completed assessment (the rules refuse
        // them before), so they are offered once there is one.
        if episode.latestCompletedAssessment != nil {
            let initialHeld = episode.meetings.contains { $0.kind == .initial }
            forms.append(Form(action: "meeting", title: initialHeld ? "Review meeting held" : "Team around the family meeting held", button: "Record meeting", fields: [
                date, Form.text("attendees", "Who attended", long: true, hint: "One per line: name, then agency, for example: Ms Patel, education"),
                CareActionForms.yesNo("familyAttended", "Did the family attend?"),
            ]))
            forms.append(Form(action: "addAction", title: "Add an action to the family plan", button: "Add action", fields: [
                date, Form.text("description", "What will be done", long: true), Form.text("owner", "Who owns it (name)"),
                Form.select("agency", "Their agency", agencies()), Form.text("dueBy", "Due by (optional)", hint: "For example 27 3 2026"),
            ]))
        }
        let outstanding = episode.outstandingPlanActions
        if !outstanding.isEmpty {
            forms.append(Form(action: "completeAction", title: "Mark a plan action done", button: "Mark done", fields: [
                date, Form.select("actionID", "Action", outstanding.map { ($0.id, "\($0.id): \($0.description)") }),
            ]))
        }
        forms.append(Form(action: "close", title: "Close early help", button: "Close", fields: [
            date, Form.select("outcome", "Outcome", EarlyHelpEpisode.Outcome.allCases.filter { $0 != .steppedUpToSocialCare }
                .map { ($0.rawValue, $0.plainEnglish.prefix(1).uppercased() + $0.plainEnglish.dropFirst()) }),
        ]))
        return forms
    }

    static func parse(_ action: String, values: [String: [String]], episode: EarlyHelpEpisode) throws(CaseActionParser.Problem) -> EarlyHelpAction {
        typealias Problem = CaseActionParser.Problem
        func one(_ name: String) -> String { (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let date: Day
        do { date = try DateEntry.parse(one("date")) } catch { throw Problem(field: "date", message: error.message) }
        switch action {
        case "consent": return .recordConsent(on: date)
        case "startAssessment": return .startAssessment(on: date, organisation: one("organisation"))
        case "completeAssessment": return .completeAssessment(on: date)
        case "meeting":
            let attendees = one("attendees").split(whereSeparator: \.isNewline).compactMap { line -> Professional? in
                let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first, !name.isEmpty else { return nil }
                let agencyText = parts.count > 1 ? parts[1].lowercased() : ""
                let agency = PartnerAgency.allCases.first { agencyText.contains($0.plainEnglish.replacingOccurrences(of: "the ", with: "")) } ?? .other
                return Professional(name: name, agency: agency)
            }
            guard let family = values["familyAttended"]?.first, !family.isEmpty else { throw Problem(field: "familyAttended", message: "Say whether the family attended") }
            let kind: TeamAroundFamilyMeeting.Kind = episode.meetings.contains { $0.kind == .initial } ? .review : .initial
            return .holdMeeting(.init(date: date, kind: kind, attendees: attendees, familyAttended: family == "yes"))
        case "addAction":
            guard let agency = PartnerAgency(rawValue: one("agency")) else { throw Problem(field: "agency", message: "Choose the owner's agency") }
            var dueBy: Day?
            if !one("dueBy").isEmpty {
                do { dueBy = try DateEntry.parse(one("dueBy")) } catch { throw Problem(field: "dueBy", message: error.message) }
            }
            let id = "A\(episode.planActions.count + 1)"
            return .addPlanAction(FamilyPlanAction(id: id, description: one("description"), owner: Professional(name: one("owner"), agency: agency),
                                                   agreedOn: date, dueBy: dueBy))
        case "completeAction":
            guard !one("actionID").isEmpty else { throw Problem(field: "actionID", message: "Choose the action") }
            return .completePlanAction(id: one("actionID"), on: date)
        case "close":
            guard let outcome = EarlyHelpEpisode.Outcome(rawValue: one("outcome")) else { throw Problem(field: "outcome", message: "Choose the outcome") }
            return .close(on: date, outcome: outcome)
        default: throw Problem(field: "action", message: "That is not something that can be recorded here")
        }
    }
}

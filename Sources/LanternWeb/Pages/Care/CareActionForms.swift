import Foundation
import LanternCore

/// The forms on a child's care page, offered from the record as it stands (a child not in care is
/// offered "started to be looked after"; a child who is missing, "returned"), and the parsing of
/// each back into a `LookedAfterAction`. The rules still check every action.
enum CareActionForms {
    typealias Form = CaseActionForm
    typealias Field = CaseActionForm.Field

    static func codes<C: CodeList>(_ list: C.Type) -> [(String, String)] {
        C.allCases.map { ($0.code, "\($0.code): \($0.label)") }
    }

    static func yesNo(_ name: String, _ label: String) -> Field {
        Field(name: name, label: label, kind: .radios, value: "",
              options: [.init(value: "yes", label: "Yes", selected: false), .init(value: "no", label: "No", selected: false)])
    }

    static func placementFields() -> [Field] {
        [
            Form.select("placementType", "Placement type", codes(PlacementType.self)),
            Form.select("provider", "Placement provider", codes(PlacementProvider.self)),
            Form.text("placementPostcode", "Placement postcode", hint: "For example B15 2TT"),
            Form.text("urn", "Ofsted URN of the home or agency (if any)"),
        ]
    }

    static func available(for care: LookedAfterRecord?, snapshot: CaseSnapshot, today: Day) -> [Form] {
        let date = Form.date(today: today)
        var forms: [Form] = []
        let lookedAfter = care?.ledger.isLookedAfter ?? false
        if !lookedAfter, snapshot.openEpisode != nil {
            forms.append(Form(action: "startCare", title: "The child started to be looked after", button: "Record start of care", fields: [
                date,
                Form.select("legalStatus", "Legal status", codes(LegalStatus.self)),
                Form.select("categoryOfNeed", "Category of need", codes(CategoryOfNeed.self)),
            ] + placementFields() + [Form.text("homePostcode", "Postcode of the child's home before care")]))
        }
        if let care, lookedAfter {
            let missing = care.ledger.missingEpisodes.last
            if missing?.isOpen == true {
                forms.append(Form(action: "returned", title: "The child has come back", button: "Record return", fields: [date]))
            } else {
                forms.append(Form(action: "placementChanged", title: "Placement changed", button: "Record the move", fields: [date] + placementFields() + [
                    Form.select("reason", "Reason for the change", codes(ReasonForPlacementChange.self)),
                    yesNo("sameCarers", "Is the child staying with the same carers?"),
                ]))
                forms.append(Form(action: "legalStatusChanged", title: "Legal status changed", button: "Record legal status",
                                  fields: [date, Form.select("legalStatus", "New legal status", codes(LegalStatus.self))]))
                forms.append(Form(action: "wentMissing", title: "The child went missing or away", button: "Record missing episode",
                                  fields: [date, Form.select("kind", "Missing or away?", codes(MissingEpisodeType.self))]))
                if let missing, missing.returnInterview == nil {
                    forms.append(Form(action: "returnInterview", title: "Return interview offered", button: "Record return interview",
                                      fields: [date, yesNo("accepted", "Did the child accept the interview?")]))
                }
                forms.append(Form(action: "ceased", title: "The child stopped being looked after", button: "Record end of care",
                                  fields: [date, Form.select("reason", "Why care ended", codes(ReasonEpisodeCeased.self).filter { $0.0 != "X1" })]))
            }
            forms.append(Form(action: "review", title: "Looked-after review held", button: "Record review",
                              fields: [date, Form.select("participation", "How the child took part", codes(ReviewParticipation.self))]))
            forms.append(Form(action: "visit", title: "Statutory visit", button: "Record visit", fields: [date, yesNo("seenAlone", "Was the child seen alone?")]))
            forms.append(Form(action: "iroContact", title: "Contact with the independent reviewing officer", button: "Record contact", fields: [date]))
            forms.append(Form(action: "healthAssessment", title: "Health assessment", button: "Record health assessment", fields: [date]))
            forms.append(Form(action: "dentalCheck", title: "Dental check", button: "Record dental check", fields: [date]))
            forms.append(Form(action: "immunisations", title: "Immunisations checked", button: "Record immunisations",
                              fields: [date, yesNo("upToDate", "Are the child's immunisations up to date?")]))
            forms.append(Form(action: "sdq", title: "Strengths and difficulties questionnaire", button: "Record score",
                              fields: [date, Form.text("score", "Total score (0 to 40)")]))
            forms.append(Form(action: "pep", title: "Personal education plan", button: "Record plan", fields: [date]))
            forms.append(Form(action: "permanence", title: "Permanence plan agreed", button: "Record plan", fields: [
                date, Form.select("plan", "The plan", PermanencePlanChoice.allCases.map { ($0.rawValue, $0.label) }),
            ]))
            let next = nextAdoptionMilestones(care.adoption)
            if !next.isEmpty {
                forms.append(Form(action: "adoption", title: "Adoption", button: "Record milestone",
                                  fields: [date, Form.select("milestone", "Milestone", next.map { ($0.rawValue, $0.label) })]))
            }
        }
        if let care {
            // Who the child is matched with, for the 903 AD1 (asked once the match is recorded).
            if let adoption = care.adoption, adoption.matchedOn != nil, adoption.reversed == nil, adoption.adopters == nil {
                forms.append(Form(action: "adopters", title: "The adopters", button: "Record adopters", fields: [
                    date,
                    Form.select("adoptersSex", "Who is adopting", [("M1", "A single man"), ("F1", "A single woman"), ("MM", "Two men"),
                                                                    ("FF", "Two women"), ("MF", "A man and a woman")]),
                    Form.select("adoptersLegalStatus", "Their legal status", [("L0", "L0: single"), ("L11", "L11: married, different sexes"),
                                                                              ("L12", "L12: married, same sex"), ("L2", "L2: civil partners"),
                                                                              ("L3", "L3: unmarried couple, different sexes"),
                                                                              ("L4", "L4: unmarried couple, same sex")]),
                    yesNo("formerFosterCarers", "Are they the child's foster carers?"),
                ]))
            }
            if care.adoption.map({ $0.reversed == nil && $0.adoptionOrderOn == nil }) == true {
                forms.append(Form(action: "adoptionReversed", title: "Adoption decision reversed", button: "Record reversal", fields: [
                    date, Form.select("reason", "Reason", [("RD1", "RD1: child returned home"), ("RD2", "RD2: child's needs changed"),
                                                           ("RD3", "RD3: change in the court's decision"), ("RD4", "RD4: any other reason")]),
                ]))
            }
            if care.uasc == nil {
                forms.append(Form(action: "uasc", title: "Unaccompanied asylum-seeking child", button: "Record status", fields: [Form.date("Since", today: today)]))
            } else if care.uasc?.ceasedOn == nil {
                forms.append(Form(action: "uascCeased", title: "No longer an unaccompanied asylum-seeking child", button: "Record end", fields: [date]))
            }
            forms.append(Form(action: care.careLeaver?.pathwayPlan == nil ? "pathwayPlan" : "pathwayPlanReview",
                              title: care.careLeaver?.pathwayPlan == nil ? "Pathway plan made" : "Pathway plan reviewed", button: "Record", fields: [date]))
            forms.append(Form(action: "personalAdviser", title: "Personal adviser", button: "Record adviser",
                              fields: [date, Form.text("adviser", "Personal adviser's name")]))
            if !lookedAfter {
                forms.append(Form(action: "followUp", title: "Care leaver birthday follow-up", button: "Record follow-up", fields: [
                    Form.date("Date of contact", today: today),
                    Form.select("age", "Which birthday", (17...21).map { ("\($0)", "\($0)th birthday") }),
                    Form.select("inTouch", "In touch?", codes(CareLeaverInTouch.self)),
                    Form.select("activity", "Activity", codes(CareLeaverActivity.self)),
                    Form.select("accommodation", "Accommodation", codes(CareLeaverAccommodation.self)),
                ]))
            }
        }
        return forms
    }

    static func nextAdoptionMilestones(_ adoption: AdoptionMilestones?) -> [AdoptionMilestone] {
        guard let adoption, adoption.reversed == nil else { return [.decision] }
        if adoption.adoptionOrderOn != nil { return [] }
        var next: [AdoptionMilestone] = []
        if adoption.placementOrderOn == nil, adoption.matchedOn == nil { next.append(.placementOrder) }
        if adoption.matchedOn == nil { next.append(.matched) } else if adoption.placedOn == nil { next.append(.placed) } else { next.append(.adoptionOrder) }
        return next
    }
}

/// Reads a posted care form into a `LookedAfterAction`.
enum CareActionParser {
    typealias Problem = CaseActionParser.Problem

    static func parse(_ action: String, values: [String: [String]]) throws(Problem) -> LookedAfterAction {
        func one(_ name: String) -> String { (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func optional(_ name: String) -> String? { one(name).isEmpty ? nil : one(name) }
        func required(_ name: String, _ message: String) throws(Problem) -> String {
            guard let value = optional(name) else { throw Problem(field: name, message: message) }
            return value
        }
        func yes(_ name: String, _ message: String) throws(Problem) -> Bool { try required(name, message) == "yes" }
        func placement() throws(Problem) -> CarePlacement {
            let type = try required("placementType", "Choose the placement type")
            var postcode: String?
            if let text = optional("placementPostcode") {
                guard let parsed = try? Postcode(text) else { throw Problem(field: "placementPostcode", message: "Enter a real postcode, like B15 2TT") }
                postcode = parsed.formatted
            }
            return CarePlacement(type: type, provider: optional("provider"), postcode: postcode, urn: optional("urn"))
        }
        let date: Day
        do { date = try DateEntry.parse(one("date")) } catch { throw Problem(field: "date", message: error.message) }
        switch action {
        case "startCare":
            var home: String?
            if let text = optional("homePostcode") {
                guard let parsed = try? Postcode(text) else { throw Problem(field: "homePostcode", message: "Enter a real postcode, like B12 9QJ") }
                home = parsed.formatted
            }
            return .care(.startedToBeLookedAfter(.init(date: date, legalStatus: try required("legalStatus", "Choose the legal status"),
                                                       categoryOfNeed: try required("categoryOfNeed", "Choose the category of need"),
                                                       placement: try placement(), homePostcode: home)))
        case "placementChanged":
            return .care(.placementChanged(.init(date: date, placement: try placement(), reason: optional("reason"),
                                                 sameCarers: try yes("sameCarers", "Say whether the child stays with the same carers"))))
        case "legalStatusChanged": return .care(.legalStatusChanged(on: date, legalStatus: try required("legalStatus", "Choose the new legal status")))
        case "ceased": return .care(.ceasedToBeLookedAfter(on: date, reason: try required("reason", "Choose why care ended")))
        case "wentMissing":
            guard let kind = MissingEpisode.Kind(rawValue: one("kind")) else { throw Problem(field: "kind", message: "Choose missing or away") }
            return .care(.wentMissing(on: date, kind: kind))
        case "returned": return .care(.returnedFromMissing(on: date))
        case "returnInterview": return .care(.returnInterviewOffered(on: date, accepted: try yes("accepted", "Say whether the child accepted")))
        case "review":
            return .holdReview(.init(date: date, participation: try required("participation", "Choose how the child took part")))
        case "visit": return .recordVisit(.init(date: date, seenAlone: try yes("seenAlone", "Say whether the child was seen alone")))
        case "iroContact": return .recordIROContact(on: date)
        case "healthAssessment": return .recordHealthAssessment(on: date)
        case "dentalCheck": return .recordDentalCheck(on: date)
        case "immunisations": return .recordImmunisations(upToDate: try yes("upToDate", "Say whether immunisations are up to date"), on: date)
        case "sdq":
            guard let score = Int(one("score")) else { throw Problem(field: "score", message: "Enter the total score as a whole number from 0 to 40") }
            return .recordSDQ(score: score, on: date)
        case "pep": return .recordPersonalEducationPlan(on: date)
        case "permanence":
            guard let plan = PermanencePlanChoice(rawValue: one("plan")) else { throw Problem(field: "plan", message: "Choose the plan") }
            return .agreePermanencePlan(plan, on: date)
        case "adoption":
            guard let milestone = AdoptionMilestone(rawValue: one("milestone")) else { throw Problem(field: "milestone", message: "Choose the milestone") }
            return .recordAdoptionMilestone(milestone, on: date)
        case "adopters":
            let sex = try required("adoptersSex", "Choose who is adopting")
            return .recordAdopters(AdoptersOfChild(count: ["M1", "F1"].contains(sex) ? 1 : 2, sex: sex,
                                                   legalStatus: try required("adoptersLegalStatus", "Choose their legal status"),
                                                   formerFosterCarers: try yes("formerFosterCarers", "Say whether they are the child's foster carers")),
                                   on: date)
        case "adoptionReversed": return .reverseAdoptionDecision(on: date, reason: try required("reason", "Choose the reason"))
        case "uasc": return .recordUASC(since: date)
        case "uascCeased": return .recordUASCCeased(on: date)
        case "pathwayPlan": return .careLeaver(.makePathwayPlan(on: date))
        case "pathwayPlanReview": return .careLeaver(.reviewPathwayPlan(on: date))
        case "personalAdviser": return .appointPersonalAdviser(name: try required("adviser", "Enter the adviser's name"), on: date)
        case "followUp":
            guard let age = Int(one("age")) else { throw Problem(field: "age", message: "Choose which birthday") }
            return .careLeaver(.recordBirthdayFollowUp(.init(age: age, contactedOn: date, inTouch: try required("inTouch", "Choose whether you are in touch"),
                                                              activity: optional("activity"), accommodation: optional("accommodation"))))
        default: throw Problem(field: "action", message: "That is not something that can be recorded here")
        }
    }
}

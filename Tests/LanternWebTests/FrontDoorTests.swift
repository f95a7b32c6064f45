import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct FrontDoorTests {
    private func post(_ app: Application, _ path: String, as session: TestSession, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, path, headers: HTTPHeaders.form.merging(session.headers),
                                            body: formBody([("_csrf", session.csrf)] + fields))
    }

    private func partner(_ app: Application, _ username: String, agency: Agency) async throws -> TestSession {
        let user = try await app.fixtures.user(username, roles: [.partnerReferrer], agency: agency)
        user.organisation = "Greenfield Primary School"
        try await user.save(on: app.db)
        return try await app.fixtures.session(for: user)
    }

    static let contactFields: [(String, String)] = [
        ("childGivenName", "Lizzie"), ("childFamilyName", "Nowak"), ("childDateOfBirth", "01/04/2015"), ("childSex", "F"),
        ("childPostcode", "b1 1bb"), ("concerns", "Lizzie came to school with bruising on her arm and said her step-dad grabbed her."),
        ("urgency", "urgent"), ("consent", "given"), ("referrerContact", "0121 496 0000"),
    ]

    /// A queue longer than the page shows the most urgent and says how many wait in all.
    @Test func aLongQueueSaysHowManyContactsWaitBeyondThoseShown() async throws {
        try await withLantern { app in
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let now = Date()
            let waiting = FrontDoorController.queueShown + 4
            try await app.db.transaction { db in
                for i in 0..<waiting {
                    try await ContactModel(reference: "C\(900_000 + i)", receivedAt: now, receivedOn: Day(now),
                                           decisionDueAt: now.addingTimeInterval(Double(i) * 60), sourceCode: "6", referrerName: "PC Test",
                                           referrerAgency: "police", concerns: "A test contact", consent: "given", urgency: "routine").create(on: db)
                }
            }
            try await app.testing().test(.GET, "/front-door", headers: frontDoor.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Showing the \(FrontDoorController.queueShown) most urgent of \(waiting) contacts waiting"))
                #expect(res.body.string.contains("C900000"), "the most urgent is shown")
                #expect(!res.body.string.contains("C\(900_000 + waiting - 1)"), "the least urgent is counted, not shown")
            }
            try await app.testing().test(.GET, "/front-door?source=6&urgency=urgent", headers: frontDoor.headers) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("most urgent of"))
            }
        }
    }

    @Test func aPartnerContactIsScreenedAndTheReferrerSeesTheOutcome() async throws {
        try await withLantern { app in
            let known = try await app.fixtures.child("Elizabeth", "Nowak", reference: "L1000001", born: "2015-04-01")
            let school = try await partner(app, "teacher", agency: .school)
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])

            // Partner submits.
            let sent = try await post(app, "/referrals", as: school, Self.contactFields)
            #expect(sent.status == .seeOther)
            let contact = try #require(try await ContactModel.query(on: app.db).with(\.$subjects).first())
            #expect(contact.sourceCode == "2A")
            #expect(contact.referrerOrganisation == "Greenfield Primary School")
            #expect(contact.subjects.first?.postcode == "B1 1BB")
            #expect(contact.decisionDueAt > contact.receivedAt)

            // It appears in the queue with its clock.
            try await app.testing().test(.GET, "/front-door", headers: frontDoor.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(contact.reference))
                #expect(res.body.string.contains("working hour"))
            }

            // The known child is proposed, with reasons.
            try await app.testing().test(.GET, "/front-door/contacts/\(contact.id!)", headers: frontDoor.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Elizabeth Nowak"))
                #expect(res.body.string.contains("L1000001"))
                #expect(res.body.string.contains("nickname"))
                #expect(res.body.string.contains("Likely match"))
            }

            // Deciding before linking is refused with a reason.
            let early = try await post(app, "/front-door/contacts/\(contact.id!)/decision", as: frontDoor,
                                       [("decision", "childAndFamilyAssessment"), ("threshold", "3"), ("rationale", "Injury with disclosure")])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("before deciding"))
            #expect(early.body.string.contains("Injury with disclosure"))

            let linked = try await post(app, "/front-door/contacts/\(contact.id!)/link", as: frontDoor,
                                        [("subjectID", contact.subjects[0].id!.uuidString), ("personID", known.id!.uuidString)])
            #expect(linked.status == .seeOther)

            let decided = try await post(app, "/front-door/contacts/\(contact.id!)/decision", as: frontDoor,
                                         [("decision", "childAndFamilyAssessment"), ("threshold", "3"),
                                          ("rationale", "Injury with disclosure; needs assessment"), ("referralSource", "2A")])
            #expect(decided.status == .seeOther)
            let stored = try #require(try await ContactModel.find(contact.id, on: app.db))
            #expect(stored.status == ContactStatus.referralOpened.rawValue)
            #expect(stored.outcomeSentAt != nil)
            #expect(stored.$decidedBy.id == frontDoor.user.id)

            // The referrer sees the outcome of their own contact.
            try await app.testing().test(.GET, "/referrals", headers: school.headers) { res in
                #expect(res.body.string.contains("Child and family assessment"))
            }
            try await app.testing().test(.GET, "/referrals/\(contact.id!)", headers: school.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("social worker will assess"))
            }

            // The audit trail names the child's record for the decision.
            let audited = try await AuditEventModel.query(on: app.db)
                .filter(\.$action == AuditAction.contactDecided.rawValue).filter(\.$subjectID == known.id).count()
            #expect(audited == 1)
        }
    }

    @Test func partnersSeeNothingButTheirOwnContacts() async throws {
        try await withLantern { app in
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            let school = try await partner(app, "teacher", agency: .school)
            let police = try await partner(app, "officer", agency: .police)
            _ = try await post(app, "/referrals", as: school, Self.contactFields)
            let contact = try #require(try await ContactModel.query(on: app.db).first())
            try await app.testing().test(.GET, "/referrals/\(contact.id!)", headers: police.headers) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: school.headers) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "/front-door/contacts/\(contact.id!)", headers: school.headers) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "/api/v1/children", headers: school.headers) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test func badInputComesBackWithEveryProblemAndNothingLost() async throws {
        try await withLantern { app in
            let school = try await partner(app, "teacher", agency: .school)
            let res = try await post(app, "/referrals", as: school, [
                ("childGivenName", "Lizzie"), ("childFamilyName", "Nowak"), ("childDateOfBirth", "31/02/2015"),
                ("childPostcode", "NOT A POSTCODE"), ("childNhsNumber", "943 476 5918"), ("childUpn", "X123"),
                ("concerns", "Worried about Lizzie & her brother <b>Sam</b>"), ("consent", "notSought"),
            ])
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(html.contains("That date does not exist"))
            #expect(html.contains("href=\"#childPostcode\""))
            #expect(html.contains("href=\"#childNhsNumber\""))
            #expect(html.contains("href=\"#childUpn\""))
            #expect(html.contains("Select how urgent this is"))
            #expect(html.contains("why consent was not sought"))
            #expect(html.contains("value=\"NOT A POSTCODE\""))
            #expect(html.contains("Worried about Lizzie &amp; her brother &lt;b&gt;Sam&lt;/b&gt;"))
            let stored = try await ContactModel.query(on: app.db).count()
            #expect(stored == 0)
        }
    }

    @Test func noFurtherActionNeedsAManagersApproval() async throws {
        try await withLantern { app in
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager])
            let created = try await post(app, "/front-door/contacts", as: frontDoor, Self.contactFields + [("source", "1A"), ("referrerName", "Aunt")])
            #expect(created.status == .seeOther)
            let contact = try #require(try await ContactModel.query(on: app.db).with(\.$subjects).first())
            #expect(contact.sourceCode == "1A")
            _ = try await post(app, "/front-door/contacts/\(contact.id!)/link", as: frontDoor,
                               [("subjectID", contact.subjects[0].id!.uuidString), ("personID", "new")])
            let person = try #require(try await PersonModel.query(on: app.db).first())
            #expect(person.reference.hasPrefix("L"))
            let nfa = try await post(app, "/front-door/contacts/\(contact.id!)/decision", as: frontDoor,
                                     [("decision", "noFurtherAction"), ("threshold", "1"), ("rationale", "Explained; no concerns"),
                                      ("noFurtherActionReason", "Accidental injury, seen by GP")])
            #expect(nfa.status == .seeOther)
            var stored = try #require(try await ContactModel.find(contact.id, on: app.db))
            #expect(stored.status == ContactStatus.awaitingApproval.rawValue)
            #expect(stored.outcomeSentAt == nil)
            // A practitioner cannot approve their own decision.
            let selfApprove = try await post(app, "/front-door/contacts/\(contact.id!)/approval", as: frontDoor, [("outcome", "approve")])
            #expect(selfApprove.status == .forbidden)
            let approved = try await post(app, "/front-door/contacts/\(contact.id!)/approval", as: manager, [("outcome", "approve")])
            #expect(approved.status == .seeOther)
            stored = try #require(try await ContactModel.find(contact.id, on: app.db))
            #expect(stored.status == ContactStatus.closed.rawValue)
            #expect(stored.$approvedBy.id == manager.user.id)
        }
    }
}

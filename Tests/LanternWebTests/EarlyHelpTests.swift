import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// A family stepped down from social care to early help and stepped up again within 12 months:
/// the front door sees the early help history and the contact is flagged as a re-referral. An
/// early help practitioner from a school works on the early help record but cannot open the
/// child's social care record.
@Suite struct EarlyHelpTests {
    @Test func steppedDownThenUpWithinTwelveMonths() async throws {
        try await withLantern { app in
            let today = Day(Date())
            let entry = DisplayDate.entry(today)
            let team = try await app.fixtures.team("Assessment Team North", kind: .assessment)
            let familySupport = try await app.fixtures.team("Family Support North", kind: .earlyHelp)
            let otherFamilySupport = try await app.fixtures.team("Family Support South", kind: .earlyHelp)
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let schoolUser = try await app.fixtures.user("patel", roles: [.earlyHelp], team: familySupport, agency: .school)
            let school = try await app.fixtures.session(for: schoolUser)
            let elsewhere = try await app.fixtures.signedIn("south", roles: [.earlyHelp], team: otherFamilySupport)

            // A child whose episode of need closed two months after a referral five months ago.
            let child = try await app.fixtures.child("Mia", "Khan", reference: "L1000200", born: "2016-02-10")
            let childID = try child.requireID()
            let referral = today.adding(days: -150)
            try await AllocationModel(personID: childID, teamID: try team.requireID(), workerID: worker.user.id, startedOn: referral).create(on: app.db)
            try await CaseWrites.apply([
                .openEpisodeOfNeed(referralDate: referral, source: "3A", primaryNeed: nil),
                .proposeClosure(on: referral.adding(days: 50), reason: "RC7"),
                .signOffClosure(on: referral.adding(days: 60)),
            ], to: childID, by: .manager("boss"), today: today, timescales: StatutoryTimescales(), on: app.db)

            // Step down: refused without a team, kept on the child's page.
            var res = try await app.postForm("/children/\(childID)/step-down", as: worker, [("teamID", ""), ("lead", "Ms Patel")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Choose the family support team"))
            res = try await app.postForm("/children/\(childID)/step-down", as: worker, [("teamID", try familySupport.requireID().uuidString), ("lead", "Ms Patel")])
            #expect(res.status == .seeOther)
            let model = try #require(try await EarlyHelpEpisodeModel.query(on: app.db).first())
            let episodeID = try model.requireID()
            #expect(model.origin == "stepDown")
            #expect(model.$team.id == familySupport.id)

            // The school's early help practitioner works on the family's early help record...
            #expect(try await app.pageBody("/early-help", as: school).contains(model.reference))
            for fields in [
                [("action", "consent"), ("date", entry)],
                [("action", "startAssessment"), ("date", entry), ("organisation", "Greenfield Primary School")],
                [("action", "completeAssessment"), ("date", entry)],
                [("action", "meeting"), ("date", entry), ("attendees", "Ms Patel, education\nNurse Obi, health"), ("familyAttended", "yes")],
                [("action", "addAction"), ("date", entry), ("description", "Daily check-in at school"), ("owner", "Ms Patel"), ("agency", "education")],
            ] {
                res = try await app.postForm("/early-help/\(episodeID)", as: school, fields)
                #expect(res.status == .seeOther, "\(fields[0].1): \(res.body.string.prefix(300))")
            }
            let episode = try #require(try await EarlyHelpEpisodeModel.find(episodeID, on: app.db)).episode()
            #expect(episode.consentGivenOn == today)
            #expect(episode.meetings.first?.attendees.map(\.agency) == [.education, .health])
            #expect(episode.planActions.map(\.id) == ["A1"])

            // ...but cannot open the child's social care record, nor another team's family.
            #expect(try await app.status(of: "/children/\(childID)", as: school) == .forbidden)
            #expect(try await app.status(of: "/children/\(childID)/care", as: school) == .forbidden)
            #expect(try await app.status(of: "/children/\(childID)/chronology", as: school) == .forbidden)
            #expect(try await app.status(of: "/early-help/\(episodeID)", as: elsewhere) == .forbidden)
            #expect(try await app.status(of: "/early-help/\(episodeID)", as: worker) == .forbidden)
            let refusals = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accessRefused.rawValue).count()
            #expect(refusals >= 1)

            // Step up: concerns are required; then a contact opens with the history.
            res = try await app.postForm("/early-help/\(episodeID)/step-up", as: school, [("concerns", "  ")])
            #expect(res.status == .unprocessableEntity)
            res = try await app.postForm("/early-help/\(episodeID)/step-up", as: school, [("concerns", "Mia disclosed being hit at home")])
            #expect(res.status == .seeOther)
            let closed = try #require(try await EarlyHelpEpisodeModel.find(episodeID, on: app.db))
            #expect(closed.isOpen == false)
            #expect(closed.outcome == EarlyHelpEpisode.Outcome.steppedUpToSocialCare.rawValue)
            let contact = try #require(try await ContactModel.query(on: app.db).with(\.$subjects).first())
            #expect(closed.$steppedUpContact.id == contact.id)
            #expect(contact.isReReferral)
            #expect(contact.subjects.first?.$person.id == childID)
            #expect(try contact.workflow().earlyHelpHistory?.episode.planActions.count == 1)

            #expect(try await app.pageBody("/early-help", as: school).contains("in the last 12 months: 1. Of those, stepped up again (re-referred): 1."))

            let screen = try await app.pageBody("/front-door/contacts/\(try contact.requireID())", as: frontDoor)
            #expect(screen.contains("Stepped up from early help"))
            #expect(screen.contains("Greenfield Primary School"))
            #expect(screen.contains("Re-referral"))
            #expect(screen.contains("Mia disclosed being hit at home"))
        }
    }
}

/// Early help decided at the front door goes straight to the named family support team's list.
@Suite struct EarlyHelpHandoverTests {
    @Test func anEarlyHelpDecisionStartsTheFamilysEpisode() async throws {
        try await withLantern { app in
            let familySupport = try await app.fixtures.team("Family Support North", kind: .earlyHelp)
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let practitioner = try await app.fixtures.signedIn("lucy", roles: [.earlyHelp], team: familySupport)
            _ = try await app.postForm("/front-door/contacts", as: frontDoor, FrontDoorTests.contactFields + [("source", "6"), ("referrerName", "PC Hughes")])
            let contact = try #require(try await ContactModel.query(on: app.db).with(\.$subjects).first())
            let contactID = try contact.requireID()
            _ = try await app.postForm("/front-door/contacts/\(contactID)/link", as: frontDoor,
                                       [("subjectID", contact.subjects[0].id!.uuidString), ("personID", "new")])
            let decision = [("decision", "earlyHelp"), ("threshold", "2"), ("rationale", "Needs support with routines"), ("familyConsents", "yes")]
            var res = try await app.postForm("/front-door/contacts/\(contactID)/decision", as: frontDoor, decision + [("familySupportTeam", "Nowhere Team")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Choose one of the council"))
            #expect(try await EarlyHelpEpisodeModel.query(on: app.db).count() == 0)
            res = try await app.postForm("/front-door/contacts/\(contactID)/decision", as: frontDoor, decision + [("familySupportTeam", "family support north")])
            #expect(res.status == .seeOther, "\(res.body.string.components(separatedBy: "error-summary__list").dropFirst().first?.prefix(300) ?? "")")
            let episode = try #require(try await EarlyHelpEpisodeModel.query(on: app.db).with(\.$children).first())
            #expect(episode.$team.id == familySupport.id)
            #expect(episode.origin == "frontDoor")
            #expect(episode.children.count == 1)
            #expect(try episode.episode().consentGivenOn != nil)
            #expect(try await app.pageBody("/early-help", as: practitioner).contains(episode.reference))
        }
    }
}

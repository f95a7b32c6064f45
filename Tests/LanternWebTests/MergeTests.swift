import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// Merging two records of the same person: proposed by a practitioner, approved by another
/// manager after confirming it's them, everything moved to the kept record, and undone exactly.
@Suite struct MergeTests {
    struct Setting {
        let north: TeamModel
        let sam: TestSession
        let maria: TestSession
        let mo: TestSession
        let amelia: PersonModel
        let duplicate: PersonModel
        let mother: PersonModel
    }

    private func setting(_ app: Application) async throws -> Setting {
        let north = try await app.fixtures.team()
        let sam = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: north)
        let maria = try await app.fixtures.signedIn("maria", roles: [.teamManager], team: north)
        let mo = try await app.fixtures.signedIn("mo", roles: [.teamManager], team: north)
        let today = Day(Date())
        let amelia = try await app.fixtures.child("Amelia", "Stone", reference: "L1000301")
        let duplicate = try await app.fixtures.child("Amelia", "Stones", reference: "L1000311")
        for child in [amelia, duplicate] {
            try await AllocationModel(personID: child.id!, teamID: north.id!, workerID: sam.user.id, startedOn: today).create(on: app.db)
        }
        // Amelia has the case; the duplicate has a contact, a note, a mother and another name.
        try await CaseWrites.apply([.openEpisodeOfNeed(referralDate: today.adding(days: -10), source: "1B", primaryNeed: nil)],
                                   to: amelia.id!, by: .manager("boss"), today: today, timescales: StatutoryTimescales(), on: app.db)
        let contact = ContactModel(reference: "C2600001", receivedAt: Date(), receivedOn: today, decisionDueAt: Date(),
                                   sourceCode: "1A", referrerName: "PC Dawn Harper", referrerAgency: "police",
                                   concerns: "Neighbours heard shouting.", consent: "yes", urgency: "routine")
        try await contact.create(on: app.db)
        let subject = ContactSubjectModel(contactID: contact.id!, isChild: true, givenName: "Amelia", familyName: "Stones", sex: "F")
        subject.$person.id = duplicate.id
        try await subject.create(on: app.db)
        try await CaseNoteModel(personID: duplicate.id!, kind: .phoneCall, occurredOn: today, childSeen: false, seenAlone: false,
                                text: "School called.", significant: false, authorID: sam.user.id!).create(on: app.db)
        let mother = PersonModel(reference: "L1000320", givenName: "Sarah", familyName: "Stones", dateOfBirth: nil, sex: "F", isChild: false)
        try await mother.create(on: app.db)
        try await RelationshipModel(personID: duplicate.id!, relativeID: mother.id!, kind: .parent, livesWith: true).create(on: app.db)
        try await PersonAliasModel(personID: duplicate.id!, givenName: "Millie", familyName: "Stones").create(on: app.db)
        return Setting(north: north, sam: sam, maria: maria, mo: mo, amelia: amelia, duplicate: duplicate, mother: mother)
    }

    private func propose(_ app: Application, _ s: Setting, as session: TestSession, reference: String = "L1000311") async throws -> TestingHTTPResponse {
        try await app.postForm("/children/\(s.amelia.id!)/merge", as: session,
                               [("duplicateReference", reference), ("reason", "Same date of birth and address; surname misspelt on the contact.")])
    }

    private func pointers(_ app: Application, to id: UUID) async throws -> [Int] {
        [try await ContactSubjectModel.query(on: app.db).filter(\.$person.$id == id).count(),
         try await AllocationModel.query(on: app.db).filter(\.$person.$id == id).count(),
         try await CaseNoteModel.query(on: app.db).filter(\.$person.$id == id).count(),
         try await RelationshipModel.query(on: app.db).filter(\.$person.$id == id).count(),
         try await PersonAliasModel.query(on: app.db).filter(\.$person.$id == id).count(),
         try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == id).count()]
    }

    @Test func proposedApprovedByAnotherManagerThenUndone() async throws {
        try await withLantern { app in
            let s = try await setting(app)
            let keptID = s.amelia.id!, duplicateID = s.duplicate.id!
            let before = (kept: try await pointers(app, to: keptID), duplicate: try await pointers(app, to: duplicateID))
            #expect(before.kept == [0, 1, 0, 0, 0, 1])
            #expect(before.duplicate == [1, 1, 1, 1, 1, 0])

            // Bad input comes back with the text and a message per field.
            var res = try await app.postForm("/children/\(keptID)/merge", as: s.sam, [("duplicateReference", "L999"), ("reason", "same")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("There is no record with the reference L999 that you may open"))
            #expect(res.body.string.contains("id=\"reason-error\""))
            #expect(res.body.string.contains("value=\"L999\"") && res.body.string.contains(">same</textarea>"))

            res = try await propose(app, s, as: s.sam)
            #expect(res.status == .seeOther)
            let merge = try #require(try await PersonMergeModel.query(on: app.db).first())
            #expect(merge.status == .proposed && merge.$kept.id == keptID && merge.$duplicate.id == duplicateID)
            #expect(try await app.pageBody("/children?q=Stones", as: s.maria).contains("L1000311"))

            // The social worker may not approve; a manager must confirm it's them first.
            #expect(try await app.postForm("/people/merges/\(merge.id!)/approve", as: s.sam, []).status == .forbidden)
            let stale = try await app.fixtures.session(for: s.maria.user, authenticatedAt: Date().addingTimeInterval(-3600))
            res = try await app.postForm("/people/merges/\(merge.id!)/approve", as: stale, [])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location)?.contains("/sign-in") == true || res.headers.first(name: .location)?.contains("confirm") == true)
            #expect(try await PersonMergeModel.find(merge.id!, on: app.db)?.status == .proposed)

            // The match index is loaded before the merge, so it must be kept in step, not rebuilt.
            let query = MatchQuery(givenName: "Amelia", familyName: "Stones", dateOfBirth: Day(iso: "2015-04-01"), sex: "F", postcode: "B1 1BB")
            #expect(try await app.personIndex.candidates(for: query, on: app.db).map(\.personID).contains(duplicateID))
            let list = try await app.pageBody("/people/merges", as: s.maria)
            #expect(list.contains("Amelia Stones (L1000311)") && list.contains("Approve the merge"))
            res = try await app.postForm("/people/merges/\(merge.id!)/approve", as: s.maria, [])
            #expect(res.status == .seeOther)

            // Everything that pointed at the duplicate now points at Amelia; the duplicate is kept, marked merged.
            #expect(try await pointers(app, to: duplicateID) == [0, 0, 0, 0, 0, 0])
            // Amelia gains the duplicate's contact, allocation, note, mother, its alias and its name as an alias.
            #expect(try await pointers(app, to: keptID) == [1, 2, 1, 1, 2, 1])
            let aliases = try await PersonAliasModel.query(on: app.db).filter(\.$person.$id == keptID).all().map { "\($0.givenName) \($0.familyName)" }
            #expect(Set(aliases) == ["Millie Stones", "Amelia Stones"])
            #expect(try await PersonModel.find(duplicateID, on: app.db)?.mergedInto == keptID)
            // Gone from search and from matching; its old page leads to the kept record.
            #expect(!(try await app.pageBody("/children?q=Stones", as: s.maria).contains("L1000311")))
            var candidates = try await app.personIndex.candidates(for: query, on: app.db).map(\.personID)
            #expect(!candidates.contains(duplicateID))
            #expect(candidates.first == keptID)
            try await app.testing().test(.GET, "/children/\(duplicateID)", headers: s.maria.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/children/\(keptID)")
            }

            // Another manager undoes it: exactly as before.
            #expect(try await app.pageBody("/people/merges", as: s.mo).contains("Undo the merge"))
            res = try await app.postForm("/people/merges/\(merge.id!)/unmerge", as: s.mo, [])
            #expect(res.status == .seeOther)
            #expect(try await pointers(app, to: keptID) == before.kept)
            #expect(try await pointers(app, to: duplicateID) == before.duplicate)
            #expect(try await PersonAliasModel.query(on: app.db).filter(\.$person.$id == duplicateID).first()?.givenName == "Millie")
            #expect(try await PersonModel.find(duplicateID, on: app.db)?.mergedInto == nil)
            #expect(try await PersonMergeModel.find(merge.id!, on: app.db)?.status == .unmerged)
            #expect(try await app.pageBody("/children?q=Stones", as: s.maria).contains("L1000311"))
            candidates = try await app.personIndex.candidates(for: query, on: app.db).map(\.personID)
            #expect(candidates.contains(duplicateID))

            // Every step is on the audit trail, for both records, without names.
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action ~~ [
                AuditAction.mergeProposed.rawValue, AuditAction.personMerged.rawValue, AuditAction.personUnmerged.rawValue,
            ]).all()
            #expect(audit.filter { $0.action == AuditAction.mergeProposed.rawValue && $0.actorUsername == "sam" }.count == 1)
            #expect(Set(audit.filter { $0.action == AuditAction.personMerged.rawValue }.compactMap(\.subjectID)) == [keptID, duplicateID])
            #expect(audit.contains { $0.action == AuditAction.personMerged.rawValue && $0.summary == "Merged L1000311 into L1000301: 6 rows moved" })
            #expect(Set(audit.filter { $0.action == AuditAction.personUnmerged.rawValue && $0.actorUsername == "mo" }.compactMap(\.subjectID)) == [keptID, duplicateID])
            #expect(!audit.contains { $0.summary.contains("Amelia") || $0.summary.contains("Stones") })
        }
    }

    @Test func refusedForTheProposerAPairMarkedNotTheSameAndTwoCases() async throws {
        try await withLantern { app in
            let s = try await setting(app)
            let keptID = s.amelia.id!, duplicateID = s.duplicate.id!

            // A manager who proposed cannot approve their own proposal.
            #expect(try await propose(app, s, as: s.maria).status == .seeOther)
            let merge = try #require(try await PersonMergeModel.query(on: app.db).first())
            #expect(try await app.pageBody("/people/merges", as: s.maria).contains("You proposed this: another manager approves it"))
            var res = try await app.postForm("/people/merges/\(merge.id!)/approve", as: s.maria, [])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("You proposed this merge, so another manager must approve it"))
            #expect(try await PersonModel.find(duplicateID, on: app.db)?.mergedInto == nil)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.mergeRefused.rawValue).filter(\.$actorUsername == "maria").count() == 1)

            // The other manager says they are not the same person: the pair is marked and cannot be proposed again.
            res = try await app.postForm("/people/merges/\(merge.id!)/decline", as: s.mo, [])
            #expect(res.status == .seeOther)
            #expect(try await PersonMergeModel.find(merge.id!, on: app.db)?.status == .declined)
            #expect(try await MergeController.markedNotSame(keptID, duplicateID, on: app.db))
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.mergeDeclined.rawValue).count() == 1)
            res = try await propose(app, s, as: s.sam)
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("These records were marked as not the same person"))

            // Two records that both have a case: close or combine them by hand first.
            try await NotSamePersonModel.query(on: app.db).delete()
            try await CaseWrites.apply([.openEpisodeOfNeed(referralDate: Day(Date()).adding(days: -3), source: "1B", primaryNeed: nil)],
                                       to: duplicateID, by: .manager("boss"), today: Day(Date()), timescales: StatutoryTimescales(), on: app.db)
            res = try await propose(app, s, as: s.sam)
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Close or combine the cases by hand first"))
            try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == duplicateID).delete()

            // Different NHS numbers.
            s.amelia.nhsNumber = "9434765919"
            try await s.amelia.save(on: app.db)
            s.duplicate.nhsNumber = "4010232137"
            try await s.duplicate.save(on: app.db)
            res = try await propose(app, s, as: s.sam)
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("different NHS numbers"))
            #expect(try await PersonMergeModel.query(on: app.db).count() == 1)
        }
    }

    @Test func partnersAndOtherTeamsAreRefused() async throws {
        try await withLantern { app in
            let s = try await setting(app)
            #expect(try await propose(app, s, as: s.sam).status == .seeOther)
            let merge = try #require(try await PersonMergeModel.query(on: app.db).first())
            let south = try await app.fixtures.team("Safeguarding South", kind: .assessment)
            let southWorker = try await app.fixtures.signedIn("sw-south", roles: [.socialWorker], team: south)
            let southManager = try await app.fixtures.signedIn("tm-south", roles: [.teamManager], team: south)
            let partner = try await app.fixtures.signedIn("pc-jones", roles: [.partnerReferrer])
            for session in [partner, southWorker] {
                #expect(try await app.status(of: "/children/\(s.amelia.id!)/merge", as: session) == .forbidden)
                #expect(try await propose(app, s, as: session).status == .forbidden)
                #expect(try await app.status(of: "/people/merges", as: session) == .forbidden)
                #expect(try await app.postForm("/people/merges/\(merge.id!)/approve", as: session, []).status == .forbidden)
                #expect(try await app.postForm("/people/merges/\(merge.id!)/unmerge", as: session, []).status == .forbidden)
            }
            // A manager of another team neither sees the proposal nor may approve it.
            #expect(!(try await app.pageBody("/people/merges", as: southManager).contains("L1000311")))
            #expect(try await app.postForm("/people/merges/\(merge.id!)/approve", as: southManager, []).status == .forbidden)
            #expect(try await app.postForm("/people/merges/\(merge.id!)/decline", as: southManager, []).status == .forbidden)
            #expect(try await PersonMergeModel.find(merge.id!, on: app.db)?.status == .proposed)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accessRefused.rawValue)
                .filter(\.$actorUsername == "tm-south").count() >= 2)
        }
    }

    @Test func theFrontDoorProposesFromTheMatchList() async throws {
        try await withLantern { app in
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            _ = try await app.fixtures.child("Lizzie", "Nowak", reference: "L1000401")
            _ = try await app.fixtures.child("Elizabeth", "Nowak", reference: "L1000402")
            let created = try await app.postForm("/front-door/contacts", as: frontDoor, [
                ("childGivenName", "Lizzie"), ("childFamilyName", "Nowak"), ("childDateOfBirth", "01/04/2015"), ("childSex", "F"),
                ("childPostcode", "b1 1bb"), ("concerns", "Lizzie came to school upset and said she was frightened to go home."),
                ("urgency", "urgent"), ("consent", "given"), ("referrerContact", "0121 496 0000"), ("source", "1A"), ("referrerName", "Aunt"),
            ])
            #expect(created.status == .seeOther)
            let contact = try #require(try await ContactModel.query(on: app.db).first())
            let screen = try await app.pageBody("/front-door/contacts/\(contact.id!)", as: frontDoor)
            // Both records match; the second offers a merge into the first.
            #expect(screen.contains("L1000401") && screen.contains("L1000402"))
            let marker = "href=\"/children/"
            let start = try #require(screen.range(of: marker + "[^\"]*/merge\\?duplicate=", options: .regularExpression))
            let link = String(screen[screen.index(start.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" })
            #expect(screen.components(separatedBy: "/merge?duplicate=").count == 2, "one link, on the second record")
            let duplicateReference = String(link.split(separator: "=").last ?? "")
            let form = try await app.pageBody(link, as: frontDoor)
            #expect(form.contains("value=\"\(duplicateReference)\""))
            let keptPath = String(link.split(separator: "?").first ?? "")
            let res = try await app.postForm(keptPath, as: frontDoor,
                                             [("duplicateReference", duplicateReference), ("reason", "Lizzie is Elizabeth's usual name; same birthday and home.")])
            #expect(res.status == .seeOther)
            let merge = try #require(try await PersonMergeModel.query(on: app.db).with(\.$duplicate).first())
            #expect(merge.duplicate.reference == duplicateReference && merge.status == .proposed)
        }
    }

    @Test func aLinkBothRecordsHaveStaysOnTheDuplicateAndComesBackWhole() async throws {
        try await withLantern { app in
            let s = try await setting(app)
            let keptID = s.amelia.id!, duplicateID = s.duplicate.id!
            // Amelia is already recorded as Sarah's child, as is the duplicate: moving it would make two rows.
            try await RelationshipModel(personID: keptID, relativeID: s.mother.id!, kind: .parent, livesWith: true).create(on: app.db)
            let moved = try await app.db.transaction { db in try await PersonMerges.merge(s.duplicate, into: s.amelia, on: db) }
            #expect(!moved.contains { $0.table == "relationships" })
            #expect(try await RelationshipModel.query(on: app.db).filter(\.$person.$id == duplicateID).count() == 1)
            // Sarah's family shows Amelia once; the merged record is not shown.
            let links = try await FamilyQueries.links(of: s.mother.id!, on: app.db)
            #expect(links.map(\.relative.reference) == ["L1000301"])
            #expect(links.first?.role == .child)
            let merged = try #require(try await PersonModel.find(duplicateID, on: app.db))
            try await app.db.transaction { db in try await PersonMerges.unmerge(merged, moved: moved, on: db) }
            #expect(try await FamilyQueries.links(of: s.mother.id!, on: app.db).map(\.relative.reference).sorted() == ["L1000301", "L1000311"])
            #expect(try await pointers(app, to: duplicateID) == [1, 1, 1, 1, 1, 0])
        }
    }
}

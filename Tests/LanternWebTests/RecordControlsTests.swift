import Fluent
import Foundation
@testable import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// Restricted records: visible only to the staff an administrator names.
@Suite struct RestrictedRecordTests {
    @Test func aRestrictedChildIsRefusedAndHiddenForEveryoneButTheNamedUsers() async throws {
        try await withLantern { app in
            let north = try await app.fixtures.team("Assessment Team North")
            let south = try await app.fixtures.team("Safeguarding Team South", kind: .safeguarding)
            let child = try await app.fixtures.child("Amelia", "Stone", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: north.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            let allocatedTeam = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: north)
            let leader = try await app.fixtures.signedIn("leader", roles: [.serviceLeader])
            let named = try await app.fixtures.signedIn("trusted", roles: [.socialWorker], team: south)

            try await app.testing().test(.GET, "/admin/restricted/\(child.id!)", headers: admin.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Test trusted (trusted)"))
            }
            let noneNamed = try await app.testing().sendRequest(.POST, "/admin/restricted/\(child.id!)", headers: admin.formHeaders,
                                                                body: formBody([("restricted", "yes")]))
            #expect(noneNamed.status == .unprocessableEntity)
            let saved = try await app.testing().sendRequest(.POST, "/admin/restricted/\(child.id!)", headers: admin.formHeaders,
                                                            body: formBody([("restricted", "yes"), ("users[]", named.user.id!.uuidString)]))
            #expect(saved.status == .seeOther)
            try await app.testing().test(.GET, "/admin/restricted", headers: admin.headers) { res in
                #expect(res.body.string.contains("L1000001"))
                #expect(res.body.string.contains("Test trusted"))
            }

            // The allocated team, a service leader and the administrator who restricted it: 403, no break-glass.
            for session in [allocatedTeam, leader, admin] {
                try await app.testing().test(.GET, "/children/\(child.id!)", headers: session.headers) { res in
                    #expect(res.status == .forbidden, "\(session.user.username)")
                    #expect(res.body.string.contains("restricted"))
                    #expect(!res.body.string.contains("Why do you need to open this record?"))
                }
                try await app.testing().test(.GET, "/children/\(child.id!)/chronology", headers: session.headers) { res in
                    #expect(res.status == .forbidden)
                }
                try await app.testing().test(.GET, "/children?q=stone", headers: session.headers) { res in
                    #expect(!res.body.string.contains("L1000001"))
                }
                try await app.testing().test(.GET, "/api/v1/children", headers: session.headers) { res in
                    #expect(res.status == .ok)
                    #expect(!res.body.string.contains("L1000001"))
                }
            }
            let outsider = try await app.fixtures.signedIn("outsider", roles: [.socialWorker], team: south)
            let glass = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/break-glass", headers: outsider.formHeaders,
                                                            body: formBody([("reason", "Police called out of hours about a missing child")]))
            #expect(glass.status == .forbidden)
            #expect(try await BreakGlassModel.query(on: app.db).count() == 0)

            // The named user sees the record, finds it, and lists it.
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: named.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Amelia Stone"))
            }
            try await app.testing().test(.GET, "/children?q=stone", headers: named.headers) { res in
                #expect(res.body.string.contains("L1000001"))
            }
            try await app.testing().test(.GET, "/api/v1/children", headers: named.headers) { res in
                #expect(res.body.string.contains("L1000001"))
            }
            let refusals = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accessRefused.rawValue)
                .filter(\.$subjectID == child.id).all()
            #expect(refusals.count >= 4)
            #expect(refusals.contains { $0.summary.contains("restricted") })
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.restrictionChanged.rawValue).count() == 1)

            // Lifting the restriction gives the allocated team its record back.
            let lifted = try await app.testing().sendRequest(.POST, "/admin/restricted/\(child.id!)", headers: admin.formHeaders,
                                                             body: formBody([("_csrf", admin.csrf)]))
            #expect(lifted.status == .seeOther)
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: allocatedTeam.headers) { res in
                #expect(res.status == .ok)
            }
        }
    }
}

/// Subject access: everything held about one person as a ZIP, third parties marked.
@Suite struct SubjectAccessTests {
    @Test func theBundleHoldsTheRecordAndWhoViewedItWithThirdPartiesMarked() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Assessment Team North")
            let child = try await app.fixtures.child("Amelia", "Stone", reference: "L1000001")
            let mother = PersonModel(reference: "L1000002", givenName: "Karen", familyName: "Stone", dateOfBirth: Day(iso: "1985-02-02"),
                                     sex: "F", isChild: false)
            try await mother.create(on: app.db)
            try await RelationshipModel(personID: child.id!, relativeID: mother.id!, kind: .parent, livesWith: true).create(on: app.db)
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id, startedOn: Day(Date())).create(on: app.db)
            try await CaseNoteModel(personID: child.id!, kind: .homeVisit, occurredOn: Day(Date()), childSeen: true, seenAlone: true,
                                    text: "Amelia showed me her room.", significant: false, authorID: worker.user.id!).create(on: app.db)
            let contact = ContactModel(reference: "C2600001", receivedAt: Date(), receivedOn: Day(Date()), decisionDueAt: Date(),
                                       sourceCode: "1A", referrerName: "PC Dawn Harper", referrerAgency: "police",
                                       concerns: "Neighbours heard shouting.", consent: "yes", urgency: "routine")
            try await contact.create(on: app.db)
            let subject = ContactSubjectModel(contactID: contact.id!, isChild: true, givenName: "Amelia", familyName: "Stone", sex: "F")
            subject.$person.id = child.id
            try await subject.create(on: app.db)
            try await DocumentModel(personID: child.id!, title: "School report", filename: "report.pdf", contentType: "application/pdf",
                                    data: Data("%PDF-1.4 synthetic".utf8), sha256: "x", uploadedBy: worker.user.id!).create(on: app.db)
            // The worker looks at the record: the bundle must say so.
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: worker.headers) { res in #expect(res.status == .ok) }

            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            try await app.testing().test(.GET, "/admin/subject-access?q=L1000001", headers: admin.headers) { res in
                #expect(res.body.string.contains("/admin/subject-access/\(child.id!)"))
            }
            try await app.testing().test(.GET, "/admin/subject-access/\(child.id!)", headers: admin.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("1 documents"))
            }
            let res = try await app.testing().sendRequest(.POST, "/admin/subject-access/\(child.id!)", headers: admin.formHeaders, body: formBody([]))
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description == "application/zip")
            #expect(res.headers.first(name: .contentDisposition)?.contains("subject-access-L1000001.zip") == true)
            let zip = res.body.string
            let marker = SubjectAccessController.thirdParty
            #expect(zip.hasPrefix("PK"))
            #expect(zip.contains("record.html"))
            #expect(zip.contains("Amelia Stone (L1000001)"))
            #expect(zip.contains("Karen Stone (L1000002) \(marker)"))
            #expect(zip.contains("PC Dawn Harper (police) \(marker)"))
            #expect(zip.contains("Test sam \(marker)"))
            #expect(zip.contains("Amelia showed me her room. \(SubjectAccessController.freeText)"))
            // Who viewed it: the worker's view, with its action.
            #expect(zip.contains("sam \(marker)</td><td>\(AuditAction.personViewed.rawValue)"))
            #expect(zip.contains("%PDF-1.4 synthetic"))
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.subjectAccessExported.rawValue).count() == 1)

            // After an old sign-in the administrator confirms it's them first.
            let stale = try await app.fixtures.session(for: admin.user, authenticatedAt: Date().addingTimeInterval(-3600))
            let asked = try await app.testing().sendRequest(.POST, "/admin/subject-access/\(child.id!)", headers: stale.formHeaders, body: formBody([]))
            #expect(asked.status == .seeOther)
            #expect(asked.headers.first(name: .location) == "/confirm-identity?next=/admin/subject-access/\(child.id!)")
        }
    }
}

/// Retention: the records due for review under the rules, and the reviewed, audited decision.
@Suite struct RetentionTests {
    private func caseFor(_ person: PersonModel, referred: String, closed: String?, on db: any Database) async throws {
        var episode = EpisodeOfNeed(referralDate: Day(iso: referred)!, referralSource: "1A")
        if let closed { episode.closure = .init(date: Day(iso: closed)!, reason: "RC1", signedOffBy: "manager") }
        let model = ChildCaseModel(personID: person.id!)
        model.snapshotJSON = String(decoding: try JSONEncoder().encode(CaseSnapshot(childBirthDate: person.birthDay, episodes: [episode])), as: UTF8.self)
        model.isOpen = closed == nil
        try await model.save(on: db)
    }

    @Test func recordsPastTheirPeriodAreListedAndDeletionIsRefusedWhileACaseIsOpen() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Assessment Team North")
            let old = try await app.fixtures.child("Olivia", "Grey", reference: "L1000010", born: "1990-05-01")
            try await caseFor(old, referred: "2001-01-10", closed: "2002-03-01", on: app.db)
            let worker = try await app.fixtures.user("sam", roles: [.socialWorker], team: team)
            try await CaseNoteModel(personID: old.id!, kind: .caseNote, occurredOn: Day(iso: "2002-02-01")!, childSeen: false, seenAlone: false,
                                    text: "Closing summary.", significant: true, authorID: worker.id!).create(on: app.db)
            let open = try await app.fixtures.child("Noah", "Reed", reference: "L1000011", born: "1990-06-01")
            try await caseFor(open, referred: "2025-01-10", closed: nil, on: app.db)
            let young = try await app.fixtures.child("Mia", "Lowe", reference: "L1000012", born: "2015-06-01")
            try await caseFor(young, referred: "2020-01-10", closed: "2021-01-10", on: app.db)

            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            try await app.testing().test(.GET, "/admin/retention", headers: admin.headers) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("L1000010"))
                #expect(html.contains("Child in need record, kept until the child&#39;s 25th birthday") || html.contains("Child in need record, kept until the child's 25th birthday"))
                #expect(!html.contains("L1000011"))
                #expect(!html.contains("L1000012"))
            }

            // An open case cannot be deleted.
            let refused = try await app.testing().sendRequest(.POST, "/admin/retention/\(open.id!)", headers: admin.formHeaders,
                                                              body: formBody([("decision", "delete"), ("reason", "Period ended, nothing to keep it for")]))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("open case"))
            #expect(try await PersonModel.find(open.id, on: app.db)?.givenName == "Noah")

            // Keeping needs a reason and a future review date, and takes the record off the list.
            let noDate = try await app.testing().sendRequest(.POST, "/admin/retention/\(old.id!)", headers: admin.formHeaders,
                                                             body: formBody([("decision", "keep"), ("reason", "Litigation is pending")]))
            #expect(noDate.status == .unprocessableEntity)
            #expect(noDate.body.string.contains("Enter the date of the next review"))
            #expect(noDate.body.string.contains("Litigation is pending"))

            // Deleting removes the personal data in one go, audited.
            let deleted = try await app.testing().sendRequest(.POST, "/admin/retention/\(old.id!)", headers: admin.formHeaders,
                                                              body: formBody([("decision", "delete"), ("reason", "Period ended and nothing requires keeping it")]))
            #expect(deleted.status == .seeOther)
            let tombstone = try #require(try await PersonModel.find(old.id, on: app.db))
            #expect(tombstone.fullName == "Deleted record")
            #expect(tombstone.dateOfBirth == nil)
            #expect(tombstone.reference == "L1000010")
            #expect(try await CaseNoteModel.query(on: app.db).filter(\.$person.$id == old.id!).count() == 0)
            #expect(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == old.id!).count() == 0)
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.retentionDeleted.rawValue).first())
            #expect(audit.subjectID == old.id)
            #expect(!audit.summary.contains("Olivia"))
            try await app.testing().test(.GET, "/admin/retention?done=delete", headers: admin.headers) { res in
                #expect(!res.body.string.contains("L1000010"))
                #expect(res.body.string.contains("personal data has been deleted"))
            }
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// One child from contact to child protection plan, review and closure, checking the clocks and
/// the Team page at each step.
@Suite struct CaseworkJourneyTests {
    private func post(_ app: Application, _ path: String, as session: TestSession, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, path, headers: HTTPHeaders.form.merging(session.headers),
                                            body: formBody([("_csrf", session.csrf)] + fields))
    }

    private func page(_ app: Application, _ path: String, as session: TestSession) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, path, headers: session.headers) { res in
            #expect(res.status == .ok, "GET \(path)")
            body = res.body.string
        }
        return body
    }

    private func snapshot(_ app: Application, _ personID: UUID) async throws -> CaseSnapshot {
        let model = try #require(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == personID).first())
        return try model.snapshot()
    }

    @Test func aChildFromContactToPlanToClosure() async throws {
        try await withLantern { app in
            let today = Day(Date())
            let date = DisplayDate.entry(today)
            let team = try await app.fixtures.team("Assessment Team North", kind: .assessment)
            let otherTeam = try await app.fixtures.team("Assessment Team South", kind: .safeguarding)
            let frontDoor = try await app.fixtures.signedIn("mash", roles: [.frontDoor])
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let outsider = try await app.fixtures.signedIn("kim", roles: [.socialWorker], team: otherTeam)

            // Contact and referral.
            _ = try await post(app, "/front-door/contacts", as: frontDoor, FrontDoorTests.contactFields + [("source", "6"), ("referrerName", "PC Hughes")])
            let contact = try #require(try await ContactModel.query(on: app.db).with(\.$subjects).first())
            _ = try await post(app, "/front-door/contacts/\(contact.id!)/link", as: frontDoor, [("subjectID", contact.subjects[0].id!.uuidString), ("personID", "new")])
            let decided = try await post(app, "/front-door/contacts/\(contact.id!)/decision", as: frontDoor,
                                         [("decision", "childAndFamilyAssessment"), ("threshold", "3"), ("rationale", "Disclosure of physical harm")])
            #expect(decided.status == .seeOther, "\(decided.body.string.components(separatedBy: "error-summary__list").dropFirst().first?.prefix(300) ?? "")")
            let child = try #require(try await PersonModel.query(on: app.db).first())
            let childID = try child.requireID()
            var s = try await snapshot(app, childID)
            #expect(s.openEpisode?.referralDate == today)
            #expect(s.openEpisode?.referralSource == "6")

            // The rest of the journey happened over the six weeks since: move the referral back.
            // Six weeks or a few days more, from a Friday, so that every dated step below falls on
            // the weekday it was written for (conferences are never at a weekend, rule 8875),
            // whatever day the test runs.
            let sixWeeksAgo = today.adding(days: -42)
            let referral = sixWeeksAgo.adding(days: -((sixWeeksAgo.weekday - 5 + 7) % 7))
            func on(_ offset: Int) -> String { DisplayDate.entry(referral.adding(days: offset)) }
            let caseModel = try #require(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == childID).first())
            s.episodes[0].referralDate = referral
            try caseModel.setSnapshot(s, timescales: StatutoryTimescales(), lastActivity: nil)
            try await caseModel.save(on: app.db)

            // In the team's unallocated queue, with the 45-working-day clock running.
            var teamPage = try await page(app, "/team", as: manager)
            #expect(teamPage.contains("Unallocated (1)"))
            #expect(teamPage.contains("Lizzie Nowak"))

            // A social worker in another team cannot open the record, and the refusal is audited.
            try await app.testing().test(.GET, "/children/\(childID)", headers: outsider.headers) { res in
                #expect(res.status == .forbidden)
            }
            let refused = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accessRefused.rawValue).count()
            #expect(refused == 1)

            // The manager allocates.
            let allocated = try await post(app, "/children/\(childID)/allocation", as: manager, [("workerID", worker.user.id!.uuidString)])
            #expect(allocated.status == .seeOther)
            teamPage = try await page(app, "/team", as: manager)
            #expect(teamPage.contains("Unallocated (0)"))
            var myWork = try await page(app, "/my-work", as: worker)
            #expect(myWork.contains("Lizzie Nowak"))
            #expect(myWork.contains("Assessment authorised"))
            let expectedDue = StatutoryTimescales().assessmentDue(referralOn: referral)
            #expect(myWork.contains(DisplayDate.long(expectedDue)))

            // Record a home visit, child seen alone: one page.
            let visit = try await post(app, "/children/\(childID)/visits", as: worker, [("kind", "homeVisit"), ("date", on(2)), ("childSeen", "yes"),
                                                                                     ("seenAlone", "yes"), ("text", "Saw Lizzie at home; she spoke about school.")])
            #expect(visit.status == .seeOther)
            s = try await snapshot(app, childID)
            #expect(s.openEpisode?.childSeen.first?.seenAlone == true)

            // Assessment: start, wishes and feelings, submit, authorise.
            for (action, day) in [("startAssessment", on(2)), ("recordWishesAndFeelings", on(8))] {
                let res = try await post(app, "/children/\(childID)/casework", as: worker, [("action", action), ("date", day)])
                #expect(res.status == .seeOther, "\(action)")
            }
            // Factors break a census rule: "21" (no factors) cannot stand with others; refused with the reason, values kept.
            let badFactors = try await post(app, "/children/\(childID)/casework", as: worker, [("action", "submitAssessment"), ("date", on(12)),
                                                                                            ("factors[]", "21"), ("factors[]", "3A"), ("needsSupport", "yes")])
            #expect(badFactors.status == .unprocessableEntity)
            #expect(badFactors.body.string.contains("There is a problem"))
            let submitted = try await post(app, "/children/\(childID)/casework", as: worker, [("action", "submitAssessment"), ("date", on(12)),
                                                                                           ("factors[]", "3A"), ("factors[]", "2B"), ("needsSupport", "yes")])
            #expect(submitted.status == .seeOther)
            teamPage = try await page(app, "/team", as: manager)
            #expect(teamPage.contains("Assessments awaiting your authorisation (1)"))
            // A social worker cannot authorise.
            let selfAuthorise = try await post(app, "/children/\(childID)/casework", as: worker, [("action", "authoriseAssessment"), ("date", on(13)), ("primaryNeed", "N1")])
            #expect(selfAuthorise.status == .unprocessableEntity)
            let authorised = try await post(app, "/children/\(childID)/casework", as: manager, [("action", "authoriseAssessment"), ("date", on(13)), ("primaryNeed", "N1")])
            #expect(authorised.status == .seeOther)
            teamPage = try await page(app, "/team", as: manager)
            #expect(teamPage.contains("Assessments awaiting your authorisation (0)"))

            // Strategy discussion starting a section 47 enquiry; ICPC clock runs from the strategy discussion.
            let strategy = try await post(app, "/children/\(childID)/casework", as: worker, [
                ("action", "holdStrategyDiscussion"), ("date", on(14)), ("police", "DC Shah"), ("health", "Nurse Bell"), ("education", "Ms Lee"),
                ("attendsEducation", "yes"), ("startSection47", "yes"),
            ])
            #expect(strategy.status == .seeOther)
            let childPage = try await page(app, "/children/\(childID)", as: worker)
            #expect(childPage.contains("Initial child protection conference"))
            #expect(childPage.contains(DisplayDate.long(StatutoryTimescales().initialConferenceDue(strategyDiscussionOn: referral.adding(days: 14)))))

            // ICPC and plan; a review; the plan ends; closure proposed and signed off.
            for fields in [
                [("action", "recordInitialConference"), ("date", on(28))],
                [("action", "startChildProtectionPlan"), ("date", on(28)), ("category", "PHY")],
                [("action", "recordReviewConference"), ("date", on(38))],
                [("action", "endChildProtectionPlan"), ("date", on(38)), ("reason", "noLongerAtRiskOfSignificantHarm")],
                [("action", "proposeClosure"), ("date", on(41)), ("reason", "RC7")],
            ] {
                let res = try await post(app, "/children/\(childID)/casework", as: worker, fields)
                #expect(res.status == .seeOther, "\(fields[0].1): \(res.body.string.components(separatedBy: "error-summary__list").dropFirst().first?.prefix(400) ?? "")")
            }
            s = try await snapshot(app, childID)
            #expect(s.openEpisode?.childProtectionPlans.count == 1)
            #expect(s.openEpisode?.childProtectionPlans.first?.reviewDates == [referral.adding(days: 38)])
            teamPage = try await page(app, "/team", as: manager)
            #expect(teamPage.contains("Closures awaiting sign-off (1)"))
            let signedOff = try await post(app, "/children/\(childID)/casework", as: manager, [("action", "signOffClosure"), ("date", date)])
            #expect(signedOff.status == .seeOther)
            s = try await snapshot(app, childID)
            #expect(s.openEpisode == nil)
            #expect(s.episodes.first?.closure?.reason == "RC7")
            myWork = try await page(app, "/my-work", as: worker)
            #expect(myWork.contains("No statutory event due"))

            // The chronology holds the journey and downloads as CSV.
            let chronology = try await page(app, "/children/\(childID)/chronology", as: worker)
            #expect(chronology.contains("Child protection plan started"))
            #expect(chronology.contains("Strategy discussion"))
            try await app.testing().test(.GET, "/children/\(childID)/chronology?format=csv", headers: worker.headers) { res in
                #expect(res.headers.contentType?.subType == "csv")
                #expect(res.body.string.hasPrefix("\"Date\",\"Event\",\"Detail\",\"Recorded by\""))
                #expect(res.body.string.contains("Episode closed"))
            }

            // Every view of the record was audited.
            let views = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.personViewed.rawValue)
                .filter(\.$subjectID == childID).count()
            #expect(views >= 2)
        }
    }

    @Test func aVisitFormKeepsWhatWasTyped() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id, startedOn: Day(Date())).create(on: app.db)
            let res = try await post(app, "/children/\(child.id!)/visits", as: worker,
                                     [("kind", "homeVisit"), ("date", "32/13/2026"), ("childSeen", "no"), ("seenAlone", "yes"), ("text", "Long note typed on a laptop")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Long note typed on a laptop"))
            #expect(res.body.string.contains("seen alone must also be seen"))
            #expect(res.body.string.contains("value=\"32/13/2026\""))
        }
    }
}

@Suite struct BreakGlassTests {
    @Test func aWorkerOutsideTheTeamCanOpenARecordOnlyWithAReasonThatIsAuditedAndShownToTheTeam() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Assessment Team North", kind: .assessment)
            let other = try await app.fixtures.team("Children in Care Team", kind: .childrenInCare)
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let outsider = try await app.fixtures.signedIn("kim", roles: [.socialWorker], team: other)
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)

            try await app.testing().test(.GET, "/children/\(child.id!)", headers: outsider.headers) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("This record is not open to you"))
                #expect(!res.body.string.contains("Amelia"))
            }
            let vague = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/break-glass", headers: HTTPHeaders.form.merging(outsider.headers),
                                                            body: formBody([("_csrf", outsider.csrf), ("reason", "need it")]))
            #expect(vague.status == .forbidden)
            #expect(vague.body.string.contains("at least 10 characters"))
            #expect(vague.body.string.contains("need it"))
            let opened = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/break-glass", headers: HTTPHeaders.form.merging(outsider.headers),
                                                             body: formBody([("_csrf", outsider.csrf), ("reason", "Out-of-hours call from police about this child tonight")]))
            #expect(opened.status == .seeOther)
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: outsider.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Amelia Nowak"))
            }
            let audited = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.breakGlass.rawValue).filter(\.$subjectID == child.id).count()
            #expect(audited == 1)
            try await app.testing().test(.GET, "/team", headers: manager.headers) { res in
                #expect(res.body.string.contains("Opened by someone outside the team (1)"))
                #expect(res.body.string.contains("Out-of-hours call from police"))
            }
        }
    }
}

@Suite struct DocumentTests {
    func multipart(_ session: TestSession, title: String, filename: String, bytes: [UInt8]) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "lantern-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrf)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\(title)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = session.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, body)
    }

    @Test func documentsAreTypeCheckedStoredAndDownloadedWithAnAuditLine() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id, startedOn: Day(Date())).create(on: app.db)
            let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
            let (headers, body) = multipart(worker, title: "School report", filename: "report<script>.pdf", bytes: pdf)
            let res = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/documents", headers: headers, body: body)
            #expect(res.status == .seeOther)
            let stored = try #require(try await DocumentModel.query(on: app.db).first())
            #expect(stored.filename == "reportscript.pdf")
            #expect(stored.contentType == "application/pdf")
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: worker.headers) { page in
                #expect(page.body.string.contains("School report"))
            }
            try await app.testing().test(.GET, "/children/\(child.id!)/documents/\(stored.id!)", headers: worker.headers) { download in
                #expect(download.status == .ok)
                #expect(Array(download.body.readableBytesView) == pdf)
                #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            }
            let audited = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.documentDownloaded.rawValue).count()
            #expect(audited == 1)
            let (badHeaders, badBody) = multipart(worker, title: "Not a report", filename: "report.pdf", bytes: Array("MZ\u{90}\u{0}program".utf8))
            let refused = try await app.testing().sendRequest(.POST, "/children/\(child.id!)/documents", headers: badHeaders, body: badBody)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("must be a PDF"))
            let count = try await DocumentModel.query(on: app.db).count()
            #expect(count == 1)
        }
    }
}

@Suite struct SupervisionTests {
    @Test func supervisionListsTheCasesDiscussedAndNotesEachChildsRecord() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            let stranger = try await app.fixtures.child("Oliver", "Khan", reference: "L1000002")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: worker.user.id, startedOn: Day(Date())).create(on: app.db)
            try await app.testing().test(.GET, "/team", headers: manager.headers) { res in
                #expect(res.body.string.contains("None recorded"))
            }
            let res = try await app.testing().sendRequest(.POST, "/team/supervision", headers: HTTPHeaders.form.merging(manager.headers), body: formBody([
                ("_csrf", manager.csrf), ("worker", worker.user.id!.uuidString), ("date", DisplayDate.entry(Day(Date()))),
                ("cases[]", child.id!.uuidString), ("cases[]", stranger.id!.uuidString), ("notes", "Plan reviewed; visit weekly until the conference."),
            ]))
            #expect(res.status == .seeOther)
            let supervision = try #require(try await SupervisionModel.query(on: app.db).first())
            // A child not allocated to the worker cannot be ticked in, even by a tampered form.
            #expect(supervision.cases == [child.id!])
            let notes = try await CaseNoteModel.query(on: app.db).filter(\.$kind == .managementOversight).all()
            #expect(notes.map(\.$person.id) == [child.id!])
            try await app.testing().test(.GET, "/team", headers: manager.headers) { page in
                #expect(page.body.string.contains(DisplayDate.long(Day(Date()))))
            }
            try await app.testing().test(.GET, "/team/supervision/new", headers: worker.headers) { denied in
                #expect(denied.status == .forbidden)
            }
        }
    }
}

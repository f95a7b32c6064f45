import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct CaseAuditWebTests {
    /// The demo council, and a session for one of its staff.
    func demoSession(_ app: Application, _ username: String) async throws -> TestSession {
        let user = try #require(try await StaffUserModel.query(on: app.db).filter(\.$username == username).first())
        return try await app.fixtures.session(for: user)
    }

    func openCase(of teamName: String, _ app: Application) async throws -> UUID {
        let team = try #require(try await TeamModel.query(on: app.db).filter(\.$name == teamName).first())
        let allocation = try #require(try await AllocationModel.query(on: app.db).filter(\.$team.$id == team.id!).filter(\.$endedOn == nil).first())
        return allocation.$person.id
    }

    func completeAudit(person: UUID, comment: String = "Seen alone twice; wishes recorded") -> [(String, String)] {
        [("person", person.uuidString), ("date", "20 11 2026"),
         ("grade0", "good"), ("comment0", comment), ("grade1", "requiresImprovement"), ("comment1", "No analysis of the father's role"),
         ("grade2", "good"), ("grade3", "inadequate"), ("comment3", "No supervision recorded for 3 months"),
         ("overall", "requiresImprovement"), ("summary", ""),
         ("actionText0", "Record supervision and direction"), ("actionOwner0", "Grace Okafor"), ("actionDue0", "4 12 2026")]
    }

    @Test func aManagerAuditsACaseInTheTeamAndTheResultsRollUp() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 30)
            let manager = try await demoSession(app, "manager")
            let person = try await openCase(of: "Assessment Team North", app)
            let form = try await app.pageBody("/audits/new?person=\(person)", as: manager)
            #expect(form.contains("Voice of the child") && form.contains("Management oversight"))

            // Missing grades come back with the text the manager typed and a message per field.
            var fields = completeAudit(person: person, comment: "Seen alone <twice>")
            fields.removeAll { $0.0 == "grade2" || $0.0 == "overall" || $0.0 == "comment1" }
            let bad = try await app.postForm("/audits", as: manager, fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Seen alone &lt;twice&gt;"))
            #expect(bad.body.string.contains("Choose a grade for planning"))
            #expect(bad.body.string.contains("Choose an overall grade"))
            #expect(bad.body.string.contains("Say why assessment quality requires improvement"))
            #expect(bad.body.string.contains("No supervision recorded for 3 months"))
            #expect(try await CaseAuditModel.query(on: app.db).count() == 0)

            // Below good with no action is refused too.
            let noAction = try await app.postForm("/audits", as: manager,
                                                  completeAudit(person: person).filter { !$0.0.hasPrefix("action") })
            #expect(noAction.status == .unprocessableEntity)
            #expect(noAction.body.string.contains("Set at least one action"))

            let saved = try await app.postForm("/audits", as: manager, completeAudit(person: person))
            #expect(saved.status == .seeOther)
            let audit = try #require(try await CaseAuditModel.query(on: app.db).first())
            #expect(audit.overall == .requiresImprovement)
            #expect(audit.sections.map(\.grade) == [.good, .requiresImprovement, .good, .inadequate])
            #expect(audit.actions == [CaseAuditAction(text: "Record supervision and direction", owner: "Grace Okafor", due: Day(iso: "2026-12-04")!)])
            let events = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.caseAudited.rawValue).all()
            #expect(events.count == 1 && events.first?.subjectID == person)

            let shown = try await app.pageBody("/audits/\(audit.id!)", as: manager)
            #expect(shown.contains("No analysis of the father&#39;s role") || shown.contains("No analysis of the father's role"))
            #expect(shown.contains("Grace Okafor"))

            let index = try await app.pageBody("/audits", as: manager)
            #expect(index.contains("Assessment Team North"))
            #expect(index.contains("<svg"))
            // The team's one audit requires improvement: its whole bar is that grade.
            #expect(index.contains("<title>Requires improvement: 100%</title>"))
            #expect(index.contains("<title>Inadequate: 100%</title>") && index.contains("<title>Good: 100%</title>"))
            #expect(!index.contains("<title>Outstanding:"))
            #expect(index.contains("/audits/\(audit.id!)"))
            try await app.testing().test(.GET, "/audits?format=csv&table=themes", headers: manager.headers) { res in
                #expect(res.headers.contentType?.subType == "csv")
                let lines = res.body.string.split(separator: "\r\n")
                #expect(lines.first?.hasPrefix("\"Theme\",\"Outstanding\",\"Outstanding (share)\",\"Good\"") == true)
                #expect(lines.contains { $0.hasPrefix("\"Management oversight\",\"0\",\"0%\",\"0\",\"0%\",\"0\",\"0%\",\"1\",\"100%\",\"1\",\"0%\"") })
            }
            try await app.testing().test(.GET, "/audits?format=csv&table=teams", headers: manager.headers) { res in
                #expect(res.body.string.contains("\"Assessment Team North\",\"0\",\"0%\",\"0\",\"0%\",\"1\",\"100%\""))
            }
            let stale = try await app.fixtures.session(for: manager.user, authenticatedAt: Date().addingTimeInterval(-3600))
            try await app.testing().test(.GET, "/audits?format=csv&table=teams", headers: stale.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/confirm-identity?next=") == true)
            }
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.reportExported.rawValue).count() == 2)
            // Another team's manager cannot audit the case, see the audit or find it in the list.
            let other = try await demoSession(app, "sgmanager")
            #expect(try await app.status(of: "/audits/new?person=\(person)", as: other) == .forbidden)
            #expect(try await app.status(of: "/audits/\(audit.id!)", as: other) == .forbidden)
            #expect(try await app.postForm("/audits", as: other, completeAudit(person: person)).status == .forbidden)
            #expect(try await CaseAuditModel.query(on: app.db).count() == 1)
            #expect(!(try await app.pageBody("/audits", as: other)).contains("/audits/\(audit.id!)"))
            // A service leader sees every audit.
            let leader = try await demoSession(app, "leader")
            #expect((try await app.pageBody("/audits", as: leader)).contains("/audits/\(audit.id!)"))
        }
    }

    @Test func theAppDrawsARandomSampleOfTheTeamsOwnCases() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Assessment Team North")
            let elsewhere = try await app.fixtures.team("Safeguarding Team South", kind: .safeguarding)
            let manager = try await app.fixtures.signedIn("manager1", roles: [.teamManager], team: team)
            var ours = Set<UUID>()
            for n in 1...6 {
                let child = try await app.fixtures.child("Child\(n)", "Sample", reference: "S-\(n)")
                try await AllocationModel(personID: child.id!, teamID: n == 6 ? elsewhere.id! : team.id!, workerID: nil,
                                          startedOn: Day(iso: "2026-01-05")!).create(on: app.db)
                if n < 6 { ours.insert(child.id!) }
            }
            let page = try await app.pageBody("/audits/new?draw=1&size=3&status=open", as: manager)
            let drawn = page.components(separatedBy: "/audits/new?person=").dropFirst().compactMap { UUID(uuidString: String($0.prefix(36))) }
            #expect(drawn.count == 3 && Set(drawn).count == 3)
            #expect(Set(drawn).isSubset(of: ours))
            // Closed cases: none yet in this team.
            #expect((try await app.pageBody("/audits/new?draw=1&size=3&status=closed", as: manager)).contains("no such cases"))
            // A closed case belongs to the team that last held it: its manager may audit it, and no one else's may.
            var closed: [UUID] = []
            for (n, holder) in [(1, team), (2, elsewhere)] {
                let child = try await app.fixtures.child("Closed\(n)", "Case", reference: "C-\(n)")
                let earlier = AllocationModel(personID: child.id!, teamID: holder.id == team.id ? elsewhere.id! : team.id!, workerID: nil, startedOn: Day(iso: "2025-01-06")!)
                earlier.endedOn = "2025-06-01"
                try await earlier.create(on: app.db)
                let last = AllocationModel(personID: child.id!, teamID: holder.id!, workerID: nil, startedOn: Day(iso: "2025-06-01")!)
                last.endedOn = "2026-02-02"
                try await last.create(on: app.db)
                try await ChildCaseModel(personID: child.id!).create(on: app.db)
                closed.append(child.id!)
            }
            let closedSample = try await app.pageBody("/audits/new?draw=1&size=5&status=closed", as: manager)
            #expect(closedSample.contains("/audits/new?person=\(closed[0])") && !closedSample.contains("/audits/new?person=\(closed[1])"))
            #expect(try await app.status(of: "/audits/new?person=\(closed[0])", as: manager) == .ok)
            #expect(try await app.status(of: "/audits/new?person=\(closed[1])", as: manager) == .forbidden)
            // A bad size keeps what was typed.
            try await app.testing().test(.GET, "/audits/new?draw=1&size=lots", headers: manager.headers) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("value=\"lots\""))
                #expect(res.body.string.contains("Enter a number of cases from 1 to 20"))
            }
            try await app.testing().test(.GET, "/audits/new?choose=1&reference=NOPE-1", headers: manager.headers) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("value=\"NOPE-1\""))
            }
        }
    }

    @Test func theTemplateIsForAdministratorsAndEveryAuditRouteRefusesOthers() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin1", roles: [.administrator])
            let manager = try await app.fixtures.signedIn("manager1", roles: [.teamManager], team: try await app.fixtures.team())
            let worker = try await app.fixtures.signedIn("worker1", roles: [.socialWorker], team: try await app.fixtures.team())
            let partner = try await app.fixtures.signedIn("police1", roles: [.partnerReferrer])
            let analyst = try await app.fixtures.signedIn("numbers1", roles: [.analyst])
            let page = try await app.pageBody("/admin/audit-template", as: admin)
            #expect(page.contains("Voice of the child") && page.contains("Assessment quality"))

            let bad = try await app.postForm("/admin/audit-template", as: admin, [("title", "Voice of the Child"), ("prompt", "Is the child heard?")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Is the child heard?"))
            #expect(bad.body.string.contains("already has a section with that title"))
            let added = try await app.postForm("/admin/audit-template", as: admin, [("title", "Health and education"), ("prompt", "Are health needs met?")])
            #expect(added.status == .seeOther)
            let template = try await CaseAuditSectionModel.template(on: app.db)
            #expect(template.sections.last == .init(title: "Health and education", prompt: "Are health needs met?"))
            let first = try #require(try await CaseAuditSectionModel.query(on: app.db).sort(\.$position).first())
            #expect(try await app.postForm("/admin/audit-template/\(first.id!)/delete", as: admin, []).status == .seeOther)
            #expect(try await CaseAuditSectionModel.query(on: app.db).count() == 4)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.auditTemplateChanged.rawValue).count() == 2)

            // Managers may audit but not change the template.
            #expect(try await app.status(of: "/admin/audit-template", as: manager) == .forbidden)
            #expect(try await app.postForm("/admin/audit-template", as: manager, [("title", "X"), ("prompt", "Y")]).status == .forbidden)
            let someID = UUID()
            for session in [worker, partner, analyst] {
                for path in ["/audits", "/audits/new", "/audits/\(someID)", "/admin/audit-template"] {
                    #expect(try await app.status(of: path, as: session) == .forbidden, "\(session.user.username) \(path)")
                }
                #expect(try await app.postForm("/audits", as: session, [("person", someID.uuidString)]).status == .forbidden)
            }
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct AuditTests {
    @Test func viewingAChildIsAuditedAndAdministratorsCanSeeWhoLooked() async throws {
        try await withLantern { app in
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            let team = try await app.fixtures.team()
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            try await app.testing().test(.GET, "/children/\(child.id!)", headers: worker.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Amelia Nowak"))
            }
            let views = try await AuditEventModel.query(on: app.db)
                .filter(\.$action == AuditAction.personViewed.rawValue).filter(\.$subjectID == child.id).all()
            #expect(views.count == 1)
            #expect(views.first?.actorUsername == "sam")
            #expect(views.first?.summary.contains("Amelia") == false)
            try await app.testing().test(.GET, "/admin/audit?person=\(child.id!)", headers: admin.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("sam"))
                #expect(res.body.string.contains("person.view"))
            }
            try await app.testing().test(.GET, "/admin/audit?user=sam", headers: admin.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Amelia Nowak (L1000001)"))
            }
            try await app.testing().test(.GET, "/admin/audit?person=\(child.id!)", headers: worker.headers) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test func theDatabaseRefusesToChangeOrDeleteAuditLines() async throws {
        try await withLantern { app in
            try await AuditLog.record(.personViewed, on: app.db, request: nil, actor: (nil, "tester"), summary: "test line")
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_events SET summary = 'changed'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_events").run()
            }
            let kept = try await AuditEventModel.query(on: app.db).filter(\.$summary == "test line").count()
            #expect(kept == 1)
        }
    }

    @Test func anAuditLineRollsBackWithTheChangeItDescribes() async throws {
        try await withLantern { app in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await app.db.transaction { db in
                    try await AuditLog.record(.personUpdated, on: db, request: nil, actor: (nil, "tester"), summary: "doomed")
                    throw Boom()
                }
            }
            let rolledBack = try await AuditEventModel.query(on: app.db).filter(\.$summary == "doomed").count()
            #expect(rolledBack == 0)
        }
    }

    @Test func childrenSearchFindsByNameAndReference() async throws {
        try await withLantern { app in
            _ = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            _ = try await app.fixtures.child("Oliver", "Khan", reference: "L1000002")
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker])
            try await app.testing().test(.GET, "/children?q=nowak", headers: worker.headers) { res in
                #expect(res.body.string.contains("Amelia Nowak"))
                #expect(!res.body.string.contains("Oliver Khan"))
            }
            try await app.testing().test(.GET, "/children?q=L1000002", headers: worker.headers) { res in
                #expect(res.body.string.contains("Oliver Khan"))
            }
        }
    }

    @Test func theAPIListsChildrenForStaff() async throws {
        try await withLantern { app in
            _ = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker])
            try await app.testing().test(.GET, "/api/v1/children", headers: worker.headers) { res in
                #expect(res.status == .ok)
                let page = try res.content.decode(ChildrenAPI.Page.self)
                #expect(page.total == 1)
                #expect(page.items.first?.reference == "L1000001")
            }
        }
    }
}

@Suite struct ConfigTests {
    @Test func defaultsToTheSQLiteFile() throws {
        let config = try LanternConfig.from(environment: [:])
        #expect(config.database == .sqliteFile(path: "lantern.sqlite"))
        #expect(config.secureCookies == false)
        #expect(config.sessionLifetime.idleTimeout == 30 * 60)
    }

    @Test func readsPostgresAndFlags() throws {
        let config = try LanternConfig.from(environment: [
            "DATABASE_URL": "postgres://lantern:secret@db.internal:5433/lantern",
            "LANTERN_SECURE_COOKIES": "1", "LANTERN_SESSION_IDLE_MINUTES": "15",
        ])
        #expect(config.database.isPostgres)
        #expect(config.secureCookies)
        #expect(config.sessionLifetime.idleTimeout == 15 * 60)
        #expect(!config.database.safeDescription.contains("secret"))
    }

    @Test func readsTheAPIRateLimit() throws {
        #expect(try LanternConfig.from(environment: [:]).apiCallsPerMinute == nil)
        #expect(try LanternConfig.from(environment: ["LANTERN_API_CALLS_PER_MINUTE": "60000"]).apiCallsPerMinute == 60000)
    }

    @Test func refusesWhatItCannotUse() {
        #expect(throws: LanternConfig.Problem.self) { try LanternConfig.from(environment: ["DATABASE_URL": "mysql://x/y"]) }
        #expect(throws: LanternConfig.Problem.self) { try LanternConfig.from(environment: ["LANTERN_SECURE_COOKIES": "maybe"]) }
        #expect(throws: LanternConfig.Problem.self) { try LanternConfig.from(environment: ["LANTERN_SESSION_IDLE_MINUTES": "0"]) }
        #expect(throws: LanternConfig.Problem.self) { try LanternConfig.from(environment: ["LANTERN_API_CALLS_PER_MINUTE": "lots"]) }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
import NIOConcurrencyHelpers
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// My work and Team keep what they read until the database's change count for the worker or team
/// moves. These tests prove the counts move for every change the pages show, and only for the
/// teams and workers it touches, on SQLite and PostgreSQL alike.
@Suite struct CaseloadCacheTests {
    struct Owners {
        let names: [String: UUID]

        func counts(on db: any Database) async throws -> [String: Int64] {
            var counts: [String: Int64] = [:]
            for (name, id) in names { counts[name] = try await CaseloadQueries.version(of: id, on: db) }
            return counts
        }

        /// Which owners' counts the change moved.
        func moved(on db: any Database, by change: () async throws -> Void) async throws -> Set<String> {
            let before = try await counts(on: db)
            try await change()
            let after = try await counts(on: db)
            for name in names.keys { #expect(after[name]! >= before[name]!, "\(name)'s count went down") }
            return Set(names.keys.filter { after[$0] != before[$0] })
        }
    }

    @Test func eachChangeThePagesShowMovesTheCountsOfTheTeamsAndWorkersItTouches() async throws {
        try await withLantern { app in
            let north = try await app.fixtures.team("North Team", kind: .assessment)
            let south = try await app.fixtures.team("South Team", kind: .assessment)
            let sam = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: north)
            let boss = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: north)
            let owners = Owners(names: ["north": north.id!, "south": south.id!, "sam": sam.user.id!])
            let db = app.db
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            let other = try await app.fixtures.child("Bea", "Okafor", reference: "L1000002")

            let allocation = AllocationModel(personID: child.id!, teamID: north.id!, workerID: sam.user.id, startedOn: Day(Date()))
            #expect(try await owners.moved(on: db) { try await allocation.create(on: db) } == ["north", "sam"])
            let record = ChildCaseModel(personID: child.id!)
            #expect(try await owners.moved(on: db) { try await record.create(on: db) } == ["north", "sam"])
            record.stage = "Assessment"
            #expect(try await owners.moved(on: db) { try await record.save(on: db) } == ["north", "sam"])
            child.givenName = "Amy"
            #expect(try await owners.moved(on: db) { try await child.save(on: db) } == ["north", "sam"])
            #expect(try await owners.moved(on: db) {
                try await AllocationModel(personID: other.id!, teamID: south.id!, workerID: nil, startedOn: Day(Date())).create(on: db)
            } == ["south"])
            #expect(try await owners.moved(on: db) {
                try await SupervisionModel(workerID: sam.user.id!, supervisorID: boss.user.id!, heldOn: Day(Date()), cases: [child.id!],
                                           notes: "Discussed the assessment").create(on: db)
            } == ["north"])
            #expect(try await owners.moved(on: db) {
                try await CaseloadWeightsModel(weights: CaseloadWeights(childProtection: 3, lookedAfter: 2, careLeaver: 1,
                                                                        childInNeed: 1, assessment: 1)).create(on: db)
            } == ["north", "south", "sam"])
            // A change that is rolled back moves nothing.
            #expect(try await owners.moved(on: db) {
                _ = try? await db.transaction { tx in
                    other.givenName = "Beatrice"
                    try await other.save(on: tx)
                    throw TestSetupError("roll back")
                }
            } == [])
            // Sam moves to the South Team, still holding Amelia's case, which the North Team holds.
            sam.user.$team.id = south.id
            #expect(try await owners.moved(on: db) { try await sam.user.save(on: db) } == ["north", "south"])
            allocation.endedOn = Day(Date()).iso
            #expect(try await owners.moved(on: db) { try await allocation.save(on: db) } == ["north", "sam"])
        }
    }

    @Test func thePagesShowAChangeMadeAfterTheyWereLastRead() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let sam = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let boss = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let amelia = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            let bea = try await app.fixtures.child("Bea", "Okafor", reference: "L1000002")
            try await AllocationModel(personID: amelia.id!, teamID: team.id!, workerID: sam.user.id, startedOn: Day(Date())).create(on: app.db)
            // Bea waits in the team's unallocated list, which the Team page lists by name.
            try await AllocationModel(personID: bea.id!, teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            try await app.testing().test(.GET, "/my-work", headers: sam.headers) { res in
                #expect(res.body.string.contains("Amelia Nowak"))
            }
            try await app.testing().test(.GET, "/team", headers: boss.headers) { res in
                #expect(res.body.string.contains("Bea Okafor"))
                #expect(res.body.string.contains("Unallocated (1)"))
            }
            // Changed without going through any page, as a merge or an import would.
            amelia.givenName = "Amy"
            try await amelia.save(on: app.db)
            bea.givenName = "Beatrice"
            try await bea.save(on: app.db)
            try await AllocationModel(personID: try await app.fixtures.child("Cal", "Reid", reference: "L1000003").requireID(),
                                      teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            try await app.testing().test(.GET, "/my-work", headers: sam.headers) { res in
                #expect(res.body.string.contains("Amy Nowak"))
                #expect(!res.body.string.contains("Amelia Nowak"))
            }
            try await app.testing().test(.GET, "/team", headers: boss.headers) { res in
                #expect(res.body.string.contains("Beatrice Okafor"))
                #expect(!res.body.string.contains("Bea Okafor"))
                #expect(res.body.string.contains("Unallocated (2)"))
                #expect(res.body.string.contains("Cal Reid"))
            }
        }
    }

    @Test func dataOnThePagesIsEscaped() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Team <North> & \"East\"")
            let sam = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let boss = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let child = try await app.fixtures.child("<script>alert(1)</script>", "O'Brien", reference: "L1000001")
            let waiting = try await app.fixtures.child("<b>Bold</b>", "Smith & Sons", reference: "L1000002")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: sam.user.id, startedOn: Day(Date())).create(on: app.db)
            try await AllocationModel(personID: waiting.id!, teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            try await app.testing().test(.GET, "/my-work", headers: sam.headers) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("<script>alert(1)</script>"))
                #expect(res.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien"))
            }
            try await app.testing().test(.GET, "/team", headers: boss.headers) { res in
                #expect(res.status == .ok)
                #expect(!res.body.string.contains("<b>Bold</b>"))
                #expect(res.body.string.contains("&lt;b&gt;Bold&lt;/b&gt; Smith &amp; Sons"))
                #expect(res.body.string.contains("<h1 class=\"heading-l\">Team &lt;North&gt; &amp; &quot;East&quot;</h1>"))
            }
        }
    }

    @Test func aKeptLayoutFrameGivesTheSamePageAsLeafRenderingIt() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let sam = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let boss = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let child = try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001")
            try await AllocationModel(personID: child.id!, teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: app.db)
            for (path, session) in [("/my-work", sam), ("/team", boss)] {
                app.leaf.cache.isEnabled = false
                let rendered = try await app.testing().sendRequest(.GET, path, headers: session.headers).body.string
                app.leaf.cache.isEnabled = true   // as in production: frames are kept
                let first = try await app.testing().sendRequest(.GET, path, headers: session.headers).body.string
                let kept = try await app.testing().sendRequest(.GET, path, headers: session.headers).body.string
                #expect(rendered.contains("</html>") && rendered.contains("Sign out"))
                #expect(first == rendered)
                #expect(kept == rendered)
            }
        }
    }

    @Test func peopleWhoFindTheirCopyOutOfDateTogetherWaitForOneRead() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team()
            let cache = VersionedCache<Int>()
            let reads = NIOLockedValueBox(0)
            let db = app.db
            let load: @Sendable () async throws -> Int = {
                let n = reads.withLockedValue { $0 += 1; return $0 }
                try await Task.sleep(for: .milliseconds(50))
                return n
            }
            func thirtyAtOnce() async throws -> [Int] {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<30 { group.addTask { try await cache.value(for: team.id!, on: db, load: load) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            #expect(try await thirtyAtOnce() == Array(repeating: 1, count: 30))
            #expect(try await cache.value(for: team.id!, on: db, load: load) == 1)
            try await AllocationModel(personID: try await app.fixtures.child("Amelia", "Nowak", reference: "L1000001").requireID(),
                                      teamID: team.id!, workerID: nil, startedOn: Day(Date())).create(on: db)
            #expect(try await thirtyAtOnce() == Array(repeating: 2, count: 30))
            #expect(reads.withLockedValue { $0 } == 2)
        }
    }
}

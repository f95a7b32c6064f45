import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The benchmark commands' arithmetic and machinery. The benchmarks themselves print figures and
/// are never run as tests.
@Suite struct BenchTests {
    @Test func percentilesAreNearestRank() {
        let hundred = LatencySample(milliseconds: (1...100).map(Double.init).shuffled())
        #expect(hundred.count == 100)
        #expect(hundred.p50 == 50)
        #expect(hundred.p95 == 95)
        #expect(hundred.p99 == 99)
        #expect(hundred.percentile(100) == 100)
        let four = LatencySample(milliseconds: [40, 10, 30, 20])
        #expect(four.p50 == 20)      // rank ceil(0.5 × 4) = 2
        #expect(four.p95 == 40)      // rank ceil(0.95 × 4) = 4
        #expect(LatencySample(milliseconds: [7]).p99 == 7)
        #expect(LatencySample(milliseconds: []).p50 == nil)
    }

    @Test func durationsBecomeMilliseconds() {
        let sample = LatencySample([.seconds(1), .milliseconds(250), .microseconds(1500)])
        #expect(sample.milliseconds == [1.5, 250, 1000])
    }

    @Test func tablesAlignNamesLeftAndFiguresRight() {
        var table = BenchTable(["Screen", "Who", "p50 ms"], textColumns: 2)
        table.add(["My work", "worker", BenchTable.ms(12.345)])
        table.add(["Team", "a manager", BenchTable.ms(nil)])
        #expect(table.text == """
            Screen   Who        p50 ms
            -------  ---------  ------
            My work  worker       12.3
            Team     a manager       -
            """)
    }

    @Test func thePagesBenchmarkSignsInRealUsersWithoutPasswordsAndCleansUp() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 20)
            let cast = try await BenchCast.choose(on: app.db)
            let open = try await AllocationModel.query(on: app.db).filter(\.$endedOn == nil).all()
            let mostAllocated = Dictionary(grouping: open.compactMap(\.$worker.id), by: { $0 }).values.map(\.count).max()
            #expect(cast.workerChildren.count == mostAllocated)
            #expect(cast.worker.roles.contains(.socialWorker) && cast.manager.roles.contains(.teamManager))
            #expect(cast.frontDoor.roles.contains(.frontDoor))
            let sessions = try await BenchSessions.mint(for: [cast.worker, cast.manager, cast.frontDoor, cast.leader], on: app.db)
            let screens = try PagesBenchCommand.screens(cast, sessions: sessions, sql: try #require(app.db as? any SQLDatabase))
            #expect(screens.map(\.name) == ["My work", "Team", "Child page", "Front door queue", "Performance"])
            for screen in screens {
                try await screen.baseline()
                let cookie: HTTPHeaders = ["Cookie": "\(StaffSessionMiddleware.cookieName)=\(screen.session)"]
                try await app.testing().test(.GET, screen.path(), headers: cookie) { res in
                    #expect(res.status == .ok, "\(screen.name) as \(screen.username)")
                }
            }
            // The colleagues' changes made during the run move the counts the pages check.
            for (screen, owner) in [(screens[0], cast.worker.id!), (screens[1], cast.manager.$team.id!)] {
                let change = try #require(screen.change, "\(screen.name) has changes")
                let before = try await CaseloadQueries.version(of: owner, on: app.db)
                try await change()
                #expect(try await CaseloadQueries.version(of: owner, on: app.db) > before, "\(screen.name)")
            }
            #expect(screens[2...].allSatisfy { $0.change == nil })
            try await BenchSessions.delete(sessions, on: app.db)
            #expect(try await UserSessionModel.query(on: app.db).count() == 0)
            let myWork = screens[0]
            try await app.testing().test(.GET, myWork.path(), headers: ["Cookie": "\(StaffSessionMiddleware.cookieName)=\(myWork.session)"]) { res in
                #expect(res.status != .ok)
            }
        }
    }

    @Test func theIngestBenchmarkSendsContactsTheAPIAcceptsAndRemovesItsBaselineRows() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 10)
            let partner = try #require(try await StaffUserModel.query(on: app.db).all().first { $0.roles.contains(.partnerReferrer) })
            let token = SessionTokens.random()
            try await APITokenModel(userID: partner.id!, tokenHash: SessionTokens.hash(token), name: BenchDatabase.tokenName, createdAt: Date()).create(on: app.db)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            let before = try await ContactModel.query(on: app.db).count()
            let bodies = try IngestBenchCommand.bodies(8, seed: 7)
            #expect(bodies.count == 8)
            for body in bodies {
                let res = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(data: body))
                #expect(res.status == .created, "\(res.body.string)")
            }
            #expect(try await ContactModel.query(on: app.db).count() == before + 8)
            let baseline = try await IngestBenchCommand.baseline(3, users: 2, on: app.db)
            #expect(baseline.sample.count == 3 && baseline.errors == 0, "\(baseline.firstError ?? "")")
            #expect(try await ContactModel.query(on: app.db).count() == before + 8)
        }
    }
}

import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct CalendarTests {
    @Test func closureDaysEnteredByAnAdministratorStopTheClocks() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            let before = try await app.calendarCache.calendar(on: app.db)
            let closure = Day(iso: "2026-12-29")!
            #expect(before.isWorkingDay(closure))
            let bad = try await app.testing().sendRequest(.POST, "/admin/calendar", headers: HTTPHeaders.form.merging(admin.headers),
                                                          body: formBody([("_csrf", admin.csrf), ("date", "31/04/2026"), ("kind", "closure"), ("name", "Christmas closure")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("That date does not exist"))
            #expect(bad.body.string.contains("value=\"Christmas closure\""))
            let good = try await app.testing().sendRequest(.POST, "/admin/calendar", headers: HTTPHeaders.form.merging(admin.headers),
                                                           body: formBody([("_csrf", admin.csrf), ("date", "29/12/2026"), ("kind", "closure"), ("name", "Christmas closure")]))
            #expect(good.status == .seeOther)
            let after = try await app.calendarCache.calendar(on: app.db)
            #expect(!after.isWorkingDay(closure))
            #expect(after.addingWorkingDays(1, to: Day(iso: "2026-12-24")!) == Day(iso: "2026-12-30"))
            try await app.testing().test(.GET, "/admin/calendar?year=2026", headers: admin.headers) { res in
                #expect(res.body.string.contains("Christmas closure"))
                #expect(res.body.string.contains("Boxing Day (substitute day)"))
            }
        }
    }

    @Test func aMovedBankHolidayMovesTheClock() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin", roles: [.administrator])
            _ = try await app.testing().sendRequest(.POST, "/admin/calendar", headers: HTTPHeaders.form.merging(admin.headers),
                                                    body: formBody([("_csrf", admin.csrf), ("date", "2027-06-07"), ("kind", "movedBankHoliday"),
                                                                    ("name", "Spring bank holiday (moved)"), ("movedFrom", "2027-05-31")]))
            let calendar = try await app.calendarCache.calendar(on: app.db)
            #expect(calendar.isWorkingDay(Day(iso: "2027-05-31")!))
            #expect(!calendar.isWorkingDay(Day(iso: "2027-06-07")!))
        }
    }
}

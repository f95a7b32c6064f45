import Fluent
import Foundation
import LanternCore
import LanternReturns
@testable import LanternStore
@testable import LanternWeb
import SQLKit
import Testing
import Vapor

/// The statutory returns read only the case records a year can include, found by the span
/// columns; they must give exactly the return that reading every record gives.
@Suite struct CaseRecordSpanTests {
    @Test func theCINCensusFromTheRecordsItNeedsIsTheCensusFromAll() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 60)
            let calendar = try await app.calendarCache.calendar(on: app.db)
            let isWorkingDay: WorkingDayTest = { calendar.isWorkingDay($0) }
            let all = try await ReturnsQueries.childCases(on: app.db)
            let today = Day(Date())
            var included = 0
            for endYear in (today.year - 3)...(today.year + 1) {
                let year = CollectionYear(endingIn: endYear)
                let now = Date()
                let export = try await StatutoryReturns.cinCensus(year: year, on: app.db, calendar: calendar, now: now)
                let header = CINHeader(collectionYear: year, laNumber: export.input.header.laNumber, release: "1", serialNumber: "001",
                                       generatedAt: LocalDateTime(now))
                let fromAll = CINCensusBuilder.build(StatutoryReturns.cinSources(all), header: header, isWorkingDay: isWorkingDay)
                #expect(CINCensusXML.render(export.input) == CINCensusXML.render(fromAll), "\(year)")
                let read = try await ReturnsQueries.childCases(.episodesOverlapping(from: year.start, to: year.end), on: app.db)
                #expect(read.count <= all.count)
                included += fromAll.children.count
            }
            #expect(included > 0)
            // The SSDA903 reads the children ever looked after, and that is every record with care.
            let lookedAfter = try await ReturnsQueries.childCases(.everLookedAfter, on: app.db)
            #expect(!lookedAfter.isEmpty)
            #expect(Set(lookedAfter.map(\.person.id)) == Set(all.filter { $0.snapshot.care != nil }.map(\.person.id)))
        }
    }

    @Test func theMigrationFillsTheSpanOfRecordsAlreadyStored() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 20)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(ChildCaseModel.schema).set("first_referral_on", to: SQLLiteral.null)
                .set("episodes_closed_on", to: SQLLiteral.null).set("ever_looked_after", to: false).run()
            try await AddCaseRecordSpans.fill(on: app.db)
            let records = try await ChildCaseModel.query(on: app.db).all()
            #expect(records.count > 10)
            #expect(records.contains { $0.everLookedAfter } && records.contains { $0.episodesClosedOn != nil })
            for record in records {
                let span = try record.snapshot().span
                #expect(record.firstReferralOn == span.firstReferral?.iso)
                #expect(record.episodesClosedOn == span.episodesClosed?.iso)
                #expect(record.everLookedAfter == span.everLookedAfter)
            }
        }
    }
}

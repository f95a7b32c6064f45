import Fluent
import Foundation
import LanternCore
import LanternReturns
import SQLKit
import Vapor

/// `lantern bench returns`: how long each statutory return takes from the store, through the same
/// functions as `lantern returns`, against reading the same rows with raw SQL.
struct ReturnsBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The collection year, named by its end (default this calendar year, as `lantern returns`)")
        var year: Int?
    }

    var help: String { "Seconds to produce the CIN census, the SSDA903 and Annex A, and the ratio to reading their rows with raw SQL." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.warnIfDebugBuild()
        let app = context.application
        guard let sql = app.db as? any SQLDatabase else { throw BenchError("The database does not speak SQL.") }
        let year = CollectionYear(endingIn: signature.year ?? Day(Date()).year)
        // Annex A covers the 12 months to its extract date: the end of the year, or today if sooner.
        let extract = min(year.end, Day(Date()))
        let calendar = try await app.calendarCache.calendar(on: app.db)
        var table = BenchTable(["Return", "What", "Seconds", "SQL seconds", "Return/SQL"], textColumns: 2)

        let (cin, cinTime) = try await Self.time { try await StatutoryReturns.cinCensus(year: year, on: app.db, calendar: calendar) }
        let cinSQL = try await Self.time { try await Self.caseRows(sql) }.1
        table.add(Self.row("CIN census \(year)", "\(cin.input.children.count) children, \(cin.xml.utf8.count / 1024) KB XML", cinTime, cinSQL))

        let (ssda903, ssda903Time) = try await Self.time { try await StatutoryReturns.ssda903(year: year, on: app.db) }
        let ssda903SQL = try await Self.time {
            try await Self.caseRows(sql)
            _ = try await sql.raw("""
                SELECT a.person_id, a.started_on, a.ended_on, a.change_reason, s.social_worker_number
                FROM allocations a JOIN staff_users s ON s.id = a.worker_id
                """).all()
        }.1
        table.add(Self.row("SSDA903 \(year)", "\(ssda903.input.headers.count) children, \(ssda903.files.count) CSV files", ssda903Time, ssda903SQL))

        let (annexA, annexATime) = try await Self.time { try await StatutoryReturns.annexAWorkbook(extractDate: extract, on: app.db) }
        let annexASQL = try await Self.time {
            try await Self.caseRows(sql)
            _ = try await sql.raw("SELECT s.person_id, s.sex, s.date_of_birth, c.reference, c.received_on, c.source_code FROM contact_subjects s JOIN contacts c ON c.id = s.contact_id").all()
            _ = try await sql.raw("SELECT l.person_id, e.* FROM early_help_children l JOIN early_help_episodes e ON e.id = l.episode_id").all()
            _ = try await sql.raw("""
                SELECT a.person_id, t.name, s.display_name FROM allocations a JOIN teams t ON t.id = a.team_id
                LEFT JOIN staff_users s ON s.id = a.worker_id WHERE a.ended_on IS NULL
                """).all()
        }.1
        table.add(Self.row("Annex A to \(extract.iso)", "\(annexA.input.contacts.count) contacts, \(annexA.workbook.count / 1024) KB workbook", annexATime, annexASQL))

        context.console.print("Statutory returns from \(app.lanternConfig.database.safeDescription) (target: CIN census under 5 s for a city year):")
        context.console.print(table.text)
    }

    /// Every child's case and person: the rows all three returns start from.
    private static func caseRows(_ sql: any SQLDatabase) async throws {
        _ = try await sql.raw("""
            SELECT c.snapshot, p.reference, p.date_of_birth, p.expected_date_of_birth, p.sex, p.ethnicity, p.upn, p.postcode
            FROM child_cases c JOIN people p ON p.id = c.person_id
            """).all()
    }

    private static func time<T>(_ work: () async throws -> T) async throws -> (T, Double) {
        let began = ContinuousClock.now
        let value = try await work()
        return (value, LatencySample.milliseconds(of: ContinuousClock.now - began) / 1000)
    }

    private static func row(_ name: String, _ what: String, _ seconds: Double, _ sqlSeconds: Double) -> [String] {
        [name, what, String(format: "%.3f", seconds), String(format: "%.3f", sqlSeconds), BenchTable.decimal(seconds / max(sqlSeconds, 0.000_001)) + "x"]
    }
}

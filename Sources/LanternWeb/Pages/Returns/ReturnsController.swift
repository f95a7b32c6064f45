import Fluent
import Foundation
import LanternCore
import LanternReturns
import LanternStore
import Vapor

/// `/returns`: the statutory returns for analysts: Lantern's pre-submission checks, each problem
/// linking to the child's record to fix it, and the file to download.
struct ReturnsController {
    static let users: Set<Role> = [.analyst, .serviceLeader, .administrator]

    struct IssueRow: Encodable {
        let childID: String
        let personID: UUID?
        let severity: String
        let rule: String
        let message: String
    }

    struct Page: Encodable {
        let chrome: Chrome
        let year: Int
        let years: [Int]
        let children: Int
        let errors: Int
        let queries: Int
        let issues: [IssueRow]
        let lookedAfter: Int
        let lookedAfterIssues: [IssueRow]
        let extractDate: String
    }

    func register(_ routes: LanternRoutes) {
        routes.get("returns", access: .roles(Self.users), use: show)
        routes.get("returns", "cin.xml", access: .roles(Self.users), reauthenticate: true, use: download)
        routes.get("returns", "ssda903.zip", access: .roles(Self.users), reauthenticate: true, use: downloadSSDA903)
        routes.get("returns", "annex-a.xlsx", access: .roles(Self.users), reauthenticate: true, use: downloadAnnexA)
    }

    private func year(_ req: Request) -> CollectionYear {
        let today = Day(Date())
        // The latest complete collection year ends on the last 31 March.
        let latest = today.month >= 4 ? today.year : today.year - 1
        return CollectionYear(endingIn: req.query[Int.self, at: "year"].map { min(max($0, 2015), latest + 1) } ?? latest)
    }

    @Sendable func show(req: Request) async throws -> View {
        let year = year(req)
        let export = try await StatutoryReturns.cinCensus(year: year, on: req.db, calendar: try await req.workingDays())
        let ssda903 = try await StatutoryReturns.ssda903(year: year, on: req.db)
        let issues = try await rows(export.issues, on: req.db)
        let today = Day(Date())
        let latest = today.month >= 4 ? today.year : today.year - 1
        return try await req.view.render("returns/index", Page(
            chrome: Chrome(request: req, title: "Statutory returns"), year: year.endYear, years: Array((latest - 3)...(latest + 1)).reversed(),
            children: export.input.children.count, errors: issues.filter { $0.severity == "Error" }.count,
            queries: issues.filter { $0.severity == "Query" }.count, issues: issues,
            lookedAfter: ssda903.input.headers.count, lookedAfterIssues: try await rows(ssda903.issues, on: req.db), extractDate: today.iso))
    }

    /// Each problem with a link to the child's record, where the reference is a child's.
    private func rows(_ issues: [ReturnIssue], on db: any Database) async throws -> [IssueRow] {
        let references = Array(Set(issues.map(\.childID)))
        let people = references.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$reference ~~ references).all()
        let byReference = Dictionary(people.map { ($0.reference, $0.id!) }, uniquingKeysWith: { a, _ in a })
        return issues.map {
            IssueRow(childID: $0.childID, personID: byReference[$0.childID], severity: $0.severity == .error ? "Error" : "Query",
                     rule: $0.rule ?? "", message: $0.message)
        }
    }

    @Sendable func downloadSSDA903(req: Request) async throws -> Response {
        let year = year(req)
        let export = try await StatutoryReturns.ssda903(year: year, on: req.db)
        var zip = ZipArchive()
        for (name, text) in export.files.sorted(by: { $0.key < $1.key }) { zip.add(path: name, text: text) }
        try await AuditLog.record(.reportExported, on: req.db, request: req,
                                  summary: "Downloaded the SSDA903 \(year.endYear) (\(export.input.headers.count) children)")
        let response = Response(status: .ok, body: .init(data: zip.data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"ssda903-\(year.endYear).zip\"")
        return response
    }

    @Sendable func downloadAnnexA(req: Request) async throws -> Response {
        let today = Day(Date())
        let extract = (req.query[String.self, at: "date"]).flatMap { Day(iso: $0) }.map { min($0, today) } ?? today
        let (_, workbook) = try await StatutoryReturns.annexAWorkbook(extractDate: extract, on: req.db)
        try await AuditLog.record(.reportExported, on: req.db, request: req,
                                  summary: "Downloaded Annex A for the 12 months to \(extract.iso)")
        let response = Response(status: .ok, body: .init(data: workbook))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"annex-a-\(extract.iso).xlsx\"")
        return response
    }

    @Sendable func download(req: Request) async throws -> Response {
        let year = year(req)
        let export = try await StatutoryReturns.cinCensus(year: year, on: req.db, calendar: try await req.workingDays())
        try await AuditLog.record(.reportExported, on: req.db, request: req,
                                  summary: "Downloaded the CIN census \(year.endYear) (\(export.input.children.count) children)")
        let response = Response(status: .ok, body: .init(string: export.xml))
        response.headers.contentType = .xml
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"cin-census-\(year.endYear).xml\"")
        return response
    }
}

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
    }

    func register(_ routes: LanternRoutes) {
        routes.get("returns", access: .roles(Self.users), use: show)
        routes.get("returns", "cin.xml", access: .roles(Self.users), reauthenticate: true, use: download)
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
        let references = Array(Set(export.issues.map(\.childID)))
        let people = references.isEmpty ? [] : try await PersonModel.query(on: req.db).filter(\.$reference ~~ references).all()
        let byReference = Dictionary(people.map { ($0.reference, $0.id!) }, uniquingKeysWith: { a, _ in a })
        let issues = export.issues.map {
            IssueRow(childID: $0.childID, personID: byReference[$0.childID], severity: $0.severity == .error ? "Error" : "Query",
                     rule: $0.rule ?? "", message: $0.message)
        }
        let today = Day(Date())
        let latest = today.month >= 4 ? today.year : today.year - 1
        return try await req.view.render("returns/index", Page(
            chrome: Chrome(request: req, title: "Statutory returns"), year: year.endYear, years: Array((latest - 3)...(latest + 1)).reversed(),
            children: export.input.children.count, errors: issues.filter { $0.severity == "Error" }.count,
            queries: issues.filter { $0.severity == "Query" }.count, issues: issues))
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

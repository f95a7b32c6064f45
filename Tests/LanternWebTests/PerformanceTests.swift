import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

@Suite struct PerformanceTests {
    /// The performance facts are read once and then refreshed from the rows that changed.
    @Test func thePerformanceFactsFollowEachChange() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 20)
            let facts = app.insightFacts
            let first = try await facts.current(on: app.db)
            #expect(first.contacts.count == (try await ContactModel.query(on: app.db).count()))
            #expect(first.cases.count == (try await ChildCaseModel.query(on: app.db).count()))
            #expect(try await facts.current(on: app.db).version == first.version, "nothing changed, nothing read again")

            let received = Date()
            try await ContactModel(reference: "C999001", receivedAt: received, receivedOn: Day(received), decisionDueAt: received.addingTimeInterval(86_400),
                                   sourceCode: "6", referrerName: "PC Test", referrerAgency: "police", concerns: "A test contact",
                                   consent: "given", urgency: "routine").create(on: app.db)
            let afterContact = try await facts.current(on: app.db)
            #expect(afterContact.version == first.version + 1)
            #expect(afterContact.contacts.count == first.contacts.count + 1)

            // A case moved to another team is counted there from the next reading.
            let allocation = try #require(try await AllocationModel.query(on: app.db).filter(\.$endedOn == nil).first())
            let otherTeam = try #require(try await TeamModel.query(on: app.db).filter(\.$id != allocation.$team.id).filter(\.$kind == .safeguarding).first())
            allocation.$team.id = try otherTeam.requireID()
            try await allocation.save(on: app.db)
            let afterMove = try await facts.current(on: app.db)
            #expect(afterMove.cases.first { $0.childID == allocation.$person.id }?.teamID == otherTeam.id)
            #expect(afterMove.cases.count == first.cases.count)
        }
    }

    /// The facts are read a page at a time; small pages must give the same facts as one.
    @Test func readingThePerformanceFactsInPagesMissesNothing() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 20)
            let whole = try await InsightQueries.contactFacts(changedSince: nil, on: app.db)
            let paged = try await InsightQueries.contactFacts(changedSince: nil, pageSize: 7, on: app.db)
            #expect(whole.count > 7 * 3)
            #expect(Set(paged.map(\.id)) == Set(whole.map(\.id)) && paged.count == whole.count)
            let cases = try await InsightQueries.caseSnapshots(changedSince: nil, on: app.db)
            let pagedCases = try await InsightQueries.caseSnapshots(changedSince: nil, keeping: \.measuredFacts, pageSize: 5, on: app.db)
            #expect(cases.count > 5 * 3)
            #expect(Dictionary(uniqueKeysWithValues: pagedCases.map { ($0.child, $0.snapshot) })
                    == Dictionary(uniqueKeysWithValues: cases.map { ($0.child, $0.snapshot.measuredFacts) }))
            let teams = try await InsightQueries.holdingTeams(changedSince: nil, on: app.db)
            #expect(teams.count > 3 * 3)
            #expect(try await InsightQueries.holdingTeams(changedSince: nil, pageSize: 3, on: app.db) == teams)
            // What is kept measures the same as the whole record.
            let timescales = StatutoryTimescales(calendar: try await app.calendarCache.calendar(on: app.db))
            let today = Day(Date())
            let period = ReportingPeriod(from: today.adding(years: -3), to: today)
            let full = PerformanceMeasures.compute(contacts: [], cases: cases.map { CaseFacts(childID: $0.child, teamID: nil, snapshot: $0.snapshot) },
                                                   period: period, timescales: timescales)
            let kept = PerformanceMeasures.compute(contacts: [], cases: pagedCases.map { CaseFacts(childID: $0.child, teamID: nil, snapshot: $0.snapshot) },
                                                   period: period, timescales: timescales)
            #expect(full.assessmentsWithin45WorkingDays.of > 0)
            #expect(kept.assessmentsWithin45WorkingDays == full.assessmentsWithin45WorkingDays)
            #expect(kept.reReferralsWithinTwelveMonths == full.reReferralsWithinTwelveMonths)
            #expect(kept.initialConferencesWithin15WorkingDays == full.initialConferencesWithin15WorkingDays)
            #expect(kept.repeatPlansWithinTwoYears == full.repeatPlansWithinTwoYears)
            #expect(kept.childProtectionVisitsInTime == full.childProtectionVisitsInTime)
            #expect(kept.assessmentsWithChildSeen == full.assessmentsWithChildSeen)
        }
    }

    @Test func thePerformancePageShowsTheMeasuresTeamsAndTrend() async throws {
        try await withLantern { app in
            _ = try await DemoCouncil.seed(app: app, password: "harbour falcon thistle", childCount: 60)
            let leader = try await app.fixtures.signedIn("boss-of-bosses", roles: [.serviceLeader])
            let analyst = try await app.fixtures.signedIn("numbers", roles: [.analyst])
            let today = Day(Date())
            let period = ReportingPeriod(from: today.adding(years: -1).adding(days: 1), to: today)
            let expected = PerformanceMeasures.compute(contacts: try await InsightQueries.contactFacts(on: app.db),
                                                       cases: try await InsightQueries.caseFacts(on: app.db), period: period,
                                                       timescales: StatutoryTimescales(calendar: try await app.calendarCache.calendar(on: app.db)))
            #expect(expected.assessmentsWithin45WorkingDays.of > 0)
            var page = ""
            try await app.testing().test(.GET, "/performance", headers: leader.headers) { res in
                #expect(res.status == .ok)
                page = res.body.string
            }
            #expect(page.contains(expected.assessmentsWithin45WorkingDays.label))
            #expect(page.contains("Assessment Team North"))
            #expect(page.contains("Safeguarding Team South"))
            #expect(page.contains("<svg"))
            try await app.testing().test(.GET, "/performance?format=csv", headers: leader.headers) { res in
                #expect(res.headers.contentType?.subType == "csv")
                #expect(res.body.string.hasPrefix("\"Area\",\"Measure\",\"Value\""))
                #expect(res.body.string.contains(expected.assessmentsWithin45WorkingDays.label))
            }
            try await app.testing().test(.GET, "/performance?format=csv&table=teams", headers: analyst.headers) { res in
                #expect(res.body.string.contains("Assessment Team North"))
            }
            let exports = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.reportExported.rawValue).count()
            #expect(exports == 2)
            // Needs analysis: the same assessments, by primary need.
            let needs = NeedsAnalysis.compute(try await ReturnsQueries.childCases(on: app.db).map {
                NeedsFacts(snapshot: $0.snapshot, birthDate: $0.person.birthDate, ethnicity: $0.person.ethnicity, postcodeDistrict: nil)
            }, period: period)
            #expect(needs.assessments == expected.assessmentsWithin45WorkingDays.of)
            try await app.testing().test(.GET, "/performance/needs", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\(needs.assessments) assessments authorised"))
                if let top = needs.primaryNeeds.first { #expect(res.body.string.contains(top.key + ":")) }
            }
            // The analyst's returns page lists Lantern's checks and downloads the census.
            try await app.testing().test(.GET, "/returns?year=2026", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Children in need census 2026"))
                #expect(res.body.string.contains("0 errors"))
            }
            try await app.testing().test(.GET, "/returns/cin.xml?year=2026", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<Collection>CIN</Collection>"))
                #expect(res.headers.first(name: .contentDisposition)?.contains("cin-census-2026.xml") == true)
            }
            try await app.testing().test(.GET, "/returns/ssda903.zip?year=2026", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.readableBytesView.starts(with: Array("PK".utf8)))
                #expect(res.body.string.contains("Episodes.csv"))
            }
            try await app.testing().test(.GET, "/returns/annex-a.xlsx", headers: analyst.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.readableBytesView.starts(with: Array("PK".utf8)))
                #expect(res.headers.first(name: .contentDisposition)?.contains("annex-a-") == true)
            }
            let exported = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.reportExported.rawValue).all().map(\.summary)
            #expect(exported.contains { $0.contains("SSDA903") } && exported.contains { $0.contains("Annex A") })
            // The children behind a figure: names for leaders, references only for analysts.
            let late = expected.assessmentsWithin45WorkingDays.children
            if let first = late.first, let person = try await PersonModel.find(first, on: app.db) {
                let query = "measure=lateAssessments&from=\(period.from.iso)&to=\(period.to.iso)"
                try await app.testing().test(.GET, "/performance/children?\(query)", headers: leader.headers) { res in
                    #expect(res.body.string.contains(person.fullName))
                }
                try await app.testing().test(.GET, "/performance/children?\(query)", headers: analyst.headers) { res in
                    #expect(res.body.string.contains(person.reference))
                    #expect(!res.body.string.contains(person.fullName))
                }
            }
        }
    }
}

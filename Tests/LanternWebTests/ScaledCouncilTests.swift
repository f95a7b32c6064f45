import Fluent
import Foundation
import LanternCore
import LanternReturns
import LanternStore
import LanternSynthetic
import LanternTestSupport
@testable import LanternWeb
import Testing
import Vapor

/// `lantern demo --scale council|city`, scaled down to a few thousand contacts so it runs in
/// seconds: what it writes is what the generator promised, through the store's own rules, and
/// its statutory returns pass the DfE's validators.
@Suite(.timeLimit(.minutes(10)))
struct ScaledCouncilTests {
    static func shape() -> CouncilShape {
        var shape = CouncilShape.preset(.council)!
        shape.contactsPerYear = 700
        shape.years = 3
        return shape
    }

    @Test func aGeneratedCouncilLoadsAsPlannedAndItsReturnsPassTheDfERules() async throws {
        try await withLantern { app in
            let shape = Self.shape()
            let loaded = try await ScaledCouncil.seed(app: app, shape: shape, seed: 11, password: "harbour falcon thistle",
                                                      adminTOTPSecret: nil, progress: { _ in })
            #expect(loaded.refusedCases == 0)
            #expect(loaded.refusedEarlyHelp == 0)
            let census = try await CouncilCensus.count(shape, today: Day(Date()), on: app.db)
            #expect(census.allWithinTarget, "\(census.table)")
            #expect(try await StaffUserModel.query(on: app.db).count() == shape.staffCount)
            #expect(try await TeamModel.query(on: app.db).count() == shape.teamCount)
            let contacts = try await ContactModel.query(on: app.db).count()
            #expect(contacts >= shape.contactsPerYear * shape.years && contacts < shape.contactsPerYear * shape.years + 6)
            #expect(try await ContactSubjectModel.query(on: app.db).count() == contacts)

            // The small demo's accounts stand in for generated staff, so there is someone to sign in as.
            let worker = try #require(try await StaffUserModel.query(on: app.db).filter(\.$username == "worker").with(\.$team).first())
            #expect(worker.team?.kind == .assessment)
            #expect(try await AllocationModel.query(on: app.db).filter(\.$worker.$id == worker.id!).count() > 0)
            let signIn = try await postSignIn(app, username: "worker", password: "harbour falcon thistle", form: try await signInForm(app))
            #expect(signIn.status == .seeOther)

            // An allocation is open exactly when its child's case is.
            let openCases = Set(try await ChildCaseModel.query(on: app.db).filter(\.$isOpen == true).all().map(\.$person.id))
            let openAllocations = Set(try await AllocationModel.query(on: app.db).filter(\.$endedOn == nil).all().map(\.$person.id))
            #expect(openCases == openAllocations)

            // Adopter households, the ones placed with adopted children linked to them, all valid.
            let households = try await AdopterHouseholdModel.query(on: app.db).all()
            #expect(households.count >= SyntheticAdopters.othersPerYear * shape.years)
            #expect(households.contains { $0.$child.id != nil })
            #expect(households.allSatisfy { $0.household?.problems(today: Day(Date())).isEmpty == true })
            let annexA = try await StatutoryReturns.annexA(extractDate: Day(Date()), on: app.db)
            #expect(!annexA.adopters.isEmpty)
            // An adopted child on list 10 carries the family identifier of their adopters on list 11.
            let placedFamilies = Set(annexA.adoptions.compactMap(\.familyID))
            #expect(!placedFamilies.isEmpty && placedFamilies.isSubset(of: Set(annexA.adopters.compactMap(\.familyID))))

            guard Oracles.enabled else { return }
            let today = Day(Date())
            let endYear = today.month >= 4 ? today.year : today.year - 1
            let cin = try await StatutoryReturns.cinCensus(year: CollectionYear(endingIn: endYear), on: app.db,
                                                           calendar: try await app.calendarCache.calendar(on: app.db))
            #expect(cin.input.children.count > 300)
            let ownErrors = cin.issues.filter { $0.severity == .error }
            #expect(ownErrors.isEmpty, "\(ownErrors.prefix(10).map(\.message))")
            let url = try Oracles.temporaryFolder("scaled-cin").appendingPathComponent("cin.xml")
            try cin.xml.write(to: url, atomically: true, encoding: .utf8)
            let rules = try Oracles.run("cin-validator.sh", [url.path])
            #expect(rules.errorCount == 0, "\(rules)")
            let lookedAfter = try await StatutoryReturns.ssda903(year: CollectionYear(endingIn: endYear), on: app.db)
            #expect(lookedAfter.input.headers.count >= 10)
            // Young children adopted from care: their decisions, and the adoptions of the year.
            #expect(!lookedAfter.input.placedForAdoption.isEmpty)
            #expect(!lookedAfter.input.adoptions.isEmpty)
            #expect(lookedAfter.files["AD1.csv"]?.split(whereSeparator: \.isNewline).count == lookedAfter.input.adoptions.count + 1)
            let folder = try Oracles.temporaryFolder("scaled-903")
            for (name, text) in lookedAfter.files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            let careRules = try Oracles.run("903-validator.sh", ["--year", "\(endYear)", "--la", "E08000025", folder.path])
            #expect(careRules.errorCount == 0, "\(careRules)")
        }
    }
}

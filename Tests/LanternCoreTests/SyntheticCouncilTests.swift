import Foundation
import Testing
@testable import LanternCore
@testable import LanternSynthetic

@Suite struct SyntheticCouncilTests {
    static let now = Day(iso: "2026-11-23")!.start().addingTimeInterval(14 * 3600)

    @Test func theCityHasTheIssuesOrganisation() throws {
        let shape = try #require(CouncilShape.preset(.city))
        let organisation = SyntheticOrganisation.plan(shape, seed: 1)
        #expect(organisation.localities.count == 10)
        #expect(organisation.teams.count == 60)
        #expect(organisation.teams.filter { $0.kind == .earlyHelp }.count == 16)
        #expect(organisation.staff.count == shape.staffCount)
        #expect(abs(organisation.staff.count - 750) <= 75)
        #expect(Set(organisation.staff.map(\.username)).count == organisation.staff.count, "usernames are unique")
        // Every local team serves a real locality and every team has a manager.
        #expect(organisation.teams.allSatisfy { $0.kind.isLocal == ($0.locality != nil) })
        for index in organisation.teams.indices {
            #expect(organisation.staff.contains { $0.team == index && $0.roles.contains(.teamManager) })
        }
        // Teams work at different paces, so that team variation shows.
        #expect(Set(organisation.teams.map(\.pace)).count > 10)
        #expect(CouncilShape.preset(.small) == nil)
    }

    /// A council-shaped history scaled down to keep the test quick, checked against the national
    /// shares the generator promises.
    @Test func historiesHaveTheNationalShape() throws {
        var shape = try #require(CouncilShape.preset(.council))
        shape.contactsPerYear = 3_000
        shape.years = 4
        let organisation = SyntheticOrganisation.plan(shape, seed: 5)
        let families = Array(SyntheticCouncilHistory(shape: shape, organisation: organisation, seed: 5, now: Self.now,
                                                     calendar: .englandAndWales))
        let contacts = families.flatMap(\.children).flatMap(\.contacts)
        // The last family's contact may name several children, so the count can pass the target by a few.
        #expect((shape.contactsPerYear * shape.years..<shape.contactsPerYear * shape.years + 6).contains(contacts.count))
        let decided = contacts.compactMap(\.decision)
        let noSocialWork = decided.filter { [.noFurtherAction, .informationAndAdvice, .signpostedToUniversalServices].contains($0) }
        let share = Double(noSocialWork.count) / Double(decided.count)
        #expect((0.25...0.35).contains(share), "no social work: \(share)")
        let referrals = contacts.filter { $0.decision?.opensReferral == true }
        let reReferrals = Double(referrals.filter(\.isReReferral).count) / Double(referrals.count)
        #expect((0.15...0.29).contains(reReferrals), "re-referrals: \(reReferrals)")
        let partners = contacts.filter { ["6", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F"].contains($0.source) }
        #expect(Double(partners.count) / Double(contacts.count) > 0.5, "most contacts come from police, schools and health")
        #expect(families.contains { $0.children.count > 1 }, "families have siblings")
        #expect(families.contains { !$0.earlyHelp.isEmpty })
        // Some contacts misspell the name: the truth stays with the child.
        #expect(families.flatMap(\.children).contains { child in child.contacts.contains { $0.recordedGivenName != child.givenName } })
        #expect(contacts.allSatisfy { $0.receivedOn <= Day(Self.now) })
        // Contacts a year stay level: the last year is an ordinary year, not the busiest.
        let lastYear = contacts.filter { $0.receivedOn > Day(Self.now).adding(years: -1) }.count
        #expect(abs(lastYear - shape.contactsPerYear) <= shape.contactsPerYear / 10, "last 12 months: \(lastYear)")
    }

    @Test func everyChildsCaseIsAllowedByTheRules() throws {
        var shape = try #require(CouncilShape.preset(.council))
        shape.contactsPerYear = 1_500
        shape.years = 6
        let organisation = SyntheticOrganisation.plan(shape, seed: 9)
        let today = Day(Self.now)
        var inCare = 0, leavers = 0, plans = 0
        for family in SyntheticCouncilHistory(shape: shape, organisation: organisation, seed: 9, now: Self.now, calendar: .englandAndWales) {
            for child in family.children where !child.caseActions.isEmpty {
                var snapshot = CaseSnapshot(childBirthDate: child.dateOfBirth)
                for action in child.caseActions {
                    snapshot = try CaseworkRules.apply(action, to: snapshot, on: today, by: .manager("generator"))
                }
                if snapshot.care?.ledger.isLookedAfter(on: today) == true { inCare += 1 }
                if snapshot.care?.careLeaver != nil { leavers += 1 }
                plans += snapshot.episodes.flatMap(\.childProtectionPlans).count
                #expect(child.allocations.count == snapshot.episodes.count)
                // Nobody comes back into care in the April-to-March year they left it
                // (SyntheticCouncilHistory.wouldReturnToCareInTheSameYear).
                let rows = snapshot.care?.ledger.episodes ?? []
                for (left, back) in zip(rows, rows.dropFirst()) where back.reasonForNewEpisode == .startedToBeLookedAfter {
                    let ended = try #require(left.endDate)
                    #expect(SyntheticCouncilHistory.wouldReturnToCareInTheSameYear(closedOn: ended, referral: back.startDate) == false,
                            "left care \(ended), back \(back.startDate)")
                }
            }
        }
        #expect(inCare > 0)
        #expect(leavers > 0)
        #expect(plans > 0)
    }

    @Test func aChildWhoLeftCareIsNotBroughtBackInTheSameYear() {
        let back: (String, String) -> Bool = {
            SyntheticCouncilHistory.wouldReturnToCareInTheSameYear(closedOn: Day(iso: $0)!, referral: Day(iso: $1)!)
        }
        #expect(back("2025-05-19", "2025-12-01"))
        #expect(back("2025-11-19", "2026-03-31"))
        #expect(!back("2026-03-31", "2026-04-01"))
        #expect(!back("2024-11-19", "2025-06-01"))
        #expect(!SyntheticCouncilHistory.wouldReturnToCareInTheSameYear(closedOn: nil, referral: Day(iso: "2025-06-01")!))
    }

    @Test func theSameSeedMakesTheSameCouncil() throws {
        var shape = try #require(CouncilShape.preset(.council))
        shape.contactsPerYear = 200
        shape.years = 1
        let organisation = SyntheticOrganisation.plan(shape, seed: 3)
        func firstChildren(_ seed: UInt64) -> [UUID] {
            Array(SyntheticCouncilHistory(shape: shape, organisation: organisation, seed: seed, now: Self.now, calendar: .englandAndWales)
                .prefix(20)).flatMap(\.children).map(\.id)
        }
        #expect(firstChildren(3) == firstChildren(3))
        #expect(firstChildren(3) != firstChildren(4))
        #expect(SyntheticOrganisation.plan(shape, seed: 3).staff == organisation.staff)
    }
}

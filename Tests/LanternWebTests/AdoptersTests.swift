import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// `/adopters`: children in care managers and administrators record adopter households.
@Suite struct AdoptersWebTests {
    @Test func aChildrenInCareManagerRecordsAHouseholdThroughToPlacement() async throws {
        try await withLantern { app in
            let careTeam = try await app.fixtures.team("Children in Care East", kind: .childrenInCare)
            let manager = try await app.fixtures.signedIn("cicmanager", roles: [.teamManager], team: careTeam)
            let admin = try await app.fixtures.signedIn("admin1", roles: [.administrator])
            let child = try await app.fixtures.child("Robin", "Adopted", reference: "C-ADOPT-1", born: "2023-02-01")

            // Bad input comes back with what was typed and a message per field.
            let bad = try await app.postForm("/adopters", as: manager, [("reference", "ADH-0001"), ("sex", "MF"), ("enquiry", "31/02/2025"),
                                                                       ("stage1Started", "next week"), ("approved", "2025-06-01"),
                                                                       ("childrenPlaced", "lots"), ("childReference", "C-NOBODY")])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("value=\"31/02/2025\"") && page.contains("value=\"next week\"") && page.contains("value=\"lots\""))
            #expect(page.contains("That date does not exist; check the day and month"))
            #expect(page.contains("Enter the date as day, month and year"))
            #expect(page.contains("Enter the number of children placed, from 1 to 9"))
            #expect(page.contains("There is no child with the reference C-NOBODY"))
            #expect(try await AdopterHouseholdModel.query(on: app.db).count() == 0)

            // Stages out of order are refused against the field that is wrong.
            let outOfOrder = try await app.postForm("/adopters", as: manager, [("reference", "ADH-0001"), ("sex", "MF"), ("enquiry", "2025-03-01"),
                                                                              ("stage1Started", "2025-02-01")])
            #expect(outOfOrder.status == .unprocessableEntity)
            #expect(outOfOrder.body.string.contains("The date of the start of stage 1 cannot be before the enquiry"))

            let added = try await app.postForm("/adopters", as: manager, [("reference", "ADH-0001"), ("sex", "MF"), ("enquiry", "2025-03-01"),
                                                                         ("stage1Started", "2025-03-20")])
            #expect(added.status == .seeOther)
            let household = try #require(try await AdopterHouseholdModel.query(on: app.db).first())
            #expect(household.stage1StartedOn == "2025-03-20" && household.$child.id == nil)
            #expect((try await app.pageBody("/adopters", as: admin)).contains("Stage 1 (checks)"))

            // The same reference twice is refused.
            let duplicate = try await app.postForm("/adopters", as: admin, [("reference", "ADH-0001"), ("sex", "F1"), ("enquiry", "2025-04-01")])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("Another household already has the reference ADH-0001"))

            // Later: approved, matched and the child placed with them.
            let placed = try await app.postForm("/adopters/\(household.id!)", as: manager, [
                ("reference", "ADH-0001"), ("sex", "MF"), ("enquiry", "2025-03-01"), ("stage1Started", "2025-03-20"),
                ("stage1Ended", "2025-05-20"), ("stage2Started", "2025-05-21"), ("stage2Ended", "2025-09-20"), ("approved", "2025-10-10"),
                ("matched", "2026-01-12"), ("placed", "2026-02-02"), ("childrenPlaced", "1"), ("childReference", "C-ADOPT-1")])
            #expect(placed.status == .seeOther)
            let updated = try #require(try await AdopterHouseholdModel.find(household.id, on: app.db))
            #expect(updated.$child.id == child.id && updated.household?.placed == Day(iso: "2026-02-02"))
            #expect((try await app.pageBody("/adopters/\(household.id!)", as: manager)).contains("value=\"C-ADOPT-1\""))
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.adopterHouseholdRecorded.rawValue).count() == 2)
        }
    }

    @Test func othersAreRefused() async throws {
        try await withLantern { app in
            let admin = try await app.fixtures.signedIn("admin1", roles: [.administrator])
            #expect(try await app.postForm("/adopters", as: admin, [("reference", "ADH-0009"), ("sex", "F1"), ("enquiry", "2025-04-01")]).status == .seeOther)
            let household = try #require(try await AdopterHouseholdModel.query(on: app.db).first())
            let assessmentManager = try await app.fixtures.signedIn("manager1", roles: [.teamManager], team: try await app.fixtures.team())
            let careWorker = try await app.fixtures.signedIn("worker1", roles: [.socialWorker],
                                                             team: try await app.fixtures.team("Children in Care East", kind: .childrenInCare))
            let partner = try await app.fixtures.signedIn("police1", roles: [.partnerReferrer])
            for session in [assessmentManager, careWorker, partner] {
                #expect(try await app.status(of: "/adopters", as: session) == .forbidden)
                #expect(try await app.status(of: "/adopters/\(household.id!)", as: session) == .forbidden)
                #expect(try await app.postForm("/adopters", as: session, [("reference", "ADH-0010"), ("sex", "F1"), ("enquiry", "2025-04-01")]).status == .forbidden)
                #expect(try await app.postForm("/adopters/\(household.id!)", as: session, [("reference", "ADH-0009"), ("sex", "MM"), ("enquiry", "2025-04-01")]).status == .forbidden)
            }
            #expect(try await AdopterHouseholdModel.query(on: app.db).count() == 1)
            #expect(try await AdopterHouseholdModel.query(on: app.db).first()?.sex == "F1")
        }
    }
}

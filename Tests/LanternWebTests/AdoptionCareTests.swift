import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// The care page records who a child is matched with, for the SSDA903 AD1.
@Suite struct AdoptionCareTests {
    @Test func theAdoptersAreRecordedOnceTheChildIsMatched() async throws {
        try await withLantern { app in
            let today = Day(Date())
            let start = today.adding(days: -400)
            let team = try await app.fixtures.team("Children in Care North", kind: .childrenInCare)
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let child = try await app.fixtures.child("Robin", "Hale", reference: "L1000200", born: today.adding(years: -2).iso)
            let childID = try child.requireID()
            try await AllocationModel(personID: childID, teamID: try team.requireID(), workerID: worker.user.id, startedOn: start.adding(days: -30))
                .create(on: app.db)
            let steps: [CaseworkAction] = [
                .openEpisodeOfNeed(referralDate: start.adding(days: -30), source: "1B", primaryNeed: "N1"),
                .lookedAfter(.care(.startedToBeLookedAfter(.init(date: start, legalStatus: "C2", categoryOfNeed: "N1",
                                                                 placement: CarePlacement(type: "U4", provider: "PR1", postcode: "B15 2TT", urn: "SC400101"),
                                                                 homePostcode: "B12 9QJ")))),
                .lookedAfter(.recordAdoptionMilestone(.decision, on: start.adding(days: 150))),
                .lookedAfter(.recordAdoptionMilestone(.placementOrder, on: start.adding(days: 220))),
            ]
            try await CaseWrites.apply(steps, to: childID, by: .manager("boss"), today: today, timescales: StatutoryTimescales(), on: app.db)
            // Not offered before the match.
            #expect(!(try await app.pageBody("/children/\(childID)/care", as: worker)).contains("Record adopters"))
            var res = try await app.postForm("/children/\(childID)/care", as: worker, [
                ("action", "adoption"), ("date", DisplayDate.entry(start.adding(days: 300))), ("milestone", "matched")])
            #expect(res.status == .seeOther)
            #expect((try await app.pageBody("/children/\(childID)/care", as: worker)).contains("Record adopters"))

            // A married couple of different sexes cannot be two women (903 rule 520).
            res = try await app.postForm("/children/\(childID)/care", as: worker, [
                ("action", "adopters"), ("date", DisplayDate.entry(start.adding(days: 300))), ("adoptersSex", "FF"),
                ("adoptersLegalStatus", "L11"), ("formerFosterCarers", "no")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("L11 and L3 are a couple of different sexes (MF)."))
            res = try await app.postForm("/children/\(childID)/care", as: worker, [
                ("action", "adopters"), ("date", DisplayDate.entry(start.adding(days: 300))), ("adoptersSex", "FF"),
                ("adoptersLegalStatus", "L2"), ("formerFosterCarers", "no")])
            #expect(res.status == .seeOther)
            let model = try #require(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == childID).first())
            let adopters = try #require(try model.snapshot().care?.adoption?.adopters)
            #expect(adopters == AdoptersOfChild(count: 2, sex: "FF", legalStatus: "L2", formerFosterCarers: false))
        }
    }
}

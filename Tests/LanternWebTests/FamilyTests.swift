import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// The family view: who a child lives with, relatives' case status only for those this user may
/// open, and recording and ending relationships.
@Suite struct FamilyTests {
    struct Family {
        let north: TeamModel
        let worker: TestSession
        let amelia: PersonModel
        /// Amelia's brother, on a child protection plan in the same team.
        let leo: PersonModel
        /// Amelia's half-sister, on a plan in another team, allocated to a worker whose name must not show.
        let ruby: PersonModel
        let southWorker: TestSession
    }

    private func childProtectionPlan(_ childID: UUID, app: Application) async throws {
        let today = Day(Date())
        let start = today.adding(days: -40)
        // Conferences are held on working days (CIN census rule 8875), whatever day the test runs.
        let conference = WorkingDayCalendar.englandAndWales.nextWorkingDay(onOrAfter: start.adding(days: 14))
        try await CaseWrites.apply([
            .openEpisodeOfNeed(referralDate: start, source: "1B", primaryNeed: nil),
            .holdStrategyDiscussion(.init(date: start.adding(days: 1), participants: [
                Professional(name: "DS Kaur", agency: .police), Professional(name: "Nurse Obi", agency: .health),
                Professional(name: "Ms Patel", agency: .education),
            ], childAttendsEducationSetting: true, decidedToStartSection47: true)),
            .startSection47Enquiry(on: start.adding(days: 1)),
            .recordInitialConference(on: conference),
            .startChildProtectionPlan(on: conference, category: "NEG"),
        ], to: childID, by: .manager("boss"), today: today, timescales: StatutoryTimescales(), on: app.db)
    }

    private func family(_ app: Application) async throws -> Family {
        let north = try await app.fixtures.team()
        let south = try await app.fixtures.team("Safeguarding South", kind: .assessment)
        let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: north)
        let southUser = try await app.fixtures.user("ruby-worker", roles: [.socialWorker], team: south)
        let southWorker = try await app.fixtures.session(for: southUser)
        let amelia = try await app.fixtures.child("Amelia", "Stone", reference: "L1000301")
        let leo = try await app.fixtures.child("Leo", "Stone", reference: "L1000302", born: "2013-06-01")
        let ruby = try await app.fixtures.child("Ruby", "Hart", reference: "L1000303", born: "2011-09-09")
        let today = Day(Date())
        try await AllocationModel(personID: amelia.id!, teamID: north.id!, workerID: worker.user.id, startedOn: today).create(on: app.db)
        try await AllocationModel(personID: leo.id!, teamID: north.id!, workerID: worker.user.id, startedOn: today).create(on: app.db)
        try await AllocationModel(personID: ruby.id!, teamID: south.id!, workerID: southUser.id, startedOn: today).create(on: app.db)
        try await childProtectionPlan(leo.id!, app: app)
        try await childProtectionPlan(ruby.id!, app: app)
        try await RelationshipModel(personID: amelia.id!, relativeID: leo.id!, kind: .sibling, livesWith: true).create(on: app.db)
        // Stored on Ruby's side: read from Amelia's it is still a half-sibling.
        try await RelationshipModel(personID: ruby.id!, relativeID: amelia.id!, kind: .halfSibling, livesWith: false).create(on: app.db)
        return Family(north: north, worker: worker, amelia: amelia, leo: leo, ruby: ruby, southWorker: southWorker)
    }

    @Test func showsASiblingsPlanOnlyToThoseWhoMayOpenTheSibling() async throws {
        try await withLantern { app in
            let family = try await family(app)
            let ameliaID = try family.amelia.requireID()
            // A restricted adult in the household: nothing that identifies them is shown.
            let secret = PersonModel(reference: "L1000399", givenName: "Hidden", familyName: "Person", dateOfBirth: nil, sex: "M", isChild: false)
            secret.restricted = true
            try await secret.create(on: app.db)
            try await RelationshipModel(personID: ameliaID, relativeID: secret.id!, kind: .householdMember, livesWith: true).create(on: app.db)

            let body = try await app.pageBody("/children/\(ameliaID)/family", as: family.worker)
            // Leo is in the worker's team: his plan and allocation show, and his page is linked.
            #expect(body.contains("href=\"/children/\(family.leo.id!)\""))
            #expect(body.contains("Child protection plan"))
            #expect(body.contains("Test sam, Assessment Team North"))
            // Ruby is not: her name only, none of her case.
            #expect(body.contains("Ruby Hart"))
            #expect(body.contains("Not shown: no access"))
            #expect(!body.contains("L1000303"))
            #expect(!body.contains("Test ruby-worker"))
            #expect(!body.contains("href=\"/children/\(family.ruby.id!)\""))
            #expect(body.components(separatedBy: "Child protection plan").count == 2, "only Leo's plan is shown")
            // The restricted adult: no name, no reference.
            #expect(body.contains("Restricted record"))
            #expect(!body.contains("Hidden Person") && !body.contains("L1000399"))
            // The diagram is an accessible image with the same facts in words.
            #expect(body.contains("role=\"img\""))
            #expect(body.contains("<title id=\"family-title\">Family diagram for Amelia Stone</title>"))
            #expect(body.contains("<desc id=\"family-desc\">Amelia Stone lives with Restricted record, Leo Stone. Also related, living elsewhere: Ruby Hart.</desc>"))
            #expect(body.contains("Half-sibling"))

            // Ruby's own worker opening Ruby's family sees Amelia as a half-sibling with no access to her details.
            let fromRuby = try await app.pageBody("/children/\(family.ruby.id!)/family", as: family.southWorker)
            #expect(fromRuby.contains("Amelia Stone") && fromRuby.contains("Half-sibling") && fromRuby.contains("Not shown: no access"))
            #expect(!fromRuby.contains("Test sam"))

            // The view is audited.
            let views = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.personViewed.rawValue)
                .filter(\.$subjectID == ameliaID).all()
            #expect(views.contains { $0.summary == "Viewed the child's family" && $0.actorUsername == "sam" })
        }
    }

    @Test func partnersAndOtherTeamsAreRefused() async throws {
        try await withLantern { app in
            let family = try await family(app)
            let ameliaID = try family.amelia.requireID()
            let partner = try await app.fixtures.signedIn("pc-jones", roles: [.partnerReferrer])
            let relationship = try #require(try await RelationshipModel.query(on: app.db).filter(\.$person.$id == ameliaID).first())
            for session in [partner, family.southWorker] {
                #expect(try await app.status(of: "/children/\(ameliaID)/family", as: session) == .forbidden)
                let add = try await app.postForm("/children/\(ameliaID)/family/relationships", as: session,
                                                 [("who", "existing"), ("reference", "L1000303"), ("kind", "sibling"), ("livesWith", "no")])
                #expect(add.status == .forbidden)
                let end = try await app.postForm("/children/\(ameliaID)/family/relationships/\(relationship.id!)/end", as: session, [])
                #expect(end.status == .forbidden)
            }
            // Nothing changed, and the other team's attempt is on the audit trail.
            #expect(try await RelationshipModel.query(on: app.db).count() == 2)
            #expect(try await RelationshipModel.query(on: app.db).filter(\.$endedOn != nil).count() == 0)
            let refusals = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.accessRefused.rawValue)
                .filter(\.$actorUsername == "ruby-worker").count()
            #expect(refusals >= 3)
        }
    }

    @Test func badInputComesBackWithTheTextAndAMessagePerField() async throws {
        try await withLantern { app in
            let family = try await family(app)
            let ameliaID = try family.amelia.requireID()
            let path = "/children/\(ameliaID)/family/relationships"
            var res = try await app.postForm(path, as: family.worker,
                                             [("who", "new"), ("givenName", "Sarah"), ("familyName", " "), ("dateOfBirth", "31 2 1990"), ("sex", "")])
            #expect(res.status == .unprocessableEntity)
            var body = res.body.string
            #expect(body.contains("There is a problem"))
            #expect(body.contains("value=\"Sarah\""))
            #expect(body.contains("value=\"31 2 1990\""))
            #expect(body.contains("id=\"familyName-error\">Enter the person&#39;s last name") || body.contains("id=\"familyName-error\">Enter the person's last name"))
            #expect(body.contains("id=\"dateOfBirth-error\""))
            #expect(body.contains("id=\"sex-error\""))
            #expect(body.contains("id=\"kind-error\">Choose how this person is related to Amelia"))
            #expect(body.contains("id=\"livesWith-error\">Say whether Amelia lives with this person"))

            res = try await app.postForm(path, as: family.worker, [("who", "existing"), ("reference", "l999"), ("kind", "parent"), ("livesWith", "yes")])
            #expect(res.status == .unprocessableEntity)
            body = res.body.string
            #expect(body.contains("There is no record with the reference L999"))
            #expect(body.contains("value=\"l999\""))
            #expect(body.contains("<option value=\"parent\" selected>"))

            // Already linked, either way round.
            res = try await app.postForm(path, as: family.worker, [("who", "existing"), ("reference", "L1000303"), ("kind", "sibling"), ("livesWith", "no")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("This relationship is already recorded"))
            // The child's own record.
            res = try await app.postForm(path, as: family.worker, [("who", "existing"), ("reference", "L1000301"), ("kind", "sibling"), ("livesWith", "no")])
            #expect(res.body.string.contains("That is Amelia&#39;s own record") || res.body.string.contains("That is Amelia's own record"))
            #expect(try await RelationshipModel.query(on: app.db).count() == 2)
            #expect(try await PersonModel.query(on: app.db).count() == 3)
        }
    }

    @Test func recordsANewAdultAndEndsARelationshipAudited() async throws {
        try await withLantern { app in
            let family = try await family(app)
            let ameliaID = try family.amelia.requireID()
            let manager = try await app.fixtures.signedIn("maria", roles: [.teamManager], team: family.north)
            var res = try await app.postForm("/children/\(ameliaID)/family/relationships", as: family.worker,
                                             [("who", "new"), ("givenName", "Sarah"), ("familyName", "Stone"), ("dateOfBirth", "3 4 1988"),
                                              ("sex", "F"), ("kind", "parent"), ("livesWith", "yes")])
            #expect(res.status == .seeOther)
            let sarah = try #require(try await PersonModel.query(on: app.db).filter(\.$givenName == "Sarah").first())
            #expect(!sarah.isChild)
            #expect(sarah.dateOfBirth == "1988-04-03")
            #expect(sarah.reference.hasPrefix("L"))
            let stored = try #require(try await RelationshipModel.query(on: app.db).filter(\.$relative.$id == sarah.id!).first())
            #expect(stored.$person.id == ameliaID && stored.kind == .parent && stored.livesWith)

            // Amelia's family shows her mother in the household.
            var body = try await app.pageBody("/children/\(ameliaID)/family", as: manager)
            #expect(body.contains("Sarah Stone"))
            #expect(body.contains("Amelia Stone lives with Sarah Stone, Leo Stone."))
            // Seen from Leo, Amelia is his sibling (the inverse of the stored row).
            body = try await app.pageBody("/children/\(family.leo.id!)/family", as: manager)
            #expect(body.contains("href=\"/children/\(ameliaID)\""))
            #expect(body.contains("Leo Stone lives with Amelia Stone."))

            // Picking someone linked to the family: Sarah is linked to Amelia, so Leo's form offers her.
            #expect(body.contains("<option value=\"\(sarah.id!.uuidString)\">Sarah Stone (\(sarah.reference))</option>"))
            res = try await app.postForm("/children/\(family.leo.id!)/family/relationships", as: manager,
                                         [("who", "existing"), ("linkedPersonID", sarah.id!.uuidString), ("kind", "parent"), ("livesWith", "yes")])
            #expect(res.status == .seeOther)

            // The manager ends Sarah's relationship with Amelia: kept as history, out of the household.
            res = try await app.postForm("/children/\(ameliaID)/family/relationships/\(stored.id!)/end", as: manager, [])
            #expect(res.status == .seeOther)
            let ended = try #require(try await RelationshipModel.find(stored.id!, on: app.db))
            #expect(ended.endedOn == Day(Date()).iso)
            #expect(!ended.livesWith)
            body = try await app.pageBody("/children/\(ameliaID)/family", as: manager)
            #expect(body.contains("Ended relationships"))
            #expect(body.contains("Amelia Stone lives with Leo Stone."))

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$subjectID ~~ [ameliaID, sarah.id!]).all()
            #expect(audit.contains { $0.action == AuditAction.personCreated.rawValue && $0.subjectID == sarah.id })
            #expect(audit.contains { $0.action == AuditAction.personUpdated.rawValue && $0.summary == "Recorded a relationship: parent \(sarah.reference), lives with" })
            #expect(audit.contains { $0.action == AuditAction.personUpdated.rawValue && $0.summary.hasPrefix("Ended a relationship: parent") && $0.actorUsername == "maria" })
            // No names in the audit summaries.
            #expect(!audit.contains { $0.summary.contains("Sarah") })
        }
    }

    @Test func recordsAMoveKeepingTheAddressHistory() async throws {
        try await withLantern { app in
            let family = try await family(app)
            let ameliaID = try family.amelia.requireID()
            let path = "/children/\(ameliaID)/family/moves"
            let nextMonth = DisplayDate.entry(Day(Date()).adding(days: 30))
            var res = try await app.postForm(path, as: family.worker, [("address", " "), ("postcode", "XX1"), ("movedOn", nextMonth)])
            #expect(res.status == .unprocessableEntity)
            var body = res.body.string
            #expect(body.contains("id=\"moveAddress-error\">Enter the new address"))
            #expect(body.contains("id=\"movePostcode-error\""))
            #expect(body.contains("id=\"moveDate-error\">The date of the move cannot be in the future"))
            #expect(body.contains("value=\"XX1\"") && body.contains("value=\"\(nextMonth)\""))

            let moveDay = Day(Date()).adding(days: -7)
            res = try await app.postForm(path, as: family.worker,
                                         [("address", "12 Canal Street\nBirmingham"), ("postcode", "b15 2tt"), ("movedOn", DisplayDate.entry(moveDay))])
            #expect(res.status == .seeOther)
            let amelia = try #require(try await PersonModel.find(ameliaID, on: app.db))
            #expect(amelia.postcode == "B15 2TT")
            #expect(amelia.address == "12 Canal Street\nBirmingham")
            let history = try await PersonAddresses.history(of: ameliaID, on: app.db)
            #expect(history.map(\.postcode) == ["B15 2TT", "B1 1BB"])
            #expect(history.map(\.toOn) == [nil, moveDay.iso])
            #expect(history.map(\.fromOn) == [moveDay.iso, nil])
            body = try await app.pageBody("/children/\(ameliaID)/family", as: family.worker)
            #expect(body.contains("12 Canal Street") && body.contains("Before records began"))

            // A move dated before she moved in is refused, and nothing changes.
            res = try await app.postForm(path, as: family.worker,
                                         [("address", "3 Elm Row"), ("postcode", "B12 9QJ"), ("movedOn", DisplayDate.entry(moveDay.adding(days: -1)))])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("The move must be after they moved into their current address"))
            #expect(try await PersonAddressModel.query(on: app.db).count() == 2)

            // Audited with the day and area only.
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$summary == "Recorded a move on \(moveDay.iso) to B15").first())
            #expect(audit.subjectID == ameliaID && audit.actorUsername == "sam")
            // Other teams may not record a move.
            res = try await app.postForm(path, as: family.southWorker, [("address", "3 Elm Row"), ("postcode", "B12 9QJ"), ("movedOn", DisplayDate.entry(moveDay))])
            #expect(res.status == .forbidden)
        }
    }
}

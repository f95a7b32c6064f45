import Fluent
import Foundation
import LanternCore
import LanternStore
@testable import LanternWeb
import Testing
import Vapor
import VaporTesting

/// A young person comes into care at 17, moves twice, has their legal status changed once, has
/// reviews and visits, goes missing and comes back, leaves care on their 18th birthday and is
/// followed up to 21, all through the care page. The clocks and the 903 episode rows are checked
/// at each step. Dates are set back from today so the whole journey is in the past.
@Suite struct LookedAfterJourneyTests {
    private func care(_ app: Application, _ personID: UUID) async throws -> LookedAfterRecord {
        let model = try #require(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == personID).first())
        return try #require(try model.snapshot().care)
    }

    private func caseRow(_ app: Application, _ personID: UUID) async throws -> ChildCaseModel {
        try #require(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == personID).first())
    }

    @Test func aYoungPersonFromCareToTwentyOne() async throws {
        try await withLantern { app in
            let today = Day(Date())
            let timescales = StatutoryTimescales()
            let born = today.adding(years: -21).adding(days: -40)
            let eighteenth = born.adding(years: 18)
            let start = eighteenth.adding(days: -300)
            func entry(_ day: Day) -> String { DisplayDate.entry(day) }

            let team = try await app.fixtures.team("Children in Care North", kind: .childrenInCare)
            let other = try await app.fixtures.team("Assessment Team South", kind: .assessment)
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let worker = try await app.fixtures.signedIn("sam", roles: [.socialWorker], team: team)
            let outsider = try await app.fixtures.signedIn("kim", roles: [.socialWorker], team: other)
            let child = try await app.fixtures.child("Jade", "Okafor", reference: "L1000100", born: born.iso)
            let childID = try child.requireID()
            try await AllocationModel(personID: childID, teamID: try team.requireID(), workerID: worker.user.id, startedOn: start.adding(days: -100))
                .create(on: app.db)
            try await CaseWrites.apply([.openEpisodeOfNeed(referralDate: start.adding(days: -100), source: "1B", primaryNeed: "N1")],
                                       to: childID, by: .manager("boss"), today: today, timescales: timescales, on: app.db)

            // The care page is closed to a worker in another team, like the rest of the record.
            try await app.testing().test(.GET, "/children/\(childID)/care", headers: outsider.headers) { res in
                #expect(res.status == .forbidden)
            }

            // Comes into care, accommodated under section 20 with foster carers.
            var res = try await app.postForm("/children/\(childID)/care", as: worker, [
                ("action", "startCare"), ("date", entry(start)), ("legalStatus", "V2"), ("categoryOfNeed", "N1"),
                ("placementType", "U6"), ("provider", "PR1"), ("placementPostcode", "B15 2TT"), ("homePostcode", "B12 9QJ"),
            ])
            #expect(res.status == .seeOther, "\(res.body.string.prefix(400))")
            var record = try await care(app, childID)
            #expect(record.ledger.episodes.map(\.reasonForNewEpisode.rawValue) == ["S"])
            var body = try await app.pageBody("/children/\(childID)/care", as: worker)
            #expect(body.contains(DisplayDate.long(timescales.lookedAfterReviewDue(startedToBeLookedAfterOn: start))))
            #expect(body.contains(DisplayDate.long(timescales.lookedAfterVisitDue(placementStartedOn: start))))
            #expect(body.contains(DisplayDate.long(timescales.initialHealthAssessmentDue(startedToBeLookedAfterOn: start))))
            #expect(try await caseRow(app, childID).category == CaseloadCategory.lookedAfter.rawValue)

            // A visit (child seen alone), the first review and a health assessment.
            for fields in [
                [("action", "visit"), ("date", entry(start.adding(days: 3))), ("seenAlone", "yes")],
                [("action", "review"), ("date", entry(start.adding(days: 10))), ("participation", "PN1")],
                [("action", "healthAssessment"), ("date", entry(start.adding(days: 15)))],
            ] {
                res = try await app.postForm("/children/\(childID)/care", as: worker, fields)
                #expect(res.status == .seeOther, "\(fields[0].1): \(res.body.string.prefix(300))")
            }
            record = try await care(app, childID)
            let secondReviewDue = timescales.lookedAfterReviewDue(startedToBeLookedAfterOn: start, reviewsHeld: [start.adding(days: 10)])
            #expect(LookedAfterClocks.events(for: record, birthDate: born, timescales: timescales, today: today)
                .first { $0.kind == .lookedAfterReview }?.due == secondReviewDue)

            // First move, to a children's home.
            res = try await app.postForm("/children/\(childID)/care", as: worker, [
                ("action", "placementChanged"), ("date", entry(start.adding(days: 30))), ("placementType", "K2"), ("provider", "PR4"),
                ("placementPostcode", "B29 6BD"), ("urn", "SC123456"), ("reason", "CARPL"), ("sameCarers", "no"),
            ])
            #expect(res.status == .seeOther)
            record = try await care(app, childID)
            #expect(record.ledger.episodes.map(\.reasonForNewEpisode.rawValue) == ["S", "P"])
            #expect(record.ledger.episodes[0].reasonEnded == "X1")
            #expect(record.ledger.episodes[0].reasonForPlacementChange == "CARPL")
            #expect(record.currentPlacementStart == start.adding(days: 30))

            // Legal status: a care order. A new row, but not a new placement.
            res = try await app.postForm("/children/\(childID)/care", as: worker, [("action", "legalStatusChanged"), ("date", entry(start.adding(days: 60))), ("legalStatus", "C2")])
            #expect(res.status == .seeOther)
            record = try await care(app, childID)
            #expect(record.ledger.episodes.map(\.reasonForNewEpisode.rawValue) == ["S", "P", "L"])
            #expect(record.ledger.episodes.map(\.legalStatus) == ["V2", "V2", "C2"])
            #expect(record.currentPlacementStart == start.adding(days: 30))

            // A refusal keeps what was typed and says why: a move to the same placement.
            res = try await app.postForm("/children/\(childID)/care", as: worker, [
                ("action", "placementChanged"), ("date", entry(start.adding(days: 61))), ("placementType", "K2"), ("provider", "PR4"),
                ("placementPostcode", "B29 6BD"), ("urn", "SC123456"), ("reason", "CARPL"), ("sameCarers", "no"),
            ])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Nothing has changed"))
            #expect(res.body.string.contains("SC123456"))

            // Second review, second move (long-term foster care), the pathway plan.
            for fields in [
                [("action", "review"), ("date", entry(start.adding(days: 100))), ("participation", "PN6")],
                [("action", "placementChanged"), ("date", entry(start.adding(days: 120))), ("placementType", "U4"), ("provider", "PR4"),
                 ("placementPostcode", "B1 1BB"), ("reason", "CHILD"), ("sameCarers", "no")],
                [("action", "pathwayPlan"), ("date", entry(start.adding(days: 130)))],
                [("action", "visit"), ("date", entry(start.adding(days: 125))), ("seenAlone", "no")],
            ] {
                res = try await app.postForm("/children/\(childID)/care", as: worker, fields)
                #expect(res.status == .seeOther, "\(fields[0].1): \(res.body.string.prefix(300))")
            }
            record = try await care(app, childID)
            #expect(record.ledger.episodes.map(\.reasonForNewEpisode.rawValue) == ["S", "P", "L", "P"])
            #expect(record.isLongTermPlacement)
            // The Team page's "no recorded activity" and "last seen" come from the care record too.
            let stored = try #require(try await ChildCaseModel.query(on: app.db).filter(\.$person.$id == childID).first())
            #expect(stored.lastActivity == start.adding(days: 130).iso, "the pathway plan is the latest work")
            #expect(stored.lastSeen == start.adding(days: 125).iso, "the latest visit")
            let visitDue = timescales.lookedAfterVisitDue(placementStartedOn: start.adding(days: 120), lastVisitOn: start.adding(days: 125),
                                                          isLongTermPlacement: true)
            #expect(LookedAfterClocks.events(for: record, birthDate: born, timescales: timescales, today: start.adding(days: 126))
                .first { $0.kind == .lookedAfterVisit }?.due == visitDue)

            // Missing and back, with a return interview.
            for fields in [
                [("action", "wentMissing"), ("date", entry(start.adding(days: 150))), ("kind", "M")],
                [("action", "returned"), ("date", entry(start.adding(days: 152)))],
                [("action", "returnInterview"), ("date", entry(start.adding(days: 155))), ("accepted", "yes")],
            ] {
                res = try await app.postForm("/children/\(childID)/care", as: worker, fields)
                #expect(res.status == .seeOther, "\(fields[0].1): \(res.body.string.prefix(300))")
            }
            record = try await care(app, childID)
            #expect(record.ledger.missingEpisodes.count == 1)
            #expect(record.ledger.missingEpisodes[0].end == start.adding(days: 152))
            #expect(record.ledger.missingEpisodes[0].returnInterview?.accepted == true)

            // Leaves care on the 18th birthday, staying with the foster carers.
            res = try await app.postForm("/children/\(childID)/care", as: worker, [("action", "ceased"), ("date", entry(eighteenth)), ("reason", "E17")])
            #expect(res.status == .seeOther, "\(res.body.string.prefix(300))")
            record = try await care(app, childID)
            let rows = record.ledger.episodes
            #expect(rows.count == 4)
            #expect(rows.last?.endDate == eighteenth)
            #expect(rows.last?.reasonEnded == "E17")
            #expect(record.ledger.isLookedAfter == false)
            body = try await app.pageBody("/children/\(childID)/care", as: worker)
            #expect(body.components(separatedBy: "data-label=\"RNE\"").count - 1 == 4)

            // The episode of need closes, signed off by the manager.
            for (session, fields) in [(worker, [("action", "proposeClosure"), ("date", entry(eighteenth.adding(days: 1))), ("reason", "RC7")]),
                                      (manager, [("action", "signOffClosure"), ("date", entry(eighteenth.adding(days: 2)))])] {
                res = try await app.postForm("/children/\(childID)/casework", as: session, fields)
                #expect(res.status == .seeOther, "\(res.body.string.prefix(300))")
            }

            // Followed up around each birthday to 21.
            for age in 18...21 {
                res = try await app.postForm("/children/\(childID)/care", as: worker, [
                    ("action", "followUp"), ("date", entry(born.adding(years: age).adding(days: 5))), ("age", "\(age)"),
                    ("inTouch", "YES"), ("activity", age < 20 ? "F2" : "F4"), ("accommodation", "B1"),
                ])
                #expect(res.status == .seeOther, "\(age): \(res.body.string.prefix(300))")
            }
            record = try await care(app, childID)
            #expect(record.careLeaver?.birthdayFollowUps.map(\.age) == [18, 19, 20, 21])
            #expect(record.careLeaver?.eligibility == .formerRelevant)
            #expect(record.careLeaver?.pathwayPlan?.madeOn == start.adding(days: 130))
            // Followed to 21: the case has left the caseload.
            #expect(try await caseRow(app, childID).isOpen == false)

            // Every change was audited.
            let audited = try await AuditEventModel.query(on: app.db).filter(\.$action == AuditAction.caseUpdated.rawValue).count()
            #expect(audited >= 20)
        }
    }

    @Test func aChangeOfSocialWorkerRecordsWhyForTheReturn() async throws {
        try await withLantern { app in
            let team = try await app.fixtures.team("Children in Care North", kind: .childrenInCare)
            let manager = try await app.fixtures.signedIn("boss", roles: [.teamManager], team: team)
            let first = try await app.fixtures.user("sam", roles: [.socialWorker], team: team)
            let second = try await app.fixtures.user("ana", roles: [.socialWorker], team: team)
            let child = try await app.fixtures.child("Jade", "Okafor", reference: "L1000100")
            let childID = try child.requireID()
            try await AllocationModel(personID: childID, teamID: try team.requireID(), workerID: nil, startedOn: Day(Date()).adding(days: -5))
                .create(on: app.db)
            // The first worker: first contact, asked of nobody.
            var res = try await app.postForm("/children/\(childID)/allocation", as: manager, [("workerID", try first.requireID().uuidString)])
            #expect(res.status == .seeOther)
            // A change of worker needs the reason the 903 asks for; the form says so.
            res = try await app.postForm("/children/\(childID)/allocation", as: manager, [("workerID", try second.requireID().uuidString)])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Choose why the social worker is changing"))
            res = try await app.postForm("/children/\(childID)/allocation", as: manager,
                                         [("workerID", try second.requireID().uuidString), ("changeReason", "LEFTRL")])
            #expect(res.status == .seeOther)
            let reasons = try await AllocationModel.query(on: app.db).filter(\.$person.$id == childID).filter(\.$worker.$id != nil)
                .sort(\.$startedOn).all().map(\.changeReason)
            #expect(reasons.sorted { ($0 ?? "") < ($1 ?? "") } == ["FCONTA", "LEFTRL"])
        }
    }
}

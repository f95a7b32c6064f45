import Fluent
import Foundation
import LanternCore
import LanternStore
import LanternSynthetic

/// Looked-after children, a care leaver and families in early help for the demo council, written
/// through the same rules as the pages use, so the care and early help screens have something to show.
extension DemoCouncil {
    static func seedCare(firstReference: Int, random: inout DemoRandom, teams: [String: TeamModel],
                         users: [String: StaffUserModel], on db: any Database) async throws -> Int {
        let today = Day(Date())
        let timescales = StatutoryTimescales(calendar: try await CalendarQueries.workingDayCalendar(on: db))
        let actor = WorkflowActor.manager("demo")
        guard let team = teams["Children in Care Team"], let worker = users["carer"] else { return 0 }
        let placements = SyntheticCareJourney.placements
        let count = 6
        for index in 0..<count {
            // The last child is a care leaver of 19 who left care at 18.
            let leaver = index == count - 1
            let age = leaver ? 19 : 3 + random.next(14)
            let born = today.adding(years: -age).adding(days: -random.next(300) - 20)
            let sex = random.next(2) == 0 ? "F" : "M"
            let person = PersonModel(reference: "L\(firstReference + index)", givenName: sex == "F" ? random.pick(girls) : random.pick(boys),
                                     familyName: random.pick(surnames), dateOfBirth: born, sex: sex, isChild: true, postcode: random.pick(postcodes))
            person.ethnicity = random.pick(["WBRI", "WBRI", "MWBC", "BCRB", "APKN"])
            try await person.create(on: db)
            let personID = try person.requireID()
            let start = leaver ? born.birthday(18).adding(days: -400) : today.adding(days: -(120 + random.next(500)))
            let referral = start.adding(days: -40)
            let first = placements[index % placements.count]
            var actions: [CaseworkAction] = [
                .openEpisodeOfNeed(referralDate: referral, source: "1B", primaryNeed: "N1"),
                .startAssessment(on: referral.adding(days: 1)),
                .recordChildSeen(on: referral.adding(days: 3), seenAlone: age >= 8),
                .recordWishesAndFeelings(on: referral.adding(days: 3)),
                .submitAssessment(on: referral.adding(days: 20), factors: ["3B"], needsSupport: true),
                .authoriseAssessment(on: referral.adding(days: 22), primaryNeed: "N1"),
                .lookedAfter(.care(.startedToBeLookedAfter(.init(date: start, legalStatus: index % 3 == 0 ? "V2" : "C2", categoryOfNeed: "N1",
                                                                 placement: first, homePostcode: placements.contains { $0.postcode == person.postcode } ? "B44 8BE" : person.postcode)))),
                .lookedAfter(.recordPreviousPermanence(option: "Z1", arrangedBy: nil, orderDate: nil, on: start)),
            ]
            if sex == "F", born.age(on: today) >= 11 {
                actions.append(.lookedAfter(.recordMotherhood(isMother: false, firstChildBorn: nil, on: start.adding(days: 2))))
            }
            // Practice kept in time: visits every five weeks, reviews at 20 working days, 3 months and
            // then 6-monthly, a personal education plan each term for children of school age.
            let lastDay = leaver ? born.birthday(18).adding(days: -1) : today.adding(days: -2)
            actions += SyntheticCareJourney.routineCare(start: start, born: born, lastDay: lastDay, visitEvery: 35,
                                                        sdqScore: { 8 + random.next(14) })
            if index % 2 == 1 {
                actions.append(.lookedAfter(.care(.placementChanged(.init(date: start.adding(days: 60), placement: placements[(index + 1) % placements.count],
                                                                          reason: "CARPL")))))
                actions.append(.lookedAfter(.recordVisit(.init(date: start.adding(days: 64), seenAlone: age >= 8))))
            }
            if age >= 12, !leaver {
                actions.append(.lookedAfter(.care(.wentMissing(on: start.adding(days: 90), kind: .missing))))
                actions.append(.lookedAfter(.care(.returnedFromMissing(on: start.adding(days: 91)))))
                actions.append(.lookedAfter(.care(.returnInterviewOffered(on: start.adding(days: 93), accepted: true))))
            }
            if leaver {
                let eighteenth = born.birthday(18)
                actions += [
                    .lookedAfter(.careLeaver(.makePathwayPlan(on: start.adding(days: 120)))),
                ]
                for review in stride(from: 290, through: start.days(until: today.adding(days: -2)), by: 170) {
                    actions.append(.lookedAfter(.careLeaver(.reviewPathwayPlan(on: start.adding(days: review)))))
                }
                actions += [
                    .lookedAfter(.care(.ceasedToBeLookedAfter(on: eighteenth, reason: "E17"))),
                    .proposeClosure(on: eighteenth.adding(days: 1), reason: "RC7"),
                    .signOffClosure(on: eighteenth.adding(days: 2)),
                    .lookedAfter(.appointPersonalAdviser(name: "Dev Sharma", on: eighteenth.adding(days: 3))),
                    .lookedAfter(.careLeaver(.recordBirthdayFollowUp(.init(age: 18, contactedOn: eighteenth.adding(days: 10), inTouch: "YES",
                                                                           activity: "F2", accommodation: "B1")))),
                ]
                if born.adding(years: 19).adding(days: 10) <= today {
                    actions.append(.lookedAfter(.careLeaver(.recordBirthdayFollowUp(.init(age: 19, contactedOn: born.adding(years: 19).adding(days: 10),
                                                                                          inTouch: "YES", activity: "G4", accommodation: "C1")))))
                }
            }
            try await CaseWrites.apply(actions, to: personID, by: actor, today: today, timescales: timescales, on: db)
            let allocation = AllocationModel(personID: personID, teamID: try team.requireID(), workerID: worker.id, startedOn: referral)
            allocation.changeReason = SocialWorkerChangeReason.firstContact.code
            try await allocation.create(on: db)
        }
        try await seedEarlyHelp(teams: teams, on: db, today: today)
        return count
    }

    /// Steps a few closed cases down to the family support team, at different points of their work.
    private static func seedEarlyHelp(teams: [String: TeamModel], on db: any Database, today: Day) async throws {
        guard let team = teams["Family Support North"] else { return }
        let cases = try await ChildCaseModel.query(on: db).filter(\.$isOpen == false).with(\.$person).limit(3).all()
        let lead = Professional(name: "Lucy Ward", agency: .earlyHelp, role: "Family support worker")
        for (index, model) in cases.enumerated() {
            let snapshot = try model.snapshot()
            guard let closed = snapshot.episodes.last?.closure?.date else { continue }
            let startedOn = min(today, closed.adding(days: 3))
            var episode = try EarlyHelpRules.stepDown(from: snapshot, familyID: model.person.reference, childIDs: [model.$person.id.uuidString],
                                                      leadPractitioner: lead, on: startedOn, today: today, by: .manager("demo"))
            let steps: [EarlyHelpAction] = [
                .recordConsent(on: startedOn),
                .startAssessment(on: startedOn, organisation: index == 0 ? "Greenfield Primary School" : "Family Support North"),
                .completeAssessment(on: startedOn),
                .holdMeeting(.init(date: startedOn, kind: .initial, attendees: [lead, Professional(name: "Mel Carter", agency: .education)], familyAttended: true)),
                .addPlanAction(FamilyPlanAction(id: "A1", description: "Weekly check-in with the family", owner: lead, agreedOn: startedOn)),
            ]
            for step in steps.prefix(index + 3) { episode = try EarlyHelpRules.apply(step, to: episode, on: today, by: .manager("demo")) }
            try await EarlyHelpWrites.open(episode, teamID: try team.requireID(), children: [model.$person.id], on: db)
        }
    }
}

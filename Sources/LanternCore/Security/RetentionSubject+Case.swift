import Foundation

extension RetentionSubject {
    /// The retention subject for a child's record from what Lantern holds: a case that had a child
    /// protection plan is a child protection record; any other episode of need is a child in need
    /// record (either is closed once no episode is open, on the last closure); contacts alone, with
    /// no episode, are contacts with no further action, closed on the last contact. Nil when the
    /// person has nothing a rule covers.
    ///
    /// A child who was ever looked after has a looked-after record (kept to the 75th birthday),
    /// or an adoption record once an adoption order was made; those outrank the rest.
    public static func forChild(recordID: String, dateOfBirth: Day?, snapshot: CaseSnapshot?, lastContactOn: Day?,
                                today: Day = Day(Date())) -> RetentionSubject? {
        if let snapshot, let care = snapshot.care {
            let open = snapshot.hasOpenWork(today: today)
            let closedOn = open ? nil : ([care.ledger.episodes.last?.endDate] + snapshot.episodes.map { $0.closure?.date }).compactMap { $0 }.max()
            if let order = care.adoption?.adoptionOrderOn {
                return RetentionSubject(recordID: recordID, kind: .adoption, dateOfBirth: dateOfBirth, closedOn: closedOn, adoptionOrderOn: order)
            }
            return RetentionSubject(recordID: recordID, kind: .lookedAfter, dateOfBirth: dateOfBirth, closedOn: closedOn)
        }
        if let snapshot, !snapshot.episodes.isEmpty {
            let hadPlan = snapshot.episodes.contains { !$0.childProtectionPlans.isEmpty } || snapshot.childProtectionPlansBeforeRecords > 0
            let closedOn = snapshot.openEpisode == nil ? snapshot.episodes.compactMap(\.closure?.date).max() : nil
            return RetentionSubject(recordID: recordID, kind: hadPlan ? .childProtection : .childInNeed,
                                    dateOfBirth: dateOfBirth, closedOn: closedOn)
        }
        guard let lastContactOn else { return nil }
        return RetentionSubject(recordID: recordID, kind: .contactNoFurtherAction, dateOfBirth: dateOfBirth, closedOn: lastContactOn)
    }
}

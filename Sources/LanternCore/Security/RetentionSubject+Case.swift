import Foundation

extension RetentionSubject {
    /// The retention subject for a child's record from what Lantern holds: a case that had a child
    /// protection plan is a child protection record; any other episode of need is a child in need
    /// record (either is closed once no episode is open, on the last closure); contacts alone, with
    /// no episode, are contacts with no further action, closed on the last contact. Nil when the
    /// person has nothing a rule covers.
    ///
    /// Looked-after and adoption records are not held in Lantern yet, so the 75th-birthday and
    /// 100-year rules never arise from it; they will when care episodes are stored.
    public static func forChild(recordID: String, dateOfBirth: Day?, snapshot: CaseSnapshot?, lastContactOn: Day?) -> RetentionSubject? {
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

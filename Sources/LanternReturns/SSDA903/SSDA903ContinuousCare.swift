import LanternCore

/// "Looked after continuously for at least 12 months at 31 March", the test that decides who has
/// an OC2 row (rules 190, 191) and who may not have AD1 or OC3 rows (187).
///
/// Source: DfE SSDA903 validation rules (2021-22 v1.2, unchanged since), as csc-validator-be-903
/// reads them: the child was looked after at some time in the year, and none of their episodes in
/// the year began care after 1 April (RNE S), ended it before 31 March (REC other than X1) or was a
/// short break (V3, V4). Lantern's builder and its checks use this one reading so that they cannot
/// disagree with the DfE's validator about who belongs in OC2.
public enum SSDA903ContinuousCare {
    /// `episodes`: one child's rows as reported for `year` (end and REC blank when after 31 March).
    public static func isContinuouslyLookedAfter(_ episodes: [SSDA903Episode], year: CollectionYear) -> Bool {
        episodes.contains { isDuring(year, $0) } && !episodes.contains { breaksContinuity($0, year: year) }
    }

    private static func isDuring(_ year: CollectionYear, _ e: SSDA903Episode) -> Bool {
        e.start <= year.end && (e.end.map { $0 >= year.start } ?? true)
    }

    private static func breaksContinuity(_ e: SSDA903Episode, year: CollectionYear) -> Bool {
        let entersCare = e.reasonNewEpisode == SSDA903Codes.startedToBeLookedAfter && e.start > year.start && e.start <= year.end
        let leavesCare = e.reasonEnded != SSDA903Codes.continuesInCare
            && e.end.map { $0 >= year.start && $0 < year.end } == true
        let shortBreak = SSDA903Codes.shortBreaks.contains(e.legalStatus) && isDuring(year, e)
        return entersCare || leavesCare || shortBreak
    }
}

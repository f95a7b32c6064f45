/// One row of the SSDA903 Episodes table. A new row starts whenever the child starts to be
/// looked after, changes placement or changes legal status; the row before it then ends that
/// day with X1 (DfE, SSDA903 guidance; validator rules 433-436).
public struct CareEpisodeRow: Hashable, Sendable, Codable {
    /// 903 `RNE`.
    public enum NewEpisodeReason: String, Hashable, Sendable, Codable, CaseIterable {
        case startedToBeLookedAfter = "S"
        case legalStatusChangedOnly = "L"
        case placementAndCarersChanged = "P"
        case placementChangedSameCarers = "T"
        case legalStatusAndPlacementAndCarersChanged = "U"
        case legalStatusAndPlacementChangedSameCarers = "B"

        /// P, T, U and B: the rows that begin with a move.
        public var changesPlacement: Bool {
            switch self {
            case .placementAndCarersChanged, .placementChangedSameCarers,
                 .legalStatusAndPlacementAndCarersChanged, .legalStatusAndPlacementChangedSameCarers: true
            case .startedToBeLookedAfter, .legalStatusChangedOnly: false
            }
        }
    }

    /// `DECOM`.
    public var startDate: Day
    /// `RNE`.
    public var reasonForNewEpisode: NewEpisodeReason
    /// `LS`.
    public var legalStatus: String
    /// `CIN`.
    public var categoryOfNeed: String
    /// `PLACE`, `PLACE_PROVIDER`, `PL_POST`, `URN`.
    public var placement: CarePlacement
    /// `HOME_POST`.
    public var homePostcode: String?
    /// `DEC`.
    public var endDate: Day?
    /// `REC`: X1 when the child stays looked after in a new row, otherwise why care ended.
    public var reasonEnded: String?
    /// `REASON_PLACE_CHANGE`: on the row that ends with a move between two ordinary placements.
    public var reasonForPlacementChange: String?
}

extension CareEpisodeRow {
    /// A row being built, with what the next row needs to know about the move that opened it.
    private struct Draft {
        var row: CareEpisodeRow
        var carersChanged = false
        var moveReason: String?
    }

    /// The 903 rows for `events`, oldest first. Changes on the same day share one row (an
    /// episode lasting under a day is rejected, 903 rule 355): a placement and a legal status
    /// change on one day make a U or B row, and a change on the day care started is folded
    /// into the S row.
    static func rows(from events: [CareEvent]) -> [CareEpisodeRow] {
        var drafts: [Draft] = []
        for event in events {
            switch event {
            case .startedToBeLookedAfter(let start):
                drafts.append(Draft(row: CareEpisodeRow(
                    startDate: start.date, reasonForNewEpisode: .startedToBeLookedAfter, legalStatus: start.legalStatus,
                    categoryOfNeed: start.categoryOfNeed, placement: start.placement, homePostcode: start.homePostcode)))
            case .placementChanged(let move):
                // 903 rule 383 codes the return from a temporary placement as P, whoever the carers.
                let returning = drafts.last?.row.placement.isTemporary ?? false
                change(on: move.date, in: &drafts) { draft in
                    draft.row.placement = move.placement
                    draft.carersChanged = draft.carersChanged || !move.sameCarers || returning
                    draft.moveReason = move.reason
                }
            case .legalStatusChanged(let day, let legalStatus):
                change(on: day, in: &drafts) { $0.row.legalStatus = legalStatus }
            case .ceasedToBeLookedAfter(let day, let reason):
                cease(on: day, reason: reason, in: &drafts)
            case .wentMissing, .returnedFromMissing, .returnInterviewOffered:
                continue
            }
        }
        return withPlacementChangeReasons(drafts)
    }

    private static func change(on day: Day, in drafts: inout [Draft], _ apply: (inout Draft) -> Void) {
        guard let last = drafts.indices.last else { return }
        if drafts[last].row.startDate == day {
            var current = drafts.removeLast()
            apply(&current)
            guard current.row.reasonForNewEpisode != .startedToBeLookedAfter, let previous = drafts.last else {
                drafts.append(current)
                return
            }
            // Compared with the row before, the same-day changes may cancel out: then no row.
            open(current, after: previous.row, in: &drafts)
        } else {
            var next = Draft(row: drafts[last].row)
            next.row.startDate = day
            apply(&next)
            open(next, after: drafts[last].row, in: &drafts)
        }
    }

    /// Appends `draft` as a new row after `previous` (closing that with X1), or, when nothing
    /// differs from `previous`, leaves `previous` open as the current row.
    private static func open(_ draft: Draft, after previous: CareEpisodeRow, in drafts: inout [Draft]) {
        let i = drafts.count - 1
        guard let reason = newEpisodeReason(from: previous, to: draft) else {
            drafts[i].row.endDate = nil
            drafts[i].row.reasonEnded = nil
            return
        }
        var next = draft
        next.row.reasonForNewEpisode = reason
        next.row.endDate = nil
        next.row.reasonEnded = nil
        drafts[i].row.endDate = draft.row.startDate
        drafts[i].row.reasonEnded = WorkflowCodeSets.episodeContinues
        drafts.append(next)
    }

    private static func newEpisodeReason(from previous: CareEpisodeRow, to draft: Draft) -> NewEpisodeReason? {
        let legalStatusChanged = previous.legalStatus != draft.row.legalStatus
        let placementChanged = previous.placement != draft.row.placement
        switch (legalStatusChanged, placementChanged) {
        case (true, true): return draft.carersChanged ? .legalStatusAndPlacementAndCarersChanged : .legalStatusAndPlacementChangedSameCarers
        case (false, true): return draft.carersChanged ? .placementAndCarersChanged : .placementChangedSameCarers
        case (true, false): return .legalStatusChangedOnly
        case (false, false): return nil
        }
    }

    /// A change on the day care ends would make a row lasting under a day, so the row before it
    /// carries the ending instead. (The ledger refuses an ending on the day care started.)
    private static func cease(on day: Day, reason: String, in drafts: inout [Draft]) {
        while let current = drafts.last, current.row.startDate == day, current.row.reasonForNewEpisode != .startedToBeLookedAfter {
            drafts.removeLast()
        }
        guard !drafts.isEmpty else { return }
        drafts[drafts.count - 1].row.endDate = day
        drafts[drafts.count - 1].row.reasonEnded = reason
    }

    /// REASON_PLACE_CHANGE belongs on the row that ended with a move (rule 225), and is left
    /// blank when either side of the move is a temporary placement (rule 226).
    private static func withPlacementChangeReasons(_ drafts: [Draft]) -> [CareEpisodeRow] {
        var rows = drafts.map(\.row)
        for i in rows.indices.dropLast() {
            let next = drafts[i + 1]
            if rows[i].reasonEnded == WorkflowCodeSets.episodeContinues, next.row.reasonForNewEpisode.changesPlacement,
               !rows[i].placement.isTemporary, !next.row.placement.isTemporary {
                rows[i].reasonForPlacementChange = next.moveReason
            }
        }
        return rows
    }
}

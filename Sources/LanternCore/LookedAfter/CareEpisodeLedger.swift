/// A looked-after child's record of care as practice events, from which the SSDA903 Episodes
/// and Missing rows are derived. Recording an event checks what may follow what; the rows are
/// never edited by hand, so they always agree with each other and with the events.
///
/// Sources: the DfE SSDA903 guidance and its validation rules 2025-26 (numbers quoted), and the
/// Care Planning, Placement and Case Review (England) Regulations 2010.
public struct CareEpisodeLedger: Hashable, Sendable, Codable {
    public var childBirthDate: Day?
    /// Every event recorded, in the order recorded (which the rules keep chronological).
    public private(set) var events: [CareEvent]

    /// `events` are trusted: pass only events this ledger recorded before (e.g. from storage).
    public init(childBirthDate: Day?, events: [CareEvent] = []) {
        self.childBirthDate = childBirthDate
        self.events = events
    }

    /// The 903 Episodes rows, oldest first.
    public var episodes: [CareEpisodeRow] { CareEpisodeRow.rows(from: events) }

    /// The 903 Missing rows, oldest first.
    public var missingEpisodes: [MissingEpisode] {
        var episodes: [MissingEpisode] = []
        for event in events {
            switch event {
            case .wentMissing(let day, let kind):
                episodes.append(MissingEpisode(kind: kind, start: day))
            case .returnedFromMissing(let day):
                if let last = episodes.indices.last { episodes[last].end = day }
            case .returnInterviewOffered(let day, let accepted):
                if let last = episodes.indices.last { episodes[last].returnInterview = .init(offeredOn: day, accepted: accepted) }
            case .startedToBeLookedAfter, .placementChanged, .legalStatusChanged, .ceasedToBeLookedAfter:
                continue
            }
        }
        return episodes
    }

    /// The row the child is in now, if they are looked after.
    public var currentEpisode: CareEpisodeRow? {
        guard let last = episodes.last, last.endDate == nil else { return nil }
        return last
    }

    public var isLookedAfter: Bool { currentEpisode != nil }

    /// In care at the end of `day`, as the 903 counts it: a child who started that day is, one
    /// who ceased that day is not.
    public func isLookedAfter(on day: Day) -> Bool {
        episodes.contains { $0.startDate <= day && ($0.endDate.map { day < $0 } ?? true) }
    }

    /// Records `event`, or refuses it with the reason.
    public func recording(_ event: CareEvent, on today: Day, by actor: WorkflowActor) throws(WorkflowRefusal) -> CareEpisodeLedger {
        try actor.require(.practitioner, to: "record a child's care")
        try WorkflowDates.notInFuture(event.date, today: today, "this care record")
        if let born = childBirthDate {
            try WorkflowDates.notBefore(event.date, born, "this care record", "the child's birth")
        }
        let rows = episodes
        switch event {
        case .startedToBeLookedAfter(let start):
            try checkStart(start, rows: rows)
        case .placementChanged(let change):
            try checkPlacementChange(change, current: try current(in: rows, for: "their placement cannot change"), rows: rows)
        case .legalStatusChanged(let day, let legalStatus):
            try checkLegalStatusChange(on: day, to: legalStatus, current: try current(in: rows, for: "their legal status cannot change"))
        case .ceasedToBeLookedAfter(let day, let reason):
            try checkCeasing(on: day, reason: reason, current: try current(in: rows, for: "they cannot cease to be looked after"))
        case .wentMissing(let day, _):
            try checkWentMissing(on: day, rows: rows)
        case .returnedFromMissing(let day):
            try checkReturned(on: day)
        case .returnInterviewOffered(let day, _):
            try checkReturnInterview(on: day)
        }
        var updated = self
        updated.events.append(event)
        return updated
    }

    // MARK: Episodes

    /// A period of care starts only when the child is not already looked after (903 rule 142),
    /// not on the day the last one ended (431), never at 18 or over (352) and never in a
    /// temporary placement (380).
    private func checkStart(_ start: StartOfCare, rows: [CareEpisodeRow]) throws(WorkflowRefusal) {
        if let current = rows.last, current.endDate == nil {
            throw WorkflowRefusal(.alreadyLookedAfter,
                                  "This child is already looked after (this episode began on \(WorkflowDates.text(current.startDate))). Record a change of placement or legal status instead.")
        }
        if let lastEnd = rows.last?.endDate {
            guard start.date != lastEnd else {
                throw WorkflowRefusal(.restartOnEndDay,
                                      "A new period of care cannot start on the day the last one ended (\(WorkflowDates.text(lastEnd))). If the child never left care, remove the ending; otherwise check the dates.")
            }
            try WorkflowDates.notBefore(start.date, lastEnd, "the new period of care", "the end of the last one")
        }
        if let born = childBirthDate, born.age(on: start.date) >= 18 {
            throw WorkflowRefusal(.tooOldToStart, "A young person aged 18 or over cannot start to be looked after.")
        }
        try checkLegalStatus(start.legalStatus)
        guard WorkflowCodeSets.categoriesOfNeed.contains(start.categoryOfNeed) else {
            throw .unknownCode(start.categoryOfNeed, field: "category of need", allowed: "N1 to N8")
        }
        try start.placement.validate()
        guard !start.placement.isTemporary else {
            throw WorkflowRefusal(.startsTemporary,
                                  "A period of care cannot start in a temporary placement (\(start.placement.type)). Record the child's usual placement.")
        }
    }

    private func checkPlacementChange(_ change: PlacementChange, current: CareEpisodeRow, rows: [CareEpisodeRow]) throws(WorkflowRefusal) {
        try WorkflowDates.notBefore(change.date, current.startDate, "the placement change", "the current episode, which began")
        try checkNotShortBreak(current.legalStatus, change: "placement")
        if let missing = missingEpisodes.last, missing.isOpen {
            throw WorkflowRefusal(.missingEpisodeOpen,
                                  "The child has been missing since \(WorkflowDates.text(missing.start)). Record their return before a placement change: the missing episode belongs to the placement they went missing from.")
        }
        try change.placement.validate()
        guard change.placement != current.placement else {
            throw WorkflowRefusal(.nothingChanged,
                                  "The new placement is the same as the current one: type, provider, postcode and URN all match. Nothing has changed.")
        }
        if current.placement.isTemporary {
            try checkReturnFromTemporary(to: change.placement, rows: rows)
        }
        if let reason = change.reason {
            try checkPlacementChangeReason(reason)
        } else if !current.placement.isTemporary, !change.placement.isTemporary {
            throw .missing("the reason for the placement change", "the 903 records why a child moved between placements")
        }
    }

    /// A temporary placement ends with the child going back to their usual one (903 rule 383).
    private func checkReturnFromTemporary(to placement: CarePlacement, rows: [CareEpisodeRow]) throws(WorkflowRefusal) {
        let periodStart = rows.lastIndex { $0.reasonForNewEpisode == .startedToBeLookedAfter } ?? 0
        guard let usual = rows[periodStart...].last(where: { !$0.placement.isTemporary })?.placement else { return }
        guard placement.type == usual.type, placement.postcode == usual.postcode else {
            throw WorkflowRefusal(.notReturningFromTemporary,
                                  "A temporary placement ends with the child going back to their usual placement (\(usual.summary)). If the child is not going back, the stay was not temporary: correct the record before recording this move.")
        }
    }

    private func checkLegalStatusChange(on day: Day, to legalStatus: String, current: CareEpisodeRow) throws(WorkflowRefusal) {
        try WorkflowDates.notBefore(day, current.startDate, "the legal status change", "the current episode, which began")
        try checkLegalStatus(legalStatus)
        guard legalStatus != current.legalStatus else {
            throw WorkflowRefusal(.nothingChanged, "The child's legal status is already \(legalStatus). Nothing has changed.")
        }
        try checkNotShortBreak(current.legalStatus, change: "legal status")
        try checkNotShortBreak(legalStatus, change: "legal status")
    }

    /// Checks the ending against the child's age and placement where the reason depends on
    /// them (903 rules 355, 386, 387, 389, 390, 407, 460, 577).
    private func checkCeasing(on day: Day, reason: String, current: CareEpisodeRow) throws(WorkflowRefusal) {
        try WorkflowDates.notBefore(day, current.startDate, "the end of care", "the current episode, which began")
        if current.reasonForNewEpisode == .startedToBeLookedAfter, day == current.startDate {
            throw WorkflowRefusal(.lessThanADay,
                                  "A child cannot cease to be looked after on the day they started (\(WorkflowDates.text(day))). The 903 does not record care lasting under a day.")
        }
        if let missing = missingEpisodes.last, missing.isOpen {
            throw WorkflowRefusal(.missingEpisodeOpen,
                                  "The child has been missing since \(WorkflowDates.text(missing.start)). Record their return, or the end of the missing episode, before recording that care ended.")
        }
        guard reason != WorkflowCodeSets.episodeContinues else {
            throw WorkflowRefusal(.unknownCode,
                                  "X1 is recorded automatically when a child moves or their legal status changes. To end the child's care, choose why it ended (E2 to E17).")
        }
        guard WorkflowCodeSets.reasonsCeasedToBeLookedAfter.contains(reason) else {
            throw .unknownCode(reason, field: "reason care ended", allowed: "a 903 reason such as E4A (returned home), E13 or E17")
        }
        if reason == "E11" || reason == "E12", !WorkflowCodeSets.adoptionPlacementTypes.contains(current.placement.type) {
            throw WorkflowRefusal(.ceasingReasonInconsistent,
                                  "A child can only be adopted from a placement for adoption (A3 to A6). The current placement is \(current.placement.type).")
        }
        guard let born = childBirthDate else { return }
        let age = born.age(on: day)
        let inconsistency: String? =
            if ["E11", "E12"].contains(reason), age >= 18 { "a young person aged 18 or over cannot be adopted" }
            else if ["E45", "E46", "E47", "E48"].contains(reason), age >= 18 { "a special guardianship order cannot be made for a young person aged 18 or over" }
            else if ["E5", "E6"].contains(reason), age < 14 { "a child under 14 cannot move to independent living" }
            else if reason == "E7", age < 16 { "a child under 16 cannot move to care funded by adult social services" }
            else if reason == "E17", age < 18 { "staying with current carers at 18 (E17) applies only from the 18th birthday" }
            else { nil }
        if let inconsistency {
            throw WorkflowRefusal(.ceasingReasonInconsistent,
                                  "The child is \(age) on \(WorkflowDates.text(day)), and \(inconsistency). Check the reason or the date.")
        }
    }

    // MARK: Missing

    /// Missing episodes belong to a period of care (903 rules 581, 578) and never overlap (574).
    private func checkWentMissing(on day: Day, rows: [CareEpisodeRow]) throws(WorkflowRefusal) {
        let periodStart = rows.last(where: { $0.reasonForNewEpisode == .startedToBeLookedAfter })?.startDate
        guard let periodStart, isLookedAfter else {
            throw WorkflowRefusal(.notLookedAfter,
                                  "This child is not looked after. Missing episodes here are for looked-after children; record others on the child's case.")
        }
        try WorkflowDates.notBefore(day, periodStart, "the missing episode", "the start of this period of care")
        if let last = missingEpisodes.last {
            guard let end = last.end else {
                throw WorkflowRefusal(.missingEpisodeOpen,
                                      "The child is already recorded as missing since \(WorkflowDates.text(last.start)). Record their return first.")
            }
            try WorkflowDates.notBefore(day, end, "the new missing episode", "the end of the last one")
        }
    }

    private func checkReturned(on day: Day) throws(WorkflowRefusal) {
        guard let last = missingEpisodes.last, last.isOpen else {
            throw WorkflowRefusal(.noMissingEpisode, "The child is not recorded as missing, so there is no return to record.")
        }
        try WorkflowDates.notBefore(day, last.start, "the return", "the start of the missing episode")
    }

    private func checkReturnInterview(on day: Day) throws(WorkflowRefusal) {
        guard let last = missingEpisodes.last else {
            throw WorkflowRefusal(.noMissingEpisode, "There is no missing episode to offer a return interview for.")
        }
        guard let end = last.end else {
            throw WorkflowRefusal(.missingEpisodeOpen, "The child is still missing. A return interview is offered once they are back.")
        }
        if let interview = last.returnInterview {
            throw WorkflowRefusal(.returnInterviewRecorded,
                                  "A return interview for this missing episode was already offered on \(WorkflowDates.text(interview.offeredOn)).")
        }
        try WorkflowDates.notBefore(day, end, "the return interview offer", "the child's return")
    }

    // MARK: Shared checks

    private func current(in rows: [CareEpisodeRow], for consequence: String) throws(WorkflowRefusal) -> CareEpisodeRow {
        guard let current = rows.last, current.endDate == nil else {
            let ended = rows.last?.endDate.map { " (care last ended on \(WorkflowDates.text($0)))" } ?? ""
            throw WorkflowRefusal(.notLookedAfter,
                                  "This child is not looked after\(ended), so \(consequence). Record that they started to be looked after first.")
        }
        return current
    }

    private func checkLegalStatus(_ code: String) throws(WorkflowRefusal) {
        guard WorkflowCodeSets.legalStatuses.contains(code) else {
            throw .unknownCode(code, field: "legal status", allowed: "a 903 legal status such as C1, C2, E1, V2 or L1")
        }
    }

    /// Each short break under V3 is a period of care of its own (903 rule 366).
    private func checkNotShortBreak(_ legalStatus: String, change: String) throws(WorkflowRefusal) {
        guard legalStatus != WorkflowCodeSets.shortBreakLegalStatus else {
            throw WorkflowRefusal(.shortBreakChange,
                                  "Each short break under V3 is its own period of care, so the \(change) cannot change part-way through one. End the short break and start a new period of care.")
        }
    }

    private func checkPlacementChangeReason(_ reason: String) throws(WorkflowRefusal) {
        guard WorkflowCodeSets.reasonsForPlacementChange.contains(reason) else {
            throw .unknownCode(reason, field: "reason for placement change", allowed: "a 903 reason such as CARPL, CHILD, LAREQ or OTHER")
        }
    }
}

extension WorkflowRefusal.Code {
    public static let alreadyLookedAfter = Self("lookedafter.already-looked-after")
    public static let notLookedAfter = Self("lookedafter.not-looked-after")
    public static let restartOnEndDay = Self("lookedafter.restart-on-end-day")
    public static let tooOldToStart = Self("lookedafter.too-old-to-start")
    public static let startsTemporary = Self("lookedafter.starts-temporary")
    public static let nothingChanged = Self("lookedafter.nothing-changed")
    public static let notReturningFromTemporary = Self("lookedafter.not-returning-from-temporary")
    public static let shortBreakChange = Self("lookedafter.short-break-change")
    public static let lessThanADay = Self("lookedafter.less-than-a-day")
    public static let ceasingReasonInconsistent = Self("lookedafter.ceasing-reason-inconsistent")
    public static let missingEpisodeOpen = Self("lookedafter.missing-episode-open")
    public static let noMissingEpisode = Self("lookedafter.no-missing-episode")
    public static let returnInterviewRecorded = Self("lookedafter.return-interview-recorded")
}

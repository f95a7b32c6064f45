import LanternCore

/// Checks on the Episodes table: each episode alone, then each child's episodes in date order.
///
/// Source: DfE SSDA903 validation rules 2025-26 (shared/domain/903-rules-2025-26.tsv), read with the
/// csc-validator-be-903 implementation for boundaries. A child's episodes must run end to end:
/// each continuation (RNE other than S) starts the day the previous one ended with X1.
struct SSDA903EpisodeChecks {
    let year: CollectionYear
    let birthDates: [String: Day]
    let uascChildren: Set<String>

    /// `episodesByChild`: each child's episodes, oldest first.
    func check(_ episodesByChild: [String: [SSDA903Episode]], into log: inout IssueLog) {
        for (_, history) in episodesByChild.sorted(by: { $0.key < $1.key }) {
            for episode in history {
                checkCodes(episode, into: &log)
                checkDates(episode, into: &log)
                checkAges(episode, into: &log)
                checkPlacement(episode, into: &log)
                checkTemporaryPlacement(episode, into: &log)
                checkShortStays(episode, into: &log)
            }
            checkSequence(history, into: &log)
        }
    }

    private func checkCodes(_ e: SSDA903Episode, into log: inout IssueLog) {
        let child = e.child
        if !SSDA903Codes.reasonNewEpisode.contains(e.reasonNewEpisode) {
            log.add("143", child: child, field: "RNE", "\"\(e.reasonNewEpisode)\" is not a reason for a new episode")
        }
        if !SSDA903Codes.legalStatus.contains(e.legalStatus) {
            log.add("144", child: child, field: "LS", "\"\(e.legalStatus)\" is not a legal status code")
        }
        if !SSDA903Codes.categoryOfNeed.contains(e.categoryOfNeed) {
            log.add("145", child: child, field: "CIN", "\"\(e.categoryOfNeed)\" is not a category of need (N1 to N8)")
        }
        if !SSDA903Codes.placement.contains(e.placement) {
            log.add("146", child: child, field: "PLACE", "\"\(e.placement)\" is not a placement type in use this year")
        }
        if let rec = e.reasonEnded, !SSDA903Codes.reasonEnded.contains(rec) {
            log.add("149", child: child, field: "REC", "\"\(rec)\" is not a reason for an episode ending")
        }
        if let reason = e.reasonPlacementChanged, !SSDA903Codes.reasonPlacementChanged.contains(reason) {
            log.add("1009", child: child, field: "REASON_PLACE_CHANGE", "\"\(reason)\" is not a reason for a placement change")
        }
        if (e.end == nil) != (e.reasonEnded == nil) {
            log.add("148", child: child, field: "DEC", "The episode from \(e.start.ukText) needs both an end date and a reason it ended, or neither")
        }
    }

    private func checkDates(_ e: SSDA903Episode, into log: inout IssueLog) {
        let child = e.child
        if e.start > year.end {
            log.add("354", child: child, field: "DECOM", "The episode starts (\(e.start.ukText)) after the end of the collection year")
        }
        guard let end = e.end else {
            if e.reasonPlacementChanged != nil {
                log.add("233", child: child, field: "REASON_PLACE_CHANGE",
                        "The episode from \(e.start.ukText) has not ended, so it should have no reason for a placement change")
            }
            return
        }
        if end > year.end {
            log.add("385", child: child, field: "DEC", "The episode ends (\(end.ukText)) after the end of the collection year")
        }
        if end < e.start {
            log.add("356", child: child, field: "DEC", "The episode ends (\(end.ukText)) before it starts (\(e.start.ukText))")
        } else if end == e.start {
            log.add("355", child: child, field: "DEC", "The episode starts and ends on the same day (\(end.ukText)); it lasted less than 24 hours")
        }
    }

    private func checkAges(_ e: SSDA903Episode, into log: inout IssueLog) {
        guard let born = birthDates[e.child] else { return }
        let child = e.child
        if e.start < born {
            log.add("302", child: child, field: "DECOM", "The episode starts (\(e.start.ukText)) before the child was born")
        }
        if e.reasonNewEpisode == "S", born.age(on: e.start) >= 18 {
            log.add("352", child: child, field: "DECOM", "The young person was 18 or over when they started to be looked after")
        }
        if SSDA903Codes.youthJustice.contains(e.legalStatus), e.start <= born.adding(years: 10) {
            log.add("358", child: child, field: "LS", "A child under 10 cannot have legal status \(e.legalStatus)")
        }
        if let (rule, minimumAge, what) = Self.minimumAgeForPlacement[e.placement], born.age(on: e.start) < minimumAge {
            log.add(rule, child: child, field: "PLACE", "A child must be at least \(minimumAge) to be placed in \(what)")
        }
        guard let end = e.end, let rec = e.reasonEnded else { return }
        let ageAtEnd = born.age(on: end)
        if SSDA903Codes.adopted.contains(rec), ageAtEnd >= 18 {
            log.add("386", child: child, field: "REC", "The episode ends in adoption but the young person was already 18")
        }
        if SSDA903Codes.independentLiving.contains(rec), ageAtEnd < 14 {
            log.add("387", child: child, field: "REC", "A child under 14 cannot leave care to live independently (\(rec))")
        }
        if rec == SSDA903Codes.adultResidentialCare, ageAtEnd < 16 {
            log.add("389", child: child, field: "REC", "A child under 16 cannot transfer to adult residential care (E7)")
        }
        if SSDA903Codes.specialGuardianship.contains(rec), ageAtEnd >= 18 {
            log.add("407", child: child, field: "REC", "A special guardianship order cannot end care for a young person already 18")
        }
        if rec == SSDA903Codes.stayedWithCarersAt18, ageAtEnd < 18 {
            log.add("460", child: child, field: "REC", "E17 (stayed with carers at 18) is recorded but the young person was under 18")
        }
        if e.reasonPlacementChanged == "CUSTOD", ageAtEnd < 10 {
            log.add("234", child: child, field: "REASON_PLACE_CHANGE", "A child under 10 cannot move placement because of custody")
        }
    }

    /// Placements a child must be old enough for (rules 371-374).
    private static let minimumAgeForPlacement: [String: (rule: String, age: Int, what: String)] = [
        "K3": ("371", 16, "supported accommodation (K3)"),
        "R5": ("372", 10, "youth custody (R5)"),
        "S1": ("373", 4, "a residential school (S1)"),
        "P3": ("374", 14, "residential employment (P3)"),
    ]

    /// Episodes that by law or definition last only so long (rules 365, 375, 376, 379).
    private func checkShortStays(_ e: SSDA903Episode, into log: inout IssueLog) {
        guard let end = e.end else { return }
        let days = e.start.days(until: end)
        if e.legalStatus == "V3", days > 17 {
            log.add("365", child: e.child, field: "DEC", "A single short break (V3) lasted \(days) days; the most allowed is 17")
        }
        let limits: [String: (rule: String, days: Int, what: String)] = [
            "T1": ("375", 42, "a temporary hospital stay (T1)"),
            "T3": ("376", 21, "a placement covering the foster carer's holiday (T3)"),
            "T4": ("379", 7, "a temporary placement (T4)"),
        ]
        if let limit = limits[e.placement], days > limit.days {
            log.add(limit.rule, child: e.child, field: "DEC", "\(days) days is longer than \(limit.what) may last (\(limit.days) days)")
        }
    }

    private func checkPlacement(_ e: SSDA903Episode, into log: inout IssueLog) {
        let child = e.child
        let place = e.placement
        let takesNoProvider = SSDA903Codes.withoutProvider.contains(place)
        switch e.placementProvider {
        case nil where !takesNoProvider:
            log.add("526", child: child, field: "PLACE_PROVIDER", "The placement from \(e.start.ukText) needs a placement provider code")
        case let provider? where takesNoProvider:
            log.add("213", child: child, field: "PLACE_PROVIDER", "A \(place) placement has no placement provider; remove \(provider)")
        case let provider? where !SSDA903Codes.placementProvider.contains(provider):
            log.add("178", child: child, field: "PLACE_PROVIDER", "\"\(provider)\" is not a placement provider code")
        default: break
        }
        checkProviderSuitsPlacement(e, into: &log)
        if place == SSDA903Codes.placedWithParents, e.legalStatus == "V2" {
            log.add("378", child: child, field: "LS", "A child placed with parents cannot be accommodated under section 20 (V2)")
        }

        let isShortBreak = SSDA903Codes.shortBreaks.contains(e.legalStatus)
        if let urn = e.urn {
            if SSDA903Codes.withoutURN.contains(place), urn != SSDA903Codes.regionalAdoptionAgencyURN {
                log.add("222", child: child, field: "URN", "A \(place) placement should have no Ofsted URN")
            }
            if urn == SSDA903Codes.regionalAdoptionAgencyURN,
               !(SSDA903Codes.placedForAdoption.contains(place) || SSDA903Codes.fostering.contains(place)) {
                log.add("242", child: child, field: "URN", "URN XXXXXXX is only for regional adoption agencies (adoption or foster placements)")
            }
        } else if !SSDA903Codes.withoutURN.contains(place), (e.end.map { $0 >= year.start } ?? true) {
            log.add("218", child: child, field: "URN", "The \(place) placement from \(e.start.ukText) needs the provider's Ofsted URN")
        }

        if isShortBreak {
            if e.placementPostcode != nil || e.urn != nil {
                log.add("214", child: child, field: "PL_POST", "Placement location is not recorded for short breaks (\(e.legalStatus))")
            }
            if e.homePostcode != nil {
                log.add("398", child: child, field: "HOME_POST", "Home postcode is not recorded for short breaks (\(e.legalStatus))")
            }
        } else {
            let needsHome = !uascChildren.contains(child)
            if e.placementPostcode == nil || (needsHome && e.homePostcode == nil) {
                log.add("392b", child: child, field: "PL_POST", "The episode from \(e.start.ukText) needs the home and placement postcodes")
            }
            if let home = e.homePostcode, let placed = e.placementPostcode, place != SSDA903Codes.placedWithParents,
               normalised(home) == normalised(placed) {
                log.add("392d", child: child, field: "PL_POST",
                        "The home and placement postcodes are the same, which only happens for a placement with parents (P1)")
            }
        }
    }

    /// Provider codes that cannot go with certain placements (rules 527-531, 550).
    private func checkProviderSuitsPlacement(_ e: SSDA903Episode, into log: inout IssueLog) {
        guard let provider = e.placementProvider else { return }
        let place = e.placement
        let rule: String?
        switch provider {
        case "PR0": rule = place == SSDA903Codes.placedWithParents ? nil : "550"
        case "PR1": rule = ["P1", "R2", "R5"].contains(place) ? "527" : nil
        case "PR2": rule = ["P1", "R2", "R5"].contains(place) ? "528" : nil
        case "PR3":
            let notPublic = place == "P1" || ["K1", "K2"].contains(place)
                || SSDA903Codes.placedForAdoption.contains(place) || SSDA903Codes.fostering.contains(place)
            rule = notPublic ? "529" : nil
        case "PR4": rule = place == "P1" ? "530" : nil
        case "PR5": rule = place == "P1" ? "531" : nil
        default: rule = nil
        }
        if let rule {
            log.add(rule, child: e.child, field: "PLACE_PROVIDER", "Placement provider \(provider) cannot provide a \(place) placement")
        }
    }

    private func normalised(_ postcode: String) -> String {
        postcode.uppercased().filter { !$0.isWhitespace }
    }

    /// How consecutive episodes join up.
    private func checkSequence(_ history: [SSDA903Episode], into log: inout IssueLog) {
        guard let first = history.first else { return }
        if first.start >= year.start, first.reasonNewEpisode != "S" {
            log.add("357", child: first.child, field: "RNE",
                    "The child's first episode (\(first.start.ukText)) must have reason S, started to be looked after")
        }
        for (previous, next) in zip(history, history.dropFirst()) {
            checkJoin(previous, next, into: &log)
        }
        if let last = history.last, last.reasonEnded == SSDA903Codes.continuesInCare {
            log.add("388", child: last.child, field: "REC",
                    "The last episode ends with X1 (care continues) but no episode follows it")
        }
        checkTimeLimitedLegalStatus(history, into: &log)
    }

    /// Emergency legal statuses the Children Act 1989 and PACE limit in time (rules 361-364),
    /// counted over an unbroken run of episodes with that status; a run still open is counted to 31 March.
    private func checkTimeLimitedLegalStatus(_ history: [SSDA903Episode], into log: inout IssueLog) {
        let limits: [String: (rule: String, days: Int, what: String)] = [
            "L1": ("361", 3, "Police protection"), "L2": ("362", 21, "An emergency protection order"),
            "L3": ("363", 7, "A child assessment order"), "J2": ("364", 21, "Accommodation under PACE"),
        ]
        var index = history.startIndex
        while index < history.endIndex {
            var last = index
            while last + 1 < history.endIndex, history[last + 1].legalStatus == history[index].legalStatus,
                  history[last].end == history[last + 1].start {
                last += 1
            }
            let first = history[index]
            if let limit = limits[first.legalStatus] {
                let days = first.start.days(until: history[last].end ?? year.end)
                if days > limit.days {
                    log.add(limit.rule, child: first.child, field: "DEC",
                            "\(limit.what) from \(first.start.ukText) lasted \(days) days; the most allowed is \(limit.days)")
                }
            }
            index = last + 1
        }
    }

    private func checkJoin(_ previous: SSDA903Episode, _ next: SSDA903Episode, into log: inout IssueLog) {
        let child = next.child
        let starts = next.start.ukText
        guard let ended = previous.end else {
            log.add("142", child: child, field: "DEC",
                    "A new episode starts \(starts) but the episode from \(previous.start.ukText) has not ended")
            return
        }
        if next.start < ended {
            log.add("501", child: child, field: "DECOM",
                    "The episode starting \(starts) overlaps the previous episode, which ended \(ended.ukText)")
        }
        if let rec = previous.reasonEnded, SSDA903Codes.careCannotContinue.contains(rec) {
            log.add("437", child: child, field: "REC", "The episode ending \(ended.ukText) with \(rec) cannot be followed by another episode")
        }
        let continues = previous.reasonEnded == SSDA903Codes.continuesInCare
        if next.reasonNewEpisode == "S" {
            if next.start <= ended {
                log.add("431", child: child, field: "RNE",
                        "The episode starting \(starts) says the child started to be looked after (S), but the previous episode only ended that day")
            }
        } else {
            if next.start != ended {
                log.add("433", child: child, field: "DECOM",
                        "The episode starting \(starts) continues the last one, so it must start the day that one ended (\(ended.ukText))")
            }
            if !continues {
                log.add("432", child: child, field: "RNE",
                        "The child left care on \(ended.ukText), so the next episode's reason must be S (started to be looked after)")
            }
        }
        if continues, next.start != ended {
            log.add("388", child: child, field: "REC", "The episode ending \(ended.ukText) with X1 is not followed by an episode starting that day")
        } else if !continues, previous.reasonEnded != nil, next.start == ended {
            log.add("388", child: child, field: "REC",
                    "Care continues in a new episode from \(starts), so the episode ending that day should end with X1")
        }
        checkWhatChanged(previous, next, into: &log)
        checkPlacementChangeReason(previous, next, into: &log)
    }

    /// The reason for a new episode must match what actually changed (rules 434-436).
    private func checkWhatChanged(_ previous: SSDA903Episode, _ next: SSDA903Episode, into log: inout IssueLog) {
        let legalChanged = previous.legalStatus != next.legalStatus
        let placementChanged = previous.placement != next.placement || previous.placementPostcode != next.placementPostcode
            || previous.urn != next.urn || previous.placementProvider != next.placementProvider
        let rne = next.reasonNewEpisode
        let child = next.child
        if SSDA903Codes.legalStatusChangedOnly.contains(rne), !legalChanged || placementChanged {
            log.add("434", child: child, field: "RNE",
                    "The episode from \(next.start.ukText) says only the legal status changed (L), but the records show otherwise")
        }
        if SSDA903Codes.placementChangedOnly.contains(rne), legalChanged || !placementChanged {
            log.add("435", child: child, field: "RNE",
                    "The episode from \(next.start.ukText) says only the placement changed (\(rne)), but the records show otherwise")
        }
        if SSDA903Codes.bothChanged.contains(rne), !legalChanged || !placementChanged {
            log.add("436", child: child, field: "RNE",
                    "The episode from \(next.start.ukText) says both legal status and placement changed (\(rne)), but the records show otherwise")
        }
    }

    /// A move between ordinary placements records why (225); temporary placements record no reason,
    /// nor does the episode before one (226). Care cannot begin or end in a temporary placement (380, 381).
    private func checkPlacementChangeReason(_ previous: SSDA903Episode, _ next: SSDA903Episode, into log: inout IssueLog) {
        let previousTemporary = SSDA903Codes.temporary.contains(previous.placement)
        let nextTemporary = SSDA903Codes.temporary.contains(next.placement)
        if previous.reasonEnded == SSDA903Codes.continuesInCare, previous.reasonPlacementChanged == nil,
           !previousTemporary, !nextTemporary, ["P", "B", "T", "U"].contains(next.reasonNewEpisode) {
            log.add("225", child: next.child, field: "REASON_PLACE_CHANGE",
                    "The placement changed on \(next.start.ukText); record why on the episode that ended")
        }
        if nextTemporary, previous.reasonPlacementChanged != nil {
            log.add("226", child: next.child, field: "REASON_PLACE_CHANGE",
                    "The move into a temporary placement on \(next.start.ukText) needs no reason for placement change")
        }
    }

    /// Rules about temporary placements that need no neighbour.
    private func checkTemporaryPlacement(_ e: SSDA903Episode, into log: inout IssueLog) {
        guard SSDA903Codes.temporary.contains(e.placement) else { return }
        if e.reasonPlacementChanged != nil {
            log.add("226", child: e.child, field: "REASON_PLACE_CHANGE", "A temporary placement needs no reason for placement change")
        }
        if !["P", "B"].contains(e.reasonNewEpisode) {
            log.add("380", child: e.child, field: "PLACE", "A period of care cannot start with a temporary placement (\(e.placement))")
        }
        if let rec = e.reasonEnded, rec != SSDA903Codes.continuesInCare {
            log.add("381", child: e.child, field: "PLACE", "A period of care cannot end in a temporary placement (\(e.placement))")
        }
    }
}

import LanternCore

/// Checks on the SSDA903 tables other than Header and Episodes, each read beside the child's
/// Header row and episodes.
struct SSDA903TableChecks {
    let year: CollectionYear
    let headers: [String: SSDA903Header]
    /// Each child's episodes, oldest first.
    let episodesByChild: [String: [SSDA903Episode]]

    private func born(_ child: String) -> Day? { headers[child]?.dateOfBirth }

    /// The day the child last left care, if their latest episode ended other than by continuing.
    private func leftCare(_ child: String) -> Day? {
        guard let last = episodesByChild[child]?.last, let rec = last.reasonEnded,
              rec != SSDA903Codes.continuesInCare else { return nil }
        return last.end
    }

    func checkReviews(_ reviews: [SSDA903Review], into log: inout IssueLog) {
        for r in reviews {
            if !SSDA903Codes.reviewParticipation.contains(r.participation) {
                log.add("167", child: r.child, field: "REVIEW_CODE", "\"\(r.participation)\" is not a participation code (PN0 to PN7)")
            }
            guard let born = born(r.child) else { continue }
            let underFour = born.age(on: r.date) < 4
            if r.participation == SSDA903Codes.underFour, !underFour {
                log.add("440", child: r.child, field: "REVIEW_CODE", "PN0 is for children under 4, but the child was 4 or over at the review on \(r.date.ukText)")
            } else if r.participation != SSDA903Codes.underFour, underFour {
                log.add("441", child: r.child, field: "REVIEW_CODE", "The child was under 4 at the review on \(r.date.ukText), so participation should be PN0")
            }
        }
    }

    func checkMissing(_ periods: [SSDA903Missing], into log: inout IssueLog) {
        for m in periods {
            let child = m.child
            if !SSDA903Codes.missingKind.contains(m.kind) {
                log.add("1006", child: child, field: "MISSING", "\"\(m.kind)\" is not M (missing) or A (away without authorisation)")
            }
            if m.start > year.end {
                log.add("570", child: child, field: "MIS_START", "The missing period starts (\(m.start.ukText)) after the collection year")
            }
            if let end = m.end {
                if end < m.start {
                    log.add("567", child: child, field: "MIS_END", "The missing period ends (\(end.ukText)) before it starts (\(m.start.ukText))")
                }
                if !year.contains(end) {
                    log.add("571", child: child, field: "MIS_END", "The missing period's end date \(end.ukText) is outside the collection year")
                }
            }
            if let born = born(child), m.start < born {
                log.add("586", child: child, field: "MIS_START", "The missing period starts before the child was born")
            }
            if let firstCare = episodesByChild[child]?.first?.start, m.start < firstCare {
                log.add("581", child: child, field: "MIS_START", "The missing period starts (\(m.start.ukText)) before the child was looked after")
            }
            if let left = leftCare(child) {
                if m.start > left {
                    log.add("578", child: child, field: "MIS_START", "The missing period starts after the child left care on \(left.ukText)")
                }
                if m.end == nil {
                    log.add("577", child: child, field: "MIS_END", "The child left care on \(left.ukText) but the missing period has no end date")
                }
            }
        }
        for (_, list) in Dictionary(grouping: periods, by: \.child).sorted(by: { $0.key < $1.key }) {
            let ordered = list.sorted { ($0.end ?? $0.start, $0.start) < ($1.end ?? $1.start, $1.start) }
            for (previous, next) in zip(ordered, ordered.dropFirst()) {
                if previous.end == nil || next.start < previous.end! {
                    log.add("574", child: next.child, field: "MIS_START",
                            "The missing period from \(next.start.ukText) overlaps the one from \(previous.start.ukText)")
                }
            }
        }
    }

    func checkUASC(_ rows: [SSDA903UASC], into log: inout IssueLog) {
        for u in rows {
            if let ceased = u.statusCeased, let born = born(u.child), ceased > born.adding(years: 18) {
                log.add("304", child: u.child, field: "DUC", "UASC status must cease on or before the 18th birthday")
            }
        }
    }

    func checkOutcomes(_ rows: [SSDA903OC2], into log: inout IssueLog) {
        let reported = Set(rows.map(\.child))
        for (child, episodes) in episodesByChild.sorted(by: { $0.key < $1.key })
        where !reported.contains(child) && SSDA903ContinuousCare.isContinuouslyLookedAfter(episodes, year: year) {
            log.add("191", child: child, field: "CHILD",
                    "The child has been looked after for the whole year, so they need an OC2 row (health, offending and SDQ)")
        }
        for o in rows {
            let child = o.child
            if !SSDA903ContinuousCare.isContinuouslyLookedAfter(episodesByChild[child] ?? [], year: year) {
                log.add("190", child: child, field: "CHILD",
                        "The child was not looked after for the whole year, so they should have no OC2 row")
            } else if [o.immunisations, o.teethCheck, o.healthAssessment, o.substanceMisuse].contains(where: { $0 == nil }) {
                log.add("191", child: child, field: "IMMUNISATIONS",
                        "Record immunisations, dental check, health assessment and substance misuse for a child looked after for the whole year")
            }
            if let score = o.sdqScore, !(0...40).contains(score) {
                log.add("180", child: child, field: "SDQ_SCORE", "The SDQ score \(score) must be between 0 and 40")
            }
            if let reason = o.sdqReason {
                if !SSDA903Codes.sdqReason.contains(reason) {
                    log.add("196", child: child, field: "SDQ_REASON", "\"\(reason)\" is not a reason for no SDQ score")
                }
                if o.sdqScore != nil {
                    log.add("197a", child: child, field: "SDQ_REASON", "A reason for no SDQ score is recorded alongside a score")
                }
            }
            if let born = born(child) {
                let ageAtEnd = born.age(on: year.end)
                if o.healthCheck != nil, ageAtEnd >= 5 {
                    log.add("546", child: child, field: "HEALTH_CHECK", "Health promotion checks are recorded only for children under 5 at 31 March")
                }
                if o.convicted != nil, ageAtEnd < 10 {
                    log.add("542", child: child, field: "CONVICTED", "Convictions are not recorded for children under 10 at 31 March")
                }
            }
            switch (o.substanceMisuse, o.interventionReceived, o.interventionOffered) {
            case (true?, nil, _):
                log.add("192", child: child, field: "INTERVENTION_RECEIVED", "A substance misuse problem is recorded; record whether an intervention was received")
            case (false?, let received, let offered) where received != nil || offered != nil:
                log.add("193", child: child, field: "SUBSTANCE_MISUSE", "No substance misuse problem is recorded, so leave the intervention items blank")
            case (_, true?, .some):
                log.add("158", child: child, field: "INTERVENTION_OFFERED", "An intervention was received, so leave 'intervention offered' blank")
            case (_, false?, nil):
                log.add("159", child: child, field: "INTERVENTION_OFFERED", "No intervention was received; record whether one was offered")
            default: break
            }
        }
    }

    func checkCareLeavers(_ rows: [SSDA903OC3], into log: inout IssueLog) {
        for o in rows {
            if !SSDA903Codes.inTouch.contains(o.inTouch) {
                log.add("131", child: o.child, field: "IN_TOUCH", "\"\(o.inTouch)\" is not an 'in touch' code")
            }
            if let activity = o.activity, !SSDA903Codes.activity.contains(activity) {
                log.add("132", child: o.child, field: "ACTIV", "\"\(activity)\" is not an activity code")
            }
            if let accommodation = o.accommodation, !SSDA903Codes.accommodation.contains(accommodation) {
                log.add("133", child: o.child, field: "ACCOM", "\"\(accommodation)\" is not an accommodation code")
            }
            if (o.activity == nil) != (o.accommodation == nil) {
                log.add("153", child: o.child, field: "ACCOM", "Record both activity and accommodation after leaving care, or neither")
            }
        }
    }

    func checkAdoptions(_ rows: [SSDA903Adoption], into log: inout IssueLog) {
        let adoptedChildren = Set(episodesByChild.filter { _, episodes in
            episodes.contains { SSDA903Codes.adopted.contains($0.reasonEnded ?? "") && ($0.end.map(year.contains) ?? false) }
        }.keys)
        let withAD1 = Set(rows.map(\.child))
        for child in adoptedChildren.subtracting(withAD1).sorted() {
            log.add("601", child: child, field: "CHILD", "The child was adopted this year; complete the adoption details (AD1)")
        }
        for a in rows {
            let child = a.child
            if !adoptedChildren.contains(child) {
                log.add("602", child: child, field: "CHILD", "Adoption details are recorded but the episodes do not show the child adopted this year")
            }
            if ![1, 2].contains(a.numberOfAdopters) {
                log.add("175", child: child, field: "NB_ADOPTR", "The number of adopters must be 1 or 2")
            }
            if !SSDA903Codes.adoptersSex.contains(a.adoptersSex) {
                log.add("176", child: child, field: "SEX_ADOPTR", "\"\(a.adoptersSex)\" is not an adopters' sex code")
            }
            if !SSDA903Codes.adoptersLegalStatus.contains(a.adoptersLegalStatus) {
                log.add("177", child: child, field: "LS_ADOPTR", "\"\(a.adoptersLegalStatus)\" is not an adopters' legal status code")
            }
            if a.numberOfAdopters == 2, !["MM", "FF", "MF"].contains(a.adoptersSex) {
                log.add("511", child: child, field: "SEX_ADOPTR", "Two adopters must be recorded as MM, FF or MF")
            }
            if a.adoptersLegalStatus == "L3", a.adoptersSex != "MF" {
                log.add("517", child: child, field: "SEX_ADOPTR", "Adopters with legal status L3 must be recorded as MF")
            }
            if ["L4", "L12"].contains(a.adoptersLegalStatus), !["MM", "FF"].contains(a.adoptersSex) {
                log.add(a.adoptersLegalStatus == "L4" ? "518" : "524", child: child, field: "SEX_ADOPTR",
                        "Adopters with legal status \(a.adoptersLegalStatus) must be recorded as MM or FF")
            }
            if a.decisionDate > a.matchedDate {
                log.add("333", child: child, field: "DATE_INT", "The decision that adoption is best (\(a.decisionDate.ukText)) is after the match with adopters")
            }
        }
    }

    func checkPlacedForAdoption(_ rows: [SSDA903PlacedForAdoption], into log: inout IssueLog) {
        for p in rows {
            let child = p.child
            if let reason = p.reversedReason, !SSDA903Codes.placedCeasedReason.contains(reason) {
                log.add("120", child: child, field: "REASON_PLACED_CEASED", "\"\(reason)\" is not a reason (RD1 to RD4)")
            }
            if (p.reversedDate == nil) != (p.reversedReason == nil) {
                log.add("119", child: child, field: "DATE_PLACED_CEASED",
                        "When the decision to place for adoption is reversed, record both the date and the reason")
            }
            if let reversed = p.reversedDate, reversed < p.decisionDate {
                log.add("522", child: child, field: "DATE_PLACED_CEASED", "The decision is reversed before it was made")
            }
            if let born = born(child), p.decisionDate < born {
                log.add("184", child: child, field: "DATE_PLACED", "The decision to place for adoption is before the child was born")
            }
            if let started = episodesByChild[child]?.first(where: { $0.reasonNewEpisode == SSDA903Codes.startedToBeLookedAfter })?.start,
               p.decisionDate < started {
                log.add("1003", child: child, field: "DATE_PLACED",
                        "The decision to place for adoption (\(p.decisionDate.ukText)) is before the child started to be looked after (\(started.ukText))")
            }
        }
    }

    func checkPreviousPermanence(_ rows: [SSDA903PreviousPermanence], into log: inout IssueLog) {
        for p in rows {
            if !SSDA903Codes.previousPermanence.contains(p.option) {
                log.add("631", child: p.child, field: "PREV_PERM", "\"\(p.option)\" is not a previous permanence code")
            }
            if p.option == "Z1", p.arrangedBy != nil || p.orderDate != nil {
                log.add("635", child: p.child, field: "PREV_PERM", "No previous permanence order (Z1) is recorded, so leave the LA and date blank")
            }
        }
    }

    func checkSocialWorkers(_ rows: [SSDA903SocialWorkerEpisode], into log: inout IssueLog) {
        for w in rows {
            let child = w.child
            if !(w.socialWorker.hasPrefix("SW") || w.socialWorker.hasPrefix("XX")) {
                log.add("SW02STG1", child: child, field: "SW_ID", "The social worker ID must begin with SW (or XX)")
            }
            if !SSDA903Codes.socialWorkerReason.contains(w.reason) {
                log.add("SW13STG1", child: child, field: "SW_REASON", "\"\(w.reason)\" is not a reason for a change of social worker")
            }
            if w.start > year.end {
                log.add("SW06STG2", child: child, field: "SW_DECOM", "The social worker episode starts after the collection year")
            }
            if let end = w.end {
                if end < w.start {
                    log.add("SW18STG2", child: child, field: "SW_DEC", "The social worker episode ends before it starts")
                } else if end == w.start {
                    log.add("SW09STG2", child: child, field: "SW_DEC", "The social worker episode starts and ends on the same day")
                }
            }
        }
        for (child, list) in Dictionary(grouping: rows, by: \.child).sorted(by: { $0.key < $1.key }) {
            let ordered = list.sorted { $0.start < $1.start }
            if Set(ordered.map(\.start)).count < ordered.count {
                log.add("SW19STG2", child: child, field: "SW_DECOM", "Two social worker episodes start on the same day")
            }
            for (previous, next) in zip(ordered, ordered.dropFirst()) {
                guard let ended = previous.end else {
                    log.add("SW08STG2", child: child, field: "SW_DEC",
                            "A new social worker episode starts \(next.start.ukText) but the previous one has not ended")
                    continue
                }
                if next.start < ended {
                    log.add("SW10STG2", child: child, field: "SW_DECOM",
                            "The social worker episode from \(next.start.ukText) starts before the previous one ended (\(ended.ukText))")
                }
                if next.reason != "FCONTA", abs(ended.days(until: next.start)) > 7 {
                    log.add("SW10aSTG2", child: child, field: "SW_DECOM",
                            "The new social worker took over on \(next.start.ukText), more than 7 days from when the last one finished (\(ended.ukText))")
                }
            }
            if let latest = ordered.last, latest.end != nil {
                log.add("SW17STG2", child: child, field: "SW_DEC", "No social worker episode is open at 31 March")
            }
        }
        checkSocialWorkersSpanCare(Dictionary(grouping: rows, by: \.child), into: &log)
    }

    /// Rule SW12STG2 as the DfE's validator applies it: every social worker episode starts on or
    /// before the day care ended (for an episode that ended care without a new one beginning) and
    /// on or after the day care began (for a start of care followed by a move). A child who left
    /// care and came back in the same year under a new worker cannot meet both; the message says
    /// so, so that the analyst can check the dates and explain the child to the DfE if they are right.
    private func checkSocialWorkersSpanCare(_ workersByChild: [String: [SSDA903SocialWorkerEpisode]], into log: inout IssueLog) {
        let windowStart = year.start.adding(years: -1)
        for (child, episodes) in episodesByChild.sorted(by: { $0.key < $1.key }) {
            let closed = episodes.filter { e in
                !SSDA903Codes.shortBreaks.contains(e.legalStatus) && e.end.map { $0 >= windowStart && $0 <= year.end } == true
            }
            let careBegan = closed.filter { $0.reasonNewEpisode == SSDA903Codes.startedToBeLookedAfter && $0.reasonEnded == SSDA903Codes.continuesInCare }
                .map(\.start).max()
            let careEnded = closed.filter { $0.reasonNewEpisode != SSDA903Codes.startedToBeLookedAfter && $0.reasonEnded != SSDA903Codes.continuesInCare }
                .compactMap(\.end).min()
            guard careBegan != nil || careEnded != nil else { continue }
            let workers = workersByChild[child] ?? []
            if workers.isEmpty {
                log.add("SW12STG2", child: child, field: "SW_DECOM", "No social worker episode is reported for the child's time in care")
            }
            for w in workers {
                if let began = careBegan, w.start < began {
                    log.add("SW12STG2", child: child, field: "SW_DECOM",
                            "The social worker episode from \(w.start.ukText) starts before care began on \(began.ukText)")
                } else if let ended = careEnded, w.start > ended {
                    log.add("SW12STG2", child: child, field: "SW_DECOM",
                            "The social worker episode from \(w.start.ukText) starts after care ended on \(ended.ukText); "
                                + "the DfE's validator expects every episode of the year to start by then, even when the child came back into care later")
                }
            }
        }
    }
}

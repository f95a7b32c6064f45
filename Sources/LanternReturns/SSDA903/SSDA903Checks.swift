import LanternCore

/// Pre-submission checks for the SSDA903 return, in words a social worker can act on.
///
/// Source: DfE SSDA903 validation rules 2025-26 (shared/domain/903-rules-2025-26.tsv), read with the
/// csc-validator-be-903 implementation where the wording leaves a boundary open. The DfE treats
/// all of these as errors; rules that need last year's return or Ofsted's provider lists are left
/// to the DfE's own validation.
public enum SSDA903Checks {
    public static func check(_ input: SSDA903Input) -> [ReturnIssue] {
        var log = IssueLog()
        let year = input.collectionYear
        let headers = Dictionary(input.headers.map { ($0.child, $0) }, uniquingKeysWith: { first, _ in first })
        let episodesByChild = Dictionary(grouping: input.episodes, by: \.child).mapValues { $0.sorted { $0.start < $1.start } }
        checkEveryChildHasAHeader(input, headers: headers, into: &log)
        checkHeaders(input, episodesByChild: episodesByChild, into: &log)
        SSDA903EpisodeChecks(year: year, birthDates: headers.mapValues(\.dateOfBirth), uascChildren: Set(input.uasc.map(\.child)))
            .check(episodesByChild, into: &log)
        let context = SSDA903TableChecks(year: year, headers: headers, episodesByChild: episodesByChild)
        context.checkReviews(input.reviews, into: &log)
        context.checkMissing(input.missing, into: &log)
        context.checkUASC(input.uasc, into: &log)
        context.checkOutcomes(input.outcomesAfter12Months, into: &log)
        context.checkCareLeavers(input.careLeavers, into: &log)
        context.checkAdoptions(input.adoptions, into: &log)
        context.checkPlacedForAdoption(input.placedForAdoption, into: &log)
        context.checkPreviousPermanence(input.previousPermanence, into: &log)
        context.checkSocialWorkers(input.socialWorkerEpisodes, into: &log)
        return log.issues
    }

    /// Every table is joined to the Header by CHILD; one-per-child tables hold a child once.
    private static func checkEveryChildHasAHeader(_ input: SSDA903Input, headers: [String: SSDA903Header],
                                                  into log: inout IssueLog) {
        let tables: [(rule: String?, once: String?, table: String, children: [String])] = [
            ("INT01", "INT31", "AD1", input.adoptions.map(\.child)),
            ("INT02", nil, "PlacedAdoption", input.placedForAdoption.map(\.child)),
            ("INT03", nil, "Episodes", input.episodes.map(\.child)),
            ("INT04", nil, "Missing", input.missing.map(\.child)),
            ("INT05", "INT33", "OC2", input.outcomesAfter12Months.map(\.child)),
            ("INT06", "INT34", "OC3", input.careLeavers.map(\.child)),
            ("INT07", "INT35", "PrevPerm", input.previousPermanence.map(\.child)),
            ("INT08", nil, "Reviews", input.reviews.map(\.child)),
            ("INT09", "INT36", "UASC", input.uasc.map(\.child)),
            (nil, nil, "SWEpisodes", input.socialWorkerEpisodes.map(\.child)),
            (nil, nil, "DoLo", input.deprivationOfLiberty.map(\.child)),
        ]
        for (rule, once, table, children) in tables {
            for child in Set(children).sorted() where headers[child] == nil {
                let message = "The child appears in \(table) but has no Header row"
                if let rule {
                    log.add(rule, child: child, field: "CHILD", message)
                } else {
                    log.addUnnumbered(child: child, field: "CHILD", message)
                }
            }
            guard let once else { continue }
            for (child, count) in Dictionary(children.map { ($0, 1) }, uniquingKeysWith: +).sorted(by: { $0.key < $1.key })
            where count > 1 {
                log.add(once, child: child, field: "CHILD", "The child has \(count) rows in \(table); there should be one")
            }
        }
    }

    private static func checkHeaders(_ input: SSDA903Input, episodesByChild: [String: [SSDA903Episode]],
                                     into log: inout IssueLog) {
        let year = input.collectionYear
        let children = input.headers.map(\.child)
        for (child, count) in Dictionary(children.map { ($0, 1) }, uniquingKeysWith: +).sorted(by: { $0.key < $1.key })
        where count > 1 {
            log.add("INT32", child: child, field: "CHILD", "The child has \(count) Header rows; there should be one")
        }
        let realUPNs = input.headers.map(\.upn).filter { !SSDA903Codes.upnUnknown.contains($0) }
        let repeatedUPNs = Set(Dictionary(realUPNs.map { ($0, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }.keys)

        for h in input.headers {
            let child = h.child
            if !SSDA903Codes.sex.contains(h.sex) {
                log.add("101", child: child, field: "SEX", "\"\(h.sex)\" is not a sex code (M, F or U)")
            } else if h.sex == "U" {
                log.add("232", child: child, field: "SEX", "The child's sex is recorded as unknown")
            }
            if !SSDA903Codes.ethnicity.contains(h.ethnicity) {
                log.add("103", child: child, field: "ETHNIC", "\"\(h.ethnicity)\" is not an ethnicity code")
            }
            if h.dateOfBirth > year.end {
                log.add("301", child: child, field: "DOB", "The date of birth \(h.dateOfBirth.ukText) is after the collection year")
            }
            if year.start > h.dateOfBirth.adding(years: 25) {
                log.add("351", child: child, field: "DOB", "The young person was over 25 at the start of the collection year")
            }
            if !isWellFormedUPN(h.upn) {
                log.add("168", child: child, field: "UPN", "\"\(h.upn)\" is not a UPN; if it is not known use UN1 to UN5")
            }
            if repeatedUPNs.contains(h.upn) {
                log.add("444", child: child, field: "UPN", "The UPN \(h.upn) is recorded for more than one child")
            }
            // School age as the DfE reckons it for rule 209: 4 by the 31 August before the year began.
            if h.upn == "UN1", Day(year: year.endYear - 2, month: 8, day: 31)! >= h.dateOfBirth.adding(years: 4) {
                log.add("209", child: child, field: "UPN", "The child is of school age, so UN1 (not of school age) is wrong")
            }
            if h.upn == "UN4", isLookedAfterBeyondTheLastWeek(episodesByChild[child] ?? [], year: year) {
                log.add("210", child: child, field: "UPN",
                        "UN4 (newly looked after) cannot be used for this child; record the UPN, or UN5 if it is not known")
            }
            checkMotherhood(h, episodes: episodesByChild[child] ?? [], year: year, into: &log)
        }
    }

    private static func checkMotherhood(_ h: SSDA903Header, episodes: [SSDA903Episode], year: CollectionYear,
                                        into log: inout IssueLog) {
        let child = h.child
        let lookedAfter = episodes.contains { !SSDA903Codes.shortBreaks.contains($0.legalStatus) }
        if h.sex == "F", lookedAfter, h.isMother == nil {
            log.add("393", child: child, field: "MOTHER", "Record whether the young woman is a mother (1 or 0)")
        }
        if h.isMother == true, h.mothersChildBirthDate == nil {
            log.add("611", child: child, field: "MC_DOB", "The young woman is a mother; record her child's date of birth")
        }
        guard let baby = h.mothersChildBirthDate else { return }
        if h.isMother != true {
            log.add("612", child: child, field: "MOTHER", "A child's date of birth is recorded but the young person is not recorded as a mother")
        }
        if h.sex == "M" {
            log.add("174", child: child, field: "MC_DOB", "A mother's child's date of birth is recorded for a male child")
        }
        if baby < h.dateOfBirth {
            log.add("621", child: child, field: "MC_DOB", "The mother's child is recorded as born before the mother")
        } else if h.dateOfBirth.age(on: baby) < 11 {
            log.add("620", child: child, field: "MOTHER", "The young person is recorded as a mother but was under 11 when her child was born")
        }
        if baby > year.end {
            log.add("625", child: child, field: "MC_DOB", "The mother's child's date of birth is after the collection year")
        }
    }

    /// Rule 210 as the DfE words it (looked after for more than a week at 31 March) together with
    /// how its validator applies it (an episode that began from 24 March): between them UN4 fits
    /// no child who was looked after in the last week of the year.
    private static func isLookedAfterBeyondTheLastWeek(_ episodes: [SSDA903Episode], year: CollectionYear) -> Bool {
        let lastWeek = Day(year: year.endYear, month: 3, day: 24)!
        return episodes.contains { $0.start >= lastWeek || ($0.start <= year.end && $0.end == nil) }
    }

    /// A 13-character UPN (a letter other than I, O, S; 12 digits, or 11 and a letter) or UN1..UN5 (rule 168).
    static func isWellFormedUPN(_ upn: String) -> Bool {
        if SSDA903Codes.upnUnknown.contains(upn) { return true }
        let chars = Array(upn)
        guard chars.count == 13, let first = chars.first, first.isASCII, first.isUppercase, !"IOS".contains(first) else { return false }
        let last = chars[12]
        return chars[1...11].allSatisfy(\.isASCIIDigit) && (last.isASCIIDigit || (last.isASCII && last.isUppercase))
    }
}

import LanternCore

/// One child as the store holds them, for the SSDA903: their details and their care record.
public struct SSDA903SourceChild: Sendable {
    public var childID: String
    public var sex: String
    public var birthDate: Day?
    public var ethnicity: String?
    public var upn: String?
    public var care: LookedAfterRecord
    /// The child's allocated social workers, oldest first.
    public var socialWorkers: [SocialWorkerSpell]

    public init(childID: String, sex: String, birthDate: Day?, ethnicity: String?, upn: String?, care: LookedAfterRecord,
                socialWorkers: [SocialWorkerSpell] = []) {
        self.socialWorkers = socialWorkers
        self.childID = childID
        self.sex = sex
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.upn = upn
        self.care = care
    }
}

/// A time a social worker was allocated to the child.
public struct SocialWorkerSpell: Sendable {
    /// Social Work England number; nil when not recorded.
    public var socialWorkerNumber: String?
    public var start: Day
    public var end: Day?
    /// SW_REASON: why this worker's involvement began.
    public var reason: String?

    public init(socialWorkerNumber: String?, start: Day, end: Day?, reason: String?) {
        self.socialWorkerNumber = socialWorkerNumber
        self.start = start
        self.end = end
        self.reason = reason
    }
}

/// Builds the SSDA903 tables for a collection year from children's care records. Which rows
/// belong to a year follows the DfE's SSDA903 guidance: every episode open at any time in the
/// year (so the first may have started years before), the reviews and missing episodes in it,
/// and the care leaver follow-up for birthdays that fell in it.
public enum SSDA903Builder {
    public static func build(_ children: [SSDA903SourceChild], year: CollectionYear) -> SSDA903Input {
        var input = SSDA903Input(collectionYear: year)
        for child in children.sorted(by: { $0.childID < $1.childID }) {
            guard let born = child.birthDate else { continue }
            let rows = child.care.ledger.episodes.filter { $0.startDate <= year.end && ($0.endDate.map { $0 >= year.start } ?? true) }
            let lastEnd = child.care.ledger.episodes.last?.endDate
            // Rule 1016: no OC3 row for a 17th or 18th birthday if care ended on or after it.
            let followUps = child.care.careLeaver?.birthdayFollowUps.filter { followUp in
                let birthday = born.birthday(followUp.age)
                let leftAfterBirthday = followUp.age <= 18 && (lastEnd.map { $0 >= birthday } ?? false)
                return year.contains(birthday) && !leftAfterBirthday
            } ?? []
            guard !rows.isEmpty || !followUps.isEmpty else { continue }
            // Rule 628: motherhood is asked only of young women looked after in the year.
            let mother = child.sex == "F" && !rows.isEmpty ? child.care.motherhood : nil
            // The 903 asks about motherhood for every looked-after girl; below 12 the answer is no
            // without asking, from 12 it is recorded on the care page.
            let isMother = mother?.isMother ?? (child.sex == "F" && !rows.isEmpty && born.age(on: year.end) < 12 ? false : nil)
            input.headers.append(SSDA903Header(child: child.childID, sex: child.sex, dateOfBirth: born, ethnicity: child.ethnicity ?? "NOBT",
                                               upn: upn(child.upn, birthDate: born, year: year), isMother: isMother,
                                               mothersChildBirthDate: mother?.firstChildBorn))
            if rows.contains(where: { $0.reasonForNewEpisode == .startedToBeLookedAfter && year.contains($0.startDate) }),
               let previous = child.care.previousPermanence {
                input.previousPermanence.append(SSDA903PreviousPermanence(child: child.childID, option: previous.option,
                                                                          arrangedBy: previous.arrangedBy, orderDate: previous.orderDate))
            }
            if let careStart = startOfCare(child.care.ledger.episodes, before: rows.first) {
                let careEnd = rows.last.flatMap { $0.reasonEnded != "X1" ? $0.endDate : nil }
                input.socialWorkerEpisodes += socialWorkerEpisodes(child, from: careStart, to: careEnd, year: year)
            }
            let episodes = rows.map { row in
                SSDA903Episode(child: child.childID, start: row.startDate, reasonNewEpisode: row.reasonForNewEpisode.rawValue,
                               legalStatus: row.legalStatus, categoryOfNeed: row.categoryOfNeed, placement: row.placement.type,
                               placementProvider: row.placement.provider,
                               end: row.endDate.flatMap { $0 <= year.end ? $0 : nil },
                               reasonEnded: row.endDate.flatMap { $0 <= year.end ? row.reasonEnded : nil },
                               reasonPlacementChanged: row.endDate.flatMap { $0 <= year.end ? row.reasonForPlacementChange : nil },
                               homePostcode: row.homePostcode, placementPostcode: row.placement.postcode, urn: row.placement.urn)
            }
            input.episodes += episodes
            if SSDA903ContinuousCare.isContinuouslyLookedAfter(episodes, year: year) {
                input.outcomesAfter12Months.append(outcomesAfterTwelveMonths(child, born: born, year: year))
            }
            input.reviews += child.care.reviews.filter { year.contains($0.date) }
                .map { SSDA903Review(child: child.childID, date: $0.date, participation: $0.participation) }
            input.missing += child.care.ledger.missingEpisodes.filter { $0.start <= year.end && ($0.end.map { $0 >= year.start } ?? true) }
                .map { SSDA903Missing(child: child.childID, kind: $0.kind.rawValue, start: $0.start, end: $0.end.flatMap { $0 <= year.end ? $0 : nil }) }
            if let uasc = child.care.uasc, uasc.since <= year.end {
                input.uasc.append(SSDA903UASC(child: child.childID, statusCeased: uasc.ceasedOn))
            }
            input.careLeavers += followUps.map {
                SSDA903OC3(child: child.childID, inTouch: $0.inTouch, activity: $0.activity, accommodation: $0.accommodation)
            }
            // AD1 for a child adopted in the year (rule 601 wants every item; 523: DATE_INT is the
            // same decision as PlacedAdoption's DATE_PLACED).
            if let adoption = child.care.adoption, let matched = adoption.matchedOn, let adopters = adoption.adopters,
               rows.contains(where: { SSDA903Codes.adopted.contains($0.reasonEnded ?? "") && $0.endDate.map(year.contains) == true }) {
                input.adoptions.append(SSDA903Adoption(child: child.childID, decisionDate: adoption.decisionOn, matchedDate: matched,
                                                       byFosterCarers: adopters.formerFosterCarers, numberOfAdopters: adopters.count,
                                                       adoptersSex: adopters.sex, adoptersLegalStatus: adopters.legalStatus))
            }
            if let adoption = child.care.adoption, adoption.decisionOn <= year.end,
               let careBegan = startOfCare(child.care.ledger.episodes, reported: rows), adoption.decisionOn >= careBegan {
                input.placedForAdoption.append(SSDA903PlacedForAdoption(child: child.childID, decisionDate: adoption.decisionOn,
                                                                        reversedDate: adoption.reversed?.date, reversedReason: adoption.reversed?.reason))
            }
        }
        return input
    }

    /// When the care the year's rows belong to began: the latest start of care (RNE S) on or
    /// before the first row, or a start of care within the year if later. A decision to place for
    /// adoption made before then belongs to an earlier time in care, not to this return (rule
    /// 1003 compares DATE_PLACED with the first RNE S row of the year).
    static func startOfCare(_ ledger: [CareEpisodeRow], reported rows: [CareEpisodeRow]) -> Day? {
        let periodStart = startOfCare(ledger, before: rows.first)
        let firstStartInYear = rows.first { $0.reasonForNewEpisode == .startedToBeLookedAfter }?.startDate
        return [periodStart, firstStartInYear].compactMap { $0 }.max()
    }

    /// The day the time in care that `row` belongs to began (its latest RNE S row).
    static func startOfCare(_ ledger: [CareEpisodeRow], before row: CareEpisodeRow?) -> Day? {
        guard let row else { return nil }
        return ledger.last { $0.reasonForNewEpisode == .startedToBeLookedAfter && $0.startDate <= row.startDate }?.startDate ?? row.startDate
    }

    /// The social workers allocated in the year from the day the first reported time in care
    /// began, including any gap between two times in care (rule SW12STG2: "even those whilst they
    /// were not looked after"). An allocation that began before care is reported from the day
    /// care began: the DfE's validator (SW12STG2 in lac_validator) rejects an episode dated before
    /// the start of care for a child still in care, whatever its guidance text says. A worker allocated
    /// only after care ended is not reported. The validator also wants every child's latest social
    /// worker episode open at 31 March (SW17STG2, SW11bSTG2), even for a child who has left care,
    /// so the latest episode is reported without an end date.
    static func socialWorkerEpisodes(_ child: SSDA903SourceChild, from careStart: Day, to careEnd: Day?,
                                     year: CollectionYear) -> [SSDA903SocialWorkerEpisode] {
        var episodes = child.socialWorkers
            .filter { $0.start <= year.end && $0.start <= (careEnd ?? year.end) && ($0.end.map { $0 > careStart && $0 >= year.start } ?? true) }
            .sorted { $0.start < $1.start }
            .map {
                SSDA903SocialWorkerEpisode(child: child.childID, socialWorker: $0.socialWorkerNumber ?? "XX", start: max($0.start, careStart),
                                           end: $0.end.flatMap { $0 <= year.end ? $0 : nil }, reason: $0.reason ?? "OTHERS")
            }
        if !episodes.isEmpty { episodes[episodes.count - 1].end = nil }
        return episodes
    }

    /// OC2, for a child looked after continuously for at least 12 months at 31 March
    /// (`SSDA903ContinuousCare`). Items not recorded in the year are "no": the record is where the
    /// council keeps them, so an absence there is an absence in practice.
    static func outcomesAfterTwelveMonths(_ child: SSDA903SourceChild, born: Day, year: CollectionYear) -> SSDA903OC2 {
        let care = child.care
        let inYear: (Day) -> Bool = { year.contains($0) }
        let age = born.age(on: year.end)
        let sdq = care.strengthsAndDifficulties.filter { inYear($0.date) }.last
        let misuse = care.substanceMisuse.filter { inYear($0.identifiedOn) }.last
        return SSDA903OC2(
            child: child.childID,
            // Rule 188: nothing under 4; from 4 to 16 a score, or why there is none; SDQ1 ("no form
            // as the child was under 4 or over 17") above 16.
            sdqScore: (4...16).contains(age) ? sdq?.score : nil,
            sdqReason: age < 4 ? nil : age > 16 ? "SDQ1" : sdq == nil ? "SDQ4" : nil,
            convicted: age >= 10 ? care.convictions.contains(where: inYear) : nil,
            healthCheck: age < 5 ? care.developmentChecks.contains(where: inYear) : nil,
            immunisations: care.immunisations?.upToDate ?? false,
            teethCheck: care.dentalChecks.contains(where: inYear),
            healthAssessment: care.healthAssessments.contains(where: inYear),
            substanceMisuse: misuse != nil,
            interventionReceived: misuse.map(\.interventionReceived),
            interventionOffered: misuse.flatMap { $0.interventionReceived ? nil : $0.interventionOffered })
    }

    /// A UPN, or the reason there is none (903 guidance): UN1 for a child under 5 who has not
    /// started school, otherwise UN5 (the sources that collect UPNs do not hold this child's).
    /// Never UN4: the DfE's rule 210 refuses it for a child looked after for more than a week at
    /// 31 March, and its validator (lac_validator) refuses it for a child whose latest episode
    /// began in the last week of March, so no looked-after child can carry it; and a code that
    /// changed from UN4 one year to UN5 the next would break rule 208.
    static func upn(_ upn: String?, birthDate: Day, year: CollectionYear) -> String {
        if let upn, !upn.isEmpty { return upn }
        return birthDate.age(on: year.end) < 5 ? "UN1" : "UN5"
    }
}

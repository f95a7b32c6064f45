import LanternCore
@testable import LanternReturns

/// A synthetic but realistic CIN census for Birmingham (LA 330), 2025-26: every child's story is
/// one a practitioner would recognise, and the whole return passes the DfE rules.
enum CINFixture {
    static let year = CollectionYear(endingIn: 2026)

    static var input: CINCensusInput {
        CINCensusInput(
            header: CINHeader(collectionYear: year, laNumber: "330", release: "2025-26.1", serialNumber: "001",
                              generatedAt: LocalDateTime(day: day("2026-04-10"), hour: 9)),
            children: storyChildren + routineChildren)
    }

    /// A valid UPN issued by Birmingham (330), made from a serial number.
    static func upn(_ serial: Int) -> String {
        let digits = "330" + String(String(serial + 100_000_000).suffix(9))
        return String(UniquePupilNumber.checkLetter(for: ArraySlice(Array(digits)))) + digits
    }

    static func child(_ id: String, born: String?, sex: String, ethnicity: String, disabilities: [String] = ["NONE"],
                      upnSerial: Int? = nil, upnUnknown: String? = nil, died: String? = nil,
                      episodes: [CINDetails]) -> CINChild {
        CINChild(identifiers: CINChildIdentifiers(laChildID: id, upn: upnSerial.map(upn), upnUnknown: upnUnknown,
                                                  birthDate: born.map(day), sex: sex, deathDate: died.map(day)),
                 characteristics: CINChildCharacteristics(ethnicity: ethnicity, disabilities: disabilities),
                 episodes: episodes)
    }

    static func noFurtherAction(_ referral: String, source: String) -> CINDetails {
        CINDetails(referralDate: day(referral), referralSource: source, closureDate: day(referral),
                   reasonForClosure: "RC7", referralNFA: true)
    }

    static func assessment(_ start: String, _ authorised: String?, _ factors: [String]) -> CINAssessment {
        CINAssessment(startDate: day(start), authorisationDate: authorised.map(day), factors: factors)
    }

    /// A section 47 enquiry whose initial conference met on the first weekday on or after `conference`.
    static func enquiry(_ start: String, conference: String) -> Section47 {
        let held = weekday(onOrAfter: conference)
        return Section47(startDate: day(start), initialCPCTarget: held, initialCPCDate: held)
    }

    static let storyChildren: [CINChild] = [
        child("LC0001", born: "2014-03-02", sex: "F", ethnicity: "WBRI", disabilities: [], upnSerial: 1_001,
              episodes: [noFurtherAction("2025-06-10", source: "2A")]),
        child("LC0002", born: "2019-01-15", sex: "M", ethnicity: "APKN", disabilities: [], upnUnknown: "UN7",
              episodes: [noFurtherAction("2025-09-03", source: "6")]),
        // Assessed, nothing found, closed.
        child("LC0003", born: "2012-07-19", sex: "F", ethnicity: "BCRB", upnSerial: 1_003, episodes: [
            CINDetails(referralDate: day("2025-05-12"), referralSource: "3A", primaryNeedCode: "N9",
                       closureDate: day("2025-06-24"), reasonForClosure: "RC8",
                       assessments: [assessment("2025-05-13", "2025-06-24", ["21"])]),
        ]),
        // Assessed and referred on to early help.
        child("LC0004", born: "2016-10-05", sex: "M", ethnicity: "WIRI", upnSerial: 1_004, episodes: [
            CINDetails(referralDate: day("2025-08-04"), referralSource: "1A", primaryNeedCode: "N4",
                       closureDate: day("2025-09-12"), reasonForClosure: "RC9",
                       assessments: [assessment("2025-08-05", "2025-09-12", ["4B", "3B"])]),
        ]),
        // Section 47, initial conference, child protection plan with two reviews, still open.
        child("LC0005", born: "2018-02-11", sex: "F", ethnicity: "MWBC", upnSerial: 1_005, episodes: [
            CINDetails(referralDate: day("2025-04-22"), referralSource: "2A", primaryNeedCode: "N1",
                       assessments: [assessment("2025-04-22", "2025-06-05", ["3B", "2B", "16A"])],
                       section47Enquiries: [enquiry("2025-04-23", conference: "2025-05-14")],
                       childProtectionPlans: [
                           ChildProtectionPlan(startDate: weekday(onOrAfter: "2025-05-14"), initialCategoryOfAbuse: "NEG",
                                               latestCategoryOfAbuse: "NEG", numberOfPreviousPlans: 0,
                                               reviewDates: [weekday(onOrAfter: "2025-08-14"), weekday(onOrAfter: "2026-02-12")]),
                       ]),
        ]),
        // Protection plan from last year ends; a child in need plan takes over the same day.
        child("LC0006", born: "2013-05-30", sex: "M", ethnicity: "AIND", upnSerial: 1_006, episodes: [
            CINDetails(referralDate: day("2024-11-04"), referralSource: "6", primaryNeedCode: "N1",
                       cinPlans: [CINPlanDates(startDate: day("2025-09-10"))],
                       childProtectionPlans: [
                           ChildProtectionPlan(startDate: day("2024-12-05"), endDate: day("2025-09-10"),
                                               initialCategoryOfAbuse: "EMO", latestCategoryOfAbuse: "EMO",
                                               numberOfPreviousPlans: 1, reviewDates: [day("2025-03-05"), day("2025-09-10")]),
                       ]),
        ]),
        // Disabled child supported on a child in need plan.
        child("LC0007", born: "2011-09-14", sex: "M", ethnicity: "WBRI", disabilities: ["AUT", "COMM", "LD"], upnSerial: 1_007,
              episodes: [
                  CINDetails(referralDate: day("2025-07-01"), referralSource: "3D", primaryNeedCode: "N2",
                             assessments: [assessment("2025-07-02", "2025-08-15", ["5A", "6A"])],
                             cinPlans: [CINPlanDates(startDate: day("2025-08-15"))]),
              ]),
        // Unborn baby referred by the health visitor; pre-birth assessment under way.
        CINChild(identifiers: CINChildIdentifiers(laChildID: "LC0008", expectedBirthDate: day("2026-05-20"), sex: "U"),
                 characteristics: CINChildCharacteristics(ethnicity: "NOBT"),
                 episodes: [
                     CINDetails(referralDate: day("2026-02-10"), referralSource: "3B", primaryNeedCode: "N1",
                                assessments: [assessment("2026-02-11", nil, [])]),
                 ]),
        // A disabled young person who died during the year.
        child("LC0009", born: "2009-03-03", sex: "F", ethnicity: "WBRI", disabilities: ["MOB", "HAND", "PC", "INC"],
              upnSerial: 1_009, died: "2026-01-20", episodes: [
                  CINDetails(referralDate: day("2024-06-03"), referralSource: "3F", primaryNeedCode: "N2",
                             closureDate: day("2026-01-20"), reasonForClosure: "RC2",
                             cinPlans: [CINPlanDates(startDate: day("2024-07-15"), endDate: day("2026-01-20"))]),
              ]),
        // Closed, then re-referred later in the year.
        child("LC0010", born: "2010-12-01", sex: "M", ethnicity: "BAFR", upnSerial: 1_010, episodes: [
            CINDetails(referralDate: day("2025-04-07"), referralSource: "5A", primaryNeedCode: "N5",
                       closureDate: day("2025-09-30"), reasonForClosure: "RC7",
                       assessments: [assessment("2025-04-08", "2025-05-20", ["14A"])],
                       cinPlans: [CINPlanDates(startDate: day("2025-05-20"), endDate: day("2025-09-30"))]),
            CINDetails(referralDate: day("2025-11-03"), referralSource: "2A", primaryNeedCode: "N5",
                       assessments: [assessment("2025-11-04", "2025-12-16", ["14A", "13A"])],
                       cinPlans: [CINPlanDates(startDate: day("2025-12-16"))]),
        ]),
        // Section 47 found no conference was needed; child in need plan follows.
        child("LC0011", born: "2015-04-20", sex: "F", ethnicity: "CHNE", upnSerial: 1_011, episodes: [
            CINDetails(referralDate: day("2025-10-06"), referralSource: "6", primaryNeedCode: "N1",
                       assessments: [assessment("2025-10-06", "2025-11-14", ["18C"])],
                       cinPlans: [CINPlanDates(startDate: day("2025-11-14"))],
                       section47Enquiries: [Section47(startDate: day("2025-10-07"), icpcNotRequired: true)]),
        ]),
        // Conference held but decided against a protection plan; child in need plan instead.
        child("LC0012", born: "2008-08-08", sex: "M", ethnicity: "MWAS", disabilities: ["BEH", "CON"], upnSerial: 1_012, episodes: [
            CINDetails(referralDate: day("2025-06-02"), referralSource: "2B", primaryNeedCode: "N6",
                       assessments: [assessment("2025-06-02", "2025-07-11", ["11A", "24A"])],
                       cinPlans: [CINPlanDates(startDate: weekday(onOrAfter: "2025-06-24"))],
                       section47Enquiries: [enquiry("2025-06-03", conference: "2025-06-24")]),
        ]),
        // A second protection plan, ended during the year and the case closed.
        child("LC0013", born: "2017-01-09", sex: "F", ethnicity: "WBRI", upnSerial: 1_013, episodes: [
            CINDetails(referralDate: day("2025-04-14"), referralSource: "1B", primaryNeedCode: "N1",
                       closureDate: day("2025-12-11"), reasonForClosure: "RC7",
                       assessments: [assessment("2025-04-14", "2025-05-27", ["17A", "3A"])],
                       section47Enquiries: [enquiry("2025-04-15", conference: "2025-05-06")],
                       childProtectionPlans: [
                           ChildProtectionPlan(startDate: weekday(onOrAfter: "2025-05-06"), endDate: day("2025-12-11"),
                                               initialCategoryOfAbuse: "PHY", latestCategoryOfAbuse: "MUL",
                                               numberOfPreviousPlans: 1, reviewDates: [weekday(onOrAfter: "2025-08-06")]),
                       ]),
        ]),
        // Special guardianship order granted.
        child("LC0014", born: "2019-06-06", sex: "M", ethnicity: "WROM", upnSerial: 1_014, episodes: [
            CINDetails(referralDate: day("2024-09-02"), referralSource: "7", primaryNeedCode: "N1",
                       closureDate: day("2025-07-31"), reasonForClosure: "RC4",
                       cinPlans: [CINPlanDates(startDate: day("2024-10-01"), endDate: day("2025-07-31"))]),
        ]),
        // Family moved away: transferred to another LA.
        child("LC0015", born: "2012-02-02", sex: "F", ethnicity: "BOTH", upnSerial: 1_015, episodes: [
            CINDetails(referralDate: day("2025-05-06"), referralSource: "8", primaryNeedCode: "N8",
                       closureDate: day("2025-10-03"), reasonForClosure: "RC5",
                       assessments: [assessment("2025-05-06", "2025-06-13", ["8E"])],
                       cinPlans: [CINPlanDates(startDate: day("2025-06-13"), endDate: day("2025-10-03"))]),
        ]),
        // Disabled young person transferred to adult social care at 18.
        child("LC0016", born: "2007-11-11", sex: "M", ethnicity: "WBRI", disabilities: ["VIS", "HEAR", "DDA"], upnSerial: 1_016,
              episodes: [
                  CINDetails(referralDate: day("2023-03-15"), referralSource: "5C", primaryNeedCode: "N2",
                             closureDate: day("2025-11-11"), reasonForClosure: "RC6",
                             cinPlans: [CINPlanDates(startDate: day("2023-04-20"), endDate: day("2025-11-11"))]),
              ]),
        // Looked-after child adopted during the year.
        child("LC0017", born: "2021-03-03", sex: "F", ethnicity: "WBRI", episodes: [
            CINDetails(referralDate: day("2023-06-01"), referralSource: "3B", primaryNeedCode: "N1",
                       closureDate: day("2025-10-20"), reasonForClosure: "RC1"),
        ]),
        // Child arrangements order made in favour of a grandparent.
        child("LC0018", born: "2018-12-24", sex: "M", ethnicity: "MOTH", upnSerial: 1_018, episodes: [
            CINDetails(referralDate: day("2025-01-13"), referralSource: "1A", primaryNeedCode: "N8",
                       closureDate: day("2025-08-29"), reasonForClosure: "RC3",
                       cinPlans: [CINPlanDates(startDate: day("2025-02-20"), endDate: day("2025-08-29"))]),
        ]),
    ]

    static let ethnicities = ["WBRI", "APKN", "ABAN", "BCRB", "WOTH", "AOTH", "MWBA", "BAFR", "OOTH", "WBRI", "REFU", "AIND"]
    static let sources = ["2A", "6", "3A", "1A", "5D", "8", "3E", "2B", "1C", "9", "10", "4"]
    static let needs = ["N1", "N4", "N5", "N3", "N7", "N6"]

    /// The everyday run of work: referrals that go nowhere, assessments that lead to a plan, and
    /// assessments still under way at the end of March.
    static var routineChildren: [CINChild] {
        (0..<18).map { i in
            let id = "LC\(1_100 + i)"
            let born = Day(year: 2008 + i % 12, month: 1 + i % 12, day: 3 + i)!
            let referral = day("2025-04-07").adding(days: 17 * i)
            let episode: CINDetails
            switch i % 3 {
            case 0:
                episode = CINDetails(referralDate: referral, referralSource: sources[i % sources.count],
                                     closureDate: referral, reasonForClosure: "RC7", referralNFA: true)
            case 1:
                let authorised = referral.adding(days: 35)
                episode = CINDetails(referralDate: referral, referralSource: sources[i % sources.count],
                                     primaryNeedCode: needs[i % needs.count],
                                     assessments: [CINAssessment(startDate: referral.adding(days: 1), authorisationDate: authorised,
                                                                 factors: ["4B", "1B"])],
                                     cinPlans: [CINPlanDates(startDate: authorised)])
            default:
                let lateReferral = day("2026-02-02").adding(days: i)
                episode = CINDetails(referralDate: lateReferral, referralSource: sources[i % sources.count],
                                     primaryNeedCode: needs[i % needs.count],
                                     assessments: [CINAssessment(startDate: lateReferral)])
            }
            let schoolAge = born <= day("2020-08-31")
            return CINChild(
                identifiers: CINChildIdentifiers(laChildID: id, upn: schoolAge ? upn(2_000 + i) : nil,
                                                 upnUnknown: schoolAge ? nil : "UN1", birthDate: born,
                                                 sex: i % 2 == 0 ? "F" : "M"),
                characteristics: CINChildCharacteristics(ethnicity: ethnicities[i % ethnicities.count], disabilities: ["NONE"]),
                episodes: [episode])
        }
    }
}

import Foundation
import LanternCore
@testable import LanternReturns
import Testing

/// Annex A list 11 from the adopter households the council records.
@Suite struct AnnexAAdoptersTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func listsEachAdopterInTheProcessDuringTheYear() throws {
        let extract = Self.day("2026-11-23")
        let placed = AdopterHousehold(reference: "ADH-0002", sex: "MF", enquiry: Self.day("2025-01-10"), stage1Started: Self.day("2025-02-01"),
                                      stage1Ended: Self.day("2025-04-01"), stage2Started: Self.day("2025-04-02"),
                                      stage2Ended: Self.day("2025-08-01"), approved: Self.day("2025-09-01"), matched: Self.day("2026-01-05"),
                                      placed: Self.day("2026-02-01"), childrenPlaced: 1)
        let withdrew = AdopterHousehold(reference: "ADH-0001", sex: "F1", fosteringForAdoption: true, enquiry: Self.day("2026-03-01"),
                                        stage1Started: Self.day("2026-03-15"), left: Self.day("2026-05-01"), leftReason: .withdrew)
        // Left before the 12 months began, and adopted before them: neither is listed.
        let leftLongAgo = AdopterHousehold(reference: "ADH-0003", sex: "MM", enquiry: Self.day("2024-01-10"), left: Self.day("2025-06-01"),
                                           leftReason: .notApproved)
        let adoptedLongAgo = AdopterHousehold(reference: "ADH-0004", sex: "FF", enquiry: Self.day("2023-01-10"), stage1Started: Self.day("2023-02-01"),
                                              stage1Ended: Self.day("2023-04-01"), stage2Started: Self.day("2023-04-02"),
                                              stage2Ended: Self.day("2023-08-01"), approved: Self.day("2023-09-01"),
                                              matched: Self.day("2024-01-05"), placed: Self.day("2024-02-01"), childrenPlaced: 2)
        // Enquired after the extract date: not yet.
        let future = AdopterHousehold(reference: "ADH-0005", sex: "M1", enquiry: Self.day("2026-11-30"))
        let rows = AnnexABuilder.adopters([.init(household: placed, adoptionOrder: Self.day("2026-09-14")), .init(household: withdrew),
                                           .init(household: leftLongAgo), .init(household: adoptedLongAgo, adoptionOrder: Self.day("2024-09-01")),
                                           .init(household: future)], extractDate: extract)
        #expect(rows.map(\.adopterID) == ["ADH-0001-1", "ADH-0002-1", "ADH-0002-2"])
        #expect(rows.map(\.familyID) == ["ADH-0001", "ADH-0002", "ADH-0002"])
        #expect(rows.map(\.sex) == ["F", "M", "F"])
        let single = rows[0]
        #expect(single.fosteringForAdoption == true && single.leftProcess == Self.day("2026-05-01") && single.reasonLeft == .adopterWithdrew)
        #expect(single.applicationSubmitted == nil && single.childrenPlaced == nil)
        let couple = rows[2]
        #expect(couple.enquiry == Self.day("2025-01-10") && couple.stage1Started == Self.day("2025-02-01") && couple.stage1Ended == Self.day("2025-04-01"))
        #expect(couple.stage2Started == Self.day("2025-04-02") && couple.applicationSubmitted == Self.day("2025-04-02"))
        #expect(couple.stage2Ended == Self.day("2025-08-01") && couple.applicationApproved == Self.day("2025-09-01"))
        #expect(couple.matched == Self.day("2026-01-05") && couple.childrenPlacedDate == Self.day("2026-02-01") && couple.childrenPlaced == 1)
        #expect(couple.adoptionOrder == Self.day("2026-09-14") && couple.leftProcess == nil && couple.reasonLeft == nil)

    }

    @Test func refusesARecordWhoseStagesAreOutOfOrder() {
        let today = Self.day("2026-11-23")
        let household = AdopterHousehold(reference: "ADH-0007", sex: "MX", enquiry: Self.day("2026-03-01"), stage1Started: Self.day("2026-02-01"),
                                         approved: Self.day("2026-06-01"), placed: Self.day("2026-12-01"), left: Self.day("2026-05-01"))
        let problems = Dictionary(household.problems(today: today).map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(problems["sex"] == "Choose who is adopting")
        #expect(problems["stage1Started"] == "The date of the start of stage 1 cannot be before the enquiry")
        #expect(problems["stage1Ended"] == "Enter the date of the end of stage 1 before the date of approval")
        #expect(problems["matched"] == "Enter the date of the match before the date of placement")
        #expect(problems["placed"] == "The date of placement cannot be in the future")
        #expect(problems["childrenPlaced"] == "Enter how many children were placed")
        #expect(problems["leftReason"] == "Choose why the household left the process")
        #expect(AdopterHousehold(reference: "ADH-0008", sex: "FF", enquiry: Self.day("2026-03-01")).problems(today: today).isEmpty)
    }
}

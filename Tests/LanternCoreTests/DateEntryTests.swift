import Testing
@testable import LanternCore

@Suite struct DateEntryTests {
    @Test(arguments: ["2026-12-24", "24/12/2026", "24-12-2026", "24.12.2026", "24 12 2026", " 24/12/2026 ", "2026/12/24"])
    func readsTheWaysPeopleTypeDates(text: String) throws {
        #expect(try DateEntry.parse(text) == Day(year: 2026, month: 12, day: 24))
    }

    @Test func refusesWhatIsNotADate() {
        #expect(throws: DateEntry.Problem.empty) { try DateEntry.parse("  ") }
        #expect(throws: DateEntry.Problem.unreadable) { try DateEntry.parse("next tuesday") }
        #expect(throws: DateEntry.Problem.unreadable) { try DateEntry.parse("24/12/26") }
        #expect(throws: DateEntry.Problem.impossible) { try DateEntry.parse("31/04/2026") }
        #expect(throws: DateEntry.Problem.impossible) { try DateEntry.parse("29/02/2025") }
    }
}

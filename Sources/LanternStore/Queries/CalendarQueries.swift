import FluentKit
import LanternCore

/// The council's working-day calendar: England and Wales bank holidays by rule and proclamation,
/// plus the closure days and later proclamations an administrator has entered.
public enum CalendarQueries {
    public static func workingDayCalendar(on db: any Database) async throws -> WorkingDayCalendar {
        let rows = try await CalendarDayModel.query(on: db).all()
        return calendar(from: rows)
    }

    static func calendar(from rows: [CalendarDayModel]) -> WorkingDayCalendar {
        var closures = Set<Day>()
        var changes = BankHolidayChange.englandAndWales
        for row in rows {
            guard let day = Day(iso: row.day) else { continue }
            switch row.kind {
            case .closure:
                closures.insert(day)
            case .addedBankHoliday:
                changes.append(.added(on: day, name: row.name))
            case .movedBankHoliday:
                if let from = row.movedFrom.flatMap({ Day(iso: $0) }) {
                    changes.append(.moved(from: from, to: day, name: row.name))
                } else {
                    changes.append(.added(on: day, name: row.name))
                }
            }
        }
        return WorkingDayCalendar(closureDays: closures, oneOffChanges: changes)
    }
}

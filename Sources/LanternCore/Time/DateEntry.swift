import Foundation

/// Reads a date as people type it into a form: `2026-12-24` (what a browser's date picker sends),
/// `24/12/2026`, `24-12-2026`, `24.12.2026` or `24 12 2026`. Two-digit years are refused, since
/// "24/12/26" could be a birth in 1926 or 2026.
public enum DateEntry {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case unreadable
        case impossible

        public var message: String {
            switch self {
            case .empty: "Enter a date"
            case .unreadable: "Enter the date as day, month and year, for example 27 3 2026"
            case .impossible: "That date does not exist; check the day and month"
            }
        }
    }

    public static func parse(_ text: String) throws(Problem) -> Day {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        if let iso = Day(iso: trimmed) { return iso }
        let parts = trimmed.split(whereSeparator: { "/-. ".contains($0) })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
              let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2]) else { throw .unreadable }
        let (year, month, day) = parts[0].count == 4 ? (first, second, third) : (third, second, first)
        guard year >= 1900, year <= 2200 else { throw .unreadable }
        guard let result = Day(year: year, month: month, day: day) else { throw .impossible }
        return result
    }
}

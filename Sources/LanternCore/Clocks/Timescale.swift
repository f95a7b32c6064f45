import Foundation

/// How long something may take, in the unit the guidance uses: "within 15 working days",
/// "within 1 week", "within 3 months". Calendar months are clamped to a shorter month's end
/// (31 January + 1 month = 28 or 29 February), as `Day.adding(months:)` does.
public enum Timescale: Hashable, Sendable {
    case workingDays(Int)
    case weeks(Int)
    case months(Int)

    /// The last day on which something started on `start` is still in time.
    public func due(from start: Day, in calendar: WorkingDayCalendar) -> Day {
        switch self {
        case let .workingDays(n): calendar.addingWorkingDays(n, to: start)
        case let .weeks(n): start.adding(days: 7 * n)
        case let .months(n): start.adding(months: n)
        }
    }
}

extension Timescale: CustomStringConvertible {
    /// "15 working days", "1 week", "3 months".
    public var description: String {
        switch self {
        case let .workingDays(n): n == 1 ? "1 working day" : "\(n) working days"
        case let .weeks(n): n == 1 ? "1 week" : "\(n) weeks"
        case let .months(n): n == 1 ? "1 month" : "\(n) months"
        }
    }
}

/// Stored as `{"workingDays": 15}`, `{"weeks": 6}` or `{"months": 3}`, which reads well in a
/// council's configuration file.
extension Timescale: Codable {
    private enum CodingKeys: String, CodingKey { case workingDays, weeks, months }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "Expected exactly one of workingDays, weeks or months, e.g. {\"workingDays\": 15}"))
        }
        let n = try container.decode(Int.self, forKey: key)
        guard n >= 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [key],
                                                    debugDescription: "A timescale cannot be negative"))
        }
        switch key {
        case .workingDays: self = .workingDays(n)
        case .weeks: self = .weeks(n)
        case .months: self = .months(n)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .workingDays(n): try container.encode(n, forKey: .workingDays)
        case let .weeks(n): try container.encode(n, forKey: .weeks)
        case let .months(n): try container.encode(n, forKey: .months)
        }
    }
}

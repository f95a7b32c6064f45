import Foundation

/// The response times of one benchmark run, in milliseconds, and their percentiles.
struct LatencySample: Sendable, Equatable {
    /// Sorted ascending, so a percentile is one index.
    let milliseconds: [Double]

    init(milliseconds: [Double]) {
        self.milliseconds = milliseconds.sorted()
    }

    init(_ durations: [Duration]) {
        self.init(milliseconds: durations.map(Self.milliseconds(of:)))
    }

    static func milliseconds(of duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    var count: Int { milliseconds.count }

    /// Nearest-rank percentile: the smallest time at or below which `percent`% of the times fall.
    /// Nil for an empty sample, so "no requests" is never printed as "0 ms".
    func percentile(_ percent: Double) -> Double? {
        guard !milliseconds.isEmpty else { return nil }
        let rank = Int((percent / 100 * Double(milliseconds.count)).rounded(.up))
        return milliseconds[min(max(rank, 1), milliseconds.count) - 1]
    }

    var p50: Double? { percentile(50) }
    var p95: Double? { percentile(95) }
    var p99: Double? { percentile(99) }
}

/// A plain-text table: the first `textColumns` columns left-aligned (names), the others
/// right-aligned (figures).
struct BenchTable: Sendable {
    let columns: [String]
    let textColumns: Int
    private(set) var rows: [[String]] = []

    init(_ columns: [String], textColumns: Int = 1) {
        self.columns = columns
        self.textColumns = textColumns
    }

    mutating func add(_ cells: [String]) {
        precondition(cells.count == columns.count, "a row has one cell per column")
        rows.append(cells)
    }

    var text: String {
        let widths = columns.indices.map { i in ([columns[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                return i < textColumns ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(columns), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Milliseconds to one decimal place; a dash when there was nothing to measure.
    static func ms(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "-"
    }

    /// A rate or a ratio to one decimal place.
    static func decimal(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f", value) : "-"
    }
}

import Foundation

/// A CSV file as the SSDA903 tables need it: a header row, then one row per record (RFC 4180 quoting).
struct CSVTable {
    let columns: [String]
    private(set) var rows: [[String]] = []

    init(columns: [String]) { self.columns = columns }

    /// Cells are given by column name so that a row cannot silently shift a value into the wrong
    /// column; any column left out is blank.
    mutating func append(_ cells: [String: String?]) {
        precondition(Set(cells.keys).isSubset(of: columns), "unknown column in \(cells.keys.sorted())")
        rows.append(columns.map { (cells[$0] ?? nil) ?? "" })
    }

    var text: String {
        ([columns] + rows).map { $0.map(Self.quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    static func quoted(_ field: String) -> String {
        // Scalars, not Characters: "\r\n" is a single Character and would match neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { "\",\r\n".unicodeScalars.contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

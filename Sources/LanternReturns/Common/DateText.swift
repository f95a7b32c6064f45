import LanternCore

extension Day {
    /// `dd/mm/yyyy`: the SSDA903 CSV format, and how dates are written in messages to practitioners.
    var ukText: String {
        let c = components
        return Self.twoDigits(c.day) + "/" + Self.twoDigits(c.month) + "/" + String(c.year)
    }

    /// Days since 30 December 1899: how a spreadsheet stores a date (correct for dates after 1 March 1900).
    var spreadsheetSerial: Int { ordinal + 25_569 }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

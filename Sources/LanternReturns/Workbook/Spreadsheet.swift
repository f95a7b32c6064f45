import Foundation
import LanternCore

/// One cell's value. Dates are written as real spreadsheet dates shown dd/mm/yyyy, which the
/// Annex A template (and LIIA's cleaner) read; ISO text would be rejected.
enum SheetCell: Equatable {
    case text(String)
    case number(Int)
    case date(Day)
    case empty
}

struct Worksheet: Equatable {
    let name: String
    let headings: [String]
    let rows: [[SheetCell]]
}

/// Writes a minimal Office Open XML workbook: the parts Excel, LibreOffice and openpyxl need and
/// nothing else. Strings are inline (no shared-strings table); headings are bold.
enum Spreadsheet {
    static func xlsx(_ sheets: [Worksheet]) -> Data {
        var zip = ZipArchive()
        zip.add(path: "[Content_Types].xml", text: contentTypes(sheetCount: sheets.count))
        zip.add(path: "_rels/.rels", text: packageRelationships)
        zip.add(path: "xl/workbook.xml", text: workbook(sheets))
        zip.add(path: "xl/_rels/workbook.xml.rels", text: workbookRelationships(sheetCount: sheets.count))
        zip.add(path: "xl/styles.xml", text: styles)
        for (index, sheet) in sheets.enumerated() {
            zip.add(path: "xl/worksheets/sheet\(index + 1).xml", text: worksheet(sheet))
        }
        return zip.data
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Style indexes into `styles`' cellXfs.
    private enum Style: Int {
        case plain = 0, date = 1, heading = 2
    }

    private static func contentTypes(sheetCount: Int) -> String {
        let sheets = (0..<sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets + "</Types>"
    }

    private static let packageRelationships = declaration
        + "<Relationships xmlns=\"\(relationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbook(_ sheets: [Worksheet]) -> String {
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(officeRelationships)\">"
            + "<sheets>\(entries)</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (0..<sheetCount).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(officeRelationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        let styles = "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(officeRelationships)/styles\" Target=\"styles.xml\"/>"
        return declaration + "<Relationships xmlns=\"\(relationshipNamespace)\">" + sheets + styles + "</Relationships>"
    }

    private static let styles = declaration
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    private static func worksheet(_ sheet: Worksheet) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\"><sheetData>"
        let headings = sheet.headings.map(SheetCell.text)
        for (index, cells) in ([headings] + sheet.rows).enumerated() {
            let rowNumber = index + 1
            xml += "<row r=\"\(rowNumber)\">"
            for (column, cell) in cells.enumerated() {
                xml += self.cell(cell, at: columnName(column) + String(rowNumber), style: index == 0 ? .heading : nil)
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func cell(_ cell: SheetCell, at reference: String, style: Style?) -> String {
        switch cell {
        case .empty:
            return ""
        case .number(let n):
            return "<c r=\"\(reference)\"><v>\(n)</v></c>"
        case .date(let day):
            return "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(day.spreadsheetSerial)</v></c>"
        case .text(let s):
            // Keep leading or trailing spaces, which XML would otherwise be free to drop.
            let space = s.first?.isWhitespace == true || s.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
            let styleAttribute = style.map { " s=\"\($0.rawValue)\"" } ?? ""
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(styleAttribute)><is><t\(space)>\(XMLText.escape(s))</t></is></c>"
        }
    }

    /// 0 -> A, 25 -> Z, 26 -> AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

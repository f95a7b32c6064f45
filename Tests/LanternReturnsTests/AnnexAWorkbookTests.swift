import Foundation
import LanternCore
import Testing
@testable import LanternReturns
import LanternTestSupport

@Suite struct AnnexAWorkbookTests {
    static let sheets = AnnexAWorkbook.sheets(AnnexAFixture.input)

    static func sheet(_ name: String) -> Worksheet { sheets.first { $0.name == name }! }

    @Test func hasOneSheetPerList() {
        #expect(Self.sheets.map(\.name) == (1...11).map { "List \($0)" })
    }

    @Test func childListsStartWithTheCommonColumns() {
        let common = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
        for n in 1...9 {
            #expect(Array(Self.sheet("List \(n)").headings.prefix(5)) == common, "List \(n)")
        }
        #expect(Array(Self.sheet("List 10").headings.prefix(7))
            == ["Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Does the Child have a Disability"])
        for n in 4...7 {
            #expect(Self.sheet("List \(n)").headings[5] == "Does the Child have a Disability", "List \(n)")
        }
        #expect(Self.sheet("List 8").headings[5] == "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")
        #expect(Self.sheet("List 9").headings[6] == "Does the Child have a Disability")
    }

    @Test func listHeadingsMatchTheTemplate() {
        #expect(Self.sheet("List 1").headings.dropFirst(5) == ["Date of Contact", "Contact Source"])
        #expect(Self.sheet("List 3").headings.dropFirst(5) == ["Date of Referral", "Referral Source", "Referral NFA?",
                                                               "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"])
        #expect(Self.sheet("List 8").headings.count == 34)
        #expect(Self.sheet("List 9").headings.suffix(10) == [
            "Allocated Team", "Allocated Worker", "Allocated Personal Advisor", "Eligibility Category",
            "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact", "Type of Accommodation",
            "Suitability of Accommodation", "Activity Status",
        ])
        #expect(Self.sheet("List 11").headings.count == 19)
        for sheet in Self.sheets {
            #expect(sheet.rows.allSatisfy { $0.count == sheet.headings.count }, "\(sheet.name)")
        }
    }

    @Test func writesTheTemplatesDropDownWording() throws {
        let contact = try #require(Self.sheet("List 1").rows.first)
        #expect(contact == [.text("LC0005"), .text("b) Female"), .text("f) MWBC"), .date(day("2018-02-11")), .number(7),
                            .date(day("2025-04-17")), .text("e) 2A: Schools")])
        let unborn = try #require(Self.sheet("List 1").rows.last)
        #expect(unborn[1] == .text("c) Not stated/recorded") && unborn[2] == .text("t) NOBT") && unborn[3] == .empty && unborn[4] == .empty)
        let inCare = try #require(Self.sheet("List 8").rows.first)
        #expect(inCare.contains(.text("C2: FCO")))
        #expect(inCare.contains(.text("p) K2: Children's Homes")))
        #expect(inCare.contains(.text("e) PR4: Private provision")))
        #expect(inCare.contains(.text("e) Long-term residential placement")))
        #expect(inCare.contains(.text("a) In")))
        let leaver = try #require(Self.sheet("List 9").rows.first)
        #expect(leaver.suffix(3) == [.text("Z: With former foster carers"), .text("a) Suitable"),
                                     .text("F3: Full time in training or employment")])
        #expect(Self.sheet("List 6").rows[0].contains(.text("N2 - Child's disability")))
        #expect(Self.sheet("List 6").rows[0].contains(.text("c) Child in need plan")))
        #expect(Self.sheet("List 7").rows[0].contains(.text("a) Neglect")))
    }

    @Test func spreadsheetColumnNames() {
        #expect(Spreadsheet.columnName(0) == "A")
        #expect(Spreadsheet.columnName(25) == "Z")
        #expect(Spreadsheet.columnName(26) == "AA")
        #expect(Spreadsheet.columnName(33) == "AH")
        #expect(Spreadsheet.columnName(701) == "ZZ")
        #expect(Spreadsheet.columnName(702) == "AAA")
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func sameListsGiveTheSameBytes() {
        #expect(AnnexAWorkbook.render(AnnexAFixture.input) == AnnexAWorkbook.render(AnnexAFixture.input))
    }

    /// Python's zipfile and XML parser read every part; openpyxl, where a Python has it, reads the
    /// workbook as Excel would and sees the headings, text, numbers and real dates.
    @Test(.enabled(if: XLSXReader.python != nil, "no python3 on PATH"))
    func opensInPython() throws {
        let folder = try Oracles.temporaryFolder("annexa")
        let file = folder.appendingPathComponent("annex-a.xlsx")
        try AnnexAWorkbook.render(AnnexAFixture.input).write(to: file)
        let output = try XLSXReader.read(file)
        #expect(output.contains("ZIP OK 16 parts"), "\(output)")
        #expect(output.contains("XML OK"), "\(output)")
        if output.contains("OPENPYXL") {
            #expect(output.contains("OPENPYXL sheets 11"), "\(output)")
            #expect(output.contains("OPENPYXL List 8 A1=Child Unique ID width=34"), "\(output)")
            #expect(output.contains("OPENPYXL List 1 D2=2018-02-11 00:00:00 E2=7 G2=e) 2A: Schools"), "\(output)")
            #expect(output.contains("OPENPYXL List 2 H2=Ladywood Family Hub & Partners"), "\(output)")
        }
    }
}

/// Reads an .xlsx with Python as an outside check on the zip and XML we write.
enum XLSXReader {
    /// LANTERN_PYTHON may name a Python with openpyxl installed; otherwise the system python3.
    static let python: String? = ([ProcessInfo.processInfo.environment["LANTERN_PYTHON"]].compactMap { $0 }
        + ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"])
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let script = #"""
    import sys, zipfile, xml.etree.ElementTree as ET
    path = sys.argv[1]
    z = zipfile.ZipFile(path)
    assert z.testzip() is None
    names = z.namelist()
    print("ZIP OK", len(names), "parts")
    for n in names:
        ET.fromstring(z.read(n))
    print("XML OK")
    try:
        import openpyxl
    except ImportError:
        print("openpyxl not installed: structural check only")
        sys.exit(0)
    wb = openpyxl.load_workbook(path)
    print("OPENPYXL sheets", len(wb.worksheets))
    ws = wb["List 8"]
    print("OPENPYXL List 8 A1=%s width=%d" % (ws["A1"].value, ws.max_column))
    ws = wb["List 1"]
    print("OPENPYXL List 1 D2=%s E2=%s G2=%s" % (ws["D2"].value, ws["E2"].value, ws["G2"].value))
    print("OPENPYXL List 2 H2=%s" % wb["List 2"]["H2"].value)
    """#

    static func read(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

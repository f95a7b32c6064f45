import Testing
@testable import LanternCore

@Suite struct DocumentTypeTests {
    @Test func recognisesAcceptedDocumentsByTheirBytes() throws {
        #expect(try DocumentType.recognise(Array("%PDF-1.7\n".utf8), filename: "report.pdf") == .pdf)
        #expect(try DocumentType.recognise([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], filename: "x.png") == .png)
        #expect(try DocumentType.recognise([0xFF, 0xD8, 0xFF, 0xE0], filename: "photo.jpg") == .jpeg)
        #expect(try DocumentType.recognise([0x50, 0x4B, 0x03, 0x04, 0], filename: "Letter.DOCX") == .docx)
    }

    @Test func refusesEverythingElse() {
        #expect(throws: DocumentType.Problem.notAccepted) { try DocumentType.recognise(Array("MZ\u{90}".utf8), filename: "report.pdf") }
        #expect(throws: DocumentType.Problem.notAccepted) { try DocumentType.recognise([0x50, 0x4B, 0x03, 0x04], filename: "archive.zip") }
        #expect(throws: DocumentType.Problem.empty) { try DocumentType.recognise([], filename: "x.pdf") }
        #expect(throws: DocumentType.Problem.tooLarge(bytes: DocumentType.maximumSize + 1)) {
            try DocumentType.recognise([UInt8](repeating: 0x25, count: DocumentType.maximumSize + 1), filename: "big.pdf")
        }
    }
}

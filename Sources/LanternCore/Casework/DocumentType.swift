import Foundation

/// The kinds of document a child's record accepts, recognised by their first bytes rather than
/// by the name or the type the browser claims, so a renamed program is refused.
public enum DocumentType: String, CaseIterable, Sendable {
    case pdf, png, jpeg, docx

    public static let maximumSize = 10 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case empty, tooLarge(bytes: Int), notAccepted

        public var message: String {
            switch self {
            case .empty: "Choose a file to upload"
            case .tooLarge(let bytes): "The file is \(bytes / 1_048_576) MB; files must be 10 MB or smaller"
            case .notAccepted: "The file must be a PDF, a Word document (.docx), or a PNG or JPEG image"
            }
        }
    }

    /// What the bytes are, or why they are refused.
    public static func recognise(_ bytes: [UInt8], filename: String) throws(Problem) -> DocumentType {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumSize else { throw .tooLarge(bytes: bytes.count) }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        // A .docx is a zip; only one named .docx is accepted, not any zip.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), filename.lowercased().hasSuffix(".docx") { return .docx }
        throw .notAccepted
    }
}

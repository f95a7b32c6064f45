import Vapor

/// Builds a page's HTML in Swift, escaping every piece of data. Used for the pages staff open
/// many times an hour with long tables (My work, Team), where Leaf's interpreter was a third of
/// each page's time; the page's frame still comes from the Leaf layout (`content.leaf`).
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 16_384) { html.reserveCapacity(capacity) }

    /// Markup written by the page's own code, never data.
    mutating func markup(_ text: StaticString) {
        html += text.description
    }

    /// Data: names, references, free text. Escaped for element content and quoted attributes.
    mutating func text(_ value: String) {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
            html += value
            return
        }
        for character in value.unicodeScalars {
            switch character {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            case "'": html += "&#39;"
            default: html.unicodeScalars.append(character)
            }
        }
    }

    mutating func text(_ value: Int) { html += String(value) }

    mutating func text(_ value: UUID) { html += value.uuidString }
}

/// The layout around HTML a page built with `HTMLWriter`.
struct WrittenPage: Encodable {
    let chrome: Chrome
    let content: String

    static func render(_ content: HTMLWriter, chrome: Chrome, on req: Request) async throws -> View {
        try await req.view.render("content", WrittenPage(chrome: chrome, content: content.html))
    }
}

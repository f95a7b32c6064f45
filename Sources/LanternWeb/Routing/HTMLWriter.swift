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
        let app = req.application
        // Templates are re-read from disk outside production, so the frame is only kept there.
        guard app.leaf.cache.isEnabled else {
            return try await req.view.render("content", WrittenPage(chrome: chrome, content: content.html))
        }
        let frame = try await app.layoutFrames.frame(for: chrome) {
            try await req.view.render("content", WrittenPage(chrome: chrome, content: LayoutFrames.marker))
        }
        var buffer = ByteBufferAllocator().buffer(capacity: frame.before.utf8.count + content.html.utf8.count + frame.after.utf8.count)
        buffer.writeString(frame.before)
        buffer.writeString(content.html)
        buffer.writeString(frame.after)
        return View(data: buffer)
    }
}

/// The layout rendered for a page's chrome (title, who is signed in, navigation, CSRF token), split
/// where the page's own HTML goes. A worker refreshing My work gets the same frame each time;
/// rendering it with Leaf was a tenth of the page's time.
final class LayoutFrames: @unchecked Sendable {
    struct Frame: Sendable {
        let before: String
        let after: String
    }

    /// Cannot appear in escaped content: it holds characters the HTML writer always escapes.
    static let marker = "<\u{1}lantern-content\u{1}>"

    private let lock = NSLock()
    private var frames: [Chrome: Frame] = [:]
    /// One frame per session and page title; sessions end, so the oldest are dropped wholesale.
    private let capacity = 4096

    func frame(for chrome: Chrome, render: () async throws -> View) async throws -> Frame {
        if let frame = lock.withLock({ frames[chrome] }) { return frame }
        let view = try await render()
        let html = String(buffer: view.data)
        guard let range = html.range(of: Self.marker) else { throw LayoutFrameError.noContentSlot }
        let frame = Frame(before: String(html[..<range.lowerBound]), after: String(html[range.upperBound...]))
        lock.withLock {
            if frames.count >= capacity { frames.removeAll(keepingCapacity: true) }
            frames[chrome] = frame
        }
        return frame
    }
}

/// The layout has no place for a page's content: `content.leaf` lost its `#unsafeHTML(content)`.
struct LayoutFrameError: Error {
    static let noContentSlot = LayoutFrameError()
}

extension Application {
    private struct LayoutFramesKey: StorageKey { typealias Value = LayoutFrames }

    /// Made by `LanternApp.configure`, before any request can race to make it.
    var layoutFrames: LayoutFrames {
        if let frames = storage[LayoutFramesKey.self] { return frames }
        let frames = LayoutFrames()
        storage[LayoutFramesKey.self] = frames
        return frames
    }
}

/// Escaping for text placed inside XML elements and attributes.
enum XMLText {
    /// Escapes markup characters and drops the control characters XML 1.0 cannot carry at all
    /// (a stray one pasted from another system would make the whole file unreadable).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

/// Builds an indented XML document one element at a time, escaping every value it is given.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    private mutating func open(_ name: String) {
        line("<\(name)>")
        depth += 1
    }

    private mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func element(_ name: String, _ value: String) {
        line("<\(name)>\(XMLText.escape(value))</\(name)>")
    }

    /// Optional elements are left out altogether when there is no value, as the schemas expect.
    mutating func element(_ name: String, _ value: String?) {
        if let value { element(name, value) }
    }

    mutating func group(_ name: String, _ body: (inout XMLWriter) -> Void) {
        open(name)
        body(&self)
        close(name)
    }

    private mutating func line(_ s: String) {
        text += String(repeating: "  ", count: depth) + s + "\n"
    }
}

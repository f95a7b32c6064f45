import Foundation

/// Why a workflow step was refused, in words a social worker can act on.
///
/// Every rule in Casework, FrontDoor, LookedAfter and EarlyHelp throws this one type, so the web
/// layer shows `message` as it is and tests (or analytics) match on the stable `code`.
public struct WorkflowRefusal: Error, Hashable, Sendable, Codable, CustomStringConvertible, LocalizedError {
    /// A stable identifier for the rule that refused, e.g. `casework.cin-plan-open`. Each area
    /// declares its own codes in an extension, so adding a rule never touches a shared list.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public let code: Code
    /// Plain English: what is wrong and what to do instead.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}

extension WorkflowRefusal.Code {
    public static let dateInFuture = Self("date.in-future")
    public static let dateTooEarly = Self("date.too-early")
    public static let needsCapability = Self("actor.needs-capability")
    public static let missingDetail = Self("detail.missing")
    public static let unknownCode = Self("code.unknown")
}

extension WorkflowRefusal {
    /// "Record `what`: `why`."
    static func missing(_ what: String, _ why: String) -> WorkflowRefusal {
        WorkflowRefusal(.missingDetail, "Record \(what): \(why).")
    }

    static func unknownCode(_ code: String, field: String, allowed: String) -> WorkflowRefusal {
        WorkflowRefusal(.unknownCode, "“\(code)” is not a valid \(field). Use \(allowed).")
    }
}

extension String {
    var sentenceCased: String { prefix(1).uppercased() + dropFirst() }

    /// Free-text fields count as missing when they hold only spaces.
    var hasNoText: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped == String {
    var hasNoText: Bool { self?.hasNoText ?? true }
}

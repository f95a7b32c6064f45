/// One problem found in a statutory return before it is submitted.
///
/// Errors must be cleared before the DfE will accept the return; queries may stand if the council
/// explains them. Where the problem is one the DfE's own validation rules describe, `rule` carries
/// that rule's code (e.g. "8863Q", "501") so that the issue can be matched to the DfE's report.
public struct ReturnIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable, Hashable {
        case error
        case query
    }

    /// LAchildID (CIN) or CHILD (SSDA903); empty for problems with the return as a whole.
    public let childID: String
    /// The return's own name for the item at fault, e.g. `AssessmentActualStartDate` or `DECOM`.
    public let field: String
    /// The DfE rule code, or nil where Lantern checks something the DfE rules do not name.
    public let rule: String?
    public let severity: Severity
    /// Plain English for the person who will correct the record.
    public let message: String

    public init(childID: String, field: String, rule: String?, severity: Severity, message: String) {
        self.childID = childID
        self.field = field
        self.rule = rule
        self.severity = severity
        self.message = message
    }

    public var description: String {
        "\(severity.rawValue) \(rule ?? "-") child \(childID.isEmpty ? "(return)" : childID) \(field): \(message)"
    }
}

/// Accumulates issues while a check walks a return; every message names its rule once, at the end.
struct IssueLog {
    private(set) var issues: [ReturnIssue] = []

    /// The DfE marks queries with a trailing Q on the rule code; everything else is an error.
    mutating func add(_ rule: String, child: String, field: String, _ message: String) {
        let severity: ReturnIssue.Severity = rule.hasSuffix("Q") ? .query : .error
        issues.append(ReturnIssue(childID: child, field: field, rule: rule, severity: severity,
                                  message: "\(message) (rule \(rule))"))
    }

    /// For problems the DfE rules do not name but that would make the file wrong all the same.
    mutating func addUnnumbered(child: String, field: String, _ message: String) {
        issues.append(ReturnIssue(childID: child, field: field, rule: nil, severity: .error, message: message))
    }
}

import Vapor

/// Field problems for a form page: the list for the error summary at the top, and the same
/// messages by field name for the message above each input (GOV.UK error pattern).
struct FormErrors: Encodable {
    let list: [FieldIssue]
    let byField: [String: String]

    init(_ issues: [FieldIssue] = []) {
        self.list = issues
        self.byField = Dictionary(issues.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }

    var isEmpty: Bool { list.isEmpty }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(list, forKey: .list)
        try container.encode(byField, forKey: .field)
        try container.encode(!list.isEmpty, forKey: .any)
    }

    private enum Keys: String, CodingKey { case list, field, any }
}

/// One choice in a select box, radio group or checkbox list, as every form page renders it.
struct FormOption: Encodable {
    let value: String
    let label: String
    let selected: Bool

    init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

import Foundation

/// Weights an administrator types, checked before they are stored: each a positive number no
/// larger than `maximum` (a case counting as more than five ordinary ones is a typing mistake).
extension CaseloadWeights {
    public static let maximum = 5.0

    /// The weights from typed text, one per category, or a message per category that is wrong.
    public static func parse(_ text: [CaseloadCategory: String]) -> Result<CaseloadWeights, CaseloadWeightsProblems> {
        var values: [CaseloadCategory: Double] = [:]
        var problems: [CaseloadCategory: String] = [:]
        for category in CaseloadCategory.allCases {
            let typed = (text[category] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Double(typed), value.isFinite else {
                problems[category] = "Enter the weight for \(category.label.lowercased()) cases as a number, for example 1.2"
                continue
            }
            guard value > 0, value <= maximum else {
                problems[category] = "The weight for \(category.label.lowercased()) cases must be more than 0 and no more than 5"
                continue
            }
            values[category] = value
        }
        guard problems.isEmpty else { return .failure(CaseloadWeightsProblems(byCategory: problems)) }
        return .success(CaseloadWeights(childProtection: values[.childProtection]!, lookedAfter: values[.lookedAfter]!,
                                        careLeaver: values[.careLeaver]!, childInNeed: values[.childInNeed]!,
                                        assessment: values[.assessment]!))
    }

    /// "child protection 1.5, looked after 1.3, ...", for the pages that explain a weighted caseload.
    public var summary: String {
        CaseloadCategory.allCases.map { category in
            let w = weight(of: category)
            return "\(category.label.lowercased()) \(w == w.rounded() ? String(Int(w)) : String(format: "%g", w))"
        }.joined(separator: ", ")
    }
}

public struct CaseloadWeightsProblems: Error, Equatable, Sendable {
    public let byCategory: [CaseloadCategory: String]
}

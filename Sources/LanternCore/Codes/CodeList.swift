import Foundation

/// A list of codes from a statutory return. The raw value is the code exactly as the return writes
/// it ("N1", "1A", "E4A"); `label` says what it means in plain English, for pages and pick lists.
///
/// Codes and meanings come from returns-spec.md (compiled from the DfE validators); where that
/// gives no meaning, from the Data to Insight descriptions that accompany the same validators.
public protocol CodeList: RawRepresentable, CaseIterable, Hashable, Sendable, Codable
where RawValue == String, AllCases == [Self] {
    var label: String { get }
}

extension CodeList {
    /// The code as the return writes it.
    public var code: String { rawValue }
}

import Foundation

/// An identifier that is only ever made from text by checking it: NHS number, UPN, postcode.
/// It is stored and sent as its canonical text, and decoding checks it again, so an invalid value
/// read from a file or a request is refused with the same message a person would see.
public protocol CheckedIdentifier: Codable {
    associatedtype Problem: Error & CustomStringConvertible
    init(checking text: String) throws(Problem)
    /// The text it is stored as.
    var canonicalText: String { get }
}

extension CheckedIdentifier {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(checking: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonicalText)
    }
}

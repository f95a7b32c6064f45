import FluentKit
import Foundation
import SQLKit

/// The next number in a sequence, for the references people quote ("L1000123", "C2600042").
/// One atomic UPDATE ... RETURNING, so two front-door workers never get the same number.
public final class ReferenceCounterModel: Model, @unchecked Sendable {
    public static let schema = "reference_counters"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "value") public var value: Int64

    public init() {}

    public init(kind: String, value: Int64) {
        self.kind = kind
        self.value = value
    }
}

public enum ReferenceNumbers {
    public enum Kind: String, Sendable {
        case person, contact, earlyHelp

        var prefix: String {
            switch self {
            case .person: "L"
            case .contact: "C"
            case .earlyHelp: "F"
            }
        }

        var first: Int64 {
            switch self {
            case .person: 1_000_001
            case .contact: 100_001
            case .earlyHelp: 10_001
            }
        }
    }

    public static func next(_ kind: Kind, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { throw ReferenceError.needsSQL }
        struct Row: Decodable { let value: Int64 }
        let rows = try await sql.raw("UPDATE reference_counters SET value = value + 1 WHERE kind = \(bind: kind.rawValue) RETURNING value")
            .all(decoding: Row.self)
        if let value = rows.first?.value { return kind.prefix + String(value) }
        do {
            try await ReferenceCounterModel(kind: kind.rawValue, value: kind.first).create(on: db)
            return kind.prefix + String(kind.first)
        } catch {
            // Someone else created the counter at the same moment: theirs stands, take the next.
            let retry = try await sql.raw("UPDATE reference_counters SET value = value + 1 WHERE kind = \(bind: kind.rawValue) RETURNING value")
                .all(decoding: Row.self)
            guard let value = retry.first?.value else { throw error }
            return kind.prefix + String(value)
        }
    }

    /// After a bulk load that wrote references itself, so the next one continues from there.
    public static func setAtLeast(_ kind: Kind, value: Int64, on db: any Database) async throws {
        if let counter = try await ReferenceCounterModel.query(on: db).filter(\.$kind == kind.rawValue).first() {
            if counter.value < value {
                counter.value = value
                try await counter.save(on: db)
            }
        } else {
            try await ReferenceCounterModel(kind: kind.rawValue, value: value).create(on: db)
        }
    }

    enum ReferenceError: Error { case needsSQL }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension ReferenceCounterModel {
    public var properties: [any AnyProperty] { [_id, _kind, _value] }
}

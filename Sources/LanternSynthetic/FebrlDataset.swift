import Foundation
import LanternCore

public enum FebrlError: Error, Hashable, Sendable {
    case missingColumn(String)
    /// A data row with the wrong number of fields (1-based line number).
    case malformedRow(line: Int)
    /// A rec_id not shaped like `rec-123-org` or `rec-123-dup-0`.
    case malformedRecordID(line: Int, String)
}

/// One record of a FEBRL dataset (Christen's Freely Extensible Biomedical Record Linkage data:
/// synthetic Australian people with generated duplicates).
public struct FebrlRecord: Hashable, Sendable {
    public let recordID: String
    /// The number shared by an original and its duplicates.
    public let entity: Int
    public let givenName: String
    public let surname: String
    public let streetNumber: String
    public let address1: String
    public let address2: String
    public let suburb: String
    public let postcode: String
    public let state: String
    public let dateOfBirth: String
    public let socialSecurityID: String
    let id: UUID

    /// The record as a Lantern person. FEBRL's address columns become the address line; the
    /// social security number stands in for the NHS number when `useIdentifier` is set.
    public func person(useIdentifier: Bool) -> PersonRecord {
        PersonRecord(id: id, givenName: nonEmpty(givenName), familyName: nonEmpty(surname),
                     dateOfBirth: FebrlRecord.day(dateOfBirth), postcode: nonEmpty(postcode),
                     addressLine: nonEmpty([streetNumber, address1, address2, suburb].filter { !$0.isEmpty }.joined(separator: " ")),
                     nhsNumber: useIdentifier ? nonEmpty(socialSecurityID) : nil)
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    static func day(_ yyyymmdd: String) -> Day? {
        guard yyyymmdd.count == 8, let n = Int(yyyymmdd) else { return nil }
        return Day(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }
}

/// An unordered pair of record positions.
struct FebrlPair: Hashable {
    let low: Int
    let high: Int

    init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }
}

public struct FebrlDataset: Sendable {
    public let records: [FebrlRecord]
    private let positionByID: [UUID: Int]

    /// Reads FEBRL's CSV layout: a header naming rec_id, given_name, surname, street_number,
    /// address_1, address_2, suburb, postcode, state, date_of_birth and soc_sec_id (in any order,
    /// spaces after commas allowed), then one record a line.
    public static func load(csvText: String) throws(FebrlError) -> FebrlDataset {
        let lines = csvText.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first else { throw .missingColumn("rec_id") }
        let columns = fields(header)
        func column(_ name: String) throws(FebrlError) -> Int {
            guard let i = columns.firstIndex(of: name) else { throw .missingColumn(name) }
            return i
        }
        let rec = try column("rec_id"), given = try column("given_name"), surname = try column("surname")
        let number = try column("street_number"), a1 = try column("address_1"), a2 = try column("address_2")
        let suburb = try column("suburb"), postcode = try column("postcode"), state = try column("state")
        let dob = try column("date_of_birth"), ssid = try column("soc_sec_id")
        var records: [FebrlRecord] = []
        var rng = SeededGenerator(seed: 0xFEB1)
        for (offset, line) in lines.dropFirst().enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let f = fields(line)
            guard f.count == columns.count else { throw .malformedRow(line: offset + 2) }
            guard let entity = entityNumber(f[rec]) else { throw .malformedRecordID(line: offset + 2, f[rec]) }
            records.append(FebrlRecord(recordID: f[rec], entity: entity, givenName: f[given], surname: f[surname],
                                       streetNumber: f[number], address1: f[a1], address2: f[a2], suburb: f[suburb],
                                       postcode: f[postcode], state: f[state], dateOfBirth: f[dob],
                                       socialSecurityID: f[ssid], id: rng.uuid()))
        }
        return FebrlDataset(records: records)
    }

    init(records: [FebrlRecord]) {
        self.records = records
        positionByID = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.id, $0) })
    }

    func position(of id: UUID) -> Int? { positionByID[id] }

    /// Every pair of records that describe the same entity.
    var duplicatePairs: Set<FebrlPair> {
        var pairs: Set<FebrlPair> = []
        let groups = Dictionary(grouping: records.indices, by: { records[$0].entity })
        for members in groups.values where members.count > 1 {
            for i in members.indices {
                for j in members.indices where j > i { pairs.insert(FebrlPair(members[i], members[j])) }
            }
        }
        return pairs
    }

    public var duplicatePairCount: Int { duplicatePairs.count }

    private static func fields(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func entityNumber(_ recordID: String) -> Int? {
        let parts = recordID.split(separator: "-")
        guard parts.count >= 3, parts[0] == "rec", let n = Int(parts[1]) else { return nil }
        return n
    }
}

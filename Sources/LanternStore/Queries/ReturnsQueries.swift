import FluentKit
import Foundation
import LanternCore

/// What the statutory returns read from the store: each child's case record with the person
/// details the returns need.
public enum ReturnsQueries {
    public struct ChildCase: Sendable {
        public let person: PersonSummary
        public let snapshot: CaseSnapshot
    }

    public struct PersonSummary: Sendable {
        public let id: UUID
        public let reference: String
        public let birthDate: Day?
        public let expectedBirthDate: Day?
        public let sex: String
        public let ethnicity: String?
        public let upn: String?
        public let postcode: String?
    }

    /// Every child with a case record, in reference order. Streams in pages so a city's records
    /// never sit in memory twice.
    public struct SocialWorkerSpellRow: Sendable {
        public let number: String?
        public let start: Day
        public let end: Day?
        public let reason: String?
    }

    /// Each child's allocations to a named worker, oldest first (the 903's social worker episodes).
    public static func socialWorkerSpells(for people: [UUID], on db: any Database) async throws -> [UUID: [SocialWorkerSpellRow]] {
        var result: [UUID: [SocialWorkerSpellRow]] = [:]
        for chunk in stride(from: 0, to: people.count, by: 500).map({ Array(people[$0..<min($0 + 500, people.count)]) }) {
            let allocations = try await AllocationModel.query(on: db).filter(\.$person.$id ~~ chunk).filter(\.$worker.$id != nil)
                .with(\.$worker).sort(\.$startedOn).all()
            for a in allocations {
                guard let start = Day(iso: a.startedOn) else { continue }
                result[a.$person.id, default: []].append(SocialWorkerSpellRow(number: a.worker?.socialWorkerNumber, start: start,
                                                                               end: a.endedOn.flatMap { Day(iso: $0) }, reason: a.changeReason))
            }
        }
        return result
    }

    public static func childCases(on db: any Database, pageSize: Int = 2_000) async throws -> [ChildCase] {
        var result: [ChildCase] = []
        var page = 0
        while true {
            let cases = try await ChildCaseModel.query(on: db).with(\.$person).sort(\.$id)
                .range((page * pageSize)..<((page + 1) * pageSize)).all()
            for model in cases {
                let p = model.person
                result.append(ChildCase(
                    person: PersonSummary(id: try p.requireID(), reference: p.reference, birthDate: p.birthDay,
                                          expectedBirthDate: p.expectedDateOfBirth.flatMap { Day(iso: $0) }, sex: p.sex,
                                          ethnicity: p.ethnicity, upn: p.upn, postcode: p.postcode),
                    snapshot: try model.snapshot()))
            }
            guard cases.count == pageSize else { break }
            page += 1
        }
        return result.sorted { $0.person.reference < $1.person.reference }
    }
}

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

    /// Which case records a return reads: its own rules then decide what of each it reports.
    public enum Records: Sendable {
        case all
        /// Records with an episode of need open at some time in the period (the CIN census).
        case episodesOverlapping(from: Day, to: Day)
        /// Records of children ever looked after (the SSDA903).
        case everLookedAfter
    }

    /// The case records `records` names with their children, in reference order, read in pages
    /// by id so that a city's records are never all held as models at once.
    public static func childCases(_ records: Records = .all, on db: any Database, pageSize: Int = 2_000) async throws -> [ChildCase] {
        var result: [ChildCase] = []
        var after: UUID?
        while true {
            var query = ChildCaseModel.query(on: db).with(\.$person)
            switch records {
            case .all:
                break
            case .episodesOverlapping(let start, let end):
                // Dates are ISO text, which sorts as the dates do (CaseSnapshot.Span.episodesOverlap).
                query = query.filter(\.$firstReferralOn <= end.iso)
                    .group(.or) { $0.filter(\.$episodesClosedOn == nil).filter(\.$episodesClosedOn >= start.iso) }
            case .everLookedAfter:
                query = query.filter(\.$everLookedAfter == true)
            }
            if let after { query = query.filter(\.$id > after) }
            let cases = try await query.sort(\.$id).limit(pageSize).all()
            for model in cases {
                let p = model.person
                result.append(ChildCase(
                    person: PersonSummary(id: try p.requireID(), reference: p.reference, birthDate: p.birthDay,
                                          expectedBirthDate: p.expectedDateOfBirth.flatMap { Day(iso: $0) }, sex: p.sex,
                                          ethnicity: p.ethnicity, upn: p.upn, postcode: p.postcode),
                    snapshot: try model.snapshot()))
            }
            guard cases.count == pageSize, let last = cases.last?.id else { break }
            after = last
        }
        return result.sorted { $0.person.reference < $1.person.reference }
    }
}

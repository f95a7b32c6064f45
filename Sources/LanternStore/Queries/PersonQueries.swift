import FluentKit
import Foundation
import LanternCore

/// The person index as the matcher sees it, and the history shown beside each match.
public enum PersonQueries {
    /// Every person, with aliases and relatives, as match records. Used to build the in-memory
    /// match index once at start-up.
    public static func allMatchRecords(on db: any Database) async throws -> [PersonRecord] {
        // A record merged into another lives on in the kept one: never matched on its own.
        let people = try await PersonModel.query(on: db).filter(\.$mergedInto == nil).all()
        let aliases = Dictionary(grouping: try await PersonAliasModel.query(on: db).all(), by: { $0.$person.id })
        let relationships = try await RelationshipModel.query(on: db).all()
        let links = Dictionary(grouping: relationships, by: { $0.$person.id })
        let reverse = Dictionary(grouping: relationships, by: { $0.$relative.id })
        return people.map { person in
            let id = person.id!
            let linked = (links[id] ?? []).map(\.$relative.id) + (reverse[id] ?? []).map(\.$person.id)
            return matchRecord(person, aliases: aliases[id] ?? [], linked: linked)
        }
    }

    public static func matchRecord(personID: UUID, on db: any Database) async throws -> PersonRecord? {
        guard let person = try await PersonModel.find(personID, on: db), person.mergedInto == nil else { return nil }
        let aliases = try await PersonAliasModel.query(on: db).filter(\.$person.$id == personID).all()
        let out = try await RelationshipModel.query(on: db).filter(\.$person.$id == personID).all().map(\.$relative.id)
        let back = try await RelationshipModel.query(on: db).filter(\.$relative.$id == personID).all().map(\.$person.id)
        return matchRecord(person, aliases: aliases, linked: out + back)
    }

    static func matchRecord(_ person: PersonModel, aliases: [PersonAliasModel], linked: [UUID]) -> PersonRecord {
        PersonRecord(
            id: person.id!, givenName: person.givenName,
            otherNames: person.otherNames.map { $0.split(separator: " ").map(String.init) } ?? [],
            familyName: person.familyName,
            aliases: aliases.map { PersonName(given: $0.givenName, family: $0.familyName) },
            dateOfBirth: person.dateOfBirth.flatMap { Day(iso: $0) },
            expectedDateOfBirth: person.expectedDateOfBirth.flatMap { Day(iso: $0) },
            sex: person.sex, postcode: person.postcode, addressLine: person.address,
            nhsNumber: person.nhsNumber, upn: person.upn, linkedPersonIDs: linked)
    }

    /// What the front door needs to know about a possible match: earlier contacts, who holds the
    /// case now, and the people they live with.
    public struct History: Sendable {
        public var contacts: [(reference: String, receivedOn: String, decision: String?, status: String)]
        public var allocation: (team: String, worker: String?)?
        public var referralDates: [Day]
    }

    public static func history(of personID: UUID, on db: any Database) async throws -> History {
        let subjects = try await ContactSubjectModel.query(on: db)
            .filter(\.$person.$id == personID).with(\.$contact).all()
        let contacts = subjects.map(\.contact).sorted { $0.receivedAt > $1.receivedAt }
        let allocation = try await AllocationModel.query(on: db)
            .filter(\.$person.$id == personID).filter(\.$endedOn == nil).with(\.$team).with(\.$worker).first()
        // Referrals are the contacts that became one, and every episode of need on the child's
        // case (which also holds referrals from before Lantern, or recorded without a contact).
        let fromContacts = contacts.filter { $0.status == ContactStatus.referralOpened.rawValue }.compactMap { Day(iso: $0.receivedOn) }
        let fromCase = try await ChildCaseModel.query(on: db).filter(\.$person.$id == personID).first()?.snapshot().referralDates ?? []
        let referralDates = Array(Set(fromContacts + fromCase)).sorted()
        return History(
            contacts: contacts.map { ($0.reference, $0.receivedOn, $0.decision, $0.status) },
            allocation: allocation.map { ($0.team.name, $0.worker?.displayName) },
            referralDates: referralDates)
    }
}

import FluentKit
import Foundation
import LanternCore

/// A person's address history, newest first, and recording a move.
public enum PersonAddresses {
    public static func history(of personID: UUID, on db: any Database) async throws -> [PersonAddressModel] {
        try await PersonAddressModel.query(on: db).filter(\.$person.$id == personID).all()
            .sorted { ($0.toOn ?? "9999", $0.fromOn ?? "") > ($1.toOn ?? "9999", $1.fromOn ?? "") }
    }

    /// When the person moved into their current address, if the history knows.
    public static func currentSince(_ personID: UUID, on db: any Database) async throws -> Day? {
        try await history(of: personID, on: db).first { $0.toOn == nil }?.fromOn.flatMap(Day.init(iso:))
    }

    /// Ends the current address on `day` and starts the new one, on `db` (the caller's
    /// transaction). An address recorded before the history was kept becomes its first row.
    public static func recordMove(of person: PersonModel, to address: String, postcode: Postcode, on day: Day, by userID: UUID,
                                  on db: any Database) async throws {
        let personID = try person.requireID()
        let now = Date()
        let current = try await PersonAddressModel.query(on: db).filter(\.$person.$id == personID).filter(\.$toOn == nil).all()
        if current.isEmpty, person.address != nil || person.postcode != nil {
            try await PersonAddressModel(personID: personID, address: person.address, postcode: person.postcode, from: nil, to: day,
                                         recordedBy: userID, at: now).create(on: db)
        }
        for row in current {
            row.toOn = day.iso
            try await row.save(on: db)
        }
        try await PersonAddressModel(personID: personID, address: address, postcode: postcode.description, from: day,
                                     recordedBy: userID, at: now).create(on: db)
        person.address = address
        person.postcode = postcode.description
        try await person.save(on: db)
    }
}

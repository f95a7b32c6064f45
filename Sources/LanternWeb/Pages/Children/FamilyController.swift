import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// `/children/:personID/family`: who the child lives with and how they are related to the people
/// around them, as a diagram and a table, with each related child's case status. A relative's
/// details show only when this user could open that relative's own record; the rest is a name,
/// and a restricted record shows nothing that identifies them.
struct FamilyController {
    /// Who records relationships: those who record on the child, and the front door, which learns
    /// about a family first.
    static let recorders: Set<Role> = CaseworkController.caseworkers.union([.frontDoor])

    func register(_ routes: LanternRoutes) {
        routes.get("children", ":personID", "family", access: .roles(ChildrenController.readers), use: show)
        routes.post("children", ":personID", "family", "relationships", access: .roles(Self.recorders), use: add)
        routes.post("children", ":personID", "family", "relationships", ":relationshipID", "end", access: .roles(Self.recorders), use: end)
        routes.post("children", ":personID", "family", "moves", access: .roles(Self.recorders), use: recordMove)
    }

    struct RelationshipForm: Content {
        /// "existing" (a record found by reference or from the linked people) or "new" (a new adult).
        var who: String?
        var reference: String?
        var linkedPersonID: String?
        var givenName: String?
        var familyName: String?
        var dateOfBirth: String?
        var sex: String?
        var kind: String?
        var livesWith: String?
    }

    struct MoveForm: Content {
        var address: String?
        var postcode: String?
        var movedOn: String?
    }

    struct AddressRow: Encodable {
        let address: String
        let postcode: String
        let from: String
        let to: String
    }

    struct RelativeRow: Encodable {
        let relationshipID: UUID
        /// "Restricted record" when the user is not named on a restricted record.
        let name: String
        let reference: String?
        let relationship: String
        let livesWith: Bool
        /// The relative's own page, when this user may open it.
        let link: String?
        let status: String?
        let allocatedTo: String?
        /// Why details are missing, said plainly.
        let notShown: String?
        let endedOn: String?
    }

    struct Page: Encodable {
        let chrome: Chrome
        let id: UUID
        let reference: String
        let name: String
        let diagram: String
        /// Relationships that hold, the household first.
        let relatives: [RelativeRow]
        let ended: [RelativeRow]
        let canRecord: Bool
        let kinds: [FormOption]
        let sexes: [FormOption]
        let linkedPeople: [FormOption]
        let form: RelationshipForm
        let addresses: [AddressRow]
        let move: MoveForm
        let errors: FormErrors
    }

    @Sendable func show(req: Request) async throws -> View {
        let person = try await ChildrenController.authorisedChild(req)
        try await AuditLog.record(.personViewed, on: req.db, request: req, subjectKind: "person", subjectID: try person.requireID(),
                                  summary: "Viewed the child's family")
        return try await render(req, person: person, form: RelationshipForm(who: "existing", livesWith: nil), errors: FormErrors())
    }

    // MARK: Recording

    @Sendable func add(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let childID = try person.requireID()
        let form = try req.content.decode(RelationshipForm.self)
        var issues: [FieldIssue] = []
        let kind = RelationshipKind(rawValue: form.kind ?? "")
        if kind == nil { issues.append(FieldIssue(field: "kind", message: "Choose how this person is related to \(person.givenName)")) }
        let livesWith: Bool? = form.livesWith == "yes" ? true : form.livesWith == "no" ? false : nil
        if livesWith == nil { issues.append(FieldIssue(field: "livesWith", message: "Say whether \(person.givenName) lives with this person")) }

        var relative: PersonModel?
        var newAdult: (given: String, family: String, born: Day?, sex: Sex)?
        switch form.who {
        case "existing":
            let typed = (form.reference ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            let hidden = try await RestrictedRecords.hiddenPersonIDs(from: user, on: req.db)
            if !typed.isEmpty {
                relative = try await PersonModel.query(on: req.db).filter(\.$reference == typed).filter(\.$mergedInto == nil).first()
                if relative == nil || relative!.id.map(hidden.contains) == true {
                    relative = nil
                    issues.append(FieldIssue(field: "reference", message: "There is no record with the reference \(typed)"))
                }
            } else if let id = form.linkedPersonID.flatMap(UUID.init(uuidString:)), !hidden.contains(id) {
                relative = try await PersonModel.find(id, on: req.db)
            }
            if relative == nil && !issues.contains(where: { $0.field == "reference" }) {
                issues.append(FieldIssue(field: "reference", message: "Enter the person's reference number, or choose someone linked to the family"))
            }
            if let found = relative, found.id == childID {
                issues.append(FieldIssue(field: "reference", message: "That is \(person.givenName)'s own record: enter the relative's reference"))
            } else if let found = relative, try await FamilyQueries.areLinked(childID, try found.requireID(), on: req.db) {
                issues.append(FieldIssue(field: "reference", message: "This relationship is already recorded. End it first to record it differently"))
            }
        case "new":
            let given = (form.givenName ?? "").trimmingCharacters(in: .whitespaces)
            let family = (form.familyName ?? "").trimmingCharacters(in: .whitespaces)
            if given.isEmpty { issues.append(FieldIssue(field: "givenName", message: "Enter the person's first name")) }
            if family.isEmpty { issues.append(FieldIssue(field: "familyName", message: "Enter the person's last name")) }
            var born: Day?
            let typedDate = (form.dateOfBirth ?? "").trimmingCharacters(in: .whitespaces)
            if !typedDate.isEmpty {
                do {
                    let day = try DateEntry.parse(typedDate)
                    if day > Day(Date()) { issues.append(FieldIssue(field: "dateOfBirth", message: "The date of birth cannot be in the future")) } else { born = day }
                } catch { issues.append(FieldIssue(field: "dateOfBirth", message: error.message)) }
            }
            let sex = Sex(rawValue: form.sex ?? "")
            if sex == nil { issues.append(FieldIssue(field: "sex", message: "Choose the person's sex, or Unknown")) }
            if let sex, !given.isEmpty, !family.isEmpty { newAdult = (given, family, born, sex) }
        default:
            issues.append(FieldIssue(field: "who", message: "Choose whether this person already has a record"))
        }
        guard issues.isEmpty, let kind, let livesWith, relative != nil || newAdult != nil else {
            return try await render(req, person: person, form: form, errors: FormErrors(issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let (existing, adultToCreate) = (relative, newAdult)
        let relativeID: UUID = try await req.db.transaction { db in
            let relativeID: UUID
            if let relative = existing {
                relativeID = try relative.requireID()
            } else if let newAdult = adultToCreate {
                let adult = PersonModel(reference: try await ReferenceNumbers.next(.person, on: db), givenName: newAdult.given, familyName: newAdult.family,
                                        dateOfBirth: newAdult.born, sex: newAdult.sex.rawValue, isChild: false)
                try await adult.create(on: db)
                relativeID = try adult.requireID()
                try await AuditLog.record(.personCreated, on: db, request: req, subjectKind: "person", subjectID: relativeID,
                                          summary: "Created as a relative of \(person.reference)")
            } else {
                throw LanternError.notFound(what: "that person")
            }
            try await RelationshipModel(personID: childID, relativeID: relativeID, kind: kind, livesWith: livesWith).create(on: db)
            let reference = try await PersonModel.find(relativeID, on: db)?.reference ?? ""
            try await AuditLog.record(.personUpdated, on: db, request: req, subjectKind: "person", subjectID: childID,
                                      summary: "Recorded a relationship: \(kind.rawValue) \(reference)\(livesWith ? ", lives with" : "")")
            return relativeID
        }
        // Linked people are a matching signal, on both records.
        try await req.application.personIndex.upsert(personID: childID, on: req.db)
        try await req.application.personIndex.upsert(personID: relativeID, on: req.db)
        return req.redirect(to: "/children/\(childID)/family")
    }

    @Sendable func end(req: Request) async throws -> Response {
        let person = try await ChildrenController.authorisedChild(req)
        let childID = try person.requireID()
        guard let id = req.parameters.get("relationshipID", as: UUID.self),
              let relationship = try await RelationshipModel.find(id, on: req.db),
              relationship.$person.id == childID || relationship.$relative.id == childID else {
            throw LanternError.notFound(what: "that relationship")
        }
        guard relationship.endedOn == nil else { return req.redirect(to: "/children/\(childID)/family") }
        let today = Day(Date())
        try await req.db.transaction { db in
            relationship.endedOn = today.iso
            relationship.livesWith = false
            try await relationship.save(on: db)
            try await AuditLog.record(.personUpdated, on: db, request: req, subjectKind: "person", subjectID: childID,
                                      summary: "Ended a relationship: \(relationship.kind.rawValue) (\(id.uuidString))")
        }
        return req.redirect(to: "/children/\(childID)/family")
    }

    /// A move of the child's home: the old address is ended on the day and kept as history.
    @Sendable func recordMove(req: Request) async throws -> Response {
        let user = try req.user()
        let person = try await ChildrenController.authorisedChild(req)
        let childID = try person.requireID()
        let move = try req.content.decode(MoveForm.self)
        var issues: [FieldIssue] = []
        let address = (move.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if address.isEmpty { issues.append(FieldIssue(field: "moveAddress", message: "Enter the new address")) }
        var postcode: Postcode?
        do { postcode = try Postcode(move.postcode ?? "") } catch { issues.append(FieldIssue(field: "movePostcode", message: error.message)) }
        let since = try await PersonAddresses.currentSince(childID, on: req.db)
        var day: Day?
        do {
            let parsed = try DateEntry.parse(move.movedOn ?? "")
            do throws(AddressMove.Problem) {
                try AddressMove.check(movedOn: parsed, currentSince: since, today: Day(Date()))
                day = parsed
            } catch { issues.append(FieldIssue(field: "moveDate", message: error.message)) }
        } catch { issues.append(FieldIssue(field: "moveDate", message: error.message)) }
        guard issues.isEmpty, let postcode, let day else {
            return try await render(req, person: person, form: RelationshipForm(who: "existing"), move: move, errors: FormErrors(issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await req.db.transaction { db in
            try await PersonAddresses.recordMove(of: person, to: address, postcode: postcode, on: day, by: user.id, on: db)
            // The day and the area only: the address itself is personal data and stays out of the trail.
            try await AuditLog.record(.personUpdated, on: db, request: req, subjectKind: "person", subjectID: childID,
                                      summary: "Recorded a move on \(day.iso) to \(postcode.outwardCode)")
        }
        try await req.application.personIndex.upsert(personID: childID, on: req.db)
        return req.redirect(to: "/children/\(childID)/family#addresses")
    }

    // MARK: The page

    private func render(_ req: Request, person: PersonModel, form: RelationshipForm, move: MoveForm = MoveForm(),
                        errors: FormErrors) async throws -> View {
        let user = try req.user()
        let childID = try person.requireID()
        let links = try await FamilyQueries.links(of: childID, on: req.db)
        var rows: [(link: FamilyQueries.Link, row: RelativeRow)] = []
        for link in links {
            rows.append((link, try await row(for: link, user: user, on: req.db)))
        }
        let live = rows.filter { $0.link.endedOn == nil }
        let diagram = FamilyDiagram(
            child: .init(id: childID, name: person.fullName, role: nil, livesWithChild: true, isChild: true),
            relatives: live.map { .init(id: $0.link.relative.id!, name: $0.row.name, role: $0.link.role, livesWithChild: $0.link.livesWith,
                                        isChild: $0.link.relative.isChild) })
        let canRecord = user.hasAny(Self.recorders)
        let page = Page(
            chrome: Chrome(request: req, title: errors.isEmpty ? "Family: \(person.fullName)" : "Error: Family: \(person.fullName)"),
            id: childID, reference: person.reference, name: person.fullName,
            diagram: SVGChart.family(diagram, childName: person.fullName),
            relatives: (live.filter(\.link.livesWith) + live.filter { !$0.link.livesWith }).map(\.row),
            ended: rows.filter { $0.link.endedOn != nil }.map(\.row),
            canRecord: canRecord,
            kinds: RelationshipKind.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: form.kind == $0.rawValue) },
            sexes: Sex.allCases.map { FormOption(value: $0.rawValue, label: $0.label, selected: form.sex == $0.rawValue) },
            linkedPeople: canRecord ? try await linkedPeople(of: childID, alreadyLinked: Set(live.map { $0.link.relative.id! }), user: user,
                                                             selected: form.linkedPersonID, on: req.db) : [],
            form: form,
            addresses: try await PersonAddresses.history(of: childID, on: req.db).map {
                AddressRow(address: $0.address ?? "Not recorded", postcode: $0.postcode ?? "",
                           from: $0.fromOn.flatMap(Day.init(iso:)).map(DisplayDate.long) ?? "Before records began",
                           to: $0.toOn.flatMap(Day.init(iso:)).map(DisplayDate.long) ?? "Now")
            },
            move: move, errors: errors)
        return try await req.view.render("children/family", page)
    }

    /// One relative as this user may see them.
    private func row(for link: FamilyQueries.Link, user: SignedInUser, on db: any Database) async throws -> RelativeRow {
        let relative = link.relative
        let relativeID = try relative.requireID()
        let ended = link.endedOn.map(DisplayDate.long)
        // Adults have no case record of their own; their record is closed only when restricted.
        let decision: ChildAccessPolicy.Decision = relative.isChild
            ? try await ChildrenController.accessDecision(to: relative, for: user, on: db)
            : (try await RestrictedRecords.restriction(of: relative, on: db).map { $0.namedUsers.contains(user.id) ? .allowed : .restricted } ?? .allowed)
        func shown(name: String, reference: String? = nil, page: String? = nil, status: String? = nil, allocatedTo: String? = nil,
                   notShown: String? = nil) -> RelativeRow {
            RelativeRow(relationshipID: link.relationshipID, name: name, reference: reference, relationship: link.role.label,
                        livesWith: link.livesWith, link: page, status: status, allocatedTo: allocatedTo, notShown: notShown, endedOn: ended)
        }
        switch decision {
        case .restricted:
            return shown(name: "Restricted record", notShown: "Not shown: restricted record")
        case .noRelationship, .notPermitted:
            return shown(name: relative.fullName, notShown: "Not shown: no access")
        case .allowed:
            guard relative.isChild else { return shown(name: relative.fullName, reference: relative.reference, status: "Adult") }
            let snapshot = try await ChildCaseModel.query(on: db).filter(\.$person.$id == relativeID).first()?.snapshot()
            let allocation = try await AllocationModel.query(on: db).filter(\.$person.$id == relativeID).filter(\.$endedOn == nil)
                .with(\.$team).with(\.$worker).first()
            return shown(name: relative.fullName, reference: relative.reference, page: "/children/\(relativeID)",
                         status: snapshot.map { CaseClocks.stage(of: $0) } ?? "No case record",
                         allocatedTo: allocation.map(ChildrenController.describe) ?? "Not allocated")
        }
    }

    /// People the user might mean without knowing a reference: the relatives of this child's
    /// relatives, and the people named with the child on a contact, not already linked.
    private func linkedPeople(of childID: UUID, alreadyLinked: Set<UUID>, user: SignedInUser, selected: String?,
                              on db: any Database) async throws -> [FormOption] {
        var ids: Set<UUID> = []
        for relativeID in alreadyLinked {
            for link in try await FamilyQueries.links(of: relativeID, on: db) where link.endedOn == nil { ids.insert(link.relative.id!) }
        }
        let contactIDs = try await ContactSubjectModel.query(on: db).filter(\.$person.$id == childID).all().map(\.$contact.id)
        if !contactIDs.isEmpty {
            let named = try await ContactSubjectModel.query(on: db).filter(\.$contact.$id ~~ contactIDs).all().compactMap(\.$person.id)
            ids.formUnion(named)
        }
        ids.subtract(alreadyLinked)
        ids.remove(childID)
        ids.subtract(try await RestrictedRecords.hiddenPersonIDs(from: user, on: db))
        guard !ids.isEmpty else { return [] }
        return try await PersonModel.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$mergedInto == nil).sort(\.$familyName).sort(\.$givenName).limit(50).all()
            .map { FormOption(value: $0.id!.uuidString, label: "\($0.fullName) (\($0.reference))", selected: selected == $0.id!.uuidString) }
    }
}

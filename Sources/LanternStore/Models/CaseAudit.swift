import FluentKit
import Foundation
import LanternCore

/// One section of the council's case audit template, in the order auditors see it.
public final class CaseAuditSectionModel: Model, @unchecked Sendable {
    public static let schema = "case_audit_sections"

    @ID(key: .id) public var id: UUID?
    @Field(key: "position") public var position: Int
    @Field(key: "title") public var title: String
    @Field(key: "prompt") public var prompt: String

    public init() {}

    public init(id: UUID? = nil, position: Int, title: String, prompt: String) {
        self.id = id
        self.position = position
        self.title = title
        self.prompt = prompt
    }

    /// The template as the auditor sees it now.
    public static func template(on db: any Database) async throws -> CaseAuditTemplate {
        CaseAuditTemplate(sections: try await query(on: db).sort(\.$position).all().map { .init(title: $0.title, prompt: $0.prompt) })
    }
}

/// A completed audit of one child's case file. The sections graded and the actions set are kept
/// as JSON with the section titles copied, so editing the template never rewrites a past audit.
public final class CaseAuditModel: Model, @unchecked Sendable {
    public static let schema = "case_audits"

    public struct GradedSection: Codable, Sendable {
        public var title: String
        public var prompt: String
        public var grade: CaseAuditGrade
        public var comment: String

        public init(title: String, prompt: String, grade: CaseAuditGrade, comment: String) {
            self.title = title
            self.prompt = prompt
            self.grade = grade
            self.comment = comment
        }
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    /// The team that held the case when it was audited: results roll up by it.
    @Parent(key: "team_id") public var team: TeamModel
    @Parent(key: "auditor_id") public var auditor: StaffUserModel
    @Field(key: "audited_on") public var auditedOn: String
    @Enum(key: "overall") public var overall: CaseAuditGrade
    @Field(key: "sections") public var sectionsJSON: String
    @Field(key: "actions") public var actionsJSON: String
    @Field(key: "summary") public var summary: String

    public init() {}

    public init(id: UUID? = nil, personID: UUID, teamID: UUID, auditorID: UUID, auditedOn: Day, overall: CaseAuditGrade,
                sections: [GradedSection], actions: [CaseAuditAction], summary: String) {
        self.id = id
        self.$person.id = personID
        self.$team.id = teamID
        self.$auditor.id = auditorID
        self.auditedOn = auditedOn.iso
        self.overall = overall
        self.sectionsJSON = Self.encode(sections)
        self.actionsJSON = Self.encode(actions)
        self.summary = summary
    }

    public var sections: [GradedSection] { Self.decode(sectionsJSON) }
    public var actions: [CaseAuditAction] { Self.decode(actionsJSON) }

    private static func encode<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ text: String) -> [T] {
        (try? JSONDecoder().decode([T].self, from: Data(text.utf8))) ?? []
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension CaseAuditSectionModel {
    public var properties: [any AnyProperty] { [_id, _position, _title, _prompt] }
}
extension CaseAuditModel {
    public var properties: [any AnyProperty] {
        [_id, _person, _team, _auditor, _auditedOn, _overall, _sectionsJSON, _actionsJSON, _summary]
    }
}

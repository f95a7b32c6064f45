import FluentKit
import Foundation
import LanternCore

/// Case file audits (issue 6): the administrator's template, seeded with the standard sections,
/// and the audits managers complete.
struct CreateCaseAudits: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CaseAuditSectionModel.schema)
            .id()
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("prompt", .string, .required)
            .create()
        try await database.schema(CaseAuditModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id))
            .field("team_id", .uuid, .required, .references(TeamModel.schema, .id))
            .field("auditor_id", .uuid, .required, .references(StaffUserModel.schema, .id))
            .field("audited_on", .string, .required)
            .field("overall", .string, .required)
            .field("sections", .string, .required)
            .field("actions", .string, .required)
            .field("summary", .string, .required)
            .create()
        for (position, section) in CaseAuditTemplate.standard.sections.enumerated() {
            try await CaseAuditSectionModel(position: position, title: section.title, prompt: section.prompt).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(CaseAuditModel.schema).delete()
        try await database.schema(CaseAuditSectionModel.schema).delete()
    }
}

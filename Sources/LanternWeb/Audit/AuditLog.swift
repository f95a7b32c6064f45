import Fluent
import Foundation
import LanternStore
import Vapor

/// What happened, in the audit trail's vocabulary. Raw values are stored, so never rename one.
public enum AuditAction: String, Sendable, CaseIterable {
    case signedIn = "sign-in"
    case signInFailed = "sign-in.failed"
    case accountLocked = "sign-in.locked"
    case signedOut = "sign-out"
    case personViewed = "person.view"
    case personCreated = "person.create"
    case personUpdated = "person.update"
    case auditViewed = "audit.view"
    case userCreated = "user.create"
    case accountUnlocked = "user.unlock"
    case passwordChanged = "user.password"
    case calendarChanged = "calendar.change"
    case contactReceived = "contact.receive"
    case contactViewed = "contact.view"
    case contactLinked = "contact.link"
    case contactDecided = "contact.decide"
    case contactApproved = "contact.approve"
    case contactReturned = "contact.return"
    case notSamePerson = "person.not-same"
    case caseUpdated = "case.update"
    case accessRefused = "access.refused"
    case apiTokenCreated = "user.api-token"
    case reportExported = "report.export"
    case breakGlass = "access.break-glass"
    case documentUploaded = "document.upload"
    case supervisionRecorded = "supervision.record"
    case documentDownloaded = "document.download"
    case noteRecorded = "case.note"
    case allocationChanged = "case.allocate"
    case chronologyExported = "case.chronology-export"
    case earlyHelpViewed = "early-help.view"
    case earlyHelpUpdated = "early-help.update"
    case earlyHelpSteppedUp = "early-help.step-up"
    case earlyHelpSteppedDown = "early-help.step-down"
    case passwordAccepted = "sign-in.password"
    case reauthenticated = "sign-in.confirm"
    case twoFactorEnabled = "user.2fa-on"
    case twoFactorDisabled = "user.2fa-off"
    case restrictionChanged = "person.restrict"
    case subjectAccessExported = "person.subject-access"
    case retentionReviewed = "person.retention-review"
    case retentionDeleted = "person.retention-delete"
    case mergeProposed = "person.merge-propose"
    case mergeDeclined = "person.merge-decline"
    case mergeRefused = "person.merge-refused"
    case personMerged = "person.merge"
    case personUnmerged = "person.unmerge"
    case caseAudited = "case.audit"
    case auditTemplateChanged = "audit-template.change"
    case workforceRecorded = "workforce.record"
    case comparisonChanged = "comparison.change"
    case caseloadWeightsChanged = "caseload-weights.change"
    case adopterHouseholdRecorded = "adopter-household.record"
}

/// Writes the audit trail. Callers pass the database they are writing the change with, so the
/// audit line commits or rolls back with the change it describes.
public enum AuditLog {
    public static func record(_ action: AuditAction, on db: any Database, request: Request?,
                              actor: (id: UUID?, username: String)? = nil,
                              subjectKind: String? = nil, subjectID: UUID? = nil, summary: String) async throws {
        let who = actor ?? (request?.signedInUser.map { ($0.id, $0.username) } ?? (nil, "anonymous"))
        let event = AuditEventModel(
            occurredAt: Date(), actorID: who.id, actorUsername: who.username, action: action.rawValue,
            subjectKind: subjectKind, subjectID: subjectID, summary: summary,
            ip: request?.clientAddress, requestID: request?.id)
        try await event.create(on: db)
    }
}

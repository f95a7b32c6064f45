import FluentKit
import Foundation
import LanternCore

/// How a member of staff is employed, for the workforce census: an agency worker or not, and
/// their full-time equivalent. No row means an employed, full-time worker.
public final class StaffEmploymentModel: Model, @unchecked Sendable {
    public static let schema = "staff_employment"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: StaffUserModel
    @Field(key: "agency") public var agency: Bool
    @Field(key: "fte") public var fte: Double

    public init() {}

    public init(id: UUID? = nil, userID: UUID, agency: Bool, fte: Double) {
        self.id = id
        self.$user.id = userID
        self.agency = agency
        self.fte = fte
    }
}

/// A team's establishment: the funded social work posts (FTE), entered by an administrator.
public final class TeamEstablishmentModel: Model, @unchecked Sendable {
    public static let schema = "team_establishments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "team_id") public var team: TeamModel
    @Field(key: "posts") public var posts: Double

    public init() {}

    public init(id: UUID? = nil, teamID: UUID, posts: Double) {
        self.id = id
        self.$team.id = teamID
        self.posts = posts
    }
}

/// Sickness absence days a manager recorded for one worker in one month ("2026-11").
public final class SicknessAbsenceModel: Model, @unchecked Sendable {
    public static let schema = "sickness_absences"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "worker_id") public var worker: StaffUserModel
    @Field(key: "month") public var month: String
    @Field(key: "days") public var days: Double
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public init(id: UUID? = nil, workerID: UUID, month: String, days: Double, recordedBy: UUID) {
        self.id = id
        self.$worker.id = workerID
        self.month = month
        self.days = days
        self.recordedBy = recordedBy
        self.recordedAt = Date()
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension StaffEmploymentModel {
    public var properties: [any AnyProperty] { [_id, _user, _agency, _fte] }
}
extension TeamEstablishmentModel {
    public var properties: [any AnyProperty] { [_id, _team, _posts] }
}
extension SicknessAbsenceModel {
    public var properties: [any AnyProperty] { [_id, _worker, _month, _days, _recordedBy, _recordedAt] }
}

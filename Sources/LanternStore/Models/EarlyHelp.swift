import FluentKit
import Foundation
import LanternCore

/// An early help episode for a family, held by a family support team: the episode as JSON (the
/// rules work on it), and the columns the lists query, recomputed on every change.
public final class EarlyHelpEpisodeModel: Model, @unchecked Sendable {
    public static let schema = "early_help_episodes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reference") public var reference: String
    /// Who the family is known by: the child's record or the contact that began it.
    @Field(key: "family_reference") public var familyReference: String
    @Parent(key: "team_id") public var team: TeamModel
    @OptionalParent(key: "lead_user_id") public var leadUser: StaffUserModel?
    @Field(key: "episode") public var episodeJSON: String
    @Field(key: "is_open") public var isOpen: Bool
    @Field(key: "origin") public var origin: String
    @Field(key: "started_on") public var startedOn: String
    @OptionalField(key: "closed_on") public var closedOn: String?
    @OptionalField(key: "outcome") public var outcome: String?
    /// The front door contact a step up created.
    @OptionalParent(key: "stepped_up_contact_id") public var steppedUpContact: ContactModel?
    @Children(for: \.$episode) public var children: [EarlyHelpChildModel]
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(reference: String, teamID: UUID, leadUserID: UUID?, episode: EarlyHelpEpisode) throws {
        self.reference = reference
        self.$team.id = teamID
        self.$leadUser.id = leadUserID
        self.episodeJSON = "{}"
        self.isOpen = true
        self.origin = ""
        self.startedOn = episode.startedOn.iso
        self.familyReference = episode.familyID
        try setEpisode(episode)
    }

    public func episode() throws -> EarlyHelpEpisode {
        try JSONDecoder().decode(EarlyHelpEpisode.self, from: Data(episodeJSON.utf8))
    }

    public func setEpisode(_ episode: EarlyHelpEpisode) throws {
        episodeJSON = String(decoding: try JSONEncoder().encode(episode), as: UTF8.self)
        isOpen = episode.isOpen
        origin = switch episode.origin {
        case .frontDoor: "frontDoor"
        case .stepDown: "stepDown"
        case .partnerAgency: "partnerAgency"
        }
        startedOn = episode.startedOn.iso
        closedOn = episode.closure?.closedOn.iso
        outcome = episode.closure?.outcome.rawValue
    }
}

/// A child in an early help episode (the family's children, each with their own record).
public final class EarlyHelpChildModel: Model, @unchecked Sendable {
    public static let schema = "early_help_children"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "episode_id") public var episode: EarlyHelpEpisodeModel
    @Parent(key: "person_id") public var person: PersonModel

    public init() {}

    public init(episodeID: UUID, personID: UUID) {
        self.$episode.id = episodeID
        self.$person.id = personID
    }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension EarlyHelpEpisodeModel {
    public var properties: [any AnyProperty] {
        [_id, _reference, _familyReference, _team, _leadUser, _episodeJSON, _isOpen, _origin, _startedOn,
         _closedOn, _outcome, _steppedUpContact, _children, _updatedAt]
    }
}
extension EarlyHelpChildModel {
    public var properties: [any AnyProperty] { [_id, _episode, _person] }
}

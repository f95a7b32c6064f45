import FluentKit
import Foundation
import LanternCore

/// Opening an early help episode: the one path a step-down, a front door decision and the demo
/// council all take, so every episode gets its reference and its children the same way.
public enum EarlyHelpWrites {
    /// Stores `episode` for the family support team `teamID` with the children `personIDs`, on
    /// `db` (the caller's transaction). A bulk load passes the `reference` it numbered itself.
    @discardableResult
    public static func open(_ episode: EarlyHelpEpisode, teamID: UUID, children personIDs: [UUID], reference: String? = nil,
                            on db: any Database) async throws -> EarlyHelpEpisodeModel {
        let numbered = if let reference { reference } else { try await ReferenceNumbers.next(.earlyHelp, on: db) }
        let model = try EarlyHelpEpisodeModel(reference: numbered, teamID: teamID, leadUserID: nil, episode: episode)
        try await model.create(on: db)
        for personID in personIDs {
            try await EarlyHelpChildModel(episodeID: try model.requireID(), personID: personID).create(on: db)
        }
        return model
    }
}

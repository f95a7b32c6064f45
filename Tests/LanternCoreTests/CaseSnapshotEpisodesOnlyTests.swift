import Foundation
import Testing
@testable import LanternCore

/// The CIN census reads snapshots without their care record.
@Suite struct CaseSnapshotEpisodesOnlyTests {
    @Test func readsEverythingButCareAndNeverLooksAtCare() throws {
        var episode = EpisodeOfNeed(referralDate: Day(iso: "2025-06-02")!, referralSource: "1A", primaryNeed: "N1")
        episode.closure = nil
        let stored = CaseSnapshot(childBirthDate: Day(iso: "2014-03-09")!, childProtectionPlansBeforeRecords: 2, episodes: [episode])
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(stored)) as? [String: Any])
        // Whatever the care record holds, it is not decoded: here it is not even a care record.
        object["care"] = ["not": ["a", "care", "record"]]
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(CaseSnapshot.self, from: data) }
        let read = try JSONDecoder().decode(CaseSnapshot.EpisodesOnly.self, from: data).snapshot
        #expect(read == stored)
        #expect(read.care == nil)
    }
}

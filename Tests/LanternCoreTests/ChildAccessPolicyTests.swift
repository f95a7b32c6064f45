import Foundation
import Testing
@testable import LanternCore

@Suite struct ChildAccessPolicyTests {
    let policy = ChildAccessPolicy()
    let teamA = UUID(), teamB = UUID(), worker = UUID(), colleague = UUID()

    @Test func caseworkersSeeChildrenAllocatedToThemOrTheirTeam() {
        let allocations = [ChildAccessPolicy.Allocation(teamID: teamA, workerID: worker)]
        #expect(policy.decide(.init(userID: worker, roles: [.socialWorker], teamID: teamA), openAllocations: allocations) == .allowed)
        #expect(policy.decide(.init(userID: colleague, roles: [.socialWorker], teamID: teamA), openAllocations: allocations) == .allowed)
        #expect(policy.decide(.init(userID: colleague, roles: [.teamManager], teamID: teamA), openAllocations: allocations) == .allowed)
        #expect(policy.decide(.init(userID: colleague, roles: [.socialWorker], teamID: teamB), openAllocations: allocations) == .noRelationship)
        #expect(policy.decide(.init(userID: colleague, roles: [.socialWorker], teamID: nil), openAllocations: []) == .noRelationship)
    }

    @Test func breakGlassOpensARecordToCaseworkersOnly() {
        #expect(policy.decide(.init(userID: colleague, roles: [.socialWorker], teamID: teamB), openAllocations: [], breakGlass: true) == .allowed)
        #expect(policy.decide(.init(userID: colleague, roles: [.partnerReferrer], teamID: nil), openAllocations: [], breakGlass: true) == .notPermitted)
        #expect(policy.decide(.init(userID: colleague, roles: [.analyst], teamID: nil), openAllocations: [], breakGlass: true) == .notPermitted)
    }

    @Test func theFrontDoorAndLeadersSeeEveryRecordAndPartnersNone() {
        #expect(policy.decide(.init(userID: colleague, roles: [.frontDoor], teamID: teamB), openAllocations: []) == .allowed)
        #expect(policy.decide(.init(userID: colleague, roles: [.serviceLeader], teamID: nil), openAllocations: []) == .allowed)
        #expect(policy.decide(.init(userID: colleague, roles: [.partnerReferrer], teamID: nil), openAllocations: []) == .notPermitted)
        #expect(policy.decide(.init(userID: colleague, roles: [.analyst], teamID: nil), openAllocations: []) == .notPermitted)
    }

    @Test func aRestrictedRecordOpensOnlyForItsNamedUsersWhateverTheirRole() {
        let allocations = [ChildAccessPolicy.Allocation(teamID: teamA, workerID: worker)]
        let restriction = ChildAccessPolicy.Restriction(namedUsers: [colleague])
        // The allocated worker, a leader, the front door and an administrator are all refused.
        #expect(policy.decide(.init(userID: worker, roles: [.socialWorker], teamID: teamA), openAllocations: allocations, restriction: restriction) == .restricted)
        for role in [Role.serviceLeader, .frontDoor, .administrator] {
            #expect(policy.decide(.init(userID: worker, roles: [role], teamID: nil), openAllocations: [], restriction: restriction) == .restricted)
        }
        // Break-glass does not open it.
        #expect(policy.decide(.init(userID: worker, roles: [.socialWorker], teamID: teamB), openAllocations: allocations,
                              breakGlass: true, restriction: restriction) == .restricted)
        // A named user with a record-opening role sees it, even with no allocation.
        #expect(policy.decide(.init(userID: colleague, roles: [.socialWorker], teamID: teamB), openAllocations: allocations, restriction: restriction) == .allowed)
        // Naming a partner or an analyst does not give them records.
        #expect(policy.decide(.init(userID: colleague, roles: [.partnerReferrer], teamID: nil), openAllocations: [], restriction: restriction) == .notPermitted)
    }
}

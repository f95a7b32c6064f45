import Foundation
import Testing
@testable import LanternCore

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test func acceptsLongPassphrasesWithoutCompositionRules() {
        #expect(policy.problem(with: "copper meadow falcon", username: "sam") == nil)
        #expect(policy.problem(with: "alllowercaseletters", username: "sam") == nil)
    }

    @Test(arguments: [
        ("short1", PasswordPolicy.Problem.tooShort(minimum: 10)),
        ("password123", .commonlyUsed),
        ("Password123", .commonlyUsed),
        ("my-name-is-samuel-ok", .containsUsername),
        ("aaaaaaaaaaaa", .repetitive),
        ("abababababab", .repetitive),
        ("1234567890123", .repetitive),
    ])
    func refusesWeakPasswords(password: String, problem: PasswordPolicy.Problem) {
        #expect(policy.problem(with: password, username: "samuel") == problem)
    }

    @Test func refusesOverlongPasswords() {
        #expect(policy.problem(with: String(repeating: "ab cd ", count: 50), username: "x") == .tooLong(maximum: 256))
    }
}

@Suite struct SignInLockoutTests {
    let lockout = SignInLockout()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func locksOnTheSixthFailureForThirtyMinutes() {
        var failures = 0
        var lockedUntil: Date?
        for attempt in 1...6 {
            (failures, lockedUntil) = lockout.afterFailure(previousFailures: failures, now: now)
            #expect((lockedUntil != nil) == (attempt == 6))
        }
        #expect(lockedUntil == now.addingTimeInterval(1800))
        #expect(lockout.isLocked(until: lockedUntil, now: now.addingTimeInterval(1799)))
        #expect(!lockout.isLocked(until: lockedUntil, now: now.addingTimeInterval(1801)))
        #expect(!lockout.isLocked(until: nil, now: now))
    }

    @Test func sessionsExpireWhenIdleOrTooOld() {
        let lifetime = SessionLifetime()
        #expect(!lifetime.hasExpired(createdAt: now, lastSeenAt: now, now: now.addingTimeInterval(29 * 60)))
        #expect(lifetime.hasExpired(createdAt: now, lastSeenAt: now, now: now.addingTimeInterval(31 * 60)))
        #expect(lifetime.hasExpired(createdAt: now, lastSeenAt: now.addingTimeInterval(12 * 3600), now: now.addingTimeInterval(12 * 3600 + 60)))
    }
}

@Suite struct RoleTests {
    @Test func rolesRoundTripThroughTheStoredList() {
        let roles: Set<Role> = [.teamManager, .socialWorker]
        #expect(Role.formatList(roles) == "teamManager,socialWorker")
        #expect(Role.parseList(Role.formatList(roles)) == roles)
        #expect(Role.parseList("socialWorker, nonsense,,analyst") == [.socialWorker, .analyst])
    }

    @Test func partnerReferrersAreNotCouncilStaff() {
        #expect(!Role.councilStaff.contains(.partnerReferrer))
        #expect(Role.councilStaff.count == Role.allCases.count - 1)
    }
}

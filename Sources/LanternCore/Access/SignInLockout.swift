import Foundation

/// After too many wrong passwords an account is locked for a while, so that guessing is slow
/// (OWASP ASVS 5.0, V6.3: anti-automation on authentication).
public struct SignInLockout: Sendable, Equatable {
    public var maximumFailures: Int
    public var lockDuration: TimeInterval

    public init(maximumFailures: Int = 6, lockDuration: TimeInterval = 30 * 60) {
        self.maximumFailures = maximumFailures
        self.lockDuration = lockDuration
    }

    /// What a failed attempt does to the account: the new failure count and, once the limit is
    /// reached, when the lock ends.
    public func afterFailure(previousFailures: Int, now: Date) -> (failures: Int, lockedUntil: Date?) {
        let failures = previousFailures + 1
        return failures >= maximumFailures ? (failures, now.addingTimeInterval(lockDuration)) : (failures, nil)
    }

    public func isLocked(until lockedUntil: Date?, now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return lockedUntil > now
    }
}

/// Sessions end after a period without activity, and in any case after a working day.
public struct SessionLifetime: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteLimit: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteLimit: TimeInterval = 12 * 60 * 60) {
        self.idleTimeout = idleTimeout
        self.absoluteLimit = absoluteLimit
    }

    public func hasExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) > idleTimeout || now.timeIntervalSince(createdAt) > absoluteLimit
    }
}

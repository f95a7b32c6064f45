import Foundation

/// A token bucket for each key (an IP address, a username, an API client): up to `burst`
/// requests at once, then one more every `refillInterval` seconds. Slows password guessing and
/// scripted use of the API (OWASP ASVS 5.0 V6.3.1 and V2.4.1: anti-automation).
///
/// Each bucket is kept as the moment it will be full again (the generic cell rate algorithm), so
/// a key costs one date and no fractions of a token pile up
/// rounding errors.
///
/// A value: the caller keeps it (behind an actor or a lock) and calls `allow` for each request.
public struct RateLimiter: Sendable {
    public let burst: Int
    public let refillInterval: TimeInterval
    /// Keys remembered at most. Beyond it the keys nearest to a full bucket are forgotten, so a
    /// flood of addresses cannot exhaust memory. Forgetting a key gives it a full bucket, so the
    /// cap should be well above the number of keys active in `burst × refillInterval` seconds.
    public let maximumKeys: Int

    private var fullAt: [String: Date] = [:]

    public enum Decision: Equatable, Sendable {
        case allowed
        /// Refused; a request may succeed after this many whole seconds (for `Retry-After`).
        case retryAfter(seconds: Int)
    }

    public init(burst: Int, refillInterval: TimeInterval, maximumKeys: Int = 10_000) {
        precondition(burst >= 1 && refillInterval > 0 && maximumKeys >= 1, "A rate limiter must allow something")
        self.burst = burst
        self.refillInterval = refillInterval
        self.maximumKeys = maximumKeys
    }

    /// The number of keys remembered.
    public var keyCount: Int { fullAt.count }

    private var emptyToFull: TimeInterval { Double(burst) * refillInterval }

    public mutating func allow(key: String, now: Date) -> Decision {
        // A bucket is never fuller than full, nor emptier than empty: the clamp also means a clock
        // stepping backwards can empty a bucket but never lock a key for longer than one refill.
        let full = min(max(fullAt[key] ?? now, now), now.addingTimeInterval(emptyToFull))
        let fullAfterThis = full.addingTimeInterval(refillInterval)
        let allowedFrom = fullAfterThis.addingTimeInterval(-emptyToFull)
        guard now >= allowedFrom else {
            fullAt[key] = full  // keeps the clamp, so that the refill counts from now
            return .retryAfter(seconds: max(1, Int(allowedFrom.timeIntervalSince(now).rounded(.up))))
        }
        if fullAt[key] == nil, fullAt.count >= maximumKeys { evict(now: now) }
        fullAt[key] = fullAfterThis
        return .allowed
    }

    /// Makes room for a new key. Full buckets go first, since forgetting them changes nothing;
    /// then those nearest to full, down to 90% of the cap so that the sort happens once per many
    /// new keys rather than on each.
    private mutating func evict(now: Date) {
        fullAt = fullAt.filter { $0.value > now }
        let target = maximumKeys - max(1, maximumKeys / 10)
        guard fullAt.count > target else { return }
        for (key, _) in fullAt.sorted(by: { $0.value < $1.value }).prefix(fullAt.count - target) {
            fullAt[key] = nil
        }
    }
}

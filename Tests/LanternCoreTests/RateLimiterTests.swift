import Foundation
import Testing
@testable import LanternCore

@Suite struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func allowsABurstThenOneRequestPerInterval() {
        var limiter = RateLimiter(burst: 5, refillInterval: 12)
        for _ in 1...5 { #expect(limiter.allow(key: "10.0.0.1", now: start) == .allowed) }
        #expect(limiter.allow(key: "10.0.0.1", now: start) == .retryAfter(seconds: 12))
        #expect(limiter.allow(key: "10.0.0.1", now: start.addingTimeInterval(5)) == .retryAfter(seconds: 7))
        #expect(limiter.allow(key: "10.0.0.1", now: start.addingTimeInterval(11.5)) == .retryAfter(seconds: 1))
        #expect(limiter.allow(key: "10.0.0.1", now: start.addingTimeInterval(12)) == .allowed)
        #expect(limiter.allow(key: "10.0.0.1", now: start.addingTimeInterval(12)) == .retryAfter(seconds: 12))
    }

    @Test func refillsNoMoreThanTheBurst() {
        var limiter = RateLimiter(burst: 3, refillInterval: 1)
        #expect(limiter.allow(key: "k", now: start) == .allowed)
        let later = start.addingTimeInterval(3600)
        for _ in 1...3 { #expect(limiter.allow(key: "k", now: later) == .allowed) }
        #expect(limiter.allow(key: "k", now: later) == .retryAfter(seconds: 1))
    }

    @Test func keepsEachKeySeparate() {
        var limiter = RateLimiter(burst: 1, refillInterval: 60)
        #expect(limiter.allow(key: "alice", now: start) == .allowed)
        #expect(limiter.allow(key: "alice", now: start) == .retryAfter(seconds: 60))
        #expect(limiter.allow(key: "bob", now: start) == .allowed)
    }

    @Test func aClockSteppingBackwardsLocksAKeyForNoMoreThanOneRefill() {
        var limiter = RateLimiter(burst: 2, refillInterval: 10)
        #expect(limiter.allow(key: "k", now: start) == .allowed)
        let earlier = start.addingTimeInterval(-3600)
        #expect(limiter.allow(key: "k", now: earlier) == .retryAfter(seconds: 10))
        #expect(limiter.allow(key: "k", now: earlier.addingTimeInterval(10)) == .allowed)
    }

    @Test func forgetsTheKeysNearestToAFullBucketBeyondTheCap() {
        var limiter = RateLimiter(burst: 1, refillInterval: 3600, maximumKeys: 100)
        for i in 0..<1000 {
            _ = limiter.allow(key: "client-\(i)", now: start.addingTimeInterval(Double(i)))
            #expect(limiter.keyCount <= 100)
        }
        // The newest keys are still limited; the oldest were forgotten and start afresh.
        #expect(limiter.allow(key: "client-999", now: start.addingTimeInterval(1000)) != .allowed)
        #expect(limiter.allow(key: "client-0", now: start.addingTimeInterval(1000)) == .allowed)
    }

    @Test func forgetsRefilledKeysBeforeActiveOnes() {
        var limiter = RateLimiter(burst: 1, refillInterval: 10, maximumKeys: 10)
        _ = limiter.allow(key: "attacker", now: start.addingTimeInterval(95))
        for i in 0..<9 { _ = limiter.allow(key: "idle-\(i)", now: start.addingTimeInterval(Double(i))) }
        // At start + 100 the idle keys have refilled and go first; the attacker's empty bucket stays.
        _ = limiter.allow(key: "newcomer", now: start.addingTimeInterval(100))
        #expect(limiter.keyCount == 2)
        #expect(limiter.allow(key: "attacker", now: start.addingTimeInterval(100)) == .retryAfter(seconds: 5))
    }
}

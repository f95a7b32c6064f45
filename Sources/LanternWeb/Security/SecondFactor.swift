import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// Checking the second factor (a TOTP code, or one of the recovery codes) and what a wrong one,
/// or a wrong password, does to the account: it counts toward the same lock-out.
enum SecondFactor {
    /// What a right code changes on the user, to save with the rest of the sign-in.
    enum Accepted: Equatable {
        case totp(step: Int64)
        case recoveryCode(remaining: [String])

        var summary: String {
            switch self {
            case .totp: "a code from the authenticator app"
            case .recoveryCode(let remaining): "a recovery code (\(remaining.count) left)"
            }
        }
    }

    /// ±1 step (RFC 6238 §5.2) for phones whose clocks drift; a code is never accepted twice.
    static let window = 1

    /// Whether `input` is a current TOTP code for `user` not used before, or one of their unused
    /// recovery codes (only when `allowRecovery`).
    static func check(_ input: String, for user: StaffUserModel, now: Date = Date(), allowRecovery: Bool = true) -> Accepted? {
        guard let secret = user.totpSecret, let totp = try? TOTP(base32Secret: secret) else { return nil }
        let typed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if let step = totp.verify(typed, at: now, window: window, lastUsedStep: user.totpLastStep) {
            return .totp(step: step)
        }
        if allowRecovery, let remaining = RecoveryCodes.redeem(typed, storedHashes: user.recoveryCodeHashes) {
            return .recoveryCode(remaining: remaining)
        }
        return nil
    }

    /// Records the accepted code on the user, so it cannot be used again.
    static func consume(_ accepted: Accepted, on user: StaffUserModel) {
        switch accepted {
        case .totp(let step): user.totpLastStep = step
        case .recoveryCode(let remaining): user.recoveryCodeHashes = remaining
        }
        user.failedSignIns = 0
        user.lockedUntil = nil
    }

    /// A wrong password or code: counts toward the lock-out, audited in one transaction.
    /// Returns whether the account is now locked.
    @discardableResult
    static func recordFailure(of user: StaffUserModel, what: String, on req: Request) async throws -> Bool {
        let lockout = req.application.lanternConfig.lockout
        let outcome = lockout.afterFailure(previousFailures: user.failedSignIns, now: Date())
        try await req.db.transaction { db in
            user.failedSignIns = outcome.failures
            user.lockedUntil = outcome.lockedUntil
            try await user.save(on: db)
            try await AuditLog.record(.signInFailed, on: db, request: req, actor: (user.id, user.username),
                                      summary: "\(what) (\(outcome.failures) in a row)")
            if outcome.lockedUntil != nil {
                try await AuditLog.record(.accountLocked, on: db, request: req, actor: (user.id, user.username),
                                          summary: "Locked for \(Int(lockout.lockDuration / 60)) minutes after \(outcome.failures) failed attempts")
            }
        }
        return outcome.lockedUntil != nil
    }
}

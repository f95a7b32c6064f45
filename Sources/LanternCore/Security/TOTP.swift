import Foundation

/// Time-based one-time passwords (RFC 6238) for a second sign-in factor: the codes an
/// authenticator app shows, HMAC-SHA-1 over the number of 30-second steps since 1970.
///
/// SHA-1 only, because it is the one algorithm every authenticator app supports (many ignore the
/// `algorithm` parameter); HMAC-SHA-1 remains sound although SHA-1 collisions are not.
///
/// OWASP ASVS 5.0 V6.5: the secret comes from the system's CSPRNG (6.5.3), a code is usable once
/// (6.5.1, through `verify`'s `lastUsedStep`), and guessing must also be slowed by rate limiting
/// and lock-out, since 6 digits is only a million possibilities.
public struct TOTP: Sendable {
    /// The shared secret. Store it encrypted or in a secret store, never in logs.
    public let secret: [UInt8]
    public let digits: Int
    /// Seconds in each step.
    public let period: Int

    /// RFC 4226 §5.3 needs at least 6 digits, and 8 is the most 31 bits of truncation fill evenly
    /// enough to be worth it.
    public static let allowedDigits = 6...8

    public init(secret: [UInt8], digits: Int = 6, period: Int = 30) {
        precondition(Self.allowedDigits.contains(digits), "TOTP codes have 6 to 8 digits")
        precondition(period > 0, "A TOTP step lasts at least a second")
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// The secret as the user typed or the store kept it, in Base32.
    public init(base32Secret: String, digits: Int = 6, period: Int = 30) throws(Base32Error) {
        self.init(secret: try Base32.decode(base32Secret), digits: digits, period: period)
    }

    /// 160 bits, the HMAC-SHA-1 output length RFC 4226 §4 recommends for the secret.
    public static let secretLength = 20

    /// A new secret from the system's cryptographically secure generator.
    public static func generateSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return generateSecret(using: &generator)
    }

    /// Not public, so that nothing in the app can pass a predictable generator; tests pass a seeded one.
    static func generateSecret(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<secretLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    public var base32Secret: String { Base32.encode(secret) }

    // MARK: Codes

    /// The number of whole steps from 1970-01-01T00:00:00Z to `instant` (RFC 6238 §4.2's T).
    public func step(at instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    public func code(at instant: Date) -> String { code(forStep: step(at: instant)) }

    /// HOTP (RFC 4226 §5.3) with the step as the counter: HMAC the counter, take 31 bits at an
    /// offset chosen by the last nibble, and keep the last `digits` decimal digits.
    public func code(forStep step: Int64) -> String {
        let counter = (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(bitPattern: step) >> UInt64($0 * 8)) }
        let mac = HMAC<SHA1>.authenticationCode(for: counter, key: secret)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated = UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        let value = truncated % Self.powerOfTen(digits)
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    // MARK: Verifying

    /// The step whose code matches `code` within `window` steps either side of now (RFC 6238
    /// §5.2 allows for the phone's clock and the time taken to type), or nil.
    ///
    /// Steps at or before `lastUsedStep` never match, so a code, once accepted, cannot be used
    /// again and nor can an older one. Store the returned step as the new `lastUsedStep`.
    /// Spaces in the code are ignored (apps show "123 456").
    ///
    /// A window of 1 accepts a code for up to 90 seconds, the usual allowance for phones whose
    /// clocks drift; ASVS 5.0 6.5.5 asks for a 30-second lifetime, which `window: 0` gives.
    public func verify(_ code: String, at instant: Date, window: Int = 1, lastUsedStep: Int64?) -> Int64? {
        let typed = Array(code.filter { !$0.isWhitespace }.utf8)
        guard typed.count == digits, typed.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        let now = step(at: instant), window = Int64(max(0, window))
        var matched: Int64?
        // Every step in the window is computed and compared, so timing does not tell which matched.
        for candidate in (now - window)...(now + window) {
            let isMatch = ConstantTime.isEqual(Array(self.code(forStep: candidate).utf8), typed)
            if isMatch, candidate > (lastUsedStep ?? .min) { matched = candidate }
        }
        return matched
    }

    // MARK: Provisioning

    /// The key URI an authenticator app reads from a QR code
    /// (`otpauth://totp/Lantern:username?secret=…&issuer=Lantern`). Digits and period are named
    /// only when they differ from the defaults apps assume.
    public func provisioningURI(username: String, issuer: String = "Lantern") -> String {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(username)
        var query = "secret=" + base32Secret + "&issuer=" + Self.percentEncoded(issuer)
        if digits != 6 { query += "&digits=\(digits)" }
        if period != 30 { query += "&period=\(period)" }
        return "otpauth://totp/" + label + "?" + query
    }

    /// RFC 3986 unreserved characters pass; everything else is %XX, so a username can never add
    /// a parameter or change the label.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + [byte].hex.uppercased()
            }
        }
        return out
    }

    private static func powerOfTen(_ n: Int) -> UInt32 { (0..<n).reduce(1) { value, _ in value * 10 } }
}

/// Never print the secret, whether by accident in a log line or in a debugger.
extension TOTP: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "TOTP(digits: \(digits), period: \(period), secret: redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["digits": digits, "period": period]) }
}

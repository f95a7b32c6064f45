import Foundation

/// Password rules following the NCSC's password guidance: length over complexity, no forced
/// composition rules or expiry, and a deny list of passwords attackers try first.
public struct PasswordPolicy: Sendable {
    public var minimumLength: Int
    public var maximumLength: Int

    public init(minimumLength: Int = 10, maximumLength: Int = 256) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    public enum Problem: Error, Equatable, Sendable {
        case tooShort(minimum: Int)
        case tooLong(maximum: Int)
        case commonlyUsed
        case containsUsername
        case repetitive

        public var message: String {
            switch self {
            case .tooShort(let minimum): "Password must be at least \(minimum) characters. Three random words make a strong one."
            case .tooLong(let maximum): "Password must be \(maximum) characters or fewer."
            case .commonlyUsed: "This password is one of the most commonly used passwords. Choose another."
            case .containsUsername: "Password must not contain your username."
            case .repetitive: "Password must not be one character or a simple sequence repeated."
            }
        }
    }

    /// The first problem found, or nil when the password is acceptable.
    public func problem(with password: String, username: String) -> Problem? {
        let length = password.count
        if length < minimumLength { return .tooShort(minimum: minimumLength) }
        if length > maximumLength { return .tooLong(maximum: maximumLength) }
        let folded = password.lowercased()
        if PasswordPolicy.denyList.contains(folded) { return .commonlyUsed }
        let user = username.lowercased()
        if user.count >= 3, folded.contains(user) { return .containsUsername }
        if Set(folded).count <= 2 { return .repetitive }
        if PasswordPolicy.sequences.contains(where: { $0.contains(folded) }) { return .repetitive }
        return nil
    }

    private static let sequences = ["abcdefghijklmnopqrstuvwxyz", "0123456789012345678901234567890", "qwertyuiopasdfghjklzxcvbnm"]

    /// From the NCSC's list of the most used passwords found in breaches (those of 10+ characters,
    /// since shorter ones fail the length rule anyway), plus service-specific guesses.
    static let denyList: Set<String> = [
        "1234567890", "12345678910", "123456789a", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop",
        "password12", "password123", "password1234", "passw0rd123", "iloveyou12", "qwerty1234",
        "1234qwer!!", "abcd123456", "a123456789", "zaq12wsxcde", "qwerty123456", "1234554321",
        "0987654321", "1111111111", "letmein123", "welcome123", "welcome1234", "football123",
        "liverpool1", "manchester", "birmingham", "chelsea123", "arsenal123", "sunshine12",
        "princess12", "changeme123", "administrator", "lantern123", "lanternpass", "socialwork",
        "socialworker", "children123", "safeguarding", "council123", "password!1", "p@ssw0rd123",
    ]
}

import Vapor

/// A problem with one field of a form or an API request, in words a person understands.
public struct FieldIssue: Codable, Sendable, Equatable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// The errors Lantern itself raises while handling a request. Each maps to one HTTP status and
/// one plain-English explanation; the error middleware renders them as a page or a problem document.
public enum LanternError: Error, Sendable, Equatable {
    case unauthenticated
    case signInRequired(returnTo: String)
    case forbidden
    case csrfRejected
    case notFound(what: String)
    case invalidFields([FieldIssue])
    case conflict(String)
    case refused(String)
    case tooManyRequests
    /// An administrator must set up two-factor sign-in before anything else.
    case twoFactorSetupRequired
    /// A sensitive action: the user must confirm who they are, then carries on at `returnTo`.
    case reauthenticationRequired(returnTo: String)

    var status: HTTPResponseStatus {
        switch self {
        case .unauthenticated: .unauthorized
        case .signInRequired, .twoFactorSetupRequired, .reauthenticationRequired: .seeOther
        case .forbidden, .csrfRejected: .forbidden
        case .notFound: .notFound
        case .invalidFields, .refused: .unprocessableEntity
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        }
    }

    var title: String {
        switch self {
        case .unauthenticated, .signInRequired: "Sign in required"
        case .forbidden: "You do not have access to this"
        case .csrfRejected: "This form has expired"
        case .notFound: "Page not found"
        case .invalidFields: "There is a problem with what was sent"
        case .conflict: "This conflicts with a change someone else made"
        case .refused: "This cannot be done"
        case .tooManyRequests: "Too many requests"
        case .twoFactorSetupRequired: "Set up two-factor sign-in"
        case .reauthenticationRequired: "Confirm it's you"
        }
    }

    var detail: String {
        switch self {
        case .unauthenticated: "Sign in, or send an API token, to use this."
        case .signInRequired: "Sign in to continue."
        case .forbidden: "Your role does not allow this. If you need access, ask your team manager."
        case .csrfRejected: "The form could not be checked. Go back, refresh the page and try again."
        case .notFound(let what): "We could not find \(what)."
        case .invalidFields(let issues): issues.map(\.message).joined(separator: " ")
        case .conflict(let text), .refused(let text): text
        case .tooManyRequests: "Wait a minute and try again."
        case .twoFactorSetupRequired: "Administrators must set up two-factor sign-in before doing anything else."
        case .reauthenticationRequired: "Sign in again in the browser to confirm it's you before doing this."
        }
    }
}

/// An RFC 9457 problem document, the body of every error from `/api`.
public struct ProblemDocument: Content, Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var instance: String?
    public var errors: [FieldIssue]?
}

import Foundation
import Leaf
import Vapor

/// Turns every error into something a person or a client can act on: a problem document under
/// `/api`, an HTML page elsewhere, never a stack trace. Unexpected errors are logged with the
/// request id only (paths hold record ids, never names).
struct LanternErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await response(for: error, request: request)
        }
    }

    /// The page or problem document for `error`, for middleware that answers before the routes.
    static func render(_ error: any Error, for request: Request) async throws -> Response {
        await LanternErrorMiddleware().response(for: error, request: request)
    }

    private func response(for error: any Error, request: Request) async -> Response {
        if case ChildAccessRefusal.noRelationship(let personID) = error, request.method == .GET, !request.url.path.hasPrefix("/api/") {
            // Break-glass is a sensitive action: confirm it's you before the form is offered.
            do { try request.requireRecentAuthentication() } catch { return await response(for: error, request: request) }
            if let page = try? await BreakGlassPage.render(request, personID: personID) { return page }
        }
        let (status, title, detail, fields) = describe(error, request: request)
        if case LanternError.signInRequired(let returnTo) = error {
            return request.redirect(to: "/sign-in?next=" + Self.queryEncoded(returnTo), redirectType: .normal)
        }
        if !request.url.path.hasPrefix("/api/") {
            if case LanternError.twoFactorSetupRequired = error {
                return request.redirect(to: TwoFactorController.path, redirectType: .normal)
            }
            if case LanternError.reauthenticationRequired(let returnTo) = error {
                return request.redirect(to: ConfirmIdentityController.path + "?next=" + Self.queryEncoded(returnTo), redirectType: .normal)
            }
        }
        if status.code >= 500 {
            request.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))", "status": "\(status.code)"])
        }
        if request.url.path.hasPrefix("/api/") {
            let problem = ProblemDocument(type: "https://lantern.invalid/problems/\(status.code)", title: title, status: Int(status.code),
                                          detail: detail, instance: request.url.path, errors: fields.isEmpty ? nil : fields)
            let response = Response(status: status)
            if let data = try? JSONEncoder().encode(problem) {
                response.body = .init(data: data)
            }
            response.headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"lantern\"") }
            if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: String(Self.busyRetryAfter)) }
            return response
        }
        let page = ErrorPage(chrome: Chrome(request: request, title: title), status: Int(status.code), title: title, detail: detail)
        let response: Response
        if let view = try? await request.view.render("error", page), let encoded = try? await view.encodeResponse(for: request) {
            response = encoded
        } else {
            response = Response(status: status, body: .init(string: "<!doctype html><title>\(title.htmlEscaped())</title><h1>\(title.htmlEscaped())</h1><p>\(detail.htmlEscaped())</p>"))
            response.headers.contentType = .html
        }
        response.status = status
        if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: String(Self.busyRetryAfter)) }
        return response
    }

    /// Seconds a client is asked to wait when the database is too busy to answer.
    static let busyRetryAfter = 5

    /// A path (with its own query) as one query parameter's value.
    static func queryEncoded(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, String, [FieldIssue]) {
        switch error {
        case let lantern as LanternError:
            let fields: [FieldIssue] = if case .invalidFields(let issues) = lantern { issues } else { [] }
            // Outside a browser there is nowhere to be sent: the second factor and re-authentication answer 403.
            switch lantern {
            case .twoFactorSetupRequired, .reauthenticationRequired: return (.forbidden, lantern.title, lantern.detail, [])
            default: return (lantern.status, lantern.title, lantern.detail, fields)
            }
        case ChildAccessRefusal.restricted:
            return (.forbidden, LanternError.forbidden.title, "This record is restricted: only the staff an administrator has named can open it.", [])
        case is ChildAccessRefusal:
            return (.forbidden, LanternError.forbidden.title, "This child is not allocated to you or your team.", [])
        case let decoding as DecodingError:
            let issue = FieldIssue(decoding)
            return (.unprocessableEntity, "There is a problem with what was sent", issue.message, [issue])
        case is ConnectionPoolTimeoutError:
            // Every database connection stayed busy for the pool's whole timeout: overload, not a
            // fault in the request, so the client is told to come back (found by bench ingest).
            return (.serviceUnavailable, "Lantern is busy", "Your request could not be completed because the database is busy. Try again in a few seconds.", [])
        case let abort as any AbortError:
            let title = abort.status.code == 404 ? "Page not found" : abort.status.reasonPhrase
            let detail = abort.status.code == 404 ? "Check the address, or go back to your home page." : abort.reason
            return (abort.status, title, detail, [])
        default:
            return (.internalServerError, "Sorry, something went wrong", "The problem has been logged. Try again, and if it happens again tell your administrator.", [])
        }
    }
}

private struct ErrorPage: Encodable {
    let chrome: Chrome
    let status: Int
    let title: String
    let detail: String
}

extension FieldIssue {
    init(_ error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = (context.codingPath + [key]).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            self.init(field: field, message: "\(field) is required.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context)
            self.init(field: field.isEmpty ? "body" : field, message: field.isEmpty ? "The request body is not in the expected form." : "\(field) has the wrong type.")
        case .dataCorrupted(let context):
            let field = path(context)
            self.init(field: field.isEmpty ? "body" : field, message: field.isEmpty ? "The request body could not be read." : "\(field): \(context.debugDescription)")
        @unknown default:
            self.init(field: "body", message: "The request body could not be read.")
        }
    }
}

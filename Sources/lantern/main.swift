import Foundation
import LanternWeb
import Vapor

var environment = try Environment.detect()
// Every log line passes the privacy filter, whichever library writes it (see PrivacyLogHandler).
try LoggingSystem.bootstrap(from: &environment) { level in
    { label in
        var handler = StreamLogHandler.standardOutput(label: label)
        handler.logLevel = level
        return PrivacyLogHandler(wrapped: handler)
    }
}
let app = try await Application.make(environment)
do {
    let config = try LanternConfig.from(environment: ProcessInfo.processInfo.environment)
    try await LanternApp.configure(app, config: config)
    try await app.execute()
} catch {
    app.logger.critical("lantern stopped", metadata: ["error": "\(error)"])
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()

import Foundation
import LanternWeb
import Vapor

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
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

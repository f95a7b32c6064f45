import Logging
import Vapor

/// Wraps a log handler and drops the lines that would carry record contents: the database
/// drivers' query logs, whose metadata holds the values bound into each query (names, dates of
/// birth, case notes). Everything Lantern itself logs names routes and ids only.
public struct PrivacyLogHandler: LogHandler {
    public var wrapped: any LogHandler

    public init(wrapped: any LogHandler) { self.wrapped = wrapped }

    static let recordCarryingKeys: Set<String> = ["input", "binds", "sql", "query", "filters"]

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        if message.description == "Running query" { return }
        if let metadata, !Self.recordCarryingKeys.isDisjoint(with: metadata.keys) { return }
        wrapped.log(level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line)
    }
}

extension Logger {
    /// This logger with `PrivacyLogHandler` in front of its handler (once).
    var privacyFiltered: Logger {
        guard !(handler is PrivacyLogHandler) else { return self }
        var logger = self
        logger.handler = PrivacyLogHandler(wrapped: handler)
        return logger
    }
}

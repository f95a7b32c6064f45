import Fluent
import Foundation
import LanternCore
import LanternStore
import Vapor

/// The council's working-day calendar, loaded from the store once and again whenever an
/// administrator changes it, so that reading a clock never waits for the database.
final class CalendarCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: WorkingDayCalendar?

    func calendar(on db: any Database) async throws -> WorkingDayCalendar {
        if let calendar = lock.withLock({ cached }) { return calendar }
        let loaded = try await CalendarQueries.workingDayCalendar(on: db)
        lock.withLock { cached = loaded }
        return loaded
    }

    func invalidate() { lock.withLock { cached = nil } }
}

extension Application {
    private struct CalendarCacheKey: StorageKey { typealias Value = CalendarCache }

    var calendarCache: CalendarCache {
        if let cache = storage[CalendarCacheKey.self] { return cache }
        let cache = CalendarCache()
        storage[CalendarCacheKey.self] = cache
        return cache
    }
}

extension Request {
    /// The council's working-day calendar.
    func workingDays() async throws -> WorkingDayCalendar {
        try await application.calendarCache.calendar(on: db)
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import Vapor

/// A `lantern serve` child process for the HTTP benchmarks: this same executable with this
/// environment (so the same SQLite file, or DATABASE_URL for PostgreSQL), plus any overrides.
final class BenchServer: @unchecked Sendable {
    let process: Process
    let port: Int
    let logPath: String
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int, logPath: String) {
        self.process = process
        self.port = port
        self.logPath = logPath
    }

    /// Starts the server and waits until its health check answers.
    static func start(port: Int, environmentName: String, overrides: [String: String] = [:], client: HTTPClient,
                      console: any Console) async throws -> BenchServer {
        let process = Process()
        process.executableURL = executable()
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port), "--env", environmentName]
        process.environment = ProcessInfo.processInfo.environment.merging(overrides) { _, new in new }
        // The server's request log would drown the tables; it goes to a file named if it fails.
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("lantern-bench-serve-\(port).log").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let server = BenchServer(process: process, port: port, logPath: logPath)
        server.stopOnInterrupt()
        console.print("Started lantern serve (pid \(process.processIdentifier), \(environmentName) environment) on \(server.baseURL); its log is \(logPath).")
        let deadline = ContinuousClock.now + .seconds(600)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw BenchError("lantern serve stopped before answering; see \(logPath).") }
            if let response = try? await client.execute(HTTPClientRequest(url: server.baseURL + "/health"), timeout: .seconds(2)),
               response.status == .ok {
                return server
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        await server.stop()
        throw BenchError("lantern serve did not answer within 10 minutes; see \(logPath).")
    }

    /// Ctrl-C or SIGTERM to the benchmark stops the server too, rather than leaving it serving.
    /// Sessions made for the run are then left to expire (30 minutes idle); their tokens were
    /// never written anywhere.
    private var signalSources: [any DispatchSourceSignal] = []

    private func stopOnInterrupt() {
        let pid = process.processIdentifier
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                kill(pid, SIGTERM)
                exit(130)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// This executable, so the child is the same build as the command.
    private static func executable() -> URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: proc.path) { return proc.resolvingSymlinksInPath() }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// The server's peak resident memory so far (VmHWM), in kilobytes; nil where /proc is missing.
    func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// SIGTERM (Vapor shuts down cleanly), then SIGKILL if it has not stopped within 10 s.
    func stop() async {
        for source in signalSources { source.cancel() }
        signalSources = []
        for signalNumber in [SIGINT, SIGTERM] { signal(signalNumber, SIG_DFL) }
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Runs a job from `concurrency` tasks at once, for a time or a number of jobs, timing each.
enum LoadRunner {
    struct Result: Sendable {
        let sample: LatencySample
        let errors: Int
        let firstError: String?
        let seconds: Double
        var perSecond: Double { Double(sample.count + errors) / seconds }
    }

    /// Hands out job numbers until the time is up or the count is reached.
    private actor Tickets {
        let deadline: ContinuousClock.Instant?
        let limit: Int?
        var issued = 0

        init(deadline: ContinuousClock.Instant?, limit: Int?) {
            self.deadline = deadline
            self.limit = limit
        }

        func next() -> Int? {
            if let limit, issued >= limit { return nil }
            if let deadline, ContinuousClock.now >= deadline { return nil }
            issued += 1
            return issued - 1
        }
    }

    /// `job` returns nil on success, or what went wrong (a non-success status or an error).
    static func run(concurrency: Int, seconds: Double? = nil, jobs: Int? = nil,
                    job: @escaping @Sendable (Int) async -> String?) async -> Result {
        let start = ContinuousClock.now
        let tickets = Tickets(deadline: seconds.map { start + .milliseconds(Int($0 * 1000)) }, limit: jobs)
        let outcomes = await withTaskGroup(of: ([Duration], [String]).self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var times: [Duration] = []
                    var errors: [String] = []
                    while let number = await tickets.next() {
                        let began = ContinuousClock.now
                        if let error = await job(number) { errors.append(error) } else { times.append(ContinuousClock.now - began) }
                    }
                    return (times, errors)
                }
            }
            var all: ([Duration], [String]) = ([], [])
            for await (times, errors) in group {
                all.0 += times
                all.1 += errors
            }
            return all
        }
        let elapsed = LatencySample.milliseconds(of: ContinuousClock.now - start) / 1000
        return Result(sample: LatencySample(outcomes.0), errors: outcomes.1.count, firstError: outcomes.1.first, seconds: elapsed)
    }

    /// Sends a request and reads the whole body; nil when the status is the one expected.
    static func send(_ request: HTTPClientRequest, expecting expected: HTTPResponseStatus = .ok, with client: HTTPClient,
                     timeout: TimeAmount = .seconds(60)) async -> String? {
        do {
            let response = try await client.execute(request, timeout: timeout)
            _ = try await response.body.collect(upTo: 64 * 1024 * 1024)
            return response.status == expected ? nil : "\(request.method) \(request.url) answered \(response.status.code)"
        } catch {
            return "\(request.method) \(request.url) failed: \(error)"
        }
    }

    /// Times `query` `times` times one after another: the raw-SQL baseline a screen is compared with.
    static func baseline(times: Int, _ query: @Sendable () async throws -> Void) async throws -> LatencySample {
        var durations: [Duration] = []
        for _ in 0..<times {
            let began = ContinuousClock.now
            try await query()
            durations.append(ContinuousClock.now - began)
        }
        return LatencySample(durations)
    }

    /// A client with enough connections for every simulated user to have its own.
    static func client(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 8))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension CommandContext {
    /// Figures from a debug build are not the ones to record.
    func warnIfDebugBuild() {
        #if DEBUG
        console.warning("This is a debug build: figures will be several times slower. Use `swift build -c release`.")
        #endif
    }
}

import Foundation
import Testing

/// The independent validators in `shared/oracles` (see its README): each prints one line per
/// problem and ends with `ERRORS: N`. Lantern's exports are right when they print `ERRORS: 0`.
public enum Oracles {
    /// Set LANTERN_SKIP_ORACLES=1 to skip the oracle tests (they are then recorded as skipped).
    public static let enabled = ProcessInfo.processInfo.environment["LANTERN_SKIP_ORACLES"] != "1"

    public struct NotFound: Error, CustomStringConvertible {
        let searched: [String]
        public var description: String {
            "Cannot find shared/oracles. Set LANTERN_SHARED to the shared folder, or LANTERN_SKIP_ORACLES=1 to skip. Looked above: "
                + searched.joined(separator: ", ")
        }
    }

    /// `LANTERN_SHARED` if set; otherwise the first `shared/` holding `oracles/` beside a folder
    /// above the working directory or above this source file (symlinks resolved: the pure-test
    /// package links to the sources, and CI clones the repo as `<x>/main` with `<x>/shared`).
    public static func sharedFolder(filePath: String = #filePath) throws -> URL {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["LANTERN_SHARED"], !explicit.isEmpty {
            let shared = URL(fileURLWithPath: explicit)
            guard fm.fileExists(atPath: shared.appendingPathComponent("oracles").path) else {
                throw NotFound(searched: ["LANTERN_SHARED=\(explicit) has no oracles/ folder"])
            }
            return shared
        }
        let starts = [URL(fileURLWithPath: fm.currentDirectoryPath), URL(fileURLWithPath: filePath)]
            .map { $0.resolvingSymlinksInPath() }
        for start in starts {
            var dir = start
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("shared")
                if fm.fileExists(atPath: candidate.appendingPathComponent("oracles").path) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        throw NotFound(searched: starts.map(\.path))
    }

    public struct Run: CustomStringConvertible {
        public let output: String
        public let status: Int32

        /// N from the closing `ERRORS: N` line; nil when the script never got that far.
        public var errorCount: Int? {
            output.split(separator: "\n").last(where: { $0.hasPrefix("ERRORS: ") })
                .flatMap { Int($0.dropFirst("ERRORS: ".count)) }
        }

        /// Lines the validators flag as queries (allowed, but worth reading).
        public var queryLines: [String] { output.split(separator: "\n").filter { $0.contains("\tQUERY\t") }.map(String.init) }

        public var description: String { output }
    }

    /// Runs `shared/oracles/<script>` with `arguments`, collecting stdout and stderr together.
    public static func run(_ script: String, _ arguments: [String]) throws -> Run {
        let path = try sharedFolder().appendingPathComponent("oracles").appendingPathComponent(script).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read to the end before waiting, or a full pipe would block the script for ever.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    /// A fresh folder for files handed to an oracle.
    public static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lantern-returns-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

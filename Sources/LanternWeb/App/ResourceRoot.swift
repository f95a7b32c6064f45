import Foundation

/// Where Lantern's templates (`Resources/Views`) and static files (`Public`) are. Vapor looks in
/// the working directory, so `lantern serve` started from anywhere else answered every page with
/// a template error (a 500). Lantern looks, in order, in `LANTERN_ROOT`, the working directory,
/// and the checkout the executable was built in (`<root>/.build/<triple>/<configuration>/lantern`).
enum ResourceRoot {
    static let marker = "Resources/Views"

    /// The first candidate folder that holds `Resources/Views`, with a trailing slash (as
    /// `DirectoryConfiguration` expects); nil when none does.
    static func find(environment: [String: String], workingDirectory: String, executablePath: String,
                     exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String? {
        // The executable's own folder and those above it, far enough to climb out of
        // `.build/<triple>/<configuration>`, which is where `.build/release` really points.
        var folder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        var builtIn: [String] = []
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            builtIn.append(folder.path)
        }
        let candidates = ([environment["LANTERN_ROOT"], workingDirectory].compactMap { $0 } + builtIn).filter { !$0.isEmpty }
        return candidates.map { $0.hasSuffix("/") ? $0 : $0 + "/" }.first { exists($0 + marker) }
    }
}

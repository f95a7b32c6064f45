import Foundation
import LanternSynthetic
import Vapor

/// `lantern bench ...`: benchmarks that print figures. Never part of the test suite; run them on a
/// release build (`swift build -c release`) and record the figures in BENCHMARKS.md.
struct BenchCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["match": MatchBenchCommand(), "pages": PagesBenchCommand(), "returns": ReturnsBenchCommand(), "ingest": IngestBenchCommand()]
    }
    var help: String { "Benchmarks (release build): match, pages, returns, ingest." }
}

struct MatchBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "people", help: "Size of the synthetic person index (default 1000000)")
        var people: Int?
        @Option(name: "queries", help: "Contacts to match (default 20000)")
        var queries: Int?
        @Option(name: "seed", help: "Generator seed (default 2026)")
        var seed: Int?
        @Option(name: "febrl", help: "A CSV in the FEBRL layout: report F1 of duplicate detection instead")
        var febrl: String?
        @Flag(name: "with-id", help: "With --febrl: use the soc_sec_id column as an identifier")
        var withID: Bool
    }

    var help: String { "Known-child matching: p50/p95/p99 time per contact and precision/recall on the generator's truth, or F1 on a FEBRL file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.warnIfDebugBuild()
        if let path = signature.febrl {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let dataset = try FebrlDataset.load(csvText: text)
            context.console.print(MatchBenchmark.febrl(dataset, useIdentifier: signature.withID).table)
            return
        }
        let people = signature.people ?? 1_000_000
        let queries = signature.queries ?? 20_000
        context.console.print("Building a synthetic index of \(people) people and matching \(queries) contacts...")
        let report = MatchBenchmark.run(people: people, queries: queries, seed: UInt64(signature.seed ?? 2026))
        context.console.print(report.table)
    }
}

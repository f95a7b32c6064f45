import Foundation
import LanternCore

/// Precision, recall and F1 at one probability threshold.
public struct ThresholdMetrics: Hashable, Sendable {
    public let threshold: Double
    public let truePositives: Int
    public let falsePositives: Int
    public let falseNegatives: Int

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    /// Scores each prediction at every threshold in `scored` and keeps the best F1.
    /// - Parameters:
    ///   - scored: each prediction's score and whether it is right.
    ///   - actualPositives: everything that should have been found.
    static func bestF1(_ scored: [(score: Double, correct: Bool)], actualPositives: Int) -> ThresholdMetrics {
        var best = ThresholdMetrics(threshold: 1, truePositives: 0, falsePositives: 0, falseNegatives: actualPositives)
        var tp = 0, fp = 0
        let sorted = scored.sorted { $0.score > $1.score }
        for (i, item) in sorted.enumerated() {
            if item.correct { tp += 1 } else { fp += 1 }
            // Only a threshold between distinct scores can be chosen.
            if i + 1 < sorted.count && sorted[i + 1].score == item.score { continue }
            let candidate = ThresholdMetrics(threshold: item.score, truePositives: tp, falsePositives: fp,
                                             falseNegatives: actualPositives - tp)
            if candidate.f1 > best.f1 { best = candidate }
        }
        return best
    }
}

/// Per-query latency percentiles in milliseconds.
public struct LatencySummary: Hashable, Sendable {
    public let p50: Double
    public let p95: Double
    public let p99: Double
    public let max: Double

    init(_ durations: [Duration]) {
        let ms = durations.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }.sorted()
        func at(_ q: Double) -> Double { ms.isEmpty ? 0 : ms[min(ms.count - 1, Int((Double(ms.count) * q).rounded(.up)) - 1)] }
        p50 = at(0.5)
        p95 = at(0.95)
        p99 = at(0.99)
        max = ms.last ?? 0
    }
}

/// How one repeat contact fared: what was proposed first, against the truth.
public struct ContactOutcome: Hashable, Sendable {
    public let contact: RepeatContact
    public let best: MatchCandidate?
    /// The true person's candidate when it was proposed but not first.
    public let truthCandidate: MatchCandidate?

    public var isCorrectAtTop: Bool { best != nil && best?.personID == contact.truth }
}

public struct MatchBenchmarkReport: Sendable {
    public let people: Int
    public let queries: Int
    public let buildSeconds: Double
    public let latency: LatencySummary
    /// People scored per query (the union of its blocks): mean and 95th percentile.
    public let scoredMean: Double
    public let scoredP95: Int
    /// Top candidate accepted when it is in the likely band.
    public let atLikely: ThresholdMetrics
    public let atBestF1: ThresholdMetrics
    public let outcomes: [ContactOutcome]

    /// Contacts whose truth was missed or wrongly matched at the likely threshold.
    public var mistakes: [ContactOutcome] {
        outcomes.filter { o in
            let likely = o.best?.band == .likely
            return likely ? !o.isCorrectAtTop : o.contact.truth != nil
        }
    }

    public var table: String {
        TextTable(rows: [
            ["people", "\(people)"],
            ["queries", "\(queries)"],
            ["index build", String(format: "%.2f s", buildSeconds)],
            ["query p50", String(format: "%.3f ms", latency.p50)],
            ["query p95", String(format: "%.3f ms", latency.p95)],
            ["query p99", String(format: "%.3f ms", latency.p99)],
            ["query max", String(format: "%.3f ms", latency.max)],
            ["people scored per query", String(format: "mean %.0f, p95 %d", scoredMean, scoredP95)],
        ] + TextTable.metricRows("likely", atLikely) + TextTable.metricRows("best F1", atBestF1)).text
    }
}

public struct FebrlReport: Sendable {
    public let records: Int
    public let truePairs: Int
    public let usedIdentifier: Bool
    public let buildSeconds: Double
    public let latency: LatencySummary
    public let atLikely: ThresholdMetrics
    public let atBestF1: ThresholdMetrics

    public var table: String {
        TextTable(rows: [
            ["records", "\(records)"],
            ["true duplicate pairs", "\(truePairs)"],
            ["identifier used", usedIdentifier ? "yes" : "no"],
            ["index build", String(format: "%.2f s", buildSeconds)],
            ["query p95", String(format: "%.3f ms", latency.p95)],
        ] + TextTable.metricRows("likely", atLikely) + TextTable.metricRows("best F1", atBestF1)).text
    }
}

/// Two left-aligned columns.
struct TextTable {
    let rows: [[String]]

    var text: String {
        let width = rows.map { $0[0].count }.max() ?? 0
        return rows.map { $0[0].padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0[1] }
            .joined(separator: "\n")
    }

    static func metricRows(_ label: String, _ m: ThresholdMetrics) -> [[String]] {
        [
            ["\(label): threshold", String(format: "%.4f", m.threshold)],
            ["\(label): precision", String(format: "%.4f", m.precision)],
            ["\(label): recall", String(format: "%.4f", m.recall)],
            ["\(label): F1", String(format: "%.4f", m.f1)],
            ["\(label): TP / FP / FN", "\(m.truePositives) / \(m.falsePositives) / \(m.falseNegatives)"],
        ]
    }
}

/// Measures matching: accuracy against known truth and per-query latency.
public enum MatchBenchmark {
    /// Builds an index of `people` synthetic people and matches `queries` repeat contacts against it.
    public static func run(people: Int, queries: Int, seed: UInt64, scorer: MatchScorer = MatchScorer(),
                           rates: ContactErrorRates = .default) -> MatchBenchmarkReport {
        let population = SyntheticPeople.population(size: people, seed: seed)
        let contacts = SyntheticPeople.repeatContacts(queries, about: population, seed: seed &+ 1, rates: rates)
        return run(population: population, contacts: contacts, scorer: scorer)
    }

    public static func run(population: SyntheticPopulation, contacts: [RepeatContact],
                           scorer: MatchScorer = MatchScorer()) -> MatchBenchmarkReport {
        let clock = ContinuousClock()
        var index = MatchIndex(scorer: scorer)
        let buildTime = clock.measure {
            index.reserveCapacity(population.people.count)
            for person in population.people { try? index.insert(person) }
        }
        var durations: [Duration] = []
        durations.reserveCapacity(contacts.count)
        var outcomes: [ContactOutcome] = []
        for contact in contacts {
            var found: [MatchCandidate] = []
            durations.append(clock.measure { found = index.candidates(for: contact.query, limit: 10) })
            let truth = found.first { $0.personID == contact.truth }
            outcomes.append(ContactOutcome(contact: contact, best: found.first, truthCandidate: truth))
        }
        let scoredCounts = contacts.map { index.blockedCount(for: $0.query) }.sorted()
        let known = contacts.filter { $0.truth != nil }.count
        let likely = outcomes.filter { $0.best?.band == .likely }
        let tp = likely.filter(\.isCorrectAtTop).count
        let atLikely = ThresholdMetrics(threshold: scorer.parameters.likelyThreshold, truePositives: tp,
                                        falsePositives: likely.count - tp, falseNegatives: known - tp)
        let scored = outcomes.compactMap { o in o.best.map { (score: $0.score, correct: o.isCorrectAtTop) } }
        return MatchBenchmarkReport(people: population.people.count, queries: contacts.count,
                                    buildSeconds: seconds(buildTime), latency: LatencySummary(durations),
                                    scoredMean: Double(scoredCounts.reduce(0, +)) / Double(max(1, scoredCounts.count)),
                                    scoredP95: scoredCounts.isEmpty ? 0 : scoredCounts[(scoredCounts.count * 95) / 100],
                                    atLikely: atLikely,
                                    atBestF1: ThresholdMetrics.bestF1(scored, actualPositives: known),
                                    outcomes: outcomes)
    }

    /// Finds the duplicates within a FEBRL dataset: every record is matched against all the others,
    /// and a pair counts as found when either record proposes the other.
    public static func febrl(_ dataset: FebrlDataset, useIdentifier: Bool,
                             scorer: MatchScorer = MatchScorer()) -> FebrlReport {
        let clock = ContinuousClock()
        let people = dataset.records.map { $0.person(useIdentifier: useIdentifier) }
        var index = MatchIndex(scorer: scorer)
        let buildTime = clock.measure {
            for person in people { try? index.insert(person) }
        }
        var durations: [Duration] = []
        var bestScore: [FebrlPair: Double] = [:]
        for (i, person) in people.enumerated() {
            var found: [MatchCandidate] = []
            durations.append(clock.measure { found = index.candidates(for: MatchQuery(person), limit: 10) })
            for candidate in found {
                guard let j = dataset.position(of: candidate.personID) else { continue }
                let pair = FebrlPair(i, j)
                bestScore[pair] = max(bestScore[pair] ?? 0, candidate.score)
            }
        }
        let truth = dataset.duplicatePairs
        let likely = bestScore.filter { $0.value >= scorer.parameters.likelyThreshold }
        let tp = likely.keys.filter(truth.contains).count
        let atLikely = ThresholdMetrics(threshold: scorer.parameters.likelyThreshold, truePositives: tp,
                                        falsePositives: likely.count - tp, falseNegatives: truth.count - tp)
        let scored = bestScore.map { (score: $0.value, correct: truth.contains($0.key)) }
        return FebrlReport(records: people.count, truePairs: truth.count, usedIdentifier: useIdentifier,
                           buildSeconds: seconds(buildTime), latency: LatencySummary(durations), atLikely: atLikely,
                           atBestF1: ThresholdMetrics.bestF1(scored, actualPositives: truth.count))
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

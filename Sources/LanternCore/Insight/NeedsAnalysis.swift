import Foundation

/// One child as the needs analysis reads them.
public struct NeedsFacts: Sendable {
    public var snapshot: CaseSnapshot
    public var birthDate: Day?
    public var ethnicity: String?
    public var postcodeDistrict: String?
    /// The locality of the team that holds (or last held) the case.
    public var locality: String?

    public init(snapshot: CaseSnapshot, birthDate: Day?, ethnicity: String?, postcodeDistrict: String?, locality: String? = nil) {
        self.snapshot = snapshot
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.postcodeDistrict = postcodeDistrict
        self.locality = locality
    }
}

/// What the children the service assessed needed: primary need and the factors identified at
/// assessment (CIN census lists 1.2 and 1.6), broken down by age, ethnicity and postcode district.
/// Leaders who said they had "no idea what the needs of the children are" read it from the records.
public struct NeedsAnalysis: Sendable {
    public struct Count: Hashable, Sendable {
        public let key: String
        public let count: Int
    }

    public var assessments: Int
    public var primaryNeeds: [Count]
    public var factors: [Count]
    public var byAgeBand: [Count]
    public var byEthnicity: [Count]
    public var byDistrict: [Count]

    public static let ageBands = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"]

    static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<1: "Under 1"
        case 1...4: "1 to 4"
        case 5...9: "5 to 9"
        case 10...15: "10 to 15"
        default: "16 and over"
        }
    }

    /// Assessments authorised in `period`, each counted once with its episode's primary need.
    public static func compute(_ children: [NeedsFacts], period: ReportingPeriod) -> NeedsAnalysis {
        var needs: [String: Int] = [:], factors: [String: Int] = [:], ages: [String: Int] = [:]
        var ethnicities: [String: Int] = [:], districts: [String: Int] = [:]
        var total = 0
        for child in children {
            for episode in child.snapshot.episodes {
                for assessment in episode.assessments {
                    guard let authorised = assessment.authorisationDate, period.contains(authorised) else { continue }
                    total += 1
                    needs[episode.primaryNeed ?? "N0", default: 0] += 1
                    for factor in Set(assessment.factors) { factors[factor, default: 0] += 1 }
                    let band = child.birthDate.map { ageBand($0.age(on: episode.referralDate)) } ?? "Unborn or not known"
                    ages[band, default: 0] += 1
                    ethnicities[child.ethnicity ?? "NOBT", default: 0] += 1
                    districts[child.postcodeDistrict ?? "Not known", default: 0] += 1
                }
            }
        }
        func sorted(_ counts: [String: Int]) -> [Count] {
            counts.map { Count(key: $0.key, count: $0.value) }.sorted { $0.count == $1.count ? $0.key < $1.key : $0.count > $1.count }
        }
        let ageOrder = ageBands + ["Unborn or not known"]
        return NeedsAnalysis(
            assessments: total, primaryNeeds: sorted(needs), factors: sorted(factors),
            byAgeBand: ages.map { Count(key: $0.key, count: $0.value) }.sorted { (ageOrder.firstIndex(of: $0.key) ?? 99) < (ageOrder.firstIndex(of: $1.key) ?? 99) },
            byEthnicity: sorted(ethnicities), byDistrict: sorted(districts))
    }
}

/// Needs over time: primary needs and assessment factors counted per collection year (April to
/// March, as the CIN census counts them), for the whole service or one locality, and the number of
/// assessments per locality per year.
public struct NeedsTrend: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public let key: String
        /// One count per year, in the order of `years`.
        public let counts: [Int]
    }

    public var years: [Int]
    /// Assessments authorised per year (in the chosen locality), the denominator of each share.
    public var assessments: [Int]
    public var primaryNeeds: [Series]
    public var factors: [Series]
    /// Assessments per locality per year, whatever locality was chosen.
    public var byLocality: [Series]

    public static let unknownLocality = "Not known"

    public static func compute(_ children: [NeedsFacts], years: [Int], locality: String? = nil) -> NeedsTrend {
        let index = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        var needs: [String: [Int]] = [:], factors: [String: [Int]] = [:], localities: [String: [Int]] = [:]
        var totals = Array(repeating: 0, count: years.count)
        let zero = Array(repeating: 0, count: years.count)
        for child in children {
            let place = child.locality ?? unknownLocality
            for episode in child.snapshot.episodes {
                for assessment in episode.assessments {
                    guard let authorised = assessment.authorisationDate, let i = index[ReportingYear.of(authorised)] else { continue }
                    localities[place, default: zero][i] += 1
                    guard locality == nil || locality == place else { continue }
                    totals[i] += 1
                    needs[episode.primaryNeed ?? "N0", default: zero][i] += 1
                    for factor in Set(assessment.factors) { factors[factor, default: zero][i] += 1 }
                }
            }
        }
        func series(_ counts: [String: [Int]]) -> [Series] {
            counts.map { Series(key: $0.key, counts: $0.value) }.sorted { a, b in
                let (x, y) = (a.counts.reduce(0, +), b.counts.reduce(0, +))
                return x == y ? a.key < b.key : x > y
            }
        }
        return NeedsTrend(years: years, assessments: totals, primaryNeeds: series(needs), factors: series(factors),
                          byLocality: localities.keys.sorted().map { Series(key: $0, counts: localities[$0]!) })
    }

    /// A count as a share of that year's assessments, 0-100; nil for a year with none.
    public func share(_ series: Series, year index: Int) -> Double? {
        assessments[index] == 0 ? nil : Double(series.counts[index]) * 100 / Double(assessments[index])
    }
}

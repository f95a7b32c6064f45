import Foundation

/// One child as the needs analysis reads them.
public struct NeedsFacts: Sendable {
    public var snapshot: CaseSnapshot
    public var birthDate: Day?
    public var ethnicity: String?
    public var postcodeDistrict: String?

    public init(snapshot: CaseSnapshot, birthDate: Day?, ethnicity: String?, postcodeDistrict: String?) {
        self.snapshot = snapshot
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.postcodeDistrict = postcodeDistrict
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

import Foundation

/// The figures the DfE's children's social work workforce census asks of a council (headcount,
/// FTE, agency workers, vacancies, vacancy rate, sickness absence, caseload), per team and for the
/// service. Definitions follow the DfE's "Children's social work workforce" statistics methodology:
/// a vacancy is an established post not filled by an employed (non-agency) worker, whether or not an
/// agency worker covers it; the vacancy rate is FTE vacancies over FTE vacancies plus employed FTE;
/// the agency rate is agency FTE over all FTE; the caseload is cases per case-holding worker.
public enum Workforce {
    public struct Member: Sendable, Equatable {
        public var isManager: Bool
        public var agency: Bool
        /// Full-time equivalent, more than 0 and at most 1.
        public var fte: Double
        public var cases: Int
        public var weightedCases: Double
        public var absenceDays: Double

        public init(isManager: Bool, agency: Bool, fte: Double = 1, cases: Int = 0, weightedCases: Double = 0, absenceDays: Double = 0) {
            self.isManager = isManager
            self.agency = agency
            self.fte = fte
            self.cases = cases
            self.weightedCases = weightedCases
            self.absenceDays = absenceDays
        }
    }

    public struct Figures: Sendable, Equatable {
        public var headcount: Int
        public var socialWorkers: Int
        public var managers: Int
        public var fte: Double
        public var agencyHeadcount: Int
        public var agencyFTE: Double
        /// The funded posts (FTE) an administrator entered; nil when none was entered.
        public var establishment: Double?
        public var vacancies: Double?
        /// 0-100.
        public var vacancyRate: Double?
        /// 0-100.
        public var agencyRate: Double?
        public var absenceDays: Double
        public var absenceDaysPerFTE: Double?
        public var cases: Int
        public var caseHolders: Int
        public var averageCaseload: Double?
        public var averageWeightedCaseload: Double?
    }

    public static func figures(_ members: [Member], establishment: Double?) -> Figures {
        let fte = members.reduce(0) { $0 + $1.fte }
        let agency = members.filter(\.agency)
        let agencyFTE = agency.reduce(0) { $0 + $1.fte }
        let employedFTE = fte - agencyFTE
        let vacancies = establishment.map { max(0, $0 - employedFTE) }
        let holders = members.filter { $0.cases > 0 }
        let cases = members.reduce(0) { $0 + $1.cases }
        let weighted = members.reduce(0) { $0 + $1.weightedCases }
        let absence = members.reduce(0) { $0 + $1.absenceDays }
        return Figures(
            headcount: members.count, socialWorkers: members.filter { !$0.isManager }.count, managers: members.filter(\.isManager).count,
            fte: fte, agencyHeadcount: agency.count, agencyFTE: agencyFTE, establishment: establishment, vacancies: vacancies,
            vacancyRate: vacancies.flatMap { v in v + employedFTE > 0 ? v * 100 / (v + employedFTE) : nil },
            agencyRate: fte > 0 ? agencyFTE * 100 / fte : nil,
            absenceDays: absence, absenceDaysPerFTE: fte > 0 ? absence / fte : nil,
            cases: cases, caseHolders: holders.count,
            averageCaseload: holders.isEmpty ? nil : Double(cases) / Double(holders.count),
            averageWeightedCaseload: holders.isEmpty ? nil : weighted / Double(holders.count))
    }

    /// The service as a whole: every member, and the teams' establishments added up (nil when no
    /// team has one, since a vacancy count over part of the service would mislead).
    public static func service(_ teams: [(members: [Member], establishment: Double?)]) -> Figures {
        let entered = teams.compactMap(\.establishment)
        return figures(teams.flatMap(\.members), establishment: entered.count == teams.count && !teams.isEmpty ? entered.reduce(0, +) : nil)
    }

    public enum EntryProblem: Error, Equatable, Sendable {
        case notANumber, outOfRange(ClosedRange<Double>)

        public var message: String {
            switch self {
            case .notANumber: "Enter a number, for example 2.5"
            case .outOfRange(let range): "Enter a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))"
            }
        }

        static func format(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// Sickness absence days in a month (half days allowed), an establishment in FTE posts, a
    /// worker's FTE: a number typed by a person, checked against its range.
    public static func parse(_ text: String, in range: ClosedRange<Double>) -> Result<Double, EntryProblem> {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return .failure(.notANumber) }
        return range.contains(value) ? .success(value) : .failure(.outOfRange(range))
    }

    public static let absenceDaysInAMonth: ClosedRange<Double> = 0...23
    public static let establishmentPosts: ClosedRange<Double> = 0...500
    public static let fteRange: ClosedRange<Double> = 0.1...1
}

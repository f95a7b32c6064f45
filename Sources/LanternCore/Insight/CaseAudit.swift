import Foundation

/// Case file audit: a manager reads a child's case file against the council's template and grades
/// each section with the four words Ofsted uses in its inspections of local authority children's
/// services (ILACS): outstanding, good, requires improvement to be good, inadequate.
public enum CaseAuditGrade: String, CaseIterable, Codable, Sendable, Comparable {
    case outstanding, good, requiresImprovement, inadequate

    public var label: String {
        switch self {
        case .outstanding: "Outstanding"
        case .good: "Good"
        case .requiresImprovement: "Requires improvement"
        case .inadequate: "Inadequate"
        }
    }

    /// Good or outstanding: practice that meets the standard.
    public var meetsStandard: Bool { self == .outstanding || self == .good }

    /// Best first, so sorting puts outstanding before inadequate.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The sections an auditor grades, each with the question it asks. An administrator edits them;
/// an audit keeps its own copy of the section titles so later edits never rewrite past audits.
public struct CaseAuditTemplate: Equatable, Sendable {
    public struct Section: Equatable, Sendable, Codable {
        public var title: String
        public var prompt: String

        public init(title: String, prompt: String) {
            self.title = title
            self.prompt = prompt
        }
    }

    public var sections: [Section]

    public init(sections: [Section]) { self.sections = sections }

    /// The themes most local authority audit tools share (drawn from the Ofsted ILACS framework's
    /// judgements on the experiences and progress of children).
    public static let standard = CaseAuditTemplate(sections: [
        Section(title: "Voice of the child", prompt: "Is the child seen, and seen alone where appropriate? Are their wishes and feelings recorded and do they shape the plan?"),
        Section(title: "Assessment quality", prompt: "Is the assessment timely, analytical and clear about risk, need and the family's strengths?"),
        Section(title: "Planning", prompt: "Is there a SMART plan that follows from the assessment, and is it reviewed and making a difference?"),
        Section(title: "Management oversight", prompt: "Is there evidence of regular supervision and management direction that is followed up?"),
    ])

    public static let maxTitleLength = 80

    public enum SectionProblem: Equatable, Sendable {
        case titleMissing, titleTooLong, titleDuplicate, promptMissing

        public var field: String {
            switch self {
            case .titleMissing, .titleTooLong, .titleDuplicate: "title"
            case .promptMissing: "prompt"
            }
        }

        public var message: String {
            switch self {
            case .titleMissing: "Enter the section's title, for example \"Voice of the child\""
            case .titleTooLong: "The title must be \(CaseAuditTemplate.maxTitleLength) characters or fewer"
            case .titleDuplicate: "The template already has a section with that title"
            case .promptMissing: "Enter the question the auditor answers in this section"
            }
        }
    }

    /// What is wrong with adding a section with this title and prompt; empty when it can be added.
    public func problems(addingTitle title: String, prompt: String) -> [SectionProblem] {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [SectionProblem] = []
        if title.isEmpty { problems.append(.titleMissing) }
        else if title.count > Self.maxTitleLength { problems.append(.titleTooLong) }
        else if sections.contains(where: { $0.title.lowercased() == title.lowercased() }) { problems.append(.titleDuplicate) }
        if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.promptMissing) }
        return problems
    }
}

/// One completed audit, as the roll-up needs it.
public struct CaseAuditResult: Equatable, Sendable {
    public var team: String
    public var overall: CaseAuditGrade
    /// Section title and its grade.
    public var sections: [(title: String, grade: CaseAuditGrade)]

    public init(team: String, overall: CaseAuditGrade, sections: [(title: String, grade: CaseAuditGrade)]) {
        self.team = team
        self.overall = overall
        self.sections = sections
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.team == rhs.team && lhs.overall == rhs.overall
            && lhs.sections.map(\.title) == rhs.sections.map(\.title) && lhs.sections.map(\.grade) == rhs.sections.map(\.grade)
    }
}

/// An action the auditor sets: what, who, by when. All three or none.
public struct CaseAuditAction: Codable, Equatable, Sendable {
    public var text: String
    public var owner: String
    public var due: Day

    public init(text: String, owner: String, due: Day) {
        self.text = text
        self.owner = owner
        self.due = due
    }
}

/// Audit results counted by grade, by team and by theme (section), with shares.
public struct CaseAuditRollUp: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var key: String
        public var counts: [CaseAuditGrade: Int]
        public var total: Int { counts.values.reduce(0, +) }

        public func count(_ grade: CaseAuditGrade) -> Int { counts[grade] ?? 0 }

        /// The share graded `grade`, 0-100; nil when nothing was graded.
        public func percent(_ grade: CaseAuditGrade) -> Double? {
            total == 0 ? nil : Double(count(grade)) * 100 / Double(total)
        }

        /// Good or outstanding, 0-100.
        public var percentMeetingStandard: Double? {
            total == 0 ? nil : Double(count(.outstanding) + count(.good)) * 100 / Double(total)
        }
    }

    /// Overall grades per team, teams in name order.
    public var byTeam: [Row]
    /// Section grades per theme across every audit, themes in the order first met.
    public var byTheme: [Row]
    /// Overall grades across every audit.
    public var overall: Row

    public static func compute(_ results: [CaseAuditResult]) -> CaseAuditRollUp {
        func tally(_ grades: [CaseAuditGrade]) -> [CaseAuditGrade: Int] {
            Dictionary(grouping: grades, by: { $0 }).mapValues(\.count)
        }
        let teams = Dictionary(grouping: results, by: \.team)
        let byTeam = teams.keys.sorted().map { Row(key: $0, counts: tally(teams[$0]!.map(\.overall))) }
        var themeOrder: [String] = []
        var themeGrades: [String: [CaseAuditGrade]] = [:]
        for result in results {
            for section in result.sections {
                if themeGrades[section.title] == nil { themeOrder.append(section.title) }
                themeGrades[section.title, default: []].append(section.grade)
            }
        }
        return CaseAuditRollUp(byTeam: byTeam, byTheme: themeOrder.map { Row(key: $0, counts: tally(themeGrades[$0]!)) },
                               overall: Row(key: "All audits", counts: tally(results.map(\.overall))))
    }
}

/// A random sample of case files to audit, drawn without replacement. The generator is passed in
/// so tests can draw the same sample twice.
public enum CaseAuditSample {
    public static let maximum = 20

    public static func draw<T, G: RandomNumberGenerator>(_ size: Int, from candidates: [T], using generator: inout G) -> [T] {
        Array(candidates.shuffled(using: &generator).prefix(max(0, min(size, maximum))))
    }
}

import Foundation

/// A household the council, or its regional adoption agency, is assessing or has approved to
/// adopt: Ofsted's Annex A list 11. The stages are those of the Adoption Agencies Regulations
/// 2005 as amended in 2013: enquiry (registration of interest), stage 1 (pre-approval checks,
/// about 2 months), stage 2 (assessment, about 4 months), then approval, a match and placement.
public struct AdopterHousehold: Hashable, Sendable, Codable {
    /// The council's own made-up reference for the household, for example `ADH-0042`.
    public var reference: String
    /// One adopter or a couple, as SEX_ADOPTR codes them: M1, F1 (single), MM, FF, MF (couple).
    public var sex: String
    /// The household is fostering a child for adoption or under concurrent planning.
    public var fosteringForAdoption: Bool
    public var enquiry: Day
    public var stage1Started: Day?
    public var stage1Ended: Day?
    public var stage2Started: Day?
    public var stage2Ended: Day?
    public var approved: Day?
    public var matched: Day?
    public var placed: Day?
    public var childrenPlaced: Int?
    /// The household left the process (withdrew, put on hold, or was not approved).
    public var left: Day?
    public var leftReason: LeavingReason?

    public enum LeavingReason: String, Hashable, Sendable, Codable, CaseIterable {
        case withdrew, onHold, notApproved

        public var label: String {
            switch self {
            case .withdrew: "The adopters withdrew"
            case .onHold: "The process is on hold"
            case .notApproved: "Not approved"
            }
        }
    }

    public init(reference: String, sex: String, fosteringForAdoption: Bool = false, enquiry: Day, stage1Started: Day? = nil,
                stage1Ended: Day? = nil, stage2Started: Day? = nil, stage2Ended: Day? = nil, approved: Day? = nil,
                matched: Day? = nil, placed: Day? = nil, childrenPlaced: Int? = nil, left: Day? = nil, leftReason: LeavingReason? = nil) {
        self.reference = reference
        self.sex = sex
        self.fosteringForAdoption = fosteringForAdoption
        self.enquiry = enquiry
        self.stage1Started = stage1Started
        self.stage1Ended = stage1Ended
        self.stage2Started = stage2Started
        self.stage2Ended = stage2Ended
        self.approved = approved
        self.matched = matched
        self.placed = placed
        self.childrenPlaced = childrenPlaced
        self.left = left
        self.leftReason = leftReason
    }

    public static let sexCodes = ["M1", "F1", "MM", "FF", "MF"]

    /// The number of adopters in the household.
    public var count: Int { ["M1", "F1"].contains(sex) ? 1 : 2 }

    /// Each adopter's sex (M or F), in the order of the household code.
    public var adopterSexes: [String] { count == 1 ? [String(sex.prefix(1))] : sex.map(String.init) }

    /// Whether approval was refused: the household left as not approved.
    public var isApproved: Bool { approved != nil }

    /// What is wrong with the record, per field (the names are the fields' own), in the order the
    /// stages come. Each date must be on or after the one before it and none in the future.
    public func problems(today: Day) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if reference.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(("reference", "Enter the household's reference")) }
        if !Self.sexCodes.contains(sex) { problems.append(("sex", "Choose who is adopting")) }
        let steps: [(field: String, label: String, day: Day?)] = [
            ("enquiry", "the enquiry", enquiry), ("stage1Started", "the start of stage 1", stage1Started),
            ("stage1Ended", "the end of stage 1", stage1Ended), ("stage2Started", "the start of stage 2", stage2Started),
            ("stage2Ended", "the end of stage 2", stage2Ended), ("approved", "approval", approved),
            ("matched", "the match", matched), ("placed", "placement", placed),
        ]
        var previous: (label: String, day: Day)?
        for (index, step) in steps.enumerated() {
            guard let day = step.day else {
                if let later = steps[(index + 1)...].first(where: { $0.day != nil }) {
                    problems.append((step.field, "Enter the date of \(step.label) before the date of \(later.label)"))
                }
                continue
            }
            if day > today { problems.append((step.field, "The date of \(step.label) cannot be in the future")) }
            else if let previous, day < previous.day { problems.append((step.field, "The date of \(step.label) cannot be before \(previous.label)")) }
            previous = (step.label, day)
        }
        if placed != nil, (childrenPlaced ?? 0) < 1 { problems.append(("childrenPlaced", "Enter how many children were placed")) }
        if placed == nil, childrenPlaced != nil { problems.append(("childrenPlaced", "Enter the number of children only once they are placed")) }
        if (left == nil) != (leftReason == nil) {
            problems.append(left == nil ? ("left", "Enter the date the household left the process") : ("leftReason", "Choose why the household left the process"))
        }
        if let left {
            if left > today { problems.append(("left", "The date the household left cannot be in the future")) }
            else if left < enquiry { problems.append(("left", "The date the household left cannot be before the enquiry")) }
            if placed != nil { problems.append(("left", "A household with a child placed has not left the process")) }
            if leftReason == .notApproved, approved != nil { problems.append(("leftReason", "This household was approved")) }
        }
        return problems
    }
}

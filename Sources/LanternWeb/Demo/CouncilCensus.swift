import Fluent
import Foundation
import LanternCore
import LanternStore
import LanternSynthetic

/// What a loaded council holds, counted from the database (not from the generator), beside the
/// targets of its shape: the figures `lantern demo --scale` prints.
struct CouncilCensus {
    struct Row {
        let measure: String
        let count: String
        let target: String
        /// nil where there is no target to meet.
        let withinTenPercent: Bool?
    }

    let rows: [Row]

    var allWithinTarget: Bool { rows.allSatisfy { $0.withinTenPercent != false } }

    static func count(_ shape: CouncilShape, today: Day, on db: any Database) async throws -> CouncilCensus {
        var rows: [Row] = []
        func counted(_ measure: String, _ count: Int, target: Int?) {
            let within = target.map { abs(Double(count - $0)) <= 0.1 * Double($0) }
            rows.append(Row(measure: measure, count: count.formatted(), target: target.map { "\($0.formatted()) ± 10%" } ?? "", withinTenPercent: within))
        }
        func share(_ measure: String, _ part: Int, of whole: Int, about target: Double) {
            let value = whole == 0 ? 0 : Double(part) / Double(whole)
            rows.append(Row(measure: measure, count: String(format: "%.1f%%", value * 100), target: String(format: "about %.0f%%", target * 100),
                            withinTenPercent: nil))
        }
        counted("Localities", try await LocalityModel.query(on: db).count(), target: shape.localities)
        counted("Teams", try await TeamModel.query(on: db).count(), target: shape.teamCount)
        counted("Family support (early help) teams", try await TeamModel.query(on: db).filter(\.$kind == .earlyHelp).count(),
                target: shape.teams[.earlyHelp] ?? 0)
        counted("Staff", try await StaffUserModel.query(on: db).count(), target: shape.staffCount)
        let contacts = try await ContactModel.query(on: db).count()
        counted("Contacts, all years", contacts, target: shape.contactsPerYear * shape.years)
        let yearAgo = today.adding(years: -1).adding(days: 1).iso
        counted("Contacts in the last 12 months", try await ContactModel.query(on: db).filter(\.$receivedOn >= yearAgo).count(),
                target: shape.contactsPerYear)
        let noSocialWork = try await ContactModel.query(on: db)
            .filter(\.$decision ~~ [ScreeningDecision.noFurtherAction, .informationAndAdvice, .signpostedToUniversalServices].map(\.rawValue))
            .count()
        let decided = try await ContactModel.query(on: db).filter(\.$decision != nil).count()
        share("Contacts needing no social work", noSocialWork, of: decided, about: 0.3)
        let referrals = try await ContactModel.query(on: db).filter(\.$status == ContactStatus.referralOpened.rawValue).count()
        let reReferrals = try await ContactModel.query(on: db).filter(\.$isReReferral == true).count()
        share("Referrals that are re-referrals within 12 months", reReferrals, of: referrals, about: 0.22)
        counted("Children", try await PersonModel.query(on: db).count(), target: nil)
        counted("Children with a case record", try await ChildCaseModel.query(on: db).count(), target: nil)
        counted("Open cases", try await ChildCaseModel.query(on: db).filter(\.$isOpen == true).count(), target: nil)
        for category in [CaseloadCategory.childProtection, .childInNeed, .lookedAfter, .careLeaver] {
            counted("Open: \(category.label.lowercased())", try await ChildCaseModel.query(on: db).filter(\.$category == category.rawValue).count(),
                    target: nil)
        }
        counted("Early help episodes", try await EarlyHelpEpisodeModel.query(on: db).count(), target: nil)
        return CouncilCensus(rows: rows)
    }

    var table: String {
        let width = (rows.map(\.measure.count).max() ?? 10) + 2
        var lines = ["measure".padding(toLength: width, withPad: " ", startingAt: 0) + "count".padding(toLength: 12, withPad: " ", startingAt: 0) + "target"]
        for row in rows {
            let mark = row.withinTenPercent.map { $0 ? "  ✓" : "  ✗ outside 10%" } ?? ""
            lines.append(row.measure.padding(toLength: width, withPad: " ", startingAt: 0)
                         + row.count.padding(toLength: 12, withPad: " ", startingAt: 0) + row.target + mark)
        }
        return lines.joined(separator: "\n")
    }
}

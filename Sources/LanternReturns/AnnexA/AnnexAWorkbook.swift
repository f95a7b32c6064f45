import Foundation
import LanternCore

/// Writes Ofsted's Annex A lists as an .xlsx workbook: one sheet per list ("List 1" .. "List 11"),
/// headings as in the template (shared/domain/returns-spec.md section 3), coded items in the
/// template's drop-down wording and dates as real dates.
public enum AnnexAWorkbook {
    public static func render(_ input: AnnexAInput) -> Data {
        Spreadsheet.xlsx(sheets(input))
    }

    static func sheets(_ input: AnnexAInput) -> [Worksheet] {
        let on = input.extractDate
        return [
            sheet("List 1", input.contacts, childColumns(\.child, on: on) + [
                column("Date of Contact") { date($0.date) },
                column("Contact Source") { text(AnnexALabels.referralSource($0.source)) },
            ]),
            sheet("List 2", input.earlyHelpAssessments, childColumns(\.child, on: on) + [
                column("Assessment start date") { date($0.start) },
                column("Assessment completion date") { date($0.completed) },
                column("Organisation completing assessment") { text($0.organisation) },
            ]),
            sheet("List 3", input.referrals, childColumns(\.child, on: on) + [
                column("Date of Referral") { date($0.date) },
                column("Referral Source") { text(AnnexALabels.referralSource($0.source)) },
                column("Referral NFA?") { yesNo($0.noFurtherAction) },
                column("Number of Referrals in Last 12 Months") { .number($0.referralsInLast12Months) },
            ] + allocation(\.team, \.worker)),
            sheet("List 4", input.assessments, childColumns(\.child, on: on, disability: true) + [
                column("Continuous Assessment Start Date") { date($0.start) },
                column("Child Seen During Continuous Assessment") { yesNo($0.childSeen) },
                column("Continuous Assessment Date of Authorisation") { date($0.authorised) },
                column("Was the child assessed as requiring LA children's social care support?") { yesNo($0.needsSocialCareSupport) },
            ] + allocation(\.team, \.worker)),
            sheet("List 5", input.section47Enquiries, childColumns(\.child, on: on, disability: true) + [
                column("Strategy discussion initiating Section 47 Enquiry Start Date") { date($0.strategyDiscussion) },
                column("Was an Initial Child Protection Conference deemed unnecessary?") { yesNo($0.conferenceNotNeeded) },
                column("Date of Initial Child Protection Conference") { date($0.conference) },
                column("Did the Initial Child Protection Conference Result in a Child Protection Plan") { yesNo($0.conferenceLedToPlan) },
                column("Number of Section 47 Enquiries in the last 12 months") { .number($0.enquiriesInLast12Months) },
                column("Number of ICPCs in the last 12 months") { .number($0.conferencesInLast12Months) },
            ] + allocation(\.team, \.worker)),
            sheet("List 6", input.childrenInNeed, childColumns(\.child, on: on, disability: true) + [
                column("CIN Start Date") { date($0.start) },
                column("Primary Need Code") { text(AnnexALabels.primaryNeed($0.primaryNeed)) },
                column("Date Child Was Last Seen") { date($0.lastSeen) },
                column("CIN Closure Date") { date($0.closed) },
                column("Reason for Closure") { text($0.reasonForClosure.map(AnnexALabels.reasonForClosure)) },
                column("Case Status") { text(AnnexALabels.caseStatus($0.caseStatus)) },
            ] + allocation(\.team, \.worker)),
            sheet("List 7", input.childProtectionPlans, childColumns(\.child, on: on, disability: true) + [
                column("Child Protection Plan Start Date") { date($0.start) },
                column("Initial Category of Abuse") { text(AnnexALabels.categoryOfAbuse($0.initialCategory)) },
                column("Latest Category of Abuse") { text(AnnexALabels.categoryOfAbuse($0.latestCategory)) },
                column("Date of the Last Statutory Visit") { date($0.lastStatutoryVisit) },
                column("Was the Child Seen Alone?") { yesNo($0.seenAlone) },
                column("Date of latest review conference") { date($0.latestReviewConference) },
                column("Child Protection Plan End Date") { date($0.end) },
                column("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)") {
                    yesNo($0.emergencyProtectionInLast6Months)
                },
                column("Number of Previous Child Protection Plans") { .number($0.previousPlans) },
            ] + allocation(\.team, \.worker)),
            sheet("List 8", input.childrenInCare, childrenInCareColumns(on: on)),
            sheet("List 9", input.careLeavers, careLeaverColumns(on: on)),
            sheet("List 10", input.adoptions, adoptionColumns(on: on)),
            sheet("List 11", input.adopters, adopterColumns),
        ]
    }

    private static func childrenInCareColumns(on: Day) -> [Column<AnnexAChildInCare>] {
        let uasc = column("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)") { (row: AnnexAChildInCare) in
            yesNo(row.uascInLast12Months)
        }
        return childColumns(\.child, on: on, beforeDisability: [uasc], disability: true) + [
            column("Date Started to be Looked After") { date($0.startedCare) },
            column("Child's Category of Need") { text(AnnexALabels.primaryNeed($0.categoryOfNeed)) },
            column("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)") {
                yesNo($0.secondPeriodInLast12Months)
            },
            column("Start date of current legal status") { date($0.legalStatusStart) },
            column("Child's Legal Status") { text(AnnexALabels.legalStatus($0.legalStatus)) },
            column("Date of Latest Statutory Review") { date($0.latestReview) },
            column("Date of Last Social Work Visit") { date($0.lastSocialWorkVisit) },
            column("What is the permanence plan for this child?") { text($0.permanencePlan.map(AnnexALabels.permanencePlan)) },
            column("Date of Last IRO Visit / Contact to the Child") { date($0.lastIROContact) },
            column("Date of Last Health Assessment") { date($0.lastHealthAssessment) },
            column("Date of Last Dental Check") { date($0.lastDentalCheck) },
            column("Number of Placements in the Last 12 months") { .number($0.placementsInLast12Months) },
            column("Date Ceased to be Looked After") { date($0.ceasedCare) },
            column("Reason Ceased to be Looked After") { text($0.reasonCeased.map(AnnexALabels.reasonCeased)) },
            column("Start Date of Most Recent Placement") { date($0.placementStart) },
            column("Placement Type") { text($0.placementType.map(AnnexALabels.placementType)) },
            column("Placement Provider") { text($0.placementProvider.map(AnnexALabels.placementProvider)) },
            column("Placement postcode") { text($0.placementPostcode) },
            column("URN of Placement") { text($0.urn) },
            column("Placement Location") { text($0.placedInArea.map(AnnexALabels.placementLocation)) },
            column("LA of Placement") { text($0.placementLA) },
            column("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months") {
                .number($0.missingEpisodesInLast12Months)
            },
            column("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months") {
                .number($0.absentEpisodesInLast12Months)
            },
            column("Was the child offered a Return Interview after their last missing episode (Y/N)?") { yesNo($0.offeredReturnInterview) },
            column("Did the child accept a Return Interview after their last missing episode (Y/N)?") { yesNo($0.acceptedReturnInterview) },
        ] + allocation(\.team, \.worker)
    }

    private static func careLeaverColumns(on: Day) -> [Column<AnnexACareLeaver>] {
        let uasc = column("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)") { (row: AnnexACareLeaver) in
            yesNo(row.uasc)
        }
        return childColumns(\.child, on: on, beforeDisability: [uasc], disability: true) + allocation(\.team, \.worker) + [
            column("Allocated Personal Advisor") { text($0.personalAdviser) },
            column("Eligibility Category") { text($0.eligibility.map(AnnexALabels.eligibility)) },
            column("Latest Pathway Plan Review Date") { date($0.latestPathwayPlanReview) },
            column("LA in Touch") { text($0.inTouch.map(AnnexALabels.inTouch)) },
            column("Latest Date of Contact") { date($0.latestContact) },
            column("Type of Accommodation") { text($0.accommodation.map(AnnexALabels.accommodationType)) },
            column("Suitability of Accommodation") { text($0.accommodation.flatMap(AnnexALabels.accommodationSuitability)) },
            column("Activity Status") { text($0.activity.map(AnnexALabels.activity)) },
        ]
    }

    private static func adoptionColumns(on: Day) -> [Column<AnnexAAdoption>] {
        childColumns(\.child, on: on, familyID: \.familyID, disability: true) + [
            column("Date the Child Entered Care") { date($0.enteredCare) },
            column("Date of Decision that Child Should be Placed for Adoption") { date($0.decisionToPlace) },
            column("Date of Placement Order") { date($0.placementOrder) },
            column("Date of Matching Child and Prospective Adopters") { date($0.matched) },
            column("Date Placed for Adoption") { date($0.placed) },
            column("Date of Adoption Order") { date($0.adoptionOrder) },
            column("Date of Decision that Child Should No Longer be Placed for Adoption") { date($0.decisionReversed) },
            column("Reason Why Child No Longer Placed for Adoption") { text($0.reversedReason.map(AnnexALabels.reasonNoLongerPlacedForAdoption)) },
            column("Date the child was placed for fostering in FFA or concurrent planning placement") { date($0.placedForFosteringForAdoption) },
        ]
    }

    private static var adopterColumns: [Column<AnnexAAdopter>] { [
        column("Individual adopter identifier") { text($0.adopterID) },
        column("Family identifier") { text($0.familyID) },
        column("Gender") { text($0.sex.map(AnnexALabels.sex)) },
        column("Ethnicity") { text($0.ethnicity.map(AnnexALabels.ethnicity)) },
        column("Disability") { yesNo($0.hasDisability) },
        column("Is the (prospective) adopter fostering for adoption?") { yesNo($0.fosteringForAdoption) },
        column("Date enquiry received") { date($0.enquiry) },
        column("Date Stage 1 started") { date($0.stage1Started) },
        column("Date Stage 1 ended") { date($0.stage1Ended) },
        column("Date Stage 2 started") { date($0.stage2Started) },
        column("Date Stage 2 ended") { date($0.stage2Ended) },
        column("Date application submitted") { date($0.applicationSubmitted) },
        column("Date application approved") { date($0.applicationApproved) },
        column("Date adopter matched with child(ren)") { date($0.matched) },
        column("Date child/children placed with adopter(s)") { date($0.childrenPlacedDate) },
        column("No. of children placed") { $0.childrenPlaced.map(SheetCell.number) ?? .empty },
        column("Date of Adoption Order") { date($0.adoptionOrder) },
        column("Date of leaving adoption process") { date($0.leftProcess) },
        column("Reason for leaving adoption process") { text($0.reasonLeft.map(AnnexALabels.reasonLeftAdoption)) },
    ] }

    // MARK: - Building blocks

    /// A heading and how to fill its cell, kept together so a column cannot drift from its heading.
    struct Column<Row> {
        let heading: String
        let value: (Row) -> SheetCell
    }

    private static func column<Row>(_ heading: String, _ value: @escaping (Row) -> SheetCell) -> Column<Row> {
        Column(heading: heading, value: value)
    }

    private static func sheet<Row>(_ name: String, _ rows: [Row], _ columns: [Column<Row>]) -> Worksheet {
        Worksheet(name: name, headings: columns.map(\.heading),
                  rows: rows.map { row in columns.map { $0.value(row) } })
    }

    /// Every child list starts with these; list 10 adds the family after the ID, lists 8 and 9 put
    /// UASC status before the disability column that lists 4 to 10 carry.
    private static func childColumns<Row>(_ child: KeyPath<Row, AnnexAChild>, on extractDate: Day,
                                          familyID: KeyPath<Row, String?>? = nil, beforeDisability: [Column<Row>] = [],
                                          disability: Bool = false) -> [Column<Row>] {
        var columns: [Column<Row>] = [column("Child Unique ID") { text($0[keyPath: child].id) }]
        if let familyID { columns.append(column("Family identifier") { text($0[keyPath: familyID]) }) }
        columns += [
            column("Gender") { text($0[keyPath: child].sex.map(AnnexALabels.sex)) },
            column("Ethnicity") { text($0[keyPath: child].ethnicity.map(AnnexALabels.ethnicity)) },
            column("Date of Birth") { date($0[keyPath: child].dateOfBirth) },
            column("Age of Child (Years)") { row in
                guard let born = row[keyPath: child].dateOfBirth, born <= extractDate else { return .empty }
                return .number(born.age(on: extractDate))
            },
        ]
        columns += beforeDisability
        if disability {
            columns.append(column("Does the Child have a Disability") { yesNo($0[keyPath: child].hasDisability) })
        }
        return columns
    }

    private static func allocation<Row>(_ team: KeyPath<Row, String?>, _ worker: KeyPath<Row, String?>) -> [Column<Row>] {
        [column("Allocated Team") { text($0[keyPath: team]) }, column("Allocated Worker") { text($0[keyPath: worker]) }]
    }

    private static func text(_ value: String?) -> SheetCell { value.map(SheetCell.text) ?? .empty }
    private static func date(_ value: Day?) -> SheetCell { value.map(SheetCell.date) ?? .empty }
    private static func yesNo(_ value: Bool?) -> SheetCell { value.map { .text(AnnexALabels.yesNo($0)) } ?? .empty }
}

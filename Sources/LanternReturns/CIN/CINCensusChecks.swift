import LanternCore

/// Pre-submission checks for the CIN census: the DfE's validation rules as they apply to one file,
/// reported in words a social worker can act on.
///
/// Source: DfE CIN census validation rules 2025-26 (shared/domain/cin-rules-2025-26.tsv), read with
/// the csc-validator-be-cin implementation where the wording leaves a boundary open. Rule codes
/// ending in Q are queries; the rest are errors that block submission.
public enum CINCensusChecks {
    public static func check(_ input: CINCensusInput,
                             isWorkingDay: @escaping WorkingDayTest = EnglandWorkingDays.isWorkingDay) -> [ReturnIssue] {
        var log = IssueLog()
        let year = input.header.collectionYear
        checkReturnAsAWhole(input, into: &log)
        for child in input.children {
            CINChildReview(child: child, year: year, isWorkingDay: isWorkingDay).run(into: &log)
        }
        return log.issues
    }

    /// Rules that compare children with each other or count across the whole return.
    private static func checkReturnAsAWhole(_ input: CINCensusInput, into log: inout IssueLog) {
        let year = input.header.collectionYear
        for (id, count) in counts(input.children.map(\.laChildID)) where count > 1 && !id.isEmpty {
            log.add("8510", child: id, field: "LAchildID",
                    "\(count) child records share the ID \(id); merge them into one record")
        }
        for (upn, count) in counts(input.children.compactMap(\.identifiers.upn)) where count > 1 {
            for child in input.children where child.identifiers.upn == upn {
                log.add("1520", child: child.laChildID, field: "UPN",
                        "The UPN \(upn) is recorded for \(count) different children")
            }
        }

        let born = input.children.filter { $0.identifiers.expectedBirthDate == nil }
        let noSex = born.filter { $0.identifiers.sex.isEmpty || $0.identifiers.sex == CINCodes.unborn }
        if !input.children.isEmpty, Double(noSex.count) / Double(input.children.count) > 0.02 {
            log.add("2886Q", child: "", field: "Sex",
                    "\(noSex.count) of \(input.children.count) children (excluding unborn children) have no sex recorded, more than 2%")
        }

        let disabilityLists = input.children.map { $0.characteristics.disabilities.filter { $0 != CINCodes.noDisability } }
        let distinctCodes = Set(disabilityLists.joined())
        if distinctCodes.count < 8 {
            log.add("2887Q", child: "", field: "Disability",
                    "Only \(distinctCodes.count) different disability codes are used in the whole return; check that disabilities are fully recorded")
        }
        let disabled = disabilityLists.filter { !$0.isEmpty }
        if !disabled.isEmpty, disabled.allSatisfy({ $0.count == 1 }) {
            log.add("2888Q", child: "", field: "Disability",
                    "Every disabled child has exactly one disability recorded; record all of a child's disabilities")
        }

        let episodes = input.children.flatMap(\.episodes)
        let plansStarted = episodes.flatMap(\.childProtectionPlans).filter { year.contains($0.startDate) }.count
        let conferences = episodes.compactMap(\.initialCPCDate).filter(year.contains).count
            + episodes.flatMap(\.section47Enquiries).compactMap(\.initialCPCDate).filter(year.contains).count
        if plansStarted > conferences {
            log.add("2883", child: "", field: "CPPstartDate",
                    "\(plansStarted) child protection plans start this year but only \(conferences) initial conferences are recorded")
        }
    }

    private static func counts(_ values: [String]) -> [(String, Int)] {
        Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }
    }
}

/// The checks on one child's record; each method reads one part of it.
struct CINChildReview {
    let child: CINChild
    let year: CollectionYear
    let isWorkingDay: WorkingDayTest

    var id: String { child.laChildID }
    var ids: CINChildIdentifiers { child.identifiers }
    var referenceDate: Day { year.end }

    func run(into log: inout IssueLog) {
        checkIdentity(into: &log)
        checkUPN(into: &log)
        checkDates(into: &log)
        checkCharacteristics(into: &log)
        checkEpisodes(into: &log)
        for episode in child.episodes {
            let review = CINEpisodeReview(child: self, episode: episode)
            review.run(into: &log)
        }
        checkPlansAcrossEpisodes(into: &log)
    }

    private func checkIdentity(into log: inout IssueLog) {
        if id.isEmpty {
            log.add("8500", child: id, field: "LAchildID", "The child has no LA child ID")
        }
        if id.count > 20 {
            log.add("1570", child: id, field: "LAchildID", "The LA child ID is \(id.count) characters long; the most allowed is 20")
        }
        if !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            log.add("1580", child: id, field: "LAchildID", "The LA child ID may contain only letters and digits")
        }
        if !CINCodes.sex.contains(ids.sex) {
            log.add("4180", child: id, field: "Sex", "Sex must be recorded as M, F or U (found \"\(ids.sex)\")")
        }
        if ids.expectedBirthDate != nil, ids.birthDate == nil, ids.sex != CINCodes.unborn {
            log.add("8750", child: id, field: "Sex", "An unborn child's sex must be recorded as U (unknown)")
        }
        if child.episodes.isEmpty {
            log.add("8590", child: id, field: "CINdetails", "The child has no episode of need (referral) recorded")
        }
    }

    private func checkUPN(into log: inout IssueLog) {
        if let upn = ids.upn {
            for problem in UniquePupilNumber.problems(upn) {
                switch problem {
                case .wrongLength:
                    log.addUnnumbered(child: id, field: "UPN", "The UPN \(upn) must be 13 characters long")
                case .checkLetter:
                    log.add("1510", child: id, field: "UPN", "The UPN \(upn) has the wrong check letter; check it was copied correctly")
                case .unknownLA:
                    log.add("1530", child: id, field: "UPN", "Characters 2-4 of the UPN \(upn) are not a recognised LA number")
                case .nonNumericBody:
                    log.add("1540", child: id, field: "UPN", "Characters 5-12 of the UPN \(upn) must all be digits")
                case .invalidLastCharacter:
                    log.add("1550", child: id, field: "UPN", "The last character of the UPN \(upn) must be a digit or a valid letter")
                }
            }
        }
        if let former = ids.formerUPN {
            let chars = Array(former)
            if chars.count != 13 || !chars[0].isLetter || !chars[1...].allSatisfy(\.isASCIIDigit) {
                log.add("1560Q", child: id, field: "FormerUPN", "The former UPN \(former) is not in the expected format (a letter then 12 digits)")
            }
        }
        if let reason = ids.upnUnknown, !CINCodes.upnUnknown.contains(reason) {
            log.addUnnumbered(child: id, field: "UPNunknown", "\"\(reason)\" is not a reason for a missing UPN (UN1 to UN7)")
        }
        if ids.upnUnknown == CINCodes.referralWithNoFurtherAction, child.episodes.contains(where: { !$0.referralNFA }) {
            log.add("8772", child: id, field: "UPNunknown",
                    "The UPN is marked unknown because the referral led to no further action (UN7), but an episode did lead to further action")
        }
        // School age as the DfE reckons it: born on or before 31 August six years before the census year ends.
        let schoolAgeCutoff = Day(year: year.endYear - 6, month: 8, day: 31)!
        let reasonForNoUPN = ids.upnUnknown.flatMap { CINCodes.upnUnknown.contains($0) && $0 != CINCodes.notOfSchoolAge ? $0 : nil }
        if let born = ids.birthDate, born <= schoolAgeCutoff, ids.upn == nil, reasonForNoUPN == nil,
           child.episodes.contains(where: { !$0.referralNFA }) {
            log.add("8770Q", child: id, field: "UPN",
                    "The child is of school age but has no UPN and no reason for it (UN1, not of school age, does not apply)")
        }
    }

    private func checkDates(into log: inout IssueLog) {
        if (ids.birthDate == nil) == (ids.expectedBirthDate == nil) {
            log.add("8525Q", child: id, field: "PersonBirthDate",
                    "Record either a date of birth or, for an unborn child, an expected date of birth (not both)")
        }
        if let born = ids.birthDate, born > referenceDate {
            log.add("8520", child: id, field: "PersonBirthDate", "The date of birth \(born.ukText) is after the end of the census year")
        }
        if let expected = ids.expectedBirthDate,
           expected < referenceDate.adding(days: -30) || expected > referenceDate.adding(months: 9) {
            log.add("8530Q", child: id, field: "ExpectedPersonBirthDate",
                    "The expected date of birth \(expected.ukText) is outside the range expected for this census")
        }
        if let died = ids.deathDate {
            if let born = ids.birthDate, died < born {
                log.add("8535Q", child: id, field: "PersonDeathDate", "The date of death \(died.ukText) is before the date of birth \(born.ukText)")
            } else if ids.birthDate == nil {
                log.add("8535Q", child: id, field: "PersonDeathDate", "A date of death is recorded but there is no date of birth")
            }
            if !year.contains(died) {
                log.add("8545Q", child: id, field: "PersonDeathDate", "The date of death \(died.ukText) is outside the census year")
            }
        }
        if let born = ids.birthDate, born < referenceDate.adding(years: -25) {
            let twentyFifth = born.adding(years: 25)
            for episode in child.episodes where episode.closureDate.map({ $0 > twentyFifth }) ?? true {
                log.add("8775Q", child: id, field: "PersonBirthDate",
                        "The young person is over 25 and the episode from \(episode.referralDate.ukText) runs past their 25th birthday")
            }
        }
    }

    private func checkCharacteristics(into log: inout IssueLog) {
        let traits = child.characteristics
        if !CINCodes.ethnicity.contains(traits.ethnicity) {
            log.add("4220", child: id, field: "Ethnicity", "\"\(traits.ethnicity)\" is not an ethnicity code")
        }
        for code in traits.disabilities where !CINCodes.disability.contains(code) {
            log.add("8540", child: id, field: "Disability", "\"\(code)\" is not a disability code")
        }
        if ids.birthDate != nil, traits.disabilities.isEmpty, child.episodes.contains(where: { !$0.referralNFA }) {
            log.add("8540", child: id, field: "Disability", "Record the child's disabilities, or NONE if they have none")
        }
        if traits.disabilities.contains(CINCodes.noDisability), traits.disabilities.count > 1 {
            log.add("8790", child: id, field: "Disability", "Disability is recorded both as NONE and as specific disabilities")
        }
        if Set(traits.disabilities).count < traits.disabilities.count {
            log.add("8794", child: id, field: "Disability", "The same disability code is recorded more than once")
        }
    }

    /// Rules about how the child's episodes of need sit with each other.
    private func checkEpisodes(into log: inout IssueLog) {
        let openFurtherAction = child.episodes.filter { $0.closureDate == nil && !$0.referralNFA }
        if openFurtherAction.count > 1 {
            log.add("8815", child: id, field: "CINclosureDate",
                    "\(openFurtherAction.count) episodes are open at once; close all but the latest")
        }
        if let latest = child.episodes.map(\.referralDate).max() {
            for episode in openFurtherAction where episode.referralDate < latest {
                log.add("8816", child: id, field: "CINreferralDate",
                        "The episode from \(episode.referralDate.ukText) is still open but is not the latest referral; close it")
            }
        }
        for (i, later) in child.episodes.enumerated() {
            for (j, earlier) in child.episodes.enumerated() where i != j && later.referralDate >= earlier.referralDate {
                let overlaps: Bool
                if let closed = earlier.closureDate {
                    overlaps = later.referralDate < closed
                } else {
                    overlaps = !earlier.referralNFA && later.referralDate < referenceDate
                }
                if overlaps {
                    log.add("8820", child: id, field: "CINreferralDate",
                            "The referral on \(later.referralDate.ukText) falls inside the episode that began \(earlier.referralDate.ukText); episodes must not overlap")
                }
            }
        }
    }

    /// Plans are compared across the whole child, as the DfE rules join on the child alone.
    private func checkPlansAcrossEpisodes(into log: inout IssueLog) {
        let plans = child.episodes.flatMap(\.childProtectionPlans)
        for (i, plan) in plans.enumerated() {
            for (j, other) in plans.enumerated() where i != j && plan.startDate >= other.startDate
                && plan.startDate <= (other.endDate ?? referenceDate) {
                log.add("8940", child: id, field: "CPPstartDate",
                        "The child protection plan starting \(plan.startDate.ukText) overlaps the plan that began \(other.startDate.ukText)")
            }
        }
        let cinPlans = child.episodes.flatMap(\.cinPlans)
        for (i, plan) in cinPlans.enumerated() {
            for (j, other) in cinPlans.enumerated() where i != j && plan.startDate >= other.startDate
                && plan.startDate <= (other.endDate ?? referenceDate) {
                log.add("4014", child: id, field: "CINPlanStartDate",
                        "The child in need plan starting \(plan.startDate.ukText) overlaps the plan that began \(other.startDate.ukText)")
            }
        }
    }
}

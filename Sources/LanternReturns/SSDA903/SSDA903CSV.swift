import LanternCore

/// Writes the SSDA903 return as one CSV per table.
///
/// The DfE (and the validator) recognise each file by its exact header row, so the columns below
/// are the spec's, in its order (shared/domain/returns-spec.md section 2). Dates are dd/mm/yyyy,
/// yes/no items 1/0, blanks empty. Every table is written, header-only when it has no rows;
/// social worker episodes from 2023-24 and deprivation of liberty orders from 2026-27.
public enum SSDA903CSV {
    public static func render(_ input: SSDA903Input) -> [String: String] {
        let children = ChildDetails(input.headers)
        var files = [
            "Header.csv": header(input.headers),
            "Episodes.csv": episodes(input.episodes),
            "Reviews.csv": reviews(input.reviews, children),
            "UASC.csv": uasc(input.uasc, children),
            "OC2.csv": outcomes(input.outcomesAfter12Months, children),
            "OC3.csv": careLeavers(input.careLeavers, children),
            "AD1.csv": adoptions(input.adoptions, children),
            "PlacedAdoption.csv": placedForAdoption(input.placedForAdoption, children),
            "PrevPerm.csv": previousPermanence(input.previousPermanence, children),
            "Missing.csv": missing(input.missing, children),
        ]
        if input.collectionYear.endYear >= firstYearWithSocialWorkers {
            files["SWEpisodes.csv"] = socialWorkers(input.socialWorkerEpisodes, children)
        }
        if input.collectionYear.endYear >= firstYearWithDeprivationOfLiberty {
            files["DoLo.csv"] = deprivationOfLiberty(input.deprivationOfLiberty, children)
        }
        return files
    }

    /// 2023-24 and 2026-27: the years these tables joined the return.
    static let firstYearWithSocialWorkers = 2024
    static let firstYearWithDeprivationOfLiberty = 2027

    /// The date of birth and sex other tables repeat, taken from each child's Header row.
    private struct ChildDetails {
        private let headers: [String: SSDA903Header]

        init(_ rows: [SSDA903Header]) {
            headers = Dictionary(rows.map { ($0.child, $0) }, uniquingKeysWith: { first, _ in first })
        }

        func dob(_ child: String) -> String? { headers[child]?.dateOfBirth.ukText }
        func sex(_ child: String) -> String? { headers[child]?.sex }
    }

    private static func header(_ rows: [SSDA903Header]) -> String {
        var table = CSVTable(columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"])
        for r in rows {
            table.append(["CHILD": r.child, "SEX": r.sex, "DOB": r.dateOfBirth.ukText, "ETHNIC": r.ethnicity, "UPN": r.upn,
                          "MOTHER": flag(r.isMother), "MC_DOB": r.mothersChildBirthDate?.ukText])
        }
        return table.text
    }

    private static func episodes(_ rows: [SSDA903Episode]) -> String {
        var table = CSVTable(columns: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                                       "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"])
        for e in rows {
            table.append(["CHILD": e.child, "DECOM": e.start.ukText, "RNE": e.reasonNewEpisode, "LS": e.legalStatus,
                          "CIN": e.categoryOfNeed, "PLACE": e.placement, "PLACE_PROVIDER": e.placementProvider,
                          "DEC": e.end?.ukText, "REC": e.reasonEnded, "REASON_PLACE_CHANGE": e.reasonPlacementChanged,
                          "HOME_POST": e.homePostcode, "PL_POST": e.placementPostcode, "URN": e.urn])
        }
        return table.text
    }

    private static func reviews(_ rows: [SSDA903Review], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"])
        for r in rows {
            table.append(["CHILD": r.child, "DOB": children.dob(r.child), "REVIEW": r.date.ukText, "REVIEW_CODE": r.participation])
        }
        return table.text
    }

    private static func uasc(_ rows: [SSDA903UASC], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "SEX", "DOB", "DUC"])
        for u in rows {
            table.append(["CHILD": u.child, "SEX": children.sex(u.child), "DOB": children.dob(u.child), "DUC": u.statusCeased?.ukText])
        }
        return table.text
    }

    private static func outcomes(_ rows: [SSDA903OC2], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
                                       "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
                                       "INTERVENTION_OFFERED"])
        for o in rows {
            table.append(["CHILD": o.child, "DOB": children.dob(o.child), "SDQ_SCORE": o.sdqScore.map(String.init),
                          "SDQ_REASON": o.sdqReason, "CONVICTED": flag(o.convicted), "HEALTH_CHECK": flag(o.healthCheck),
                          "IMMUNISATIONS": flag(o.immunisations), "TEETH_CHECK": flag(o.teethCheck),
                          "HEALTH_ASSESSMENT": flag(o.healthAssessment), "SUBSTANCE_MISUSE": flag(o.substanceMisuse),
                          "INTERVENTION_RECEIVED": flag(o.interventionReceived),
                          "INTERVENTION_OFFERED": flag(o.interventionOffered)])
        }
        return table.text
    }

    private static func careLeavers(_ rows: [SSDA903OC3], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"])
        for o in rows {
            table.append(["CHILD": o.child, "DOB": children.dob(o.child), "IN_TOUCH": o.inTouch, "ACTIV": o.activity,
                          "ACCOM": o.accommodation])
        }
        return table.text
    }

    private static func adoptions(_ rows: [SSDA903Adoption], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"])
        for a in rows {
            table.append(["CHILD": a.child, "DOB": children.dob(a.child), "DATE_INT": a.decisionDate.ukText,
                          "DATE_MATCH": a.matchedDate.ukText, "FOSTER_CARE": flag(a.byFosterCarers),
                          "NB_ADOPTR": String(a.numberOfAdopters), "SEX_ADOPTR": a.adoptersSex, "LS_ADOPTR": a.adoptersLegalStatus])
        }
        return table.text
    }

    private static func placedForAdoption(_ rows: [SSDA903PlacedForAdoption], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"])
        for p in rows {
            table.append(["CHILD": p.child, "DOB": children.dob(p.child), "DATE_PLACED": p.decisionDate.ukText,
                          "DATE_PLACED_CEASED": p.reversedDate?.ukText, "REASON_PLACED_CEASED": p.reversedReason])
        }
        return table.text
    }

    private static func previousPermanence(_ rows: [SSDA903PreviousPermanence], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"])
        for p in rows {
            table.append(["CHILD": p.child, "DOB": children.dob(p.child), "PREV_PERM": p.option, "LA_PERM": p.arrangedBy,
                          "DATE_PERM": p.orderDate?.ukText])
        }
        return table.text
    }

    private static func missing(_ rows: [SSDA903Missing], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"])
        for m in rows {
            table.append(["CHILD": m.child, "DOB": children.dob(m.child), "MISSING": m.kind, "MIS_START": m.start.ukText,
                          "MIS_END": m.end?.ukText])
        }
        return table.text
    }

    private static func socialWorkers(_ rows: [SSDA903SocialWorkerEpisode], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"])
        for w in rows {
            table.append(["CHILD": w.child, "DOB": children.dob(w.child), "SW_ID": w.socialWorker, "SW_DECOM": w.start.ukText,
                          "SW_DEC": w.end?.ukText, "SW_REASON": w.reason])
        }
        return table.text
    }

    private static func deprivationOfLiberty(_ rows: [SSDA903DeprivationOfLiberty], _ children: ChildDetails) -> String {
        var table = CSVTable(columns: ["CHILD", "DOB", "DOLO_START", "DOLO_END"])
        for d in rows {
            table.append(["CHILD": d.child, "DOB": children.dob(d.child), "DOLO_START": d.start.ukText, "DOLO_END": d.end?.ukText])
        }
        return table.text
    }

    private static func flag(_ value: Bool?) -> String? { value.map { $0 ? "1" : "0" } }
}

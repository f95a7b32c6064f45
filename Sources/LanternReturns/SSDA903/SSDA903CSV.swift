import LanternCore

/// Writes the SSDA903 return as one CSV per table.
///
/// The DfE (and the validator) recognise each file by its exact header row, so the columns below
/// are the spec's, in its order (shared/domain/returns-spec.md section 2). Dates are dd/mm/yyyy,
/// yes/no items 1/0, blanks empty. Every table is written, header-only when it has no rows;
/// social worker episodes from 2023-24 and deprivation of liberty orders from 2026-27.
public enum SSDA903CSV {
    public static func render(_ input: SSDA903Input) -> [String: String] {
        let birthDates = Dictionary(input.headers.map { ($0.child, $0.dateOfBirth) }, uniquingKeysWith: { first, _ in first })
        let sexes = Dictionary(input.headers.map { ($0.child, $0.sex) }, uniquingKeysWith: { first, _ in first })
        func dob(_ child: String) -> String? { birthDates[child]?.ukText }

        var files: [String: String] = [:]

        var header = CSVTable(columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"])
        for row in input.headers {
            header.append(["CHILD": row.child, "SEX": row.sex, "DOB": row.dateOfBirth.ukText, "ETHNIC": row.ethnicity,
                           "UPN": row.upn, "MOTHER": flag(row.isMother), "MC_DOB": row.mothersChildBirthDate?.ukText])
        }
        files["Header.csv"] = header.text

        var episodes = CSVTable(columns: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                                          "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"])
        for e in input.episodes {
            episodes.append(["CHILD": e.child, "DECOM": e.start.ukText, "RNE": e.reasonNewEpisode, "LS": e.legalStatus,
                             "CIN": e.categoryOfNeed, "PLACE": e.placement, "PLACE_PROVIDER": e.placementProvider,
                             "DEC": e.end?.ukText, "REC": e.reasonEnded, "REASON_PLACE_CHANGE": e.reasonPlacementChanged,
                             "HOME_POST": e.homePostcode, "PL_POST": e.placementPostcode, "URN": e.urn])
        }
        files["Episodes.csv"] = episodes.text

        var reviews = CSVTable(columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"])
        for r in input.reviews {
            reviews.append(["CHILD": r.child, "DOB": dob(r.child), "REVIEW": r.date.ukText, "REVIEW_CODE": r.participation])
        }
        files["Reviews.csv"] = reviews.text

        var uasc = CSVTable(columns: ["CHILD", "SEX", "DOB", "DUC"])
        for u in input.uasc {
            uasc.append(["CHILD": u.child, "SEX": sexes[u.child], "DOB": dob(u.child), "DUC": u.statusCeased?.ukText])
        }
        files["UASC.csv"] = uasc.text

        var oc2 = CSVTable(columns: ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
                                     "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
                                     "INTERVENTION_OFFERED"])
        for o in input.outcomesAfter12Months {
            oc2.append(["CHILD": o.child, "DOB": dob(o.child), "SDQ_SCORE": o.sdqScore.map(String.init),
                        "SDQ_REASON": o.sdqReason, "CONVICTED": flag(o.convicted), "HEALTH_CHECK": flag(o.healthCheck),
                        "IMMUNISATIONS": flag(o.immunisations), "TEETH_CHECK": flag(o.teethCheck),
                        "HEALTH_ASSESSMENT": flag(o.healthAssessment), "SUBSTANCE_MISUSE": flag(o.substanceMisuse),
                        "INTERVENTION_RECEIVED": flag(o.interventionReceived),
                        "INTERVENTION_OFFERED": flag(o.interventionOffered)])
        }
        files["OC2.csv"] = oc2.text

        var oc3 = CSVTable(columns: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"])
        for o in input.careLeavers {
            oc3.append(["CHILD": o.child, "DOB": dob(o.child), "IN_TOUCH": o.inTouch, "ACTIV": o.activity, "ACCOM": o.accommodation])
        }
        files["OC3.csv"] = oc3.text

        var ad1 = CSVTable(columns: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"])
        for a in input.adoptions {
            ad1.append(["CHILD": a.child, "DOB": dob(a.child), "DATE_INT": a.decisionDate.ukText,
                        "DATE_MATCH": a.matchedDate.ukText, "FOSTER_CARE": flag(a.byFosterCarers),
                        "NB_ADOPTR": String(a.numberOfAdopters), "SEX_ADOPTR": a.adoptersSex, "LS_ADOPTR": a.adoptersLegalStatus])
        }
        files["AD1.csv"] = ad1.text

        var placed = CSVTable(columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"])
        for p in input.placedForAdoption {
            placed.append(["CHILD": p.child, "DOB": dob(p.child), "DATE_PLACED": p.decisionDate.ukText,
                           "DATE_PLACED_CEASED": p.reversedDate?.ukText, "REASON_PLACED_CEASED": p.reversedReason])
        }
        files["PlacedAdoption.csv"] = placed.text

        var prevPerm = CSVTable(columns: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"])
        for p in input.previousPermanence {
            prevPerm.append(["CHILD": p.child, "DOB": dob(p.child), "PREV_PERM": p.option, "LA_PERM": p.arrangedBy,
                             "DATE_PERM": p.orderDate?.ukText])
        }
        files["PrevPerm.csv"] = prevPerm.text

        var missing = CSVTable(columns: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"])
        for m in input.missing {
            missing.append(["CHILD": m.child, "DOB": dob(m.child), "MISSING": m.kind, "MIS_START": m.start.ukText,
                            "MIS_END": m.end?.ukText])
        }
        files["Missing.csv"] = missing.text

        if input.collectionYear.endYear >= firstYearWithSocialWorkers {
            var workers = CSVTable(columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"])
            for w in input.socialWorkerEpisodes {
                workers.append(["CHILD": w.child, "DOB": dob(w.child), "SW_ID": w.socialWorker, "SW_DECOM": w.start.ukText,
                                "SW_DEC": w.end?.ukText, "SW_REASON": w.reason])
            }
            files["SWEpisodes.csv"] = workers.text
        }

        if input.collectionYear.endYear >= firstYearWithDeprivationOfLiberty {
            var dolo = CSVTable(columns: ["CHILD", "DOB", "DOLO_START", "DOLO_END"])
            for d in input.deprivationOfLiberty {
                dolo.append(["CHILD": d.child, "DOB": dob(d.child), "DOLO_START": d.start.ukText, "DOLO_END": d.end?.ukText])
            }
            files["DoLo.csv"] = dolo.text
        }
        return files
    }

    /// 2023-24 and 2026-27: the years these tables joined the return.
    static let firstYearWithSocialWorkers = 2024
    static let firstYearWithDeprivationOfLiberty = 2027

    private static func flag(_ value: Bool?) -> String? { value.map { $0 ? "1" : "0" } }
}

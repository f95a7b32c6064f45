/// Writes the plain-English reasons shown beside a proposed match.
struct MatchReasonWriter {
    let query: DisplayNames
    let record: DisplayNames
    let nicknames: NicknameTable

    func reasons(for c: FieldComparison, weights: [(field: MatchField, weight: Double)]) -> [MatchReason] {
        weights.compactMap { part in
            text(for: part.field, c).map { MatchReason(field: part.field, weight: part.weight, text: $0) }
        }
    }

    private func text(for field: MatchField, _ c: FieldComparison) -> String? {
        switch field {
        case .givenName: c.givenName.map { givenText($0, transposed: c.namesTransposed, sibling: c.looksLikeSibling) }
        case .middleName: c.middleName.map(middleText)
        case .familyName: c.familyName.map { familyText($0, transposed: c.namesTransposed) }
        case .names: "First and last names appear to be swapped"
        case .birthDate: c.birthDate.map(birthText)
        case .postcode: c.postcode.map(postcodeText)
        case .address: c.address.map(addressText)
        case .sex: c.sex.map { $0 == .same ? "Sex matches" : "Sex is recorded differently" }
        case .nhsNumber: c.nhsNumber.map { $0 == .same ? "NHS number matches" : "NHS number differs" }
        case .upn: c.upn.map { $0 == .same ? "UPN matches" : "UPN differs" }
        case .household: c.household.map { _ in "Linked to the same family member or household" }
        }
    }

    private func givenText(_ level: GivenNameLevel, transposed: Bool, sibling: Bool) -> String {
        let q = quoted(transposed ? query.family : query.given), r = quoted(record.given)
        switch level {
        case .exact: return "First name matches (\(r))"
        case .nickname: return "First name \(q) is a nickname of \(r)"
        case .typo: return "First name \(q) is a likely misspelling of \(r)"
        case .nicknameSlip: return "First name \(q) looks like a misspelt nickname of \(r)"
        case .phonetic: return "First name \(q) sounds like \(r)"
        case .otherName: return "First name \(q) matches a middle name or alias of \(r)"
        case .similar: return "First names \(q) and \(r) are similar"
        case .initial: return "Only the first initials of \(q) and \(r) agree"
        case .different:
            return sibling
                ? "First names differ (\(q) and \(r)) while the family agrees: could be a sibling or twin"
                : "First names differ (\(q) and \(r))"
        }
    }

    private func middleText(_ level: MiddleNameLevel) -> String {
        switch level {
        case .exact: "Middle name matches"
        case .typo: "Middle name is a likely misspelling of the recorded one"
        case .initial: "Only the initial of the middle name agrees"
        case .different: "Middle names differ"
        }
    }

    private func familyText(_ level: FamilyNameLevel, transposed: Bool) -> String {
        let q = quoted(transposed ? query.given : query.family), r = quoted(record.family)
        switch level {
        case .exact: return "Last name matches (\(r))"
        case .typo: return "Last name \(q) is a likely misspelling of \(r)"
        case .phonetic: return "Last name \(q) sounds like \(r)"
        case .otherName: return "Last name \(q) matches part of, or a previous name of, \(r)"
        case .similar: return "Last names \(q) and \(r) are similar"
        case .different: return "Last names differ (\(q) and \(r))"
        }
    }

    private func birthText(_ level: BirthDateLevel) -> String {
        switch level {
        case .exact: "Date of birth matches exactly"
        case .dayMonthSwapped: "Day and month of birth swapped"
        case .oneDayApart: "Dates of birth are one day apart"
        case .oneFieldDiffers: "Date of birth differs only in the day, month or year by a slip"
        case .nearExpectedDate: "Date of birth is close to the expected date of delivery"
        case .different: "Dates of birth differ"
        }
    }

    private func postcodeText(_ level: PostcodeLevel) -> String {
        switch level {
        case .full: "Postcode matches"
        case .sector: "Postcode is in the same sector (a nearby street)"
        case .district: "Postcode is in the same district"
        case .different: "Postcodes differ"
        }
    }

    private func addressText(_ level: AddressLevel) -> String {
        switch level {
        case .exact: "Address matches"
        case .similar: "Address is similar"
        case .different: "Addresses differ"
        }
    }

    private func quoted(_ name: String?) -> String { "'\(name ?? "")'" }
}

/// Unique Pupil Number format rules, shared by the CIN census (rules 1510-1560Q) and the SSDA903 (168).
///
/// Source: DfE "Unique Pupil Numbers (UPN): a guide for schools and local authorities" v1.2.
/// A UPN is 13 characters: a check letter, the 3-digit LA number that issued it, 8 more digits, and
/// a final digit or (for a temporary UPN) a letter.
enum UniquePupilNumber {
    /// The 23 letters a check letter may be (no I, O or S), in the order of their values 0..22.
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    enum Problem: Equatable {
        case wrongLength
        case checkLetter         // 1510
        case unknownLA           // 1530
        case nonNumericBody      // 1540
        case invalidLastCharacter // 1550
    }

    /// Every problem with `upn`; empty when it is a well-formed UPN.
    static func problems(_ upn: String) -> [Problem] {
        let chars = Array(upn)
        guard chars.count == 13 else { return [.wrongLength] }
        var found: [Problem] = []
        if !issuingAuthorities.contains(String(chars[1...3])) { found.append(.unknownLA) }
        if !chars[1...11].allSatisfy(\.isASCIIDigit) { found.append(.nonNumericBody) }
        let last = chars[12]
        if !(last.isASCIIDigit || checkLetters.contains(last)) { found.append(.invalidLastCharacter) }
        if found.isEmpty, chars[0] != checkLetter(for: chars[1...]) { found.append(.checkLetter) }
        return found
    }

    /// Weight characters 2..13 by 2..13, sum modulo 23. A letter in position 13 (temporary UPN)
    /// takes its value from the same 23-letter table.
    static func checkLetter(for body: ArraySlice<Character>) -> Character {
        var sum = 0
        for (offset, ch) in body.enumerated() {
            let value = ch.wholeNumberValue ?? checkLetters.firstIndex(of: ch) ?? 0
            sum += value * (offset + 2)
        }
        return checkLetters[sum % 23]
    }

    /// The DfE's list of post-April-1998 LA codes and pseudo-LA codes that may issue UPNs (rule 1530).
    static let issuingAuthorities: Set<String> = {
        var codes: [Int] = []
        for range in [1...5, 201...213, 301...320, 330...336, 340...344, 350...359, 370...373, 380...384,
                      390...394, 660...681, 701...708, 800...803, 805...808, 810...813, 820...823, 835...839,
                      850...852, 855...857, 865...896, 935...938, 940...941] {
            codes.append(contentsOf: range)
        }
        codes += [420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916, 919,
                  921, 925, 926, 928, 929, 931, 933, 942, 943]
        return Set(codes.map { $0 < 10 ? "00\($0)" : String($0) })
    }()
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

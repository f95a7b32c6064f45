/// Lawrence Philips' Double Metaphone: a primary and an alternate phonetic code for a name.
///
/// Chosen over Soundex and NYSIIS because a council's records mix English, Irish, South Asian,
/// African, Caribbean and Eastern European names, and Double Metaphone's rules cover silent
/// letters (Knight, Wright), Slavic and Germanic spellings (Wojcik, Schmidt) and Irish and
/// Gaelic forms well enough to put "Mohammed" and "Muhammad", "Caitlin" and "Katelyn" or
/// "Philip" and "Phillip" on the same code. Two names sound alike when any of their codes agree.
public struct DoubleMetaphone: Hashable, Sendable {
    public let primary: String
    public let alternate: String

    /// Codes `name` (any case; letters outside A–Z other than Ç and Ñ are ignored).
    public init(_ name: String) {
        var encoder = Encoder(name)
        encoder.run()
        primary = String(decoding: encoder.primary, as: UTF8.self)
        alternate = String(decoding: encoder.alternate, as: UTF8.self)
    }

    public func soundsLike(_ other: DoubleMetaphone) -> Bool {
        guard !primary.isEmpty, !other.primary.isEmpty else { return false }
        return primary == other.primary || primary == other.alternate
            || alternate == other.primary || alternate == other.alternate
    }
}

private struct Encoder {
    // Upper-case letters; Ç and Ñ are kept as single marker bytes so that index arithmetic stays
    // one byte per letter.
    static let cedilla: UInt8 = 1, enye: UInt8 = 2
    let word: [UInt8]
    let isSlavoGermanic: Bool
    var primary: [UInt8] = []
    var alternate: [UInt8] = []

    init(_ name: String) {
        var bytes: [UInt8] = []
        for scalar in name.uppercased().unicodeScalars {
            switch scalar {
            case "A"..."Z", " ": bytes.append(UInt8(scalar.value))
            case "Ç": bytes.append(Encoder.cedilla)
            case "Ñ": bytes.append(Encoder.enye)
            default: continue
            }
        }
        word = bytes
        isSlavoGermanic = Encoder.contains(bytes, "W") || Encoder.contains(bytes, "K")
            || Encoder.contains(bytes, "CZ") || Encoder.contains(bytes, "WITZ")
    }

    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        let n = Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
        guard bytes.count >= n.count else { return false }
        for start in 0...(bytes.count - n.count) where bytes[start..<(start + n.count)].elementsEqual(n) { return true }
        return false
    }

    private var last: Int { word.count - 1 }

    private func at(_ i: Int) -> UInt8 { i >= 0 && i < word.count ? word[i] : 0 }

    private func isVowel(_ i: Int) -> Bool {
        switch at(i) {
        case UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "U"), UInt8(ascii: "Y"): true
        default: false
        }
    }

    /// Whether the `length` letters from `start` spell any of `options`.
    private func matches(_ start: Int, _ length: Int, _ options: String...) -> Bool {
        guard start >= 0, start + length <= word.count else { return false }
        let slice = word[start..<(start + length)]
        return options.contains { $0.utf8.count == length && slice.elementsEqual($0.utf8) }
    }

    private func isOneOf(_ i: Int, _ letters: String) -> Bool {
        let c = at(i)
        return c != 0 && letters.utf8.contains(c)
    }

    private mutating func add(_ both: String) { add(both, both) }

    private mutating func add(_ main: String, _ alt: String) {
        primary.append(contentsOf: main.utf8)
        alternate.append(contentsOf: alt.utf8)
    }

    private mutating func addAlternateOnly(_ alt: String) { alternate.append(contentsOf: alt.utf8) }

    mutating func run() {
        guard !word.isEmpty else { return }
        var i = matches(0, 2, "GN", "KN", "PN", "WR", "PS") ? 1 : 0
        if at(0) == UInt8(ascii: "X") { add("S"); i = 1 }
        while i < word.count {
            switch at(i) {
            case UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "U"), UInt8(ascii: "Y"):
                if i == 0 { add("A") }
                i += 1
            case UInt8(ascii: "B"):
                add("P"); i += at(i + 1) == UInt8(ascii: "B") ? 2 : 1
            case Encoder.cedilla:
                add("S"); i += 1
            case UInt8(ascii: "C"): i = c(i)
            case UInt8(ascii: "D"): i = d(i)
            case UInt8(ascii: "F"):
                add("F"); i += at(i + 1) == UInt8(ascii: "F") ? 2 : 1
            case UInt8(ascii: "G"): i = g(i)
            case UInt8(ascii: "H"):
                if (i == 0 || isVowel(i - 1)) && isVowel(i + 1) { add("H"); i += 2 } else { i += 1 }
            case UInt8(ascii: "J"): i = j(i)
            case UInt8(ascii: "K"):
                add("K"); i += at(i + 1) == UInt8(ascii: "K") ? 2 : 1
            case UInt8(ascii: "L"): i = l(i)
            case UInt8(ascii: "M"):
                add("M")
                let silentB = matches(i - 1, 3, "UMB") && (i + 1 == last || matches(i + 2, 2, "ER"))
                i += at(i + 1) == UInt8(ascii: "M") || silentB ? 2 : 1
            case UInt8(ascii: "N"):
                add("N"); i += at(i + 1) == UInt8(ascii: "N") ? 2 : 1
            case Encoder.enye:
                add("N"); i += 1
            case UInt8(ascii: "P"):
                if at(i + 1) == UInt8(ascii: "H") { add("F"); i += 2 } else {
                    add("P"); i += isOneOf(i + 1, "PB") ? 2 : 1
                }
            case UInt8(ascii: "Q"):
                add("K"); i += at(i + 1) == UInt8(ascii: "Q") ? 2 : 1
            case UInt8(ascii: "R"): i = r(i)
            case UInt8(ascii: "S"): i = s(i)
            case UInt8(ascii: "T"): i = t(i)
            case UInt8(ascii: "V"):
                add("F"); i += at(i + 1) == UInt8(ascii: "V") ? 2 : 1
            case UInt8(ascii: "W"): i = w(i)
            case UInt8(ascii: "X"): i = x(i)
            case UInt8(ascii: "Z"): i = z(i)
            default: i += 1
            }
        }
    }

    private var hasGermanicStart: Bool { matches(0, 4, "VAN ", "VON ") || matches(0, 3, "SCH") }

    private mutating func c(_ i: Int) -> Int {
        if isGermanicCH(i) { add("K"); return i + 2 }
        if i == 0 && matches(i, 6, "CAESAR") { add("S"); return i + 2 }
        if matches(i, 2, "CH") { return ch(i) }
        if matches(i, 2, "CZ") && !matches(i - 2, 4, "WICZ") { add("S", "X"); return i + 2 }
        if matches(i + 1, 3, "CIA") { add("X"); return i + 3 }
        if matches(i, 2, "CC") && !(i == 1 && at(0) == UInt8(ascii: "M")) { return cc(i) }
        if matches(i, 2, "CK", "CG", "CQ") { add("K"); return i + 2 }
        if matches(i, 2, "CI", "CE", "CY") {
            if matches(i, 3, "CIO", "CIE", "CIA") { add("S", "X") } else { add("S") }
            return i + 2
        }
        add("K")
        if matches(i + 1, 2, " C", " Q", " G") { return i + 3 }
        if isOneOf(i + 1, "CKQ") && !matches(i + 1, 2, "CE", "CI") { return i + 2 }
        return i + 1
    }

    /// "-ACH-" as in Bacher or Macher (but not Bachelor's "ACHI"), and "CHIA" as in Chianti.
    private func isGermanicCH(_ i: Int) -> Bool {
        if matches(i, 4, "CHIA") { return true }
        if i <= 1 || isVowel(i - 2) || !matches(i - 1, 3, "ACH") { return false }
        let next = at(i + 2)
        return (next != UInt8(ascii: "I") && next != UInt8(ascii: "E")) || matches(i - 2, 6, "BACHER", "MACHER")
    }

    private mutating func ch(_ i: Int) -> Int {
        if i > 0 && matches(i, 4, "CHAE") { add("K", "X"); return i + 2 }
        let greekStart = i == 0 && (matches(i + 1, 5, "HARAC", "HARIS") || matches(i + 1, 3, "HOR", "HYM", "HIA", "HEM"))
            && !matches(0, 5, "CHORE")
        if greekStart { add("K"); return i + 2 }
        let hardCH = hasGermanicStart || matches(i - 2, 6, "ORCHES", "ARCHIT", "ORCHID") || isOneOf(i + 2, "TS")
            || ((isOneOf(i - 1, "AOUE") || i == 0) && (isOneOf(i + 2, "LRNMBHFVW ") || i + 1 == last))
        if hardCH { add("K"); return i + 2 }
        if i > 0 {
            if matches(0, 2, "MC") { add("K") } else { add("X", "K") }
        } else {
            add("X")
        }
        return i + 2
    }

    private mutating func cc(_ i: Int) -> Int {
        if isOneOf(i + 2, "IEH") && !matches(i + 2, 2, "HU") {
            if (i == 1 && at(0) == UInt8(ascii: "A")) || matches(i - 1, 5, "UCCEE", "UCCES") { add("KS") } else { add("X") }
            return i + 3
        }
        add("K")
        return i + 2
    }

    private mutating func d(_ i: Int) -> Int {
        if matches(i, 2, "DG") {
            if isOneOf(i + 2, "IEY") { add("J"); return i + 3 }
            add("TK"); return i + 2
        }
        add("T")
        return matches(i, 2, "DT", "DD") ? i + 2 : i + 1
    }

    private mutating func g(_ i: Int) -> Int {
        let next = at(i + 1)
        if next == UInt8(ascii: "H") { return gh(i) }
        if next == UInt8(ascii: "N") {
            if i == 1 && isVowel(0) && !isSlavoGermanic {
                add("KN", "N")
            } else if !matches(i + 2, 2, "EY") && next != UInt8(ascii: "Y") && !isSlavoGermanic {
                add("N", "KN")
            } else {
                add("KN")
            }
            return i + 2
        }
        if matches(i + 1, 2, "LI") && !isSlavoGermanic { add("KL", "L"); return i + 2 }
        if i == 0 && (next == UInt8(ascii: "Y")
            || matches(i + 1, 2, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")) {
            add("K", "J"); return i + 2
        }
        if (matches(i + 1, 2, "ER") || next == UInt8(ascii: "Y")) && !matches(0, 6, "DANGER", "RANGER", "MANGER")
            && !isOneOf(i - 1, "EI") && !matches(i - 1, 3, "RGY", "OGY") {
            add("K", "J"); return i + 2
        }
        if isOneOf(i + 1, "EIY") || matches(i - 1, 4, "AGGI", "OGGI") {
            if hasGermanicStart || matches(i + 1, 2, "ET") {
                add("K")
            } else if matches(i + 1, 3, "IER") {
                add("J")
            } else {
                add("J", "K")
            }
            return i + 2
        }
        add("K")
        return next == UInt8(ascii: "G") ? i + 2 : i + 1
    }

    private mutating func gh(_ i: Int) -> Int {
        if i > 0 && !isVowel(i - 1) { add("K"); return i + 2 }
        if i == 0 {
            add(at(i + 2) == UInt8(ascii: "I") ? "J" : "K")
            return i + 2
        }
        // Silent as in Hugh, bough, broughton.
        if (i > 1 && isOneOf(i - 2, "BHD")) || (i > 2 && isOneOf(i - 3, "BHD")) || (i > 3 && isOneOf(i - 4, "BH")) {
            return i + 2
        }
        if i > 2 && at(i - 1) == UInt8(ascii: "U") && isOneOf(i - 3, "CGLRT") {
            add("F")  // laugh, cough, rough
        } else if i > 0 && at(i - 1) != UInt8(ascii: "I") {
            add("K")
        }
        return i + 2
    }

    private mutating func j(_ i: Int) -> Int {
        if matches(i, 4, "JOSE") || matches(0, 4, "SAN ") {
            if (i == 0 && at(i + 4) == UInt8(ascii: " ")) || word.count == 4 || matches(0, 4, "SAN ") {
                add("H")
            } else {
                add("J", "H")
            }
            return i + 1
        }
        if i == 0 {
            add("J", "A")
        } else if isVowel(i - 1) && !isSlavoGermanic && isOneOf(i + 1, "AO") {
            add("J", "H")
        } else if i == last {
            add("J", "")
        } else if !isOneOf(i + 1, "LTKSNMBZ") && !isOneOf(i - 1, "SKL") {
            add("J")
        }
        return at(i + 1) == UInt8(ascii: "J") ? i + 2 : i + 1
    }

    private mutating func l(_ i: Int) -> Int {
        guard at(i + 1) == UInt8(ascii: "L") else { add("L"); return i + 1 }
        // Spanish "-llo", "-lla" and "-alle": the alternate drops the L sound.
        let spanish = (i == word.count - 3 && matches(i - 1, 4, "ILLO", "ILLA", "ALLE"))
            || ((matches(last - 1, 2, "AS", "OS") || isOneOf(last, "AO")) && matches(i - 1, 4, "ALLE"))
        if spanish { add("L", "") } else { add("L") }
        return i + 2
    }

    private mutating func r(_ i: Int) -> Int {
        // French final "-ier" is silent in the primary (Rogier).
        if i == last && !isSlavoGermanic && matches(i - 2, 2, "IE") && !matches(i - 4, 2, "ME", "MA") {
            addAlternateOnly("R")
        } else {
            add("R")
        }
        return at(i + 1) == UInt8(ascii: "R") ? i + 2 : i + 1
    }

    private mutating func s(_ i: Int) -> Int {
        if matches(i - 1, 3, "ISL", "YSL") { return i + 1 }  // island, Carlisle
        if i == 0 && matches(i, 5, "SUGAR") { add("X", "S"); return i + 1 }
        if matches(i, 2, "SH") {
            add(matches(i + 1, 4, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X")
            return i + 2
        }
        if matches(i, 3, "SIO", "SIA") || matches(i, 4, "SIAN") {
            if isSlavoGermanic { add("S") } else { add("S", "X") }
            return i + 3
        }
        if (i == 0 && isOneOf(i + 1, "MNLW")) || at(i + 1) == UInt8(ascii: "Z") {
            add("S", "X")
            return at(i + 1) == UInt8(ascii: "Z") ? i + 2 : i + 1
        }
        if matches(i, 2, "SC") { return sc(i) }
        if i == last && matches(i - 2, 2, "AI", "OI") { addAlternateOnly("S") } else { add("S") }
        return isOneOf(i + 1, "SZ") ? i + 2 : i + 1
    }

    private mutating func sc(_ i: Int) -> Int {
        if at(i + 2) == UInt8(ascii: "H") {
            if matches(i + 3, 2, "OO", "ER", "EN", "UY", "ED", "EM") {
                if matches(i + 3, 2, "ER", "EN") { add("X", "SK") } else { add("SK") }
            } else if i == 0 && !isVowel(3) && at(3) != UInt8(ascii: "W") {
                add("X", "S")
            } else {
                add("X")
            }
        } else if isOneOf(i + 2, "IEY") {
            add("S")
        } else {
            add("SK")
        }
        return i + 3
    }

    private mutating func t(_ i: Int) -> Int {
        if matches(i, 4, "TION") { add("X"); return i + 3 }
        if matches(i, 3, "TIA", "TCH") { add("X"); return i + 3 }
        if matches(i, 2, "TH") || matches(i, 3, "TTH") {
            if matches(i + 2, 2, "OM", "AM") || hasGermanicStart { add("T") } else { add("0", "T") }
            return i + 2
        }
        add("T")
        return isOneOf(i + 1, "TD") ? i + 2 : i + 1
    }

    private mutating func w(_ i: Int) -> Int {
        if matches(i, 2, "WR") { add("R"); return i + 2 }
        if i == 0 && (isVowel(i + 1) || matches(i, 2, "WH")) {
            if isVowel(i + 1) { add("A", "F") } else { add("A") }
            return i + 1
        }
        if (i == last && isVowel(i - 1)) || matches(i - 1, 5, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || matches(0, 3, "SCH") {
            addAlternateOnly("F")
            return i + 1
        }
        if matches(i, 4, "WICZ", "WITZ") { add("TS", "FX"); return i + 4 }
        return i + 1
    }

    private mutating func x(_ i: Int) -> Int {
        // French final "-eaux", "-oux" is silent.
        let silentFrench = i == last && (matches(i - 3, 3, "IAU", "EAU") || matches(i - 2, 2, "AU", "OU"))
        if !silentFrench { add("KS") }
        return isOneOf(i + 1, "CX") ? i + 2 : i + 1
    }

    private mutating func z(_ i: Int) -> Int {
        if at(i + 1) == UInt8(ascii: "H") { add("J"); return i + 2 }
        if matches(i + 1, 2, "ZO", "ZI", "ZA") || (isSlavoGermanic && i > 0 && at(i - 1) != UInt8(ascii: "T")) {
            add("S", "TS")
        } else {
            add("S")
        }
        return at(i + 1) == UInt8(ascii: "Z") ? i + 2 : i + 1
    }
}

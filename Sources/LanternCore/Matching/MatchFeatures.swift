import Foundation

/// A normalised name (or address) held inline in 24 bytes, so that a million indexed people need
/// no heap allocation per name and the scorer can hand bytes straight to Jaro-Winkler. Longer
/// text keeps its first 24 bytes, which is plenty to rank names.
struct PackedText: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let count: UInt8
    static let capacity = 24

    init(_ text: String) {
        var bytes = Array(text.utf8.prefix(PackedText.capacity))
        count = UInt8(bytes.count)
        bytes.append(contentsOf: repeatElement(0, count: PackedText.capacity - bytes.count))
        withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: bytes) }
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = words
        return withUnsafeBytes(of: &copy) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: Int(count)))
        }
    }

    var first: UInt8 { withBytes { $0.first ?? 0 } }
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    static func == (a: PackedText, b: PackedText) -> Bool {
        a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0); hasher.combine(words.1); hasher.combine(words.2); hasher.combine(count)
    }
}

/// Double Metaphone codes packed five bits a character (twelve characters at most), so that
/// "sounds like" is two integer comparisons.
struct PhoneticCode: Hashable, Sendable {
    let primary: UInt64
    let alternate: UInt64

    init(_ name: String) {
        let codes = DoubleMetaphone(name)
        primary = PhoneticCode.pack(codes.primary)
        alternate = codes.alternate.isEmpty ? primary : PhoneticCode.pack(codes.alternate)
    }

    func soundsLike(_ other: PhoneticCode) -> Bool {
        guard primary != 0, other.primary != 0 else { return false }
        return primary == other.primary || primary == other.alternate || alternate == other.primary
            || alternate == other.alternate
    }

    private static func pack(_ code: String) -> UInt64 {
        var packed: UInt64 = 0
        for byte in code.utf8.prefix(12) {
            let value: UInt64 = byte == UInt8(ascii: "0") ? 27 : UInt64(byte &- UInt8(ascii: "A") &+ 1) & 31
            packed = packed << 5 | value
        }
        return packed
    }
}

/// One normalised name with everything the scorer asks of it precomputed.
struct NameFeature: Sendable {
    let text: PackedText
    let phonetic: PhoneticCode
    /// The name's entry in the nickname table, or nil when it has no known nicknames.
    let nickname: NicknameTable.Entry?

    init(normalised: String, nicknames: NicknameTable) {
        text = PackedText(normalised)
        phonetic = PhoneticCode(normalised)
        nickname = nicknames.entry(for: normalised)
    }
}

/// A UK postcode split into the parts that agree at decreasing precision: the full unit (B12 9QD),
/// the sector (B12 9) and the district (B12). Anything not shaped like a postcode keeps only the
/// full text, so it can still agree exactly.
struct PostcodeKey: Hashable, Sendable {
    let full: UInt64
    let sector: UInt64
    let district: UInt64

    init?(_ postcode: String) {
        let compact = postcode.uppercased().utf8.filter { $0 != UInt8(ascii: " ") }
        guard !compact.isEmpty else { return nil }
        full = StableHash.of(compact)
        let inwardShape = compact.count >= 5 && compact.count <= 7
            && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(compact[compact.count - 3])
        if inwardShape {
            let outward = compact.prefix(compact.count - 3)
            district = StableHash.of(outward)
            sector = StableHash.of(compact.prefix(compact.count - 2))
        } else {
            district = 0
            sector = 0
        }
    }
}

/// FNV-1a: a hash that is the same in every process, so block keys and identifiers hash alike
/// however the index was built (Swift's `Hasher` is seeded per process).
enum StableHash {
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash == 0 ? 1 : hash
    }

    static func of(_ text: String) -> UInt64 { of(text.utf8) }

    /// Mixes a block kind and up to two values into one key (SplitMix64's finaliser).
    static func combine(_ kind: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        var x = kind &* 0x9E37_79B9_7F4A_7C15 ^ a
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x ^= b &+ 0x94D0_49BB_1331_11EB
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}

/// Everything the scorer compares, derived once from a record or a query.
struct PersonFeatures: Sendable {
    var given: NameFeature?
    /// Middle names first, then alias first names and the parts of a first name with several parts.
    var otherGiven: [NameFeature] = []
    /// How many of `otherGiven` are middle names: a count rather than an array of their own, so a
    /// million indexed people carry no extra allocation and scoring no extra reference counting.
    var middleCount: UInt8 = 0
    var middle: ArraySlice<NameFeature> { otherGiven.prefix(Int(middleCount)) }
    var family: NameFeature?
    /// Parts of a double-barrelled family name and previous or alias family names.
    var otherFamily: [NameFeature] = []
    /// Day ordinals; `Int32.min` when unknown.
    var birth: Int32 = .min
    var expectedBirth: Int32 = .min
    /// A stable hash of the sex code; 0 when unknown.
    var sex: UInt64 = 0
    var postcode: PostcodeKey?
    var address: PackedText?
    var nhsNumber: UInt64 = 0
    var upn: UInt64 = 0
    var linked: [UUID] = []
    /// For a query only: nickname-table entries a slip away from the first name as typed.
    var givenSlipEntries: [NicknameTable.Entry] = []

    static let unknownDay = Int32.min

    init(givenName: String?, otherNames: [String], familyName: String?, aliases: [PersonName],
         dateOfBirth: Day?, expectedDateOfBirth: Day?, sex: String?, postcode: String?,
         addressLine: String?, nhsNumber: String?, upn: String?, linked: [UUID], nicknames: NicknameTable) {
        func feature(_ text: String) -> NameFeature { NameFeature(normalised: text, nicknames: nicknames) }
        let middleParts = PersonFeatures.unique(otherNames.flatMap(NameNormaliser.parts(of:)))
        var otherGiven = middleParts, otherFamily: [String] = []
        if let givenName {
            let parts = NameNormaliser.parts(of: givenName)
            if !parts.isEmpty { given = feature(parts.joined()) }
            if parts.count > 1 { otherGiven += parts }
        }
        if let familyName {
            let parts = NameNormaliser.parts(of: familyName)
            if !parts.isEmpty { family = feature(parts.joined()) }
            if parts.count > 1 { otherFamily += parts }
        }
        for alias in aliases {
            if let g = alias.given {
                let parts = NameNormaliser.parts(of: g)
                otherGiven += parts.count > 1 ? parts + [parts.joined()] : parts
            }
            if let f = alias.family {
                let parts = NameNormaliser.parts(of: f)
                otherFamily += parts.count > 1 ? parts + [parts.joined()] : parts
            }
        }
        self.otherGiven = PersonFeatures.unique(otherGiven).map(feature)
        middleCount = UInt8(clamping: middleParts.count)
        self.otherFamily = PersonFeatures.unique(otherFamily).map(feature)
        birth = dateOfBirth.map { Int32(clamping: $0.ordinal) } ?? PersonFeatures.unknownDay
        expectedBirth = expectedDateOfBirth.map { Int32(clamping: $0.ordinal) } ?? PersonFeatures.unknownDay
        self.sex = PersonFeatures.sexKey(sex)
        self.postcode = postcode.flatMap(PostcodeKey.init)
        self.address = addressLine.flatMap(AddressNormaliser.normalised).map(PackedText.init)
        self.nhsNumber = PersonFeatures.identifierKey(nhsNumber)
        self.upn = PersonFeatures.identifierKey(upn)
        self.linked = linked
    }

    init(_ record: PersonRecord, nicknames: NicknameTable) {
        self.init(givenName: record.givenName, otherNames: record.otherNames, familyName: record.familyName,
                  aliases: record.aliases, dateOfBirth: record.dateOfBirth,
                  expectedDateOfBirth: record.expectedDateOfBirth, sex: record.sex, postcode: record.postcode,
                  addressLine: record.addressLine, nhsNumber: record.nhsNumber, upn: record.upn,
                  linked: record.linkedPersonIDs, nicknames: nicknames)
    }

    init(_ query: MatchQuery, nicknames: NicknameTable) {
        self.init(givenName: query.givenName, otherNames: query.otherNames, familyName: query.familyName,
                  aliases: query.aliases, dateOfBirth: query.dateOfBirth,
                  expectedDateOfBirth: query.expectedDateOfBirth, sex: query.sex, postcode: query.postcode,
                  addressLine: query.addressLine, nhsNumber: query.nhsNumber, upn: query.upn,
                  linked: query.linkedPersonIDs, nicknames: nicknames)
        if let given, given.nickname == nil { givenSlipEntries = nicknames.entries(aSlipFrom: given.text.string) }
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// Codes that mean "not known" must not agree with each other.
    private static func sexKey(_ code: String?) -> UInt64 {
        guard let code else { return 0 }
        let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard !["", "U", "9", "0", "UNKNOWN", "NOT KNOWN", "NOT STATED"].contains(trimmed) else { return 0 }
        return StableHash.of(trimmed)
    }

    private static func identifierKey(_ value: String?) -> UInt64 {
        guard let value else { return 0 }
        let compact = value.uppercased().utf8.filter { $0 != UInt8(ascii: " ") }
        return compact.isEmpty ? 0 : StableHash.of(compact)
    }
}

/// Reduces an address line to lower-case letters and digits with common abbreviations spelt
/// out, so "12 Oak Rd." and "12 oak road" agree.
enum AddressNormaliser {
    static func normalised(_ line: String) -> String? {
        let words = line.lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { expansions[String($0)] ?? String($0) }
        let joined = words.joined()
        return joined.isEmpty ? nil : String(joined.unicodeScalars.filter(\.isASCII).map(Character.init))
    }

    private static let expansions: [String: String] = [
        "rd": "road", "st": "street", "ave": "avenue", "av": "avenue", "ln": "lane", "cl": "close",
        "dr": "drive", "cres": "crescent", "cresc": "crescent", "ct": "court", "gdns": "gardens",
        "gr": "grove", "gro": "grove", "pl": "place", "sq": "square", "ter": "terrace", "terr": "terrace",
        "hse": "house", "ho": "house",
    ]
}

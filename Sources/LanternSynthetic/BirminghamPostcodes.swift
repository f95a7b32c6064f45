/// Postcodes for synthetic people: the real outward codes of the Birmingham (B) postcode area,
/// each with a fixed set of plausible inward codes. Only postcodes, never addresses, so nothing
/// here points at a household.
public enum BirminghamPostcodes {
    /// The B districts in use (B22, B39, B41, B51–B59 and B81–B89 are not).
    public static let districts: [String] = {
        let numbers = Array(1...21) + Array(23...38) + [40] + Array(42...50) + Array(60...80) + Array(90...98)
        return numbers.map { "B\($0)" }
    }()

    /// Letters allowed in the last two places of a UK postcode.
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// About 24,000 postcodes: six sectors in each district and 48 units in each sector, chosen
    /// by a fixed rule so the list is the same everywhere. At a million synthetic people that is
    /// roughly ten families to a postcode, as crowded as a real inner-city street.
    public static let all: [String] = {
        var codes: [String] = []
        for (d, district) in districts.enumerated() {
            for s in 0..<6 {
                let sector = (d * 7 + s * 3) % 10
                // 37 is coprime to the 400 letter pairs, so the 48 units of a sector are distinct.
                for u in 0..<48 {
                    let pair = (u * 37 + d * 11 + s * 5) % (inwardLetters.count * inwardLetters.count)
                    let first = inwardLetters[pair / inwardLetters.count]
                    let second = inwardLetters[pair % inwardLetters.count]
                    codes.append("\(district)\(sector)\(first)\(second)")
                }
            }
        }
        return Array(Set(codes)).sorted()
    }()

    /// Formats a compact postcode with its usual space ("B129QD" → "B12 9QD").
    public static func spaced(_ compact: String) -> String {
        guard compact.count > 3 else { return compact }
        return String(compact.dropLast(3)) + " " + String(compact.suffix(3))
    }
}

/// Edit-based similarity between two strings, computed on their UTF-8 bytes.
///
/// Matching only ever compares normalised names (ASCII `a`–`z`), so working on bytes is exact
/// and avoids grapheme-cluster walking in the innermost loop of every query.
public enum StringSimilarity {
    /// Jaro-Winkler similarity in 0...1 (1 = identical), with the usual prefix scale of 0.1 over
    /// at most four characters. It rewards a shared start, which suits names: people mistype the
    /// end of a name far more often than its first letters.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        withBytes(a, b) { jaroWinkler($0, $1) }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// adjacent characters each cost 1 ("Jonh" is one edit from "John", not two).
    public static func optimalStringAlignmentDistance(_ a: String, _ b: String) -> Int {
        withBytes(a, b) { optimalStringAlignmentDistance($0, $1) }
    }

    static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let jaro = jaro(a, b)
        guard jaro > 0.7 else { return jaro }
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    static func jaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        // Names are short; 64 bits of "already matched" flags per side covers them, and a longer
        // string is compared on its first 64 characters, which is plenty to rank names.
        let aCount = min(a.count, 64), bCount = min(b.count, 64)
        let window = max(0, max(aCount, bCount) / 2 - 1)
        var aMatched: UInt64 = 0, bMatched: UInt64 = 0
        var matches = 0
        for i in 0..<aCount {
            let lo = max(0, i - window), hi = min(bCount - 1, i + window)
            guard lo <= hi else { continue }
            for j in lo...hi where bMatched & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                aMatched |= 1 << UInt64(i)
                bMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in 0..<aCount where aMatched & (1 << UInt64(i)) != 0 {
            while bMatched & (1 << UInt64(j)) == 0 { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        return (m / Double(aCount) + m / Double(bCount) + (m - Double(transpositions / 2)) / m) / 3
    }

    static func optimalStringAlignmentDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rolling rows: the swap rule looks two rows back.
        var twoBack = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }

    private static func withBytes<R>(_ a: String, _ b: String,
                                     _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let aBytes = Array(a.utf8), bBytes = Array(b.utf8)
        return aBytes.withUnsafeBufferPointer { pa in bBytes.withUnsafeBufferPointer { pb in body(pa, pb) } }
    }
}

extension StringSimilarity {
    /// Whether `a` and `b` are at most one optimal-string-alignment edit apart, without building the
    /// distance table: this is the question the scorer asks of every candidate.
    static func isWithinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if i == short.count { return true }  // equal, or one character appended
        if short.count == long.count {
            // one substitution, or a swap of two neighbours
            if short[(i + 1)...].elementsEqual(long[(i + 1)...]) { return true }
            return i + 1 < short.count && short[i] == long[i + 1] && short[i + 1] == long[i]
                && short[(i + 2)...].elementsEqual(long[(i + 2)...])
        }
        return short[i...].elementsEqual(long[(i + 1)...])  // one insertion
    }
}

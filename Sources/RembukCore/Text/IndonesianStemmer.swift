/// The dictionary-free Indonesian stemmer of Tala (2003) as specified by Snowball (`indonesian.sbl`),
/// with an exception list for words the rules mangle. Works on lower-case ASCII words.
///
/// Rules: count the vowels (the "measure"); while the measure exceeds 2, strip a particle (-kah, -lah, -pun),
/// then a possessive (-ku, -mu, -nya); then a first-order prefix (meng-, meny-, men-, mem-, me-, peng-, peny-,
/// pen-, pem-, di-, ter-, ke-) followed by a suffix (-kan, -an, -i, each allowed only after certain prefixes)
/// and a second-order prefix (per-, pe-, ber-, be-); or, without a first-order prefix, a second-order prefix
/// then a suffix.
public enum IndonesianStemmer {
    /// Words the rules get wrong, mapped to the root a reader expects.
    public static let exceptions: [String: String] = [
        "pengelolaan": "kelola", "pengelola": "kelola", "mengelola": "kelola", "dikelola": "kelola", "kelola": "kelola",
        "menanam": "tanam", "penanaman": "tanam", "ditanam": "tanam", "tanaman": "tanam",
        "penerangan": "terang", "menerangi": "terang", "diterangi": "terang",
        "pemeliharaan": "pelihara", "memelihara": "pelihara", "dipelihara": "pelihara",
        "pelatihan": "latih", "melatih": "latih", "dilatih": "latih",
        "pemberdayaan": "daya", "memberdayakan": "daya",
        "perumahan": "rumah", "pertanian": "tani", "petani": "tani", "perikanan": "ikan", "peternakan": "ternak",
        "pelayanan": "layan", "pelebaran": "lebar", "pelajar": "ajar", "belajar": "ajar", "pembelajaran": "ajar",
        "penyuluhan": "suluh", "penyediaan": "sedia", "menyediakan": "sedia",
        "pengerasan": "keras", "pengaspalan": "aspal", "pengecoran": "cor", "betonisasi": "beton",
        "peningkatan": "tingkat", "meningkatkan": "tingkat", "ditingkatkan": "tingkat",
        "pembangunan": "bangun", "membangun": "bangun", "dibangun": "bangun",
        "kesehatan": "sehat", "keamanan": "aman", "kebersihan": "bersih", "kemiskinan": "miskin",
        "sekolah": "sekolah", "masjid": "masjid", "mushola": "musala", "musholla": "musala", "mushala": "musala",
        "selokan": "selokan", "saluran": "saluran", "jembatan": "jembatan", "lapangan": "lapangan",
        "lingkungan": "lingkungan", "pemerintahan": "perintah", "kegiatan": "giat", "bantuan": "bantu",
    ]

    public static func stem(_ word: String) -> String {
        if let exception = exceptions[word] { return exception }
        var w = Array(word.unicodeScalars)
        guard w.allSatisfy({ $0.isASCII }) else { return word }
        var measure = w.reduce(0) { $0 + (isVowel($1) ? 1 : 0) }
        guard measure > 2 else { return word }

        // Particles and possessives.
        if removeSuffix(&w, ["kah", "lah", "pun"]) { measure -= 1 }
        if measure > 2, removeSuffix(&w, ["nya", "ku", "mu"]) { measure -= 1 }
        guard measure > 2 else { return String(String.UnicodeScalarView(w)) }

        var prefix = 0   // 1: di/meng/ter group, 2: per, 3: ke/peng, 4: ber
        if removeFirstOrderPrefix(&w, &prefix, &measure) {
            if measure > 2, removeDerivationalSuffix(&w, prefix: prefix) { measure -= 1 }
            if measure > 2 { removeSecondOrderPrefix(&w, &prefix, &measure) }
        } else {
            removeSecondOrderPrefix(&w, &prefix, &measure)
            if measure > 2, removeDerivationalSuffix(&w, prefix: prefix) { measure -= 1 }
        }
        return String(String.UnicodeScalarView(w))
    }

    static func isVowel(_ c: Unicode.Scalar) -> Bool { "aeiou".unicodeScalars.contains(c) }

    static func hasPrefix(_ w: [Unicode.Scalar], _ p: String) -> Bool {
        let p = Array(p.unicodeScalars)
        return w.count > p.count && Array(w.prefix(p.count)) == p
    }

    static func hasSuffix(_ w: [Unicode.Scalar], _ s: String) -> Bool {
        let s = Array(s.unicodeScalars)
        return w.count > s.count && Array(w.suffix(s.count)) == s
    }

    @discardableResult
    static func removeSuffix(_ w: inout [Unicode.Scalar], _ suffixes: [String]) -> Bool {
        for suffix in suffixes where hasSuffix(w, suffix) {
            w.removeLast(suffix.unicodeScalars.count)
            return true
        }
        return false
    }

    static func removeFirstOrderPrefix(_ w: inout [Unicode.Scalar], _ prefix: inout Int, _ measure: inout Int) -> Bool {
        func followedByVowel(_ length: Int) -> Bool { w.count > length && isVowel(w[length]) }
        // Longest match first, as Snowball's `among` does.
        if hasPrefix(w, "meny"), followedByVowel(4) { w.replaceSubrange(0..<4, with: ["s"]); prefix = 1; measure -= 1; return true }
        if hasPrefix(w, "peny"), followedByVowel(4) { w.replaceSubrange(0..<4, with: ["s"]); prefix = 3; measure -= 1; return true }
        if hasPrefix(w, "meng") { w.removeFirst(4); prefix = 1; measure -= 1; return true }
        if hasPrefix(w, "peng") { w.removeFirst(4); prefix = 3; measure -= 1; return true }
        if hasPrefix(w, "mem") {
            if followedByVowel(3) { w.replaceSubrange(0..<3, with: ["p"]) } else { w.removeFirst(3) }
            prefix = 1; measure -= 1; return true
        }
        if hasPrefix(w, "pem") {
            if followedByVowel(3) { w.replaceSubrange(0..<3, with: ["p"]) } else { w.removeFirst(3) }
            prefix = 3; measure -= 1; return true
        }
        if hasPrefix(w, "men") { w.removeFirst(3); prefix = 1; measure -= 1; return true }
        if hasPrefix(w, "pen") { w.removeFirst(3); prefix = 3; measure -= 1; return true }
        if hasPrefix(w, "ter") { w.removeFirst(3); prefix = 1; measure -= 1; return true }
        if hasPrefix(w, "me") { w.removeFirst(2); prefix = 1; measure -= 1; return true }
        if hasPrefix(w, "di") { w.removeFirst(2); prefix = 1; measure -= 1; return true }
        if hasPrefix(w, "ke") { w.removeFirst(2); prefix = 3; measure -= 1; return true }
        return false
    }

    static func removeSecondOrderPrefix(_ w: inout [Unicode.Scalar], _ prefix: inout Int, _ measure: inout Int) {
        if hasPrefix(w, "per") { w.removeFirst(3); prefix = 2; measure -= 1; return }
        if hasPrefix(w, "ber") { w.removeFirst(3); prefix = 4; measure -= 1; return }
        if hasPrefix(w, "pe") { w.removeFirst(2); prefix = 2; measure -= 1; return }
        // be- only before a consonant followed by "er" (bekerja → kerja).
        if hasPrefix(w, "be"), w.count > 4, !isVowel(w[2]), w[3] == "e", w[4] == "r" {
            w.removeFirst(2); prefix = 4; measure -= 1
        }
    }

    /// -kan not after ke-/peng-/per-; -an not after di-/meng-/ter-; -i only after those and per-, never after s.
    static func removeDerivationalSuffix(_ w: inout [Unicode.Scalar], prefix: Int) -> Bool {
        if hasSuffix(w, "kan"), prefix != 3, prefix != 2 { w.removeLast(3); return true }
        if hasSuffix(w, "an"), prefix != 1 { w.removeLast(2); return true }
        if hasSuffix(w, "i"), prefix <= 2, w.count >= 2, w[w.count - 2] != "s" { w.removeLast(); return true }
        return false
    }
}

/// What makes a perangkat daerah (OPD) entry valid: its key (slug), names, sectors and whether it is active.
/// The key never changes once made, so records, projects and the audit trail keep pointing at the same agency
/// through renames; a merged agency stays, inactive, pointing at the one that took it over.
public enum AgencyRules {
    public static let names = 3...200
    public static let shortNames = 2...60
    public static let keys = 2...60
    /// Words of the admin addresses (`/admin/opd/baru`), which an agency's key would hide.
    public static let reserved: Set<String> = ["baru", "impor"]

    public enum Problem: Error, Sendable, Equatable, Hashable {
        case name, shortName, key, unknownSector(String), active(String)
    }

    /// A key made of what people call the agency: `Dinas PUPR` → `dinas-pupr`. Letters and digits of ASCII, one dash
    /// between words; nil when nothing usable is left.
    public static func key(from text: String) -> String? {
        var key = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !key.isEmpty { key.append("-") }
                pendingDash = false
                key.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        let trimmed = String(key.prefix(keys.upperBound)).trimmingCharacters(in: "-")
        return keys.contains(trimmed.count) && !reserved.contains(trimmed) ? trimmed : nil
    }

    /// The key of a new agency: the one typed (lower-cased; nil if it is not a key), or, when none is typed, the one
    /// made from its short name.
    public static func key(given: String, shortName: String) -> String? {
        let typed = given.trimmingSpaces().lowercased()
        return typed.isEmpty ? key(from: shortName) : (isKey(typed) ? typed : nil)
    }

    /// Whether `text` already has the form of a key (what `key(from:)` gives back unchanged).
    public static func isKey(_ text: String) -> Bool { key(from: text) == text }

    /// The sectors of a cell such as `infrastruktur; perumahan` or `Kesehatan, Sosial` (also `/` or `|` between them).
    public static func sectors(_ text: String) -> Result<[Bidang], Problem> {
        var found: [Bidang] = []
        for part in text.split(whereSeparator: { ",;/|".contains($0) }) {
            let word = String(part).trimmingSpaces()
            if word.isEmpty { continue }
            guard let bidang = Bidang.named(word) else { return .failure(.unknownSector(word)) }
            if !found.contains(bidang) { found.append(bidang) }
        }
        return .success(found)
    }

    /// `ya`/`tidak` as people fill a spreadsheet column (empty means yes).
    public static func active(_ text: String) -> Result<Bool, Problem> {
        switch text.trimmingSpaces().lowercased() {
        case "", "ya", "y", "aktif", "1", "yes", "true", "benar": .success(true)
        case "tidak", "t", "n", "no", "0", "nonaktif", "non-aktif", "tidak aktif", "false", "salah": .success(false)
        default: .failure(.active(text))
        }
    }

    /// The sectors stored in one column: codes joined by commas, in the order of `Bidang.allCases`.
    public static func stored(_ sectors: [Bidang]) -> String {
        Bidang.allCases.filter(sectors.contains).map(\.rawValue).joined(separator: ",")
    }

    public static func sectors(stored text: String) -> [Bidang] {
        text.split(separator: ",").compactMap { Bidang(rawValue: String($0)) }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

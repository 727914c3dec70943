import Foundation

/// Turns Indonesian text into terms for matching: lower-case, accents folded, abbreviations expanded
/// (jl/jln → jalan, gg → gang), numbers without leading zeros (RT 03 → rt 3), stop words dropped, stemmed.
public enum IndonesianText {
    public static let abbreviations: [String: String] = [
        "jl": "jalan", "jln": "jalan", "gg": "gang", "ds": "desa", "dsn": "dusun", "kp": "kampung", "kmp": "kampung",
        "kel": "kelurahan", "kec": "kecamatan", "kab": "kabupaten", "pju": "penerangan", "tpt": "talud",
        "mck": "mck", "paud": "paud", "posyandu": "posyandu", "smp": "smp", "sd": "sd",
    ]

    public static let stopWords: Set<String> = [
        "ada", "adalah", "agar", "akan", "aku", "anda", "atau", "bagi", "bahwa", "banyak", "belum", "bisa", "buah",
        "dalam", "dan", "dari", "dengan", "di", "dia", "harus", "hanya", "ini", "itu", "jadi", "jika", "juga", "kami",
        "karena", "ke", "kita", "lagi", "lebih", "maka", "masih", "mereka", "mohon", "oleh", "pada", "para", "perlu",
        "saja", "sangat", "saya", "sebagai", "sebuah", "secara", "sedang", "segera", "sehingga", "sekali", "sendiri",
        "serta", "seperti", "setiap", "sudah", "supaya", "tanpa", "telah", "tentang", "tersebut", "tidak", "tolong",
        "untuk", "warga", "yang", "kurang", "mau", "ingin", "butuh", "dibutuhkan", "diperlukan", "usulan", "mengusulkan",
        "kondisi", "sering", "sekitar", "kami", "kamu", "nya", "pun", "lah",
    ]

    /// Words as written, normalised but neither stemmed nor filtered.
    public static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit {
                let trimmed = current.drop { $0 == "0" }
                tokens.append(trimmed.isEmpty ? "0" : String(trimmed))
            } else {
                tokens.append(abbreviations[current] ?? current)
            }
            current = ""
        }
        for scalar in folded.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter = ("a"..."z").contains(scalar)
            if isDigit || isLetter {
                if !current.isEmpty, isDigit != currentIsDigit {
                    // "anak2" is reduplication written short; "rt03" is "rt 03".
                    if isDigit, scalar == "2", current.count > 2 { continue }
                    flush()
                }
                currentIsDigit = isDigit
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens.flatMap { $0.split(separator: " ").map(String.init) }
    }

    /// A stored search index: each distinct term once, sorted, with a space on both sides, so that a query
    /// for a term is one `LIKE '% term %'` on any database.
    public static func searchIndex(_ texts: String...) -> String {
        " " + Set(terms(texts.joined(separator: " "))).sorted().joined(separator: " ") + " "
    }

    /// The terms that carry meaning: stop words dropped, each word stemmed.
    public static func terms(_ text: String) -> [String] {
        tokens(text).compactMap { token in
            guard !stopWords.contains(token), token.count > 1 || token.first?.isNumber == true else { return nil }
            return token.first?.isNumber == true ? token : IndonesianStemmer.stem(token)
        }
    }
}

/// A point on the earth in decimal degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// Nil unless both are real coordinates.
    public init?(latitude: Double, longitude: Double) {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in metres (haversine).
    public func distance(to other: GeoPoint) -> Double {
        let radius = 6_371_000.0
        let degrees = Double.pi / 180
        let lat1: Double = latitude * degrees
        let lat2: Double = other.latitude * degrees
        let halfDLat: Double = (other.latitude - latitude) * degrees / 2
        let halfDLng: Double = (other.longitude - longitude) * degrees / 2
        let sinLat: Double = sin(halfDLat)
        let sinLng: Double = sin(halfDLng)
        let h: Double = sinLat * sinLat + cos(lat1) * cos(lat2) * sinLng * sinLng
        return 2 * radius * atan2(h.squareRoot(), (1 - h).squareRoot())
    }
}

/// How alike two proposals are: shared terms (Jaccard), raised when both are pinned close together.
public enum Similarity {
    public struct Document: Sendable, Hashable {
        public let id: String
        public let terms: Set<String>
        public let point: GeoPoint?

        public init(id: String, text: String, point: GeoPoint? = nil) {
            self.init(id: id, terms: Set(IndonesianText.terms(text)), point: point)
        }

        /// From terms computed earlier (an usulan stores its own), so they are not stemmed again.
        public init(id: String, terms: Set<String>, point: GeoPoint? = nil) {
            self.id = id
            self.terms = terms
            self.point = point
        }
    }

    /// Within this distance two pins count as the same place; beyond `farMetres` place adds nothing.
    static let nearMetres = 50.0
    static let farMetres = 1_000.0

    /// 0 … 1. Text decides (80 %); location adds up to 20 % when both have coordinates.
    public static func score(_ a: Document, _ b: Document) -> Double {
        let union = a.terms.union(b.terms).count
        let text = union == 0 ? 0 : Double(a.terms.intersection(b.terms).count) / Double(union)
        guard let p = a.point, let q = b.point else { return text }
        let distance = p.distance(to: q)
        let proximity: Double = distance <= nearMetres ? 1 : max(0, 1 - (distance - nearMetres) / (farMetres - nearMetres))
        return text > 0 ? 0.8 * text + 0.2 * proximity : 0
    }

    /// The `limit` most similar documents scoring at least `minimum`, best first; ties by id, so the order is stable.
    public static func mostSimilar(to query: Document, in candidates: [Document], limit: Int = 5,
                                   minimum: Double = 0.25) -> [(id: String, score: Double)] {
        var scored: [(id: String, score: Double)] = []
        for candidate in candidates where candidate.id != query.id {
            let value = score(query, candidate)
            if value >= minimum { scored.append((candidate.id, value)) }
        }
        scored.sort { lhs, rhs in lhs.score != rhs.score ? lhs.score > rhs.score : lhs.id < rhs.id }
        return Array(scored.prefix(limit))
    }
}

extension GeoPoint {
    public enum Typed: Sendable, Equatable {
        case empty
        case point(GeoPoint)
        /// Only one of the two, not numbers, or outside Indonesia.
        case invalid
    }

    /// Coordinates as typed in a form (`-6.5569` or `-6,5569`): both or neither, and within Indonesia.
    public static func typed(latitude: String, longitude: String) -> Typed {
        let lat = latitude.trimmingSpaces(), lng = longitude.trimmingSpaces()
        if lat.isEmpty, lng.isEmpty { return .empty }
        guard let la = Double(lat.replacingAll(",", with: ".")), let lo = Double(lng.replacingAll(",", with: ".")),
              (-11.5...6.5).contains(la), (94.0...141.5).contains(lo), let point = GeoPoint(latitude: la, longitude: lo) else { return .invalid }
        return .point(point)
    }
}

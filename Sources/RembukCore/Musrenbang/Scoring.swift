/// One criterion a forum scores usulan on, with its weight in basis points (1 % = 100).
public struct ScoringCriterion: Sendable, Hashable, Codable {
    public let key: String
    public let name: String
    public let weightBasisPoints: Int
    /// What 1 and 5 mean on this criterion, read out to the forum.
    public let scale: [Int: String]

    public init(key: String, name: String, weightBasisPoints: Int, scale: [Int: String] = [:]) {
        self.key = key
        self.name = name
        self.weightBasisPoints = weightBasisPoints
        self.scale = scale
    }
}

/// The criteria of a cycle, weights summing to exactly 100 %. Scores are whole numbers 1–5.
/// Everything is kept in integers so that two forums computing the same scores rank exactly alike.
public struct ScoringScheme: Sendable, Hashable {
    public static let scoreRange = 1...5
    public let criteria: [ScoringCriterion]

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case weightsDoNotSumToOne(basisPoints: Int)
        case nonPositiveWeight(String)
        case duplicateKey(String)
    }

    public static func make(_ criteria: [ScoringCriterion]) -> Result<ScoringScheme, Problem> {
        guard !criteria.isEmpty else { return .failure(.empty) }
        var keys: Set<String> = []
        for criterion in criteria {
            guard criterion.weightBasisPoints > 0 else { return .failure(.nonPositiveWeight(criterion.key)) }
            guard keys.insert(criterion.key).inserted else { return .failure(.duplicateKey(criterion.key)) }
        }
        let total = criteria.reduce(0) { $0 + $1.weightBasisPoints }
        guard total == 10_000 else { return .failure(.weightsDoNotSumToOne(basisPoints: total)) }
        return .success(ScoringScheme(criteria: criteria))
    }

    /// Urgensi 40 %, jangkauan manfaat 30 %, tingkat kerusakan/kebutuhan 20 %, biaya 10 %.
    public static let physical = try! make([
        ScoringCriterion(key: "urgensi", name: "Urgensi", weightBasisPoints: 4_000,
                         scale: [1: "Bisa ditunda beberapa tahun", 5: "Mendesak: membahayakan atau menghentikan kegiatan warga"]),
        ScoringCriterion(key: "jangkauan", name: "Jangkauan manfaat", weightBasisPoints: 3_000,
                         scale: [1: "Satu RT atau kurang dari 50 orang", 5: "Seluruh desa atau lebih dari 1.000 orang"]),
        ScoringCriterion(key: "kerusakan", name: "Tingkat kerusakan/kebutuhan", weightBasisPoints: 2_000,
                         scale: [1: "Masih berfungsi baik", 5: "Rusak berat atau belum ada sama sekali"]),
        ScoringCriterion(key: "biaya", name: "Biaya", weightBasisPoints: 1_000,
                         scale: [1: "Sangat mahal untuk manfaatnya", 5: "Murah untuk manfaatnya"]),
    ]).get()

    /// For non-physical usulan (training, services): urgensi, jangkauan, keberlanjutan, biaya.
    public static let nonPhysical = try! make([
        ScoringCriterion(key: "urgensi", name: "Urgensi", weightBasisPoints: 4_000,
                         scale: [1: "Bisa ditunda beberapa tahun", 5: "Mendesak: kebutuhan warga tidak terpenuhi sekarang"]),
        ScoringCriterion(key: "jangkauan", name: "Jangkauan manfaat", weightBasisPoints: 3_000,
                         scale: [1: "Kurang dari 20 orang", 5: "Lebih dari 200 orang atau kelompok rentan"]),
        ScoringCriterion(key: "keberlanjutan", name: "Keberlanjutan dan dampak", weightBasisPoints: 2_000,
                         scale: [1: "Manfaat berhenti saat kegiatan selesai", 5: "Berlanjut dan dikelola sendiri oleh warga"]),
        ScoringCriterion(key: "biaya", name: "Biaya", weightBasisPoints: 1_000,
                         scale: [1: "Sangat mahal untuk manfaatnya", 5: "Murah untuk manfaatnya"]),
    ]).get()

    public enum ScoreProblem: Error, Sendable, Equatable {
        case missing(String)
        case outOfRange(String, Int)
        case unknown(String)
    }

    /// One scorer's sheet as a weighted total in basis points × score (100–500 % written as 10 000–50 000).
    public func weigh(_ sheet: [String: Int]) -> Result<Int, ScoreProblem> {
        for key in sheet.keys where !criteria.contains(where: { $0.key == key }) { return .failure(.unknown(key)) }
        var total = 0
        for criterion in criteria {
            guard let score = sheet[criterion.key] else { return .failure(.missing(criterion.key)) }
            guard Self.scoreRange.contains(score) else { return .failure(.outOfRange(criterion.key, score)) }
            total += criterion.weightBasisPoints * score
        }
        return .success(total)
    }
}

/// A forum's score for one usulan: the mean of its scorers' weighted totals, kept as sum and count so that
/// comparisons are exact.
public struct ForumScore: Sendable, Hashable, Comparable {
    public let sum: Int
    public let scorers: Int

    public init(sum: Int, scorers: Int) {
        self.sum = sum
        self.scorers = max(scorers, 0)
    }

    public static let none = ForumScore(sum: 0, scorers: 0)

    /// The mean on the 1–5 scale, for display (e.g. 3.85).
    public var mean: Double { scorers == 0 ? 0 : Double(sum) / Double(scorers) / 10_000 }

    /// The mean with two decimals and a decimal comma, rounded half up from the exact value: `4,15`; `–` unscored.
    public var text: String {
        guard scorers > 0 else { return "–" }
        let hundredths = (sum * 2 + scorers * 100) / (scorers * 200)
        let fraction = hundredths % 100
        return "\(hundredths / 100),\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func < (lhs: ForumScore, rhs: ForumScore) -> Bool {
        // a/b < c/d ⇔ a·d < c·b (both counts positive); an unscored usulan ranks below every scored one.
        switch (lhs.scorers, rhs.scorers) {
        case (0, 0): return false
        case (0, _): return true
        case (_, 0): return false
        default: return lhs.sum * rhs.scorers < rhs.sum * lhs.scorers
        }
    }

    public static func == (lhs: ForumScore, rhs: ForumScore) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    public func hash(into hasher: inout Hasher) {
        if scorers == 0 { hasher.combine(0) } else {
            let divisor = gcd(sum, scorers)
            hasher.combine(sum / divisor)
            hasher.combine(scorers / divisor)
        }
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? max(abs(a), 1) : gcd(b, a % b) }

    /// The forum score of several scorers' weighted totals.
    public static func of(_ totals: [Int]) -> ForumScore { ForumScore(sum: totals.reduce(0, +), scorers: totals.count) }
}

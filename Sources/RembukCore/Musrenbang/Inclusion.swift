/// Who came to a forum, as the daftar hadir records it (no names here: only what the figures need).
public struct Attendee: Sendable, Hashable {
    public enum Gender: String, Sendable, CaseIterable, Codable { case perempuan, lakiLaki = "laki_laki" }
    public enum AgeGroup: String, Sendable, CaseIterable, Codable {
        case anak           // under 16
        case pemuda         // 16–30 (UU 40/2009 on youth)
        case dewasa         // 31–59
        case lansia         // 60 and over
    }

    public let gender: Gender
    public let ageGroup: AgeGroup
    public let hasDisability: Bool

    public init(gender: Gender, ageGroup: AgeGroup, hasDisability: Bool) {
        self.gender = gender
        self.ageGroup = ageGroup
        self.hasDisability = hasDisability
    }
}

/// The inclusion figures of a forum, compared with the cycle's target share of women (30 % unless set).
public struct InclusionFigures: Sendable, Hashable {
    public let total: Int
    public let women: Int
    public let youth: Int
    public let withDisability: Int
    /// Target share of women in basis points (3 000 = 30 %).
    public let womenTargetBasisPoints: Int

    public init(_ attendees: [Attendee], womenTargetBasisPoints: Int = 3_000) {
        self.init(total: attendees.count, women: attendees.filter { $0.gender == .perempuan }.count,
                  youth: attendees.filter { $0.ageGroup == .pemuda }.count, withDisability: attendees.filter(\.hasDisability).count,
                  womenTargetBasisPoints: womenTargetBasisPoints)
    }

    public init(total: Int, women: Int, youth: Int, withDisability: Int, womenTargetBasisPoints: Int = 3_000) {
        self.total = total
        self.women = women
        self.youth = youth
        self.withDisability = withDisability
        self.womenTargetBasisPoints = womenTargetBasisPoints
    }

    /// Whole-percent shares as people read them (rounded half up): 7 of 24 → 29 %.
    public static func percent(_ part: Int, of whole: Int) -> Int { whole == 0 ? 0 : (part * 200 + whole) / (whole * 2) }

    public var womenPercent: Int { Self.percent(women, of: total) }
    public var youthPercent: Int { Self.percent(youth, of: total) }
    public var disabilityPercent: Int { Self.percent(withDisability, of: total) }

    /// Exact comparison, no rounding: 29.2 % of women does not meet 30 %.
    public var meetsWomenTarget: Bool { total > 0 && women * 10_000 >= womenTargetBasisPoints * total }

    /// How many more women would meet the target with the same number of men.
    public var womenShort: Int {
        guard !meetsWomenTarget else { return 0 }
        var extra = 0
        while (women + extra) * 10_000 < womenTargetBasisPoints * (total + extra) { extra += 1 }
        return extra
    }
}

/// The delegates a forum sends to the next tier: 3 to 5 people, at least one of them a woman.
public enum DelegateRule {
    public static let allowed = 3...5

    public enum Problem: Error, Sendable, Equatable {
        case count(Int)
        case noWoman
        case duplicate
    }

    public static func check(_ delegates: [(id: String, gender: Attendee.Gender)]) -> Problem? {
        guard allowed.contains(delegates.count) else { return .count(delegates.count) }
        guard Set(delegates.map(\.id)).count == delegates.count else { return .duplicate }
        guard delegates.contains(where: { $0.gender == .perempuan }) else { return .noWoman }
        return nil
    }
}

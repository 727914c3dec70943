/// What Bappeda sets for a year's forums besides the dates: the scoring criteria for physical and
/// non-physical usulan and the target share of women at every forum.
public struct CycleSettings: Sendable, Hashable, Codable {
    public var womenTargetBasisPoints: Int
    public var physical: [ScoringCriterion]
    public var nonPhysical: [ScoringCriterion]

    public init(womenTargetBasisPoints: Int, physical: [ScoringCriterion], nonPhysical: [ScoringCriterion]) {
        self.womenTargetBasisPoints = womenTargetBasisPoints
        self.physical = physical
        self.nonPhysical = nonPhysical
    }

    public static let standard = CycleSettings(womenTargetBasisPoints: 3_000, physical: ScoringScheme.physical.criteria,
                                               nonPhysical: ScoringScheme.nonPhysical.criteria)

    public var physicalScheme: ScoringScheme? { try? ScoringScheme.make(physical).get() }
    public var nonPhysicalScheme: ScoringScheme? { try? ScoringScheme.make(nonPhysical).get() }
}

/// Percentages as planners type them: `40`, `40 %`, `12,5` → basis points (4 000, 4 000, 1 250).
public enum Percent {
    public static func basisPoints(_ text: String) -> Int? {
        var body = text.trimmingSpaces()
        if body.hasSuffix("%") { body.removeLast(); body = body.trimmingSpaces() }
        body = body.replacingAll(",", with: ".")
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole <= 100,
              parts[0].allSatisfy(\.isNumber) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let value = Int(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        let result = whole * 100 + fraction
        return result <= 10_000 ? result : nil
    }

    /// `4 000` → `40`, `1 250` → `12,5`.
    public static func text(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole),\(fraction / 10)" : "\(whole),\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// The daftar hadir of a forum held on paper, as totals copied from the signed sheet: how many came, by gender,
/// by age group, with a disability, and per unsur. The totals must agree with one another.
public struct PaperAttendance: Sendable, Hashable, Codable {
    public var women: Int
    public var men: Int
    public var byAge: [Attendee.AgeGroup: Int]
    public var withDisability: Int
    public var byUnsur: [Unsur: Int]

    public init(women: Int, men: Int, byAge: [Attendee.AgeGroup: Int], withDisability: Int, byUnsur: [Unsur: Int]) {
        self.women = women
        self.men = men
        self.byAge = byAge
        self.withDisability = withDisability
        self.byUnsur = byUnsur
    }

    public var total: Int { women + men }

    /// A forum's sheet does not run to ten thousand names; a larger figure is a typing slip.
    public static let maximumTotal = 9_999

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case tooMany
        /// The age groups add up to `ages`, the genders to `total`.
        case ageTotal(ages: Int, total: Int)
        case disabilityAboveTotal
        /// The unsur add up to `unsur`, the genders to `total`.
        case unsurTotal(unsur: Int, total: Int)
    }

    /// Counts are non-negative by construction of the form; these are the checks between them.
    public func problems() -> [Problem] {
        var problems: [Problem] = []
        if total == 0 { return [.empty] }
        if total > Self.maximumTotal { problems.append(.tooMany) }
        let ages = byAge.values.reduce(0, +)
        if ages != total { problems.append(.ageTotal(ages: ages, total: total)) }
        if withDisability > total { problems.append(.disabilityAboveTotal) }
        let unsur = byUnsur.values.reduce(0, +)
        if unsur != total { problems.append(.unsurTotal(unsur: unsur, total: total)) }
        return problems
    }
}

extension InclusionFigures {
    /// The figures of a paper forum, from its totals.
    public init(_ paper: PaperAttendance, womenTargetBasisPoints: Int = 3_000) {
        self.init(total: paper.total, women: paper.women, youth: paper.byAge[.pemuda] ?? 0, withDisability: paper.withDisability,
                  womenTargetBasisPoints: womenTargetBasisPoints)
    }

    /// Figures of several forums together (a planning funnel's attendance).
    public static func sum(_ parts: [InclusionFigures], womenTargetBasisPoints: Int) -> InclusionFigures {
        InclusionFigures(total: parts.map(\.total).reduce(0, +), women: parts.map(\.women).reduce(0, +),
                         youth: parts.map(\.youth).reduce(0, +), withDisability: parts.map(\.withDisability).reduce(0, +),
                         womenTargetBasisPoints: womenTargetBasisPoints)
    }
}

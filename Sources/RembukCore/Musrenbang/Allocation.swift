/// An usulan as the ranking and the pagu allocation see it.
public struct RankedItem: Sendable, Hashable {
    public let id: String
    public let score: ForumScore
    public let supports: Int
    /// Seconds since 1970 of submission: earlier wins a tie.
    public let submittedAt: Int64
    public let cost: Int64
    public let agency: String

    public init(id: String, score: ForumScore, supports: Int, submittedAt: Int64, cost: Int64, agency: String) {
        self.id = id
        self.score = score
        self.supports = supports
        self.submittedAt = submittedAt
        self.cost = cost
        self.agency = agency
    }
}

/// The forum's priority order: higher score first; on a tie more supports, then earlier submission, then the
/// id (so the order is total: the same input in any order gives the same ranking).
public enum Ranking {
    public static func rank(_ items: [RankedItem]) -> [RankedItem] {
        items.sorted(by: precedes)
    }

    public static func precedes(_ a: RankedItem, _ b: RankedItem) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.supports != b.supports { return a.supports > b.supports }
        if a.submittedAt != b.submittedAt { return a.submittedAt < b.submittedAt }
        return a.id < b.id
    }
}

/// The pagu indikatif of a kecamatan, optionally with ceilings per agency inside it (whole rupiah).
public struct Pagu: Sendable, Hashable {
    public let total: Int64
    public let perAgency: [String: Int64]

    public enum Problem: Error, Sendable, Equatable {
        case negative
        case agencyNegative(String)
        case agenciesExceedTotal(sum: Int64)
    }

    public static func make(total: Int64, perAgency: [String: Int64] = [:]) -> Result<Pagu, Problem> {
        guard total >= 0 else { return .failure(.negative) }
        for (agency, ceiling) in perAgency where ceiling < 0 { return .failure(.agencyNegative(agency)) }
        let sum = perAgency.values.reduce(Int64(0)) { $0 &+ $1 }
        guard sum <= total else { return .failure(.agenciesExceedTotal(sum: sum)) }
        return .success(Pagu(total: total, perAgency: perAgency))
    }
}

/// Fits a ranked list into a pagu: greedy by rank, skipping an usulan that no longer fits (the total or its
/// agency's ceiling) and going on with cheaper ones below it, as forums do. What did not fit is listed with why.
public enum Allocation {
    public enum Reason: Sendable, Hashable {
        /// The remaining pagu when its turn came.
        case exceedsPagu(remaining: Int64)
        case exceedsAgencyCeiling(agency: String, remaining: Int64)
    }

    public struct Outcome: Sendable {
        public let agreed: [RankedItem]
        public let notAgreed: [(item: RankedItem, reason: Reason)]
        public let remaining: Int64
        public let remainingPerAgency: [String: Int64]

        public var allocated: Int64 { agreed.reduce(0) { $0 + $1.cost } }
    }

    public static func allocate(_ items: [RankedItem], within pagu: Pagu) -> Outcome {
        var remaining = pagu.total
        var agencyRemaining = pagu.perAgency
        var agreed: [RankedItem] = []
        var notAgreed: [(item: RankedItem, reason: Reason)] = []
        agreed.reserveCapacity(items.count)
        for item in Ranking.rank(items) {
            if item.cost > remaining {
                notAgreed.append((item, .exceedsPagu(remaining: remaining)))
            } else if let left = agencyRemaining[item.agency], item.cost > left {
                notAgreed.append((item, .exceedsAgencyCeiling(agency: item.agency, remaining: left)))
            } else {
                remaining -= item.cost
                if let left = agencyRemaining[item.agency] { agencyRemaining[item.agency] = left - item.cost }
                agreed.append(item)
            }
        }
        return Outcome(agreed: agreed, notAgreed: notAgreed, remaining: remaining, remainingPerAgency: agencyRemaining)
    }
}

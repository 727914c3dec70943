import Foundation

/// Where a small business sells.
public enum SalesChannel: String, Sendable, CaseIterable, Codable, Hashable {
    case offline, marketplace
    case mediaSosial = "media_sosial"

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.offline, .id): "Toko/lapak (luring)"
        case (.offline, .en): "Shop or stall (offline)"
        case (.marketplace, .id): "Marketplace"
        case (.marketplace, .en): "Online marketplace"
        case (.mediaSosial, .id): "Media sosial"
        case (.mediaSosial, .en): "Social media"
        }
    }

    public var isOnline: Bool { self != .offline }
}

/// How far a small business's buyers come from, narrowest first.
public enum MarketReach: String, Sendable, CaseIterable, Codable, Comparable {
    case desa, kabupaten, provinsi, nasional

    public static func < (lhs: MarketReach, rhs: MarketReach) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.desa, .id): "Desa/kelurahan sekitar"
        case (.desa, .en): "Nearby villages"
        case (.kabupaten, .id): "Satu kabupaten"
        case (.kabupaten, .en): "The regency"
        case (.provinsi, .id): "Satu provinsi"
        case (.provinsi, .en): "The province"
        case (.nasional, .id): "Nasional"
        case (.nasional, .en): "Nationwide"
        }
    }
}

/// The figures of a business at one moment: at registration (the baseline) or at a follow-up.
public struct BusinessFigures: Sendable, Hashable, Codable {
    public var employees: Int
    /// Rupiah a month, whole.
    public var monthlyRevenue: Int64
    public var channels: Set<SalesChannel>
    public var reach: MarketReach

    public init(employees: Int, monthlyRevenue: Int64, channels: Set<SalesChannel>, reach: MarketReach) {
        self.employees = employees
        self.monthlyRevenue = monthlyRevenue
        self.channels = channels
        self.reach = reach
    }

    public var sellsOnline: Bool { channels.contains { $0.isOnline } }
}

/// What a UMKM programme changed, measured on the participants with both a baseline and a follow-up:
/// the median (not the mean: one large business would swamp it) change in monthly revenue, the share selling
/// online before and after, and how many sell further than before.
public struct BusinessOutcome: Sendable, Equatable {
    public var measured: Int
    public var medianRevenueBefore: Double?
    public var medianRevenueAfter: Double?
    public var medianRevenueChange: Double?
    /// The median of each business's own change in percent (those with revenue at the baseline).
    public var medianRevenueChangePercent: Double?
    public var sellingOnlineBefore: Int
    public var sellingOnlineAfter: Int
    public var reachWidened: Int

    public static func measure(_ pairs: [(baseline: BusinessFigures, latest: BusinessFigures)]) -> BusinessOutcome {
        let before = pairs.map(\.baseline.monthlyRevenue)
        let after = pairs.map(\.latest.monthlyRevenue)
        let changes = pairs.map { $0.latest.monthlyRevenue - $0.baseline.monthlyRevenue }
        let percents = pairs.filter { $0.baseline.monthlyRevenue > 0 }
            .map { Double($0.latest.monthlyRevenue - $0.baseline.monthlyRevenue) / Double($0.baseline.monthlyRevenue) * 100 }
        return BusinessOutcome(
            measured: pairs.count,
            medianRevenueBefore: Median.of(before), medianRevenueAfter: Median.of(after), medianRevenueChange: Median.of(changes),
            medianRevenueChangePercent: Median.of(percents),
            sellingOnlineBefore: pairs.filter(\.baseline.sellsOnline).count, sellingOnlineAfter: pairs.filter(\.latest.sellsOnline).count,
            reachWidened: pairs.filter { $0.latest.reach > $0.baseline.reach }.count)
    }
}

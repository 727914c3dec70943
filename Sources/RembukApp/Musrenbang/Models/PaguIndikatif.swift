import Fluent
import Foundation
import RembukCore

/// The indicative ceiling (pagu indikatif) of one kecamatan in one cycle, in whole rupiah.
public final class PaguIndikatif: Model, @unchecked Sendable {
    public static let schema = "pagu_indikatif"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "cycle_id") public var cycle: PlanningCycle
    @Field(key: "kecamatan_code") public var kecamatanCode: String
    @Field(key: "amount") public var amount: Int64
    /// JSON object agency id → ceiling in rupiah; nil or empty when the kecamatan has no sub-ceilings.
    @OptionalField(key: "per_agency") public var perAgencyJSON: String?

    public init() {}
}

extension PlanningCycle {
    /// The cycle's criteria and target, or the standard ones when Bappeda has not changed them.
    var cycleSettings: CycleSettings {
        guard let settingsJSON, let data = settingsJSON.data(using: .utf8),
              let decoded = try? JSONDecoder().decode(CycleSettings.self, from: data) else { return .standard }
        return decoded
    }
}

extension PaguIndikatif {
    var perAgency: [String: Int64] {
        guard let perAgencyJSON, let decoded = try? JSONDecoder().decode([String: Int64].self, from: Data(perAgencyJSON.utf8)) else { return [:] }
        return decoded
    }

    /// The pagu as the allocation sees it; nil if stored ceilings no longer fit (never written so).
    var pagu: Pagu? { try? Pagu.make(total: amount, perAgency: perAgency).get() }
}

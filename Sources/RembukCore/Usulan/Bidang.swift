/// The sector (bidang) of an usulan, with the perangkat daerah it usually goes to.
public enum Bidang: String, Sendable, CaseIterable, Codable, Hashable {
    case infrastruktur, perumahan, pendidikan, kesehatan, ekonomi, pertanian, lingkungan, sosial, perhubungan, pemberdayaan

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.infrastruktur, .id): "Infrastruktur (jalan, jembatan, drainase)"
        case (.infrastruktur, .en): "Infrastructure (roads, bridges, drainage)"
        case (.perumahan, .id): "Perumahan dan permukiman"
        case (.perumahan, .en): "Housing and settlements"
        case (.pendidikan, .id): "Pendidikan"
        case (.pendidikan, .en): "Education"
        case (.kesehatan, .id): "Kesehatan"
        case (.kesehatan, .en): "Health"
        case (.ekonomi, .id): "Ekonomi, koperasi, dan UMKM"
        case (.ekonomi, .en): "Economy, cooperatives and small business"
        case (.pertanian, .id): "Pertanian"
        case (.pertanian, .en): "Agriculture"
        case (.lingkungan, .id): "Lingkungan hidup"
        case (.lingkungan, .en): "Environment"
        case (.sosial, .id): "Sosial"
        case (.sosial, .en): "Social welfare"
        case (.perhubungan, .id): "Perhubungan"
        case (.perhubungan, .en): "Transport"
        case (.pemberdayaan, .id): "Pemberdayaan masyarakat dan desa"
        case (.pemberdayaan, .en): "Community and village empowerment"
        }
    }

    /// Whether an usulan of this sector is scored as physical work (roads, buildings) when no kamus item says.
    public var isPhysicalByDefault: Bool {
        switch self {
        case .infrastruktur, .perumahan, .perhubungan, .lingkungan: true
        case .pendidikan, .kesehatan, .ekonomi, .pertanian, .sosial, .pemberdayaan: false
        }
    }

    /// The agency an usulan of this sector is routed to unless the proposer picks another.
    public var defaultAgency: String {
        switch self {
        case .infrastruktur: "dinas-pupr"
        case .perumahan: "disperkim"
        case .pendidikan: "disdik"
        case .kesehatan: "dinkes"
        case .ekonomi: "dinas-koperasi-ukm"
        case .pertanian: "distan"
        case .lingkungan: "dlh"
        case .sosial: "dinsos"
        case .perhubungan: "dishub"
        case .pemberdayaan: "dpmd"
        }
    }
}

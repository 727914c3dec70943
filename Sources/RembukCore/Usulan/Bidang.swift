/// The sector (bidang) of an usulan. Which perangkat daerah takes a sector is the installation's own table (agencies).
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

    /// The sector a person typed in a spreadsheet: its code (`infrastruktur`) or the start of its Indonesian or English
    /// name (`Kesehatan`, `Ekonomi, koperasi …`), without case.
    public static func named(_ text: String) -> Bidang? {
        let wanted = text.trimmingSpaces().lowercased()
        guard wanted.count >= 3 else { return nil }
        if let exact = Bidang(rawValue: wanted) { return exact }
        let matches = allCases.filter { bidang in
            Language.allCases.contains { bidang.label($0).lowercased().hasPrefix(wanted) }
        }
        return matches.count == 1 ? matches[0] : nil
    }
}

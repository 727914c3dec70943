/// The shape of usulan lists exchanged with SIPD (the national regional-government information system):
/// its column names, its "urusan" (government affairs, Permendagri 90/2019) for each bidang, and the way
/// its files write dates, names of places and numbers.
public enum SIPDFormat {
    public enum Column: String, CaseIterable, Sendable {
        case id = "ID Usulan"
        case date = "Tgl Usul"
        case proposer = "Pengusul"
        case urusan = "Urusan"
        case usulan = "Usulan"
        case problem = "Masalah"
        case address = "Alamat"
        case kabupaten = "Kab"
        case kecamatan = "Kec"
        case kelurahan = "Kel"
        case agency = "OPD Tujuan"
        case status = "Status"
        case note = "Catatan"
        case volume = "Volume"
        case satuan = "Satuan"
        case budget = "Anggaran"
    }

    /// Columns an import cannot do without.
    public static let required: [Column] = [.id, .date, .urusan, .usulan, .kecamatan, .kelurahan, .volume, .satuan, .budget]

    public static func urusan(_ bidang: Bidang) -> String {
        switch bidang {
        case .infrastruktur: "PEKERJAAN UMUM DAN PENATAAN RUANG"
        case .perumahan: "PERUMAHAN RAKYAT DAN KAWASAN PERMUKIMAN"
        case .pendidikan: "PENDIDIKAN"
        case .kesehatan: "KESEHATAN"
        case .ekonomi: "KOPERASI, USAHA KECIL, DAN MENENGAH"
        case .pertanian: "PERTANIAN"
        case .lingkungan: "LINGKUNGAN HIDUP"
        case .sosial: "SOSIAL"
        case .perhubungan: "PERHUBUNGAN"
        case .pemberdayaan: "PEMBERDAYAAN MASYARAKAT DAN DESA"
        }
    }

    /// The bidang of an urusan as SIPD writes it (any case, with or without the numeric prefix "1.03 ").
    public static func bidang(urusan text: String) -> Bidang? {
        let cleaned = placeKey(text.drop { $0.isNumber || $0 == "." || $0 == " " })
        if let bidang = Bidang(rawValue: cleaned) { return bidang }
        return Bidang.allCases.first { placeKey(urusan($0)) == cleaned }
    }

    /// Which column each header cell is; nil for a header without all required columns.
    public static func columns(of header: [String]) -> (map: [Column: Int], missing: [Column]) {
        var map: [Column: Int] = [:]
        for (index, cell) in header.enumerated() {
            let name = placeKey(cell)
            if let column = Column.allCases.first(where: { placeKey($0.rawValue) == name }), map[column] == nil { map[column] = index }
        }
        return (map, required.filter { map[$0] == nil })
    }

    /// `23/11/2026`, `23-11-2026` or `2026-11-23` (SIPD exports use the first).
    public static func date(_ text: String) -> LocalDate? {
        let trimmed = text.trimmingSpaces()
        if let iso = LocalDate(iso: String(trimmed.prefix(10))) { return iso }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " }).map(String.init)
        guard parts.count >= 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// `2,5`, `2.5`, `1.250` (Indonesian thousands: 1250) or `300`.
    public static func volume(_ text: String) -> Double? {
        var body = text.trimmingSpaces()
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        if body.contains(",") {
            body = body.replacingAll(".", with: "").replacingAll(",", with: ".")
        } else if groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            body = body.replacingAll(".", with: "")
        }
        guard let value = Double(body), value.isFinite else { return nil }
        return value
    }

    /// A budget as SIPD writes it: `135000000`, `135.000.000`, `Rp 135.000.000,00` or `135000000.00`.
    public static func amount(_ text: String) -> Int64? {
        let trimmed = text.trimmingSpaces()
        if let rupiah = Rupiah.parse(trimmed) { return rupiah.amount }
        if trimmed.hasSuffix(".00"), let whole = Int64(trimmed.dropLast(3)) { return whole }
        return nil
    }

    /// A name of a place or an urusan compared loosely: case, spaces and the words "Kabupaten", "Kecamatan",
    /// "Desa", "Kelurahan" (and their abbreviations) do not matter.
    public static func placeKey<S: StringProtocol>(_ text: S) -> String {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).map(String.init)
        let dropped: Set<String> = ["kabupaten", "kab.", "kab", "kota", "kecamatan", "kec.", "kec", "desa", "ds.", "kelurahan", "kel.", "kel"]
        let kept = words.count > 1 ? words.filter { !dropped.contains($0) } : words
        return kept.joined(separator: " ")
    }
}

import Foundation
import RembukCore

/// How much data `rembuk bench-data` makes. S is one kabupaten-year, M one province, L the whole country;
/// `tiny` is for tests of the generator itself.
public struct BenchScale: Sendable, Equatable {
    public enum Regions: Sendable, Equatable {
        /// The installation's kabupaten/kota.
        case kabupaten
        /// Every kabupaten/kota of its province.
        case province
        /// Every desa/kelurahan of Indonesia.
        case nation
    }

    public let name: String
    public let regions: Regions
    public let usulan: Int
    public let supports: Int
    public let accounts: Int
    public let projects: Int
    public let auditRecords: Int

    public static let tiny = BenchScale(name: "tiny", regions: .kabupaten, usulan: 400, supports: 2_000, accounts: 150, projects: 30, auditRecords: 800)
    public static let s = BenchScale(name: "S", regions: .kabupaten, usulan: 20_000, supports: 100_000, accounts: 5_000, projects: 1_000, auditRecords: 40_000)
    public static let m = BenchScale(name: "M", regions: .province, usulan: 300_000, supports: 1_500_000, accounts: 100_000, projects: 15_000, auditRecords: 400_000)
    public static let l = BenchScale(name: "L", regions: .nation, usulan: 1_000_000, supports: 5_000_000, accounts: 500_000, projects: 50_000, auditRecords: 1_000_000)

    /// The same scale with a longer or shorter audit trail (to time `rembuk audit verify` on a million records
    /// without generating the national scale).
    public func with(auditRecords: Int) -> BenchScale {
        BenchScale(name: name, regions: regions, usulan: usulan, supports: supports, accounts: accounts, projects: projects,
                   auditRecords: auditRecords)
    }

    public static func named(_ text: String) -> BenchScale? {
        [tiny, s, m, l].first { $0.name.lowercased() == text.lowercased() }
    }

    /// The password of every generated citizen, so a write benchmark can sign in as any of them.
    public static let password = "bench-rembuk-2026"
}

/// The draws realistic benchmark data needs, from the shared seedable generator.
extension SplitMix64 {
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An index in 0..<count where low indexes are far more likely (a power law): a few desa with many
    /// usulan and many with few, a few usulan with thousands of supports.
    mutating func skewed(_ count: Int, power: Double) -> Int { min(count - 1, Int(Double(count) * pow(unit(), power))) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    mutating func uuid() -> UUID {
        var a = next(), b = next()
        a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000      // version 4
        b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000      // variant 10
        let bytes = withUnsafeBytes(of: a.bigEndian) { Array($0) } + withUnsafeBytes(of: b.bigEndian) { Array($0) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// Indonesian words for long, varied texts that read like real usulan.
enum BenchText {
    static let works = ["Perbaikan", "Pembangunan", "Rehabilitasi", "Pengaspalan", "Normalisasi", "Pengadaan", "Pelebaran", "Peningkatan"]
    static let objects: [(String, String)] = [
        ("jalan lingkungan", "infrastruktur"), ("saluran drainase", "infrastruktur"), ("jembatan gantung", "infrastruktur"),
        ("rumah tidak layak huni", "perumahan"), ("ruang kelas SD", "pendidikan"), ("posyandu", "kesehatan"),
        ("pasar desa", "ekonomi"), ("irigasi tersier", "pertanian"), ("bank sampah", "lingkungan"),
        ("balai warga", "sosial"), ("penerangan jalan umum", "perhubungan"), ("pelatihan kader", "pemberdayaan"),
    ]
    static let places = ["Dusun Krajan", "Kampung Babakan", "Blok Sawah", "Gang Melati", "Kampung Cibeber", "Dusun Sukamaju", "Blok Pasar", "Kampung Tegalwaru"]
    static let problems = [
        "Setiap musim hujan air meluap ke jalan dan masuk ke rumah warga.",
        "Kondisinya rusak berat sehingga anak-anak sekolah harus memutar jauh.",
        "Warga lanjut usia dan ibu hamil kesulitan menuju puskesmas pembantu.",
        "Hasil panen sering terlambat sampai ke pasar karena akses yang buruk.",
        "Sampah rumah tangga menumpuk di pinggir sungai dan menimbulkan bau.",
        "Penerangan yang kurang membuat warga takut melintas pada malam hari.",
        "Kegiatan posyandu dan pengajian dilakukan di teras rumah warga karena belum ada tempat.",
        "Usulan ini sudah disampaikan pada musyawarah dusun dua tahun berturut-turut.",
    ]
    static let proposals = [
        "Pekerjaan dilakukan bertahap dengan melibatkan tenaga kerja warga setempat.",
        "Volume dan harga satuan mengikuti kamus usulan kabupaten tahun berjalan.",
        "Warga siap menyediakan lahan dan memelihara hasil pembangunan secara gotong royong.",
        "Lokasi sudah ditinjau bersama ketua RT, ketua RW, dan perangkat desa.",
    ]
    static let firstNames = ["Siti", "Dedi", "Asep", "Rina", "Ujang", "Euis", "Nining", "Agus", "Dewi", "Yayat", "Cucu", "Iwan", "Neneng", "Budi", "Ai", "Dadang"]
    static let lastNames = ["Aminah", "Kurniawan", "Saepudin", "Marlina", "Suryana", "Sumarni", "Rahmawati", "Hidayat", "Lestari", "Supriatna", "Komariah", "Setiawan"]

    static func paragraph(_ random: inout SplitMix64, from sentences: [String], count: Int) -> String {
        (0..<count).map { _ in random.pick(sentences) }.joined(separator: " ")
    }
}

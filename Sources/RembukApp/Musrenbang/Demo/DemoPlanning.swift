import Fluent
import Foundation
import RembukCore

/// The demo's planning calendar, pagu indikatif and kamus usulan, set through the same commands Bappeda uses (so audited).
/// The calendar is for next year's budget; for the demo, usulan are collected all through this year so
/// that submitting works whenever the demo runs.
enum DemoPlanning {
    static let kamus: [(code: String, name: String, satuan: String, price: Int64, agency: String, bidang: Bidang, fisik: Bool)] = [
        ("PU-001", "Rabat beton jalan lingkungan lebar 3 m", "m", 450_000, "dinas-pupr", .infrastruktur, true),
        ("PU-002", "Pengaspalan jalan desa (hotmix) lebar 4 m", "m", 1_150_000, "dinas-pupr", .infrastruktur, true),
        ("PU-003", "Saluran drainase beton U-ditch", "m", 650_000, "dinas-pupr", .infrastruktur, true),
        ("PU-004", "Tembok penahan tanah pasangan batu", "m", 1_500_000, "dinas-pupr", .infrastruktur, true),
        ("PU-005", "Jembatan beton pejalan kaki dan motor", "m", 12_000_000, "dinas-pupr", .infrastruktur, true),
        ("PU-006", "Normalisasi saluran irigasi tersier", "m", 250_000, "dinas-pupr", .pertanian, true),
        ("PKP-001", "Rehabilitasi rumah tidak layak huni", "unit", 20_000_000, "disperkim", .perumahan, true),
        ("PKP-002", "MCK umum dengan septic tank komunal", "unit", 55_000_000, "disperkim", .perumahan, true),
        ("PKP-003", "Jamban sehat keluarga", "unit", 4_500_000, "disperkim", .perumahan, true),
        ("HUB-001", "Penerangan jalan umum tenaga surya", "titik", 7_500_000, "dishub", .perhubungan, true),
        ("HUB-002", "Rambu lalu lintas dan cermin tikungan", "unit", 2_750_000, "dishub", .perhubungan, true),
        ("DIK-001", "Rehabilitasi ruang kelas sekolah dasar", "ruang", 95_000_000, "disdik", .pendidikan, true),
        ("KES-001", "Paket alat antropometri posyandu", "paket", 8_500_000, "dinkes", .kesehatan, true),
        ("KES-002", "Pemberian makanan tambahan balita gizi kurang", "orang", 450_000, "dinkes", .kesehatan, false),
        ("UKM-001", "Pelatihan pemasaran digital UMKM", "orang", 1_250_000, "dinas-koperasi-ukm", .ekonomi, false),
        ("UKM-002", "Pelatihan menjahit dan bantuan mesin jahit", "orang", 3_000_000, "dinas-koperasi-ukm", .ekonomi, false),
        ("TAN-001", "Benih padi unggul bersertifikat dan pupuk organik", "paket", 1_800_000, "distan", .pertanian, false),
        ("LH-001", "Bank sampah dengan gerobak dan pelatihan pemilahan", "unit", 65_000_000, "dlh", .lingkungan, true),
        ("LH-002", "Bibit pohon keras untuk penghijauan bantaran sungai", "pohon", 25_000, "dlh", .lingkungan, false),
        ("SOS-001", "Alat bantu bagi penyandang disabilitas", "unit", 3_500_000, "dinsos", .sosial, false),
        ("DES-001", "Pelatihan kader pemberdayaan masyarakat desa", "orang", 900_000, "dpmd", .pemberdayaan, false),
    ]

    static func load(in ctx: Invocation) async throws {
        let year = ctx.today.year
        if try await PlanningCycle.query(on: ctx.db).count() == 0 {
            let phases: [PlanningPhase: (String, String)] = [
                .aspirasi: ("01-01", "12-31"), .desa: ("01-15", "02-10"), .kecamatan: ("02-11", "02-28"),
                .forumOPD: ("03-02", "03-13"), .kabupaten: ("03-24", "03-26"), .rkpd: ("05-04", "06-30"),
            ]
            var fields: [String: String] = [:]
            for (phase, dates) in phases {
                fields["\(phase.rawValue)_start"] = "\(year)-\(dates.0)"
                fields["\(phase.rawValue)_end"] = "\(year)-\(dates.1)"
            }
            if case let .invalid(errors) = try await SavePlanningCycle().run(.init(year: String(year + 1), phases: fields), in: ctx) {
                throw LoadDemoData.DemoProblem(description: "demo cycle: \(errors.fields.mapValues(\.en))")
            }
        }
        // Pagu indikatif: Rp2 M per kecamatan plus Rp150 jt per desa/kelurahan in it.
        if let cycle = try await PlanningCycle.query(on: ctx.db).filter(\.$year == year + 1).first(),
           try await PaguIndikatif.query(on: ctx.db).filter(\.$cycle.$id == cycle.requireID()).count() == 0 {
            let regions = try await Region.query(on: ctx.db).within(ctx.settings.kabupaten.value).all()
            var amounts: [String: String] = [:]
            for kecamatan in regions where kecamatan.depth == 2 {
                let desa = regions.filter { $0.parentCode == kecamatan.id }.count
                amounts["pagu_" + (kecamatan.id ?? "")] = String(2_000_000_000 + Int64(desa) * 150_000_000)
            }
            if case let .invalid(errors) = try await SavePagu().run(year: year + 1, amounts: amounts, in: ctx) {
                throw LoadDemoData.DemoProblem(description: "demo pagu: \(errors.fields.mapValues(\.en))")
            }
        }
        if try await KamusItem.query(on: ctx.db).count() == 0 {
            for item in kamus {
                let input = SaveKamusItem.Input(code: item.code, name: item.name, satuan: item.satuan, unit_price: String(item.price),
                                                agency: item.agency, bidang: item.bidang.rawValue, fisik: item.fisik ? "1" : nil, active: "1")
                if case let .invalid(errors) = try await SaveKamusItem().run(input, existing: nil, in: ctx) {
                    throw LoadDemoData.DemoProblem(description: "demo kamus \(item.code): \(errors.fields.mapValues(\.en))")
                }
            }
        }
    }
}

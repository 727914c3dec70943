import Fluent
import Foundation
import RembukCore

/// The demo's programmes, run through the same commands as in use: an UMKM digital-marketing training open for
/// registration, a waste-bank training that took place last month (attendance taken, the citizen certified),
/// and a tree-planting day being planned.
enum DemoPrograms {
    static func load(in ctx: Invocation) async throws {
        guard try await Program.query(on: ctx.db).count() == 0, let citizen = try await DemoProjects.citizen(in: ctx) else { return }
        let staff = try await DemoProjects.principal(for: nil, in: ctx)
        let today = ctx.today
        func at(_ principal: Principal, _ daysAgo: Int, hour: Int = 9) -> Invocation {
            Invocation(app: ctx.app, principal: principal, now: today.adding(days: -daysAgo).startOfDay().addingTimeInterval(Double(hour) * 3_600))
        }
        func program(_ input: SaveProgram.Input, by ctx: Invocation) async throws -> Program {
            guard case let .saved(program) = try await SaveProgram().run(input, in: ctx) else { throw LoadDemoData.DemoProblem(description: "demo programme \(input.title ?? "")") }
            return program
        }
        func session(_ program: Program, _ title: String, inDays days: Int, from ctx: Invocation, capacity: Int, place: String) async throws -> ProgramSession {
            let day = LocalDate(ctx.now).adding(days: days)
            guard case let .added(session) = try await AddSession().run(program, .init(title: title, date: day.iso, starts: "09.00", ends: "12.00", place: place,
                                                                                       capacity: String(capacity)), in: ctx) else {
                throw LoadDemoData.DemoProblem(description: "demo session \(title)")
            }
            return session
        }
        func move(_ program: Program, _ status: ProgramStatus, by ctx: Invocation) async throws {
            if let errors = try await ChangeProgramStatus().run(program, .init(status: status.rawValue, reason: ""), in: ctx) {
                throw LoadDemoData.DemoProblem(description: "demo programme status: \(errors.fields)")
            }
            program.status = status.rawValue
        }

        // Last month: a waste-bank training in two sessions; the citizen came to both and holds a certificate.
        let wasteStart = at(staff, 45)
        let waste = try await program(.init(
            title: "Pelatihan pengelolaan bank sampah tingkat RW", type: ProgramType.pengelolaanSampah.rawValue,
            description: "Pelatihan dua sesi bagi pengurus RW dan kader lingkungan: memilah sampah rumah tangga, mencatat tabungan sampah nasabah, dan menjual hasil pilahan ke pengepul.\n\nPeserta yang hadir di kedua sesi mendapat sertifikat.",
            target_group: "Pengurus RW, kader PKK dan karang taruna", eligible_kecamatan: ["32.14.01"], agency: "dlh", year: String(today.year),
            sub_kegiatan: "", budget: "18.500.000", minimum_sessions: "2"), by: wasteStart)
        let first = try await session(waste, "Sesi 1: Memilah dan menimbang", inDays: 7, from: wasteStart, capacity: 30, place: "Aula Kecamatan Purwakarta")
        let second = try await session(waste, "Sesi 2: Pembukuan dan penjualan", inDays: 14, from: wasteStart, capacity: 30, place: "Aula Kecamatan Purwakarta")
        try await move(waste, .pendaftaran, by: wasteStart)
        for target in [first, second] {
            guard case .seated = try await RegisterForSession().run(target, of: waste, .init(desa_code: "32.14.01.2010"), in: at(citizen, 44)) else {
                throw LoadDemoData.DemoProblem(description: "demo registration")
            }
        }
        try await move(waste, .berjalan, by: at(staff, 38))
        for target in [first, second] {
            let seated = try await Registration.query(on: ctx.db).filter(\.$session.$id == target.requireID()).all().compactMap { $0.id?.uuidString }
            _ = try await RecordAttendance().run(target, of: waste, .init(attended: seated), in: at(staff, target === first ? 38 : 31, hour: 13))
        }
        for (daysAgo, desa, volunteers, kg, note) in [(30, "32.14.01.1001", 12, "86,5", "Pemilahan perdana di bank sampah RW 03"),
                                                      (16, "32.14.01.1004", 9, "54", "Penimbangan bulanan; plastik dijual ke pengepul")] {
            guard case .recorded = try await RecordActivity().run(waste, .init(done_on: today.adding(days: -daysAgo).iso, desa_code: desa, trees: "", waste_kg: kg,
                                                                               water_sources: "", volunteers: String(volunteers), note: note), in: at(staff, daysAgo, hour: 15)) else {
                throw LoadDemoData.DemoProblem(description: "demo activity")
            }
        }
        _ = try await IssueCertificates().run(waste, in: at(staff, 30))
        try await move(waste, .selesai, by: at(staff, 30))

        // Now: an UMKM training open for registration, two sessions next week and the week after.
        let umkmStart = at(staff, 5)
        let umkm = try await program(.init(
            title: "Pelatihan pemasaran digital untuk UMKM makanan olahan", type: ProgramType.pelatihanUMKM.rawValue,
            description: "Dua hari pelatihan praktik: memotret produk dengan ponsel, membuka toko di marketplace, dan beriklan hemat di media sosial. Pendamping dari Dinas Koperasi dan UKM memantau omzet peserta 3 dan 6 bulan setelah pelatihan.",
            target_group: "Pelaku UMKM makanan olahan", eligible_kecamatan: [], umkm_only: "on", agency: "dinas-koperasi-ukm", year: String(today.year),
            sub_kegiatan: "2.17.05.2.01.0003", budget: "62.000.000", minimum_sessions: "2"), by: umkmStart)
        _ = try await session(umkm, "Hari 1: Foto produk dan toko daring", inDays: 12, from: umkmStart, capacity: 25, place: "Gedung Koperasi, Jl. K.K. Singawinata")
        _ = try await session(umkm, "Hari 2: Iklan media sosial dan pembukuan", inDays: 19, from: umkmStart, capacity: 25, place: "Gedung Koperasi, Jl. K.K. Singawinata")
        try await move(umkm, .pendaftaran, by: umkmStart)

        // Being planned: a tree-planting day along the Cilalawi.
        _ = try await program(.init(
            title: "Gerakan menanam 1.000 pohon di bantaran Sungai Cilalawi", type: ProgramType.penghijauan.rawValue,
            description: "Relawan warga bersama DLH menanam bibit pohon penahan tebing di bantaran sungai, lalu merawatnya selama musim hujan.",
            target_group: "Relawan warga, pelajar dan komunitas", eligible_kecamatan: [], agency: "dlh", year: String(today.year + 1),
            sub_kegiatan: "", budget: "0", minimum_sessions: "1"), by: at(staff, 2))
    }
}

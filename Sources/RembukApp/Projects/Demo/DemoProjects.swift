import Fluent
import Foundation
import RembukCore

/// This year's projects of the demo kabupaten in every state, each with the reports and photos its state
/// implies, and next year's first project made from an accepted usulan. Everything goes through the same
/// commands the agencies use (so the audit trail and the usulan timelines tell the same story), with the
/// clock set back to when each step would have happened. Dates are relative to today, so the demo always
/// reads as a year in progress. Added once.
enum DemoProjects {
    struct Report {
        let daysAgo: Int
        let progress: Int
        let realisedShare: Int   // per cent of the pagu
        let notes: String
        var problems = ""
        var reason = ""
    }

    struct Spec {
        let title: String
        let agency: String
        let bidang: Bidang
        let code: String
        let source: FundingSource
        let pagu: Int64
        let contractor: String
        let desa: Int
        let startedDaysAgo: Int
        let lengthDays: Int
        let end: ProjectStatus
        var reports: [Report] = []
        var heldUp = ""
        var paguChange: (Int64, String)? = nil
    }

    static let specs: [Spec] = [
        Spec(title: "Rehabilitasi jalan lingkungan Dusun Krajan 600 m", agency: "dinas-pupr", bidang: .infrastruktur, code: "1.03.10.2.01.0036",
             source: .apbd, pagu: 420_000_000, contractor: "CV Karya Mandiri Purwakarta", desa: 3, startedDaysAgo: 150, lengthDays: 180, end: .pelaksanaan,
             reports: [Report(daysAgo: 90, progress: 2_000, realisedShare: 20, notes: "Pembersihan lokasi dan galian badan jalan 600 m selesai; lapis pondasi agregat dimulai."),
                       Report(daysAgo: 55, progress: 4_500, realisedShare: 40, notes: "Lapis pondasi agregat kelas A terpasang 350 m.", problems: "Hujan deras tiga hari menunda pemadatan."),
                       Report(daysAgo: 20, progress: 6_250, realisedShare: 55, notes: "Pengaspalan lapis AC-WC 300 m dari arah balai desa.")],
             paguChange: (445_000_000, "APBD Perubahan: penambahan bahu jalan di tikungan sekolah")),
        Spec(title: "Pembangunan tembok penahan tanah tebing Cilalawi 80 m", agency: "dinas-pupr", bidang: .infrastruktur, code: "1.03.10.2.01.0045",
             source: .apbd, pagu: 165_000_000, contractor: "CV Tirta Bangun", desa: 11, startedDaysAgo: 200, lengthDays: 120, end: .selesai,
             reports: [Report(daysAgo: 170, progress: 3_000, realisedShare: 30, notes: "Galian pondasi dan pasangan batu kali 25 m."),
                       Report(daysAgo: 140, progress: 6_500, realisedShare: 60, notes: "Pasangan batu 55 m, suling-suling terpasang."),
                       Report(daysAgo: 110, progress: 9_000, realisedShare: 85, notes: "Pasangan batu 80 m selesai; plesteran dan siaran berjalan."),
                       Report(daysAgo: 95, progress: 10_000, realisedShare: 97, notes: "Pekerjaan selesai dan diserahterimakan (PHO) kepada dinas.")]),
        Spec(title: "Saluran drainase beton Jalan Veteran 350 m", agency: "dinas-pupr", bidang: .infrastruktur, code: "1.03.10.2.01.0041",
             source: .dak, pagu: 238_000_000, contractor: "PT Cipta Karya Sejahtera", desa: 20, startedDaysAgo: 120, lengthDays: 150, end: .terhambat,
             reports: [Report(daysAgo: 80, progress: 1_500, realisedShare: 15, notes: "Galian saluran 120 m dan pemasangan U-ditch 50 m."),
                       Report(daysAgo: 35, progress: 2_800, realisedShare: 30, notes: "U-ditch terpasang 95 m.", problems: "Dua rumah toko belum bersedia membongkar teras yang menutup saluran lama.")],
             heldUp: "Menunggu kesepakatan pembongkaran teras toko yang menutup jalur saluran; mediasi oleh kecamatan dijadwalkan."),
        Spec(title: "Rehabilitasi dua ruang kelas sekolah dasar negeri", agency: "disdik", bidang: .pendidikan, code: "1.01.02.2.01.0016",
             source: .dak, pagu: 190_000_000, contractor: "", desa: 5, startedDaysAgo: 40, lengthDays: 120, end: .pengadaan),
        Spec(title: "Penerangan jalan umum tenaga surya 25 titik", agency: "dishub", bidang: .perhubungan, code: "2.15.02.2.01.0009",
             source: .apbd, pagu: 187_500_000, contractor: "CV Surya Terang Abadi", desa: 30, startedDaysAgo: 100, lengthDays: 120, end: .pelaksanaan,
             reports: [Report(daysAgo: 60, progress: 3_600, realisedShare: 30, notes: "Tiang dan pondasi 9 titik terpasang."),
                       Report(daysAgo: 25, progress: 7_200, realisedShare: 70, notes: "18 titik menyala; 7 titik menunggu panel surya tahap dua.")]),
        Spec(title: "Bank sampah unit dan gerobak pemilah sampah", agency: "dlh", bidang: .lingkungan, code: "2.11.04.2.01.0003",
             source: .csr, pagu: 65_000_000, contractor: "Swakelola Yayasan Citarum Lestari", desa: 42, startedDaysAgo: 180, lengthDays: 90, end: .selesai,
             reports: [Report(daysAgo: 150, progress: 4_000, realisedShare: 35, notes: "Bangunan bank sampah 6×8 m berdiri; pelatihan pemilahan untuk 40 kader."),
                       Report(daysAgo: 120, progress: 8_000, realisedShare: 80, notes: "Empat gerobak pemilah dan timbangan diserahkan."),
                       Report(daysAgo: 100, progress: 10_000, realisedShare: 100, notes: "Bank sampah beroperasi; 1,2 ton sampah terpilah pada bulan pertama.")]),
        Spec(title: "Rehabilitasi 12 rumah tidak layak huni", agency: "disperkim", bidang: .perumahan, code: "1.04.02.2.01.0007",
             source: .apbd, pagu: 240_000_000, contractor: "", desa: 60, startedDaysAgo: 10, lengthDays: 150, end: .perencanaan),
        Spec(title: "Paket alat antropometri untuk 6 posyandu", agency: "dinkes", bidang: .kesehatan, code: "1.02.02.2.01.0024",
             source: .apbdes, pagu: 51_000_000, contractor: "CV Medika Utama", desa: 75, startedDaysAgo: 130, lengthDays: 60, end: .selesai,
             reports: [Report(daysAgo: 100, progress: 5_000, realisedShare: 50, notes: "Alat untuk 3 posyandu diterima dan dicek kader."),
                       Report(daysAgo: 80, progress: 10_000, realisedShare: 100, notes: "Seluruh 6 paket diserahkan; kader dilatih mengukur panjang badan.")]),
    ]

    static func load(in ctx: Invocation) async throws {
        guard try await Project.query(on: ctx.db).count() == 0 else { return }
        let kabupaten = ctx.settings.kabupaten.value
        let desa = try await Region.query(on: ctx.db).within(kabupaten).filter(\.$depth == 3).sort(\.$id).all()
        guard !desa.isEmpty else { return }
        let today = ctx.today
        for (index, spec) in specs.enumerated() {
            let actor = try await principal(for: spec.agency, in: ctx)
            func at(_ daysAgo: Int, hour: Double = 10) -> Invocation {
                Invocation(app: ctx.app, principal: actor, now: today.adding(days: -daysAgo).startOfDay().addingTimeInterval(hour * 3_600))
            }
            var input = SaveProject.Input()
            input.title = spec.title
            input.agency = spec.agency
            input.bidang = spec.bidang.rawValue
            input.year = String(today.year)
            input.sub_kegiatan = spec.code
            input.nomenclature = Nomenclature.current.rawValue
            input.funding_source = spec.source.rawValue
            input.pagu = String(spec.pagu)
            input.contractor = spec.contractor
            input.desa_code = desa[spec.desa % desa.count].id
            input.planned_start = today.adding(days: -spec.startedDaysAgo).iso
            input.planned_end = today.adding(days: spec.lengthDays - spec.startedDaysAgo).iso
            input.description = "Kegiatan \(spec.bidang.label(.id).lowercased()) tahun anggaran \(today.year), dipantau warga melalui Rembuk."
            guard case let .saved(project) = try await SaveProject(existing: nil).run(input, in: at(spec.startedDaysAgo + 30)) else {
                throw LoadDemoData.DemoProblem(description: "demo project \(spec.title)")
            }
            try await play(spec, project: project, at: at, tint: UInt8(60 + index * 20))
        }
        try await fromAcceptedUsulan(in: ctx)
    }

    /// The project's life: procurement, work with its reports, and how it ends.
    static func play(_ spec: Spec, project: Project, at: (Int, Double) -> Invocation, tint: UInt8) async throws {
        let steps: [ProjectStatus] = [.pengadaan, .pelaksanaan, .selesai]
        let reach = spec.end == .terhambat ? 1 : (steps.firstIndex(of: spec.end).map { $0 } ?? -1)
        if reach >= 0 { try await move(project, to: .pengadaan, "", at(spec.startedDaysAgo + 20, 9)) }
        if reach >= 1 { try await move(project, to: .pelaksanaan, "Kontrak ditandatangani; SPMK terbit.", at(spec.startedDaysAgo, 9)) }
        for (n, report) in spec.reports.enumerated() {
            if n == 1, let (pagu, reason) = spec.paguChange {
                guard case .changed = try await ChangeProjectPagu().run(pagu: String(pagu), reason: reason, project: project, in: at(report.daysAgo + 2, 11)) else {
                    throw LoadDemoData.DemoProblem(description: "demo pagu \(spec.title)")
                }
            }
            let realised = project.pagu * Int64(report.realisedShare) / 100
            let photo = SubmittedForm.File(field: StoreUploads.field, filename: "foto-lapangan-\(n + 1).png",
                                           bytes: DemoPicture.site(progress: report.progress, tint: tint))
            let form = SubmittedForm(fields: ["reported_on": [at(report.daysAgo, 8).today.iso], "progress": [String(Double(report.progress) / 100)],
                                              "realised": [String(realised)], "notes": [report.notes], "problems": [report.problems],
                                              "reason": [report.reason]], files: [photo])
            guard case .reported = try await ReportProgress().run(form, project: project, in: at(report.daysAgo, 15)) else {
                throw LoadDemoData.DemoProblem(description: "demo report \(spec.title) \(n)")
            }
        }
        if spec.end == .selesai, let last = spec.reports.last {
            try await move(project, to: .selesai, "Serah terima pekerjaan.", at(max(last.daysAgo - 3, 0), 10))
        }
        if spec.end == .terhambat, let last = spec.reports.last {
            try await move(project, to: .terhambat, spec.heldUp, at(max(last.daysAgo - 5, 0), 10))
        }
    }

    static func move(_ project: Project, to status: ProjectStatus, _ reason: String, _ ctx: Invocation) async throws {
        guard case .changed = try await ChangeProjectStatus().run(to: status.rawValue, reason: reason, expecting: nil, project: project, in: ctx) else {
            throw LoadDemoData.DemoProblem(description: "demo status \(project.title) → \(status)")
        }
    }

    /// Next year's first project, from one accepted usulan of the DLH (its proposer sees it on the timeline).
    static func fromAcceptedUsulan(in ctx: Invocation) async throws {
        guard let usulan = try await Usulan.query(on: ctx.db).filter(\.$status == UsulanStatus.diterimaOPD.rawValue)
            .filter(\.$targetAgency == "dlh").sort(\.$title).first() else { return }
        var input = ProjectFormPage.input(from: [usulan], year: usulan.year)
        input.sub_kegiatan = "2.11.05.2.01.0004"
        input.funding_source = FundingSource.csr.rawValue
        input.planned_start = LocalDate(year: usulan.year, month: 2, day: 1)?.iso
        input.planned_end = LocalDate(year: usulan.year, month: 5, day: 31)?.iso
        let actor = try await principal(for: "dlh", in: ctx)
        guard case .saved = try await SaveProject(existing: nil).run(input, in: Invocation(app: ctx.app, principal: actor, now: ctx.now)) else {
            throw LoadDemoData.DemoProblem(description: "demo project from \(usulan.number)")
        }
    }

    /// The agency's own demo staff account if it has one, else (and for nil) the Bappeda admin, who acts for every agency.
    static func principal(for agency: String?, in ctx: Invocation) async throws -> Principal {
        let grants = try await RoleGrant.query(on: ctx.db).filter(\.$revokedAt == nil).with(\.$account).all()
        let grant = grants.first { $0.role == Role.opd.rawValue && $0.agencyID == agency && agency != nil } ?? grants.first { $0.role == Role.bappeda.rawValue }
        guard let account = grant?.account else { throw LoadDemoData.DemoProblem(description: "no demo staff for \(agency)") }
        return Principal(sessionToken: "demo", account: account, grants: grants.filter { $0.$account.id == account.id })
    }

    /// The demo citizen (Siti Aminah), signed in, or nil before the accounts exist.
    static func citizen(in ctx: Invocation) async throws -> Principal? {
        guard let citizen = try await Account.query(on: ctx.db).filter(\.$email == "warga@rembuk.test").first(), let id = citizen.id else { return nil }
        return Principal(sessionToken: "demo", account: citizen, grants: try await RoleGrant.query(on: ctx.db).filter(\.$account.$id == id).all())
    }
}

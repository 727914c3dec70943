import Fluent
import Foundation
import RembukCore

/// The public datasets of Rembuk: what each holds, where to download it, and its data dictionary.
/// Each dataset's "last updated" is the time of the latest audit record about its subjects.
struct Dataset: Sendable {
    struct Field: Sendable {
        var name: String
        var column: String
        var type: String
        var meaning: Phrase
        var example: String
    }

    var id: String
    var title: Phrase
    var summary: Phrase
    var downloads: [(label: String, path: String)]
    var api: String?
    var auditSubjects: [String]
    var fields: [Field]
    var count: @Sendable (any Database) async throws -> Int

    static let licence = Phrase(
        "Data terbuka Rembuk boleh disalin, diolah dan disebarkan untuk keperluan apa pun, termasuk komersial, dengan menyebut sumbernya (Creative Commons Atribusi 4.0 Internasional, CC BY 4.0). Data pribadi (NIK, nomor telepon, nama pelapor) tidak pernah ada di dalamnya.",
        "Rembuk's open data may be copied, processed and shared for any purpose, commercial included, with attribution (Creative Commons Attribution 4.0 International, CC BY 4.0). Personal data (NIK, phone numbers, reporters' names) is never in it.")

    static func field(_ name: String, _ column: String, _ type: String, _ id: String, _ en: String, _ example: String) -> Field {
        Field(name: name, column: column, type: type, meaning: Phrase(id, en), example: example)
    }

    static let all: [Dataset] = [usulan, forumResults, projects, projectReports, pagu, complaints, programs]

    static let usulan = Dataset(
        id: "usulan", title: Phrase("Usulan warga", "Citizens' proposals"),
        summary: Phrase("Setiap usulan yang diajukan (bukan draf, tidak disembunyikan moderator) dengan posisinya sekarang.",
                        "Every submitted proposal (no drafts, none hidden by a moderator) with where it is now."),
        downloads: [("CSV", SiteRoute.usulanExportCSV.path), ("JSON", SiteRoute.usulanExportJSON.path), ("CSV SIPD", SiteRoute.usulanExportSIPD.path)],
        api: SiteRoute.apiUsulanList.path, auditSubjects: ["usulan"],
        fields: [
            field("number", "Nomor", "teks", "Nomor usulan yang dikutip warga dan operator", "Short number people quote", "U-3F2A9C1D"),
            field("year", "Tahun", "bilangan", "Tahun anggaran yang dituju", "Budget year aimed at", "2027"),
            field("title", "Judul", "teks", "Judul usulan", "Title", "Perbaikan jalan lingkungan RT 03"),
            field("bidang", "Bidang", "kode", "Bidang pembangunan", "Sector", "infrastruktur"),
            field("desa.code", "Desa/Kelurahan", "kode wilayah", "Desa/kelurahan lokasi (kode Kemendagri)", "Village (official code)", "32.14.01.2010"),
            field("kecamatan.code", "Kecamatan", "kode wilayah", "Kecamatan lokasi", "District", "32.14.01"),
            field("latitude, longitude", "Lintang, Bujur", "desimal", "Titik lokasi bila diisi", "Location when pinned", "-6,5569; 107,4431"),
            field("volume, satuan", "Volume, Satuan", "desimal, teks", "Besaran kegiatan", "Size of the work", "300 m"),
            field("cost", "Perkiraan biaya (Rp)", "rupiah utuh", "Perkiraan biaya dari pengusul atau kamus", "Estimated cost", "135000000"),
            field("beneficiaries", "Penerima manfaat", "bilangan", "Perkiraan jumlah penerima manfaat", "Expected beneficiaries", "250"),
            field("pokir", "Pokir DPRD (anggota), Dapil", "teks", "Diisi bila usulan adalah pokok pikiran anggota DPRD", "Set when a council member's proposal", "H. Ahmad Sanusi; Dapil 2"),
            field("targetAgency.code", "Perangkat daerah tujuan", "kode", "Perangkat daerah yang menangani", "Agency it is aimed at", "dinas-pupr"),
            field("status", "Status", "kode", "Posisi usulan di alur (diajukan … selesai)", "Where it is in the pipeline", "masuk_rkpd"),
            field("supportCount", "Dukungan", "bilangan", "Jumlah warga yang mendukung", "Supports", "12"),
            field("submittedAt", "Tanggal diajukan", "tanggal", "Saat usulan diajukan", "When it was submitted", "2026-02-03"),
        ],
        count: { try await Usulan.publicQuery(on: $0).count() })

    static let forumResults = Dataset(
        id: "musrenbang", title: Phrase("Hasil forum Musrenbang", "Musrenbang forum results"),
        summary: Phrase("Satu baris per usulan per forum yang sudah ditutup: urutan, prioritas, nilai, biaya dan hasilnya, persis seperti berita acara.",
                        "One row per proposal per closed forum: order, priority, score, cost and outcome, exactly as in the minutes."),
        downloads: [("CSV", SiteRoute.forumResultsCSV.path), ("JSON", SiteRoute.forumResultsJSON.path)],
        api: SiteRoute.apiForumResults.path, auditSubjects: ["forum"],
        fields: [
            field("forum", "Forum", "teks", "Nama forum", "Forum name", "Musrenbang Desa Citalang TA 2027"),
            field("level", "Jenis forum", "kode", "desa, kecamatan, forum_opd, kabupaten, tematik", "Kind of forum", "kecamatan"),
            field("region.code", "Kode wilayah", "kode wilayah", "Wilayah penyelenggara", "Region holding it", "32.14.01"),
            field("heldOn", "Tanggal", "tanggal", "Tanggal forum", "Date held", "2027-02-20"),
            field("budgetYear", "Tahun anggaran", "bilangan", "Tahun anggaran siklus perencanaan", "Budget year", "2027"),
            field("usulan", "Nomor usulan", "teks", "Nomor usulan yang dibahas", "Proposal discussed", "U-3F2A9C1D"),
            field("priority", "Prioritas", "bilangan", "Urutan prioritas di antara yang disepakati", "Priority among the agreed", "1"),
            field("score", "Nilai rata-rata", "desimal", "Rata-rata nilai para penilai (skala 1–5)", "Mean score (1–5)", "4,15"),
            field("cost", "Biaya (Rp)", "rupiah utuh", "Biaya setelah penyesuaian forum", "Cost after the forum's adjustments", "135000000"),
            field("outcome", "Hasil", "kode", "disepakati, belum_disepakati, diterima, ditolak, masuk_rkpd, …", "Outcome", "disepakati"),
            field("reason", "Alasan", "teks", "Mengapa tidak disepakati (mis. melebihi pagu)", "Why not agreed", "melebihi pagu"),
        ],
        count: { db in
            let ids = try await Forum.query(on: db).filter(\.$status == ForumStatus.selesai.rawValue).all().compactMap(\.id)
            return ids.isEmpty ? 0 : try await ForumResult.query(on: db).filter(\.$forum.$id ~~ ids).count()
        })

    static let projects = Dataset(
        id: "proyek", title: Phrase("Proyek dan anggarannya", "Projects and their budgets"),
        summary: Phrase("Setiap proyek: perangkat daerah, sub-kegiatan, sumber dana, pagu, realisasi, kemajuan fisik, lokasi, status dan usulan asalnya.",
                        "Every project: agency, sub-activity, funding, budget, spending, progress, place, status and the proposals it came from."),
        downloads: [("CSV", SiteRoute.projectExportCSV.path), ("JSON", SiteRoute.projectExportJSON.path)],
        api: SiteRoute.apiProjectList.path, auditSubjects: ["project"],
        fields: [
            field("number", "Nomor", "teks", "Nomor proyek", "Project number", "P-84BFB59D"),
            field("agency.code", "Perangkat daerah", "kode", "Perangkat daerah pelaksana", "Agency", "dinas-pupr"),
            field("subKegiatan", "Kode sub-kegiatan", "kode", "Kode nomenklatur urusan.bidang.program.kegiatan.sub-kegiatan", "Nomenclature code", "1.03.10.2.01.0036"),
            field("nomenclature", "Nomenklatur", "teks", "Versi Kepmendagri yang dipakai kode itu", "Decree the code follows", "900.1.15.5-1317/2023"),
            field("fundingSource", "Sumber dana", "kode", "apbd, apbdes, dak, csr, lainnya", "Funding source", "apbd"),
            field("pagu", "Pagu (Rp)", "rupiah utuh", "Anggaran proyek (setelah perubahan tercatat)", "Budget (after recorded changes)", "445000000"),
            field("realised", "Realisasi (Rp)", "rupiah utuh", "Uang yang sudah dibelanjakan menurut laporan terakhir", "Spent according to the latest report", "244750000"),
            field("progressPercent", "Kemajuan fisik (%)", "desimal", "Kemajuan fisik menurut laporan terakhir", "Physical progress", "62,5"),
            field("contractor", "Pelaksana", "teks", "Penyedia atau swakelola", "Contractor", "CV Karya Mandiri"),
            field("desa.code", "Desa/Kelurahan", "kode wilayah", "Lokasi", "Location", "32.14.01.1004"),
            field("plannedStart, plannedEnd", "Rencana mulai, Rencana selesai", "tanggal", "Jadwal rencana", "Planned dates", "2026-06-27"),
            field("status", "Status", "kode", "perencanaan, pengadaan, pelaksanaan, selesai, terhambat", "Status", "pelaksanaan"),
            field("usulan", "Usulan asal", "daftar", "Nomor usulan yang dikerjakan", "Proposals it carries out", "U-3F2A9C1D"),
        ],
        count: { try await Project.query(on: $0).count() })

    static let complaints = Dataset(
        id: "pengaduan", title: Phrase("Pengaduan warga", "Citizens' complaints"),
        summary: Phrase("Pengaduan yang sudah diverifikasi dan tidak rahasia: kategori, lokasi, status, perangkat daerah dan jawabannya. Pelapor tidak pernah disertakan.",
                        "Verified, non-confidential complaints: category, place, status, agency and its answer. The reporter is never included."),
        downloads: [("CSV", SiteRoute.complaintsCSV.path), ("JSON", SiteRoute.complaintsJSON.path), ("Atom", SiteRoute.complaintFeed.path)],
        api: SiteRoute.apiComplaintList.path, auditSubjects: ["complaint"],
        fields: [
            field("number", "Nomor", "teks", "Nomor pengaduan", "Complaint number", "L-3F2A9C1D"),
            field("category.code", "Kategori", "kode", "Kategori pengaduan (menentukan perangkat daerah tujuan)", "Category (decides the agency)", "jalan-jembatan"),
            field("title, text", "Judul, Isi", "teks", "Apa yang dilaporkan", "What was reported", "Jalan berlubang di depan SDN Citalang 1"),
            field("aboutURL", "Tentang", "alamat", "Proyek atau usulan yang dilaporkan, bila ada", "Project or proposal it is about", "https://…/proyek/…"),
            field("desa.code", "Kode desa", "kode wilayah", "Desa/kelurahan lokasi", "Village", "32.14.01.2010"),
            field("status", "Status", "kode", "diverifikasi, didisposisikan, ditindaklanjuti, selesai, bukan_kewenangan", "Where it stands", "ditindaklanjuti"),
            field("agency.code", "Perangkat daerah", "kode", "Perangkat daerah yang menangani", "Agency handling it", "dinas-pupr"),
            field("receivedOn", "Diterima", "tanggal", "Tanggal pengaduan diterima", "Date received", "2026-11-03"),
            field("firstResponseOn", "Pertama ditanggapi", "tanggal", "Tanggal jawaban pertama perangkat daerah", "Date of the agency's first answer", "2026-11-06"),
            field("answer", "Jawaban terakhir", "teks", "Jawaban terakhir perangkat daerah", "The agency's latest answer", "Lubang ditambal sementara …"),
        ],
        count: { try await ComplaintAccess.publicQuery(on: $0).count() })

    static let programs = Dataset(
        id: "program", title: Phrase("Program masyarakat", "Community programmes"),
        summary: Phrase("Pelatihan, pendampingan UMKM dan kegiatan lingkungan: anggaran, sesi, kursi terisi, kehadiran, sertifikat dan hasil usaha peserta (nilai tengah, bila paling sedikit 3 diukur). Tanpa nama atau data peserta.",
                        "Training, small-business mentoring and environmental programmes: budget, sessions, seats taken, attendance, certificates and participants' business outcome (medians, once at least 3 are measured). No names or personal data."),
        downloads: [("CSV", SiteRoute.programsCSV.path), ("JSON", SiteRoute.programsJSON.path), ("CSV sesi", SiteRoute.programSessionsCSV.path)],
        api: SiteRoute.apiProgramList.path, auditSubjects: ["program"],
        fields: [
            field("number", "Nomor", "teks", "Nomor program", "Programme number", "PR-3F2A9C1D"),
            field("type", "Jenis", "kode", "pelatihan_umkm, pendampingan_umkm, workshop, penghijauan, pengelolaan_sampah, …", "Kind", "pelatihan_umkm"),
            field("agency.code", "Perangkat daerah", "kode", "Penyelenggara", "Agency running it", "dinas-koperasi-ukm"),
            field("budget", "Anggaran (Rp)", "rupiah utuh", "Anggaran program", "Budget", "62000000"),
            field("sessions[].seatsTaken, waiting, attended", "Terdaftar, Menunggu, Hadir", "bilangan", "Per sesi: kursi terisi, daftar tunggu, yang hadir", "Per session: seats taken, waiting, present", "25; 3; 22"),
            field("participants, certificates", "Peserta, Sertifikat", "bilangan", "Jumlah peserta dan sertifikat terbit", "Participants and certificates", "31; 24"),
            field("outcome.medianRevenueBefore, After", "Median omzet sebelum, sesudah (Rp)", "rupiah", "Nilai tengah omzet sebulan peserta UMKM yang diukur", "Median monthly revenue", "2000000; 2500000"),
        ],
        count: { try await Program.query(on: $0).count() })

    static let projectReports = Dataset(
        id: "laporan-proyek", title: Phrase("Laporan kemajuan proyek", "Project progress reports"),
        summary: Phrase("Setiap laporan kemajuan: tanggal keadaan, kemajuan fisik, realisasi kumulatif, catatan, kendala dan jumlah foto.",
                        "Every progress report: date, physical progress, cumulative spending, notes, problems and number of photos."),
        downloads: [("CSV", SiteRoute.projectReportsCSV.path)], api: nil, auditSubjects: ["project"],
        fields: [
            field("—", "Nomor proyek", "teks", "Proyek yang dilaporkan", "Project reported on", "P-84BFB59D"),
            field("reportedOn", "Keadaan per tanggal", "tanggal", "Tanggal keadaan yang dilaporkan", "Date the report describes", "2026-10-20"),
            field("progressPercent", "Kemajuan fisik (%)", "desimal", "Kemajuan fisik", "Physical progress", "28"),
            field("realised", "Realisasi (Rp)", "rupiah utuh", "Realisasi kumulatif sampai tanggal itu", "Cumulative spending", "71400000"),
            field("notes, problems", "Catatan, Kendala", "teks", "Pekerjaan yang dilakukan dan hambatannya", "Work done and problems", "U-ditch terpasang 95 m."),
            field("reason", "Alasan koreksi", "teks", "Diisi bila kemajuan atau realisasi turun", "Set when a figure went down", "hitung ulang"),
        ],
        count: { try await ProjectReport.query(on: $0).count() })

    static let pagu = Dataset(
        id: "pagu", title: Phrase("Pagu indikatif kecamatan", "District budget ceilings"),
        summary: Phrase("Pagu indikatif tiap kecamatan per tahun anggaran, dengan pembagiannya per perangkat daerah bila ada.",
                        "Each district's indicative ceiling per budget year, with its split per agency when set."),
        downloads: [("CSV", SiteRoute.paguCSV.path), ("JSON", SiteRoute.paguJSON.path)], api: SiteRoute.apiPagu.path, auditSubjects: ["planning_cycle"],
        fields: [
            field("budgetYear", "Tahun anggaran", "bilangan", "Tahun anggaran", "Budget year", "2027"),
            field("kecamatan.code", "Kode kecamatan", "kode wilayah", "Kecamatan", "District", "32.14.01"),
            field("pagu", "Pagu indikatif (Rp)", "rupiah utuh", "Batas usulan yang bisa disepakati Musrenbang Kecamatan", "Ceiling for the district forum", "1500000000"),
            field("perAgency", "Pagu per perangkat daerah", "kode → rupiah", "Bagian pagu per perangkat daerah", "Share per agency", "dinas-pupr=900000000"),
        ],
        count: { try await PaguIndikatif.query(on: $0).count() })

    /// When the dataset last changed: its subjects' latest audit record.
    func lastUpdated(on db: any Database) async throws -> Date? {
        try await AuditRecord.query(on: db).filter(\.$subjectType ~~ auditSubjects).sort(\.$id, .descending).first()
            .map { Date(millis: $0.occurredAtMillis) }
    }
}

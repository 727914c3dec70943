import Fluent
import Foundation
import RembukCore

/// A year of realistic usulan across the demo kabupaten's desa, at every stage of the pipeline, each with
/// the timeline its stage implies. Deterministic (the same every run) and added once.
enum DemoUsulan {
    struct Template {
        let title: String
        let problem: String
        let proposal: String
        let bidang: Bidang
        let satuan: String
        let volumes: ClosedRange<Int>
        let unitCost: Int64
        let group: String
    }

    static let templates: [Template] = [
        Template(title: "Perbaikan jalan lingkungan RT %rt% yang rusak", problem: "Jalan lingkungan berlubang dan becek saat hujan, sulit dilalui motor dan anak sekolah.",
                 proposal: "Pengerasan dan pengaspalan jalan lingkungan beserta bahu jalan.", bidang: .infrastruktur, satuan: "m", volumes: 150...800, unitCost: 450_000, group: "Warga RT %rt%"),
        Template(title: "Pembangunan saluran drainase di Dusun %dusun%", problem: "Air hujan menggenangi rumah warga karena tidak ada saluran pembuangan.",
                 proposal: "Pembangunan saluran drainase beton di kiri-kanan jalan dusun.", bidang: .infrastruktur, satuan: "m", volumes: 100...500, unitCost: 650_000, group: "Karang Taruna"),
        Template(title: "Tembok penahan tanah di tebing jalan %dusun%", problem: "Tebing di sisi jalan longsor setiap musim hujan dan mengancam rumah di bawahnya.",
                 proposal: "Pembangunan tembok penahan tanah (TPT) pasangan batu.", bidang: .infrastruktur, satuan: "m", volumes: 30...120, unitCost: 1_500_000, group: "Warga RW %rw%"),
        Template(title: "Penerangan jalan umum tenaga surya RW %rw%", problem: "Jalan desa gelap pada malam hari sehingga rawan kecelakaan dan pencurian.",
                 proposal: "Pemasangan lampu penerangan jalan umum tenaga surya.", bidang: .perhubungan, satuan: "titik", volumes: 10...40, unitCost: 7_500_000, group: "Warga RW %rw%"),
        Template(title: "Rehabilitasi rumah tidak layak huni", problem: "Beberapa keluarga miskin tinggal di rumah berdinding bilik yang atapnya bocor.",
                 proposal: "Bantuan bahan bangunan dan upah tukang untuk perbaikan rumah.", bidang: .perumahan, satuan: "unit", volumes: 5...20, unitCost: 20_000_000, group: "PKK Desa"),
        Template(title: "Pelatihan pemasaran digital bagi pelaku UMKM", problem: "Pelaku UMKM makanan olahan sulit menjual ke luar desa dan belum memakai toko daring.",
                 proposal: "Pelatihan foto produk, toko daring, dan pendampingan tiga bulan.", bidang: .ekonomi, satuan: "orang", volumes: 20...60, unitCost: 1_250_000, group: "Kelompok UMKM Desa"),
        Template(title: "Bantuan benih padi unggul untuk kelompok tani", problem: "Hasil panen menurun karena benih yang dipakai sudah turun mutunya.",
                 proposal: "Pengadaan benih padi unggul bersertifikat dan pupuk organik.", bidang: .pertanian, satuan: "paket", volumes: 20...80, unitCost: 1_800_000, group: "Kelompok Tani Sri Rejeki"),
        Template(title: "Normalisasi saluran irigasi Blok %dusun%", problem: "Saluran irigasi dangkal karena sedimen sehingga sawah di hilir kekurangan air.",
                 proposal: "Pengerukan dan perbaikan dinding saluran irigasi tersier.", bidang: .pertanian, satuan: "m", volumes: 300...1200, unitCost: 250_000, group: "P3A Mitra Cai"),
        Template(title: "Rehabilitasi ruang kelas SD yang rusak", problem: "Atap dua ruang kelas bocor dan plafon hampir runtuh, murid belajar bergantian.",
                 proposal: "Rehabilitasi atap, plafon, dan lantai ruang kelas.", bidang: .pendidikan, satuan: "ruang", volumes: 2...4, unitCost: 95_000_000, group: "Komite Sekolah"),
        Template(title: "Pengadaan alat kesehatan posyandu", problem: "Posyandu tidak memiliki timbangan dan alat ukur tinggi badan yang layak untuk memantau stunting.",
                 proposal: "Pengadaan timbangan digital, alat ukur panjang badan, dan KIE gizi.", bidang: .kesehatan, satuan: "paket", volumes: 2...6, unitCost: 8_500_000, group: "Kader Posyandu"),
        Template(title: "Bank sampah dan pengelolaan sampah rumah tangga", problem: "Sampah dibuang ke sungai dan dibakar karena tidak ada tempat penampungan.",
                 proposal: "Pembangunan bank sampah, pengadaan gerobak, dan pelatihan pemilahan.", bidang: .lingkungan, satuan: "unit", volumes: 1...2, unitCost: 65_000_000, group: "PKK RW %rw%"),
        Template(title: "Penanaman pohon di bantaran Sungai Citarum", problem: "Tebing sungai terkikis dan rawan longsor karena pohon penahan sudah habis.",
                 proposal: "Penanaman bibit pohon keras dan bambu di sepanjang bantaran.", bidang: .lingkungan, satuan: "pohon", volumes: 500...2000, unitCost: 25_000, group: "Komunitas Peduli Citarum"),
        Template(title: "Pembangunan MCK umum di Kampung %dusun%", problem: "Sebagian warga masih buang air di kolam dan sungai karena tidak memiliki jamban.",
                 proposal: "Pembangunan MCK umum dengan septic tank komunal.", bidang: .perumahan, satuan: "unit", volumes: 1...3, unitCost: 55_000_000, group: "Warga RT %rt%"),
        Template(title: "Pelatihan menjahit bagi ibu rumah tangga", problem: "Banyak ibu rumah tangga ingin menambah penghasilan tetapi belum punya keterampilan.",
                 proposal: "Pelatihan menjahit dan bantuan mesin jahit untuk kelompok.", bidang: .ekonomi, satuan: "orang", volumes: 15...30, unitCost: 3_000_000, group: "PKK Desa"),
        Template(title: "Jembatan penghubung antardusun", problem: "Jembatan bambu penghubung dusun sudah lapuk dan berbahaya dilalui anak sekolah.",
                 proposal: "Pembangunan jembatan beton untuk pejalan kaki dan motor.", bidang: .infrastruktur, satuan: "m", volumes: 8...20, unitCost: 12_000_000, group: "Warga Dusun %dusun%"),
    ]

    static let dusun = ["Krajan", "Cibodas", "Sukamaju", "Babakan", "Cilalawi", "Margamulya", "Pasir Angin", "Cijambe", "Leuwi Gajah", "Ciherang"]

    /// The stage each demo usulan has reached, in proportion to a real cycle in February.
    static let stages: [UsulanStatus] = [.diajukan, .diajukan, .diajukan, .diverifikasi, .diverifikasi, .disepakatiDesa,
                                         .disepakatiDesa, .diteruskan, .revisi, .ditolak, .disepakatiKecamatan, .diterimaOPD]

    static func load(in ctx: Invocation, count: Int = 60) async throws {
        guard try await Usulan.query(on: ctx.db).count() == 0 else { return }
        guard let citizen = try await Account.query(on: ctx.db).filter(\.$email == "warga@rembuk.test").first(),
              let citizenID = citizen.id else { return }
        let kabupaten = ctx.settings.kabupaten.value
        let desa = try await Region.query(on: ctx.db).within(kabupaten).filter(\.$depth == 3).sort(\.$id).all()
        guard !desa.isEmpty else { return }
        let operatorLabel = Principal.Identity(id: "demo-operator-desa", label: "Operator desa (data demo)")
        let kecamatanLabel = Principal.Identity(id: "demo-operator-kecamatan", label: "Operator kecamatan (data demo)")
        let agencyLabel = Principal.Identity(id: "demo-opd", label: "Perangkat daerah (data demo)")
        let proposer = Principal.citizenIdentity(citizenID).keyed(secret: ctx.settings.secret)
        let budgetYear = ctx.today.year + 1
        let routing = try await AgencyRouting.table(kabupaten: kabupaten, on: ctx.db)
        try await ctx.writes.transaction { db in
            for n in 0..<count {
                let template = templates[n % templates.count]
                let place = desa[(n * 37) % desa.count]
                let rt = n % 9 + 1, rw = n % 5 + 1
                func fill(_ text: String) -> String {
                    text.replacingOccurrences(of: "%rt%", with: String(format: "%02d", rt)).replacingOccurrences(of: "%rw%", with: String(format: "%02d", rw))
                        .replacingOccurrences(of: "%dusun%", with: dusun[n % dusun.count])
                }
                let span = template.volumes.upperBound - template.volumes.lowerBound
                let volume = template.volumes.lowerBound + (n * 7919) % (span + 1)
                let usulan = Usulan()
                usulan.year = budgetYear
                usulan.title = fill(template.title)
                usulan.problem = template.problem
                usulan.proposal = template.proposal
                usulan.bidang = template.bidang.rawValue
                usulan.desaCode = place.id ?? ""
                usulan.kecamatanCode = place.parentCode ?? ""
                usulan.address = "Dusun \(dusun[n % dusun.count])"
                usulan.rt = rt
                usulan.rw = rw
                usulan.volume = Double(volume)
                usulan.satuan = template.satuan
                usulan.cost = Int64(volume) * template.unitCost
                usulan.beneficiaries = 40 + (n * 53) % 900
                usulan.proposerID = citizenID
                usulan.proposerGroup = fill(template.group)
                usulan.targetAgency = routing[template.bidang] ?? ""
                usulan.supportCount = 0
                usulan.searchTerms = Usulan.terms(title: usulan.title, problem: usulan.problem, proposal: usulan.proposal)
                let stage = stages[n % stages.count]
                let submitted = ctx.now.addingTimeInterval(-Double(60 - n) * 86_400 / 2)
                usulan.submittedAt = submitted
                usulan.status = UsulanStatus.diajukan.rawValue
                try await usulan.create(on: db)
                try await UsulanTermIndex.insert([usulan], on: db)
                try await Participants.record(year: usulan.year, account: usulan.proposerID, on: db)
                try await UsulanTimeline.record(usulan, step: .submit, from: .draft, to: .diajukan, actor: proposer, note: "", on: db, now: submitted)
                let path: [(UsulanStep, UsulanStatus, Principal.Identity, String, RejectionReason?)] = switch stage {
                case .diajukan: []
                case .revisi: [(.returnForRevision, .revisi, operatorLabel, "Lengkapi foto lokasi dan ukuran panjang jalan yang rusak.", nil)]
                case .ditolak: [(.reject, .ditolak, operatorLabel, "Jalan ini jalan provinsi; usulan diteruskan ke UPTD provinsi.", .bukanKewenangan)]
                default: [(.verify, .diverifikasi, operatorLabel, "Data lengkap, lokasi sudah ditinjau.", nil)]
                    + (stage.isAtOrAfter(.disepakatiDesa) ? [(.agreeAtDesa, .disepakatiDesa, operatorLabel, "Prioritas \(n % 5 + 1) hasil Musrenbang Desa.", nil)] : [])
                    + (stage.isAtOrAfter(.diteruskan) ? [(.forward, .diteruskan, operatorLabel, "", nil)] : [])
                    + (stage.isAtOrAfter(.disepakatiKecamatan) ? [(.agreeAtKecamatan, .disepakatiKecamatan, kecamatanLabel, "Masuk pagu indikatif kecamatan.", nil)] : [])
                    + (stage.isAtOrAfter(.diterimaOPD) ? [(.acceptByAgency, .diterimaOPD, agencyLabel, "Selaras dengan renja; dijadwalkan tahun depan.", nil)] : [])
                }
                var status = UsulanStatus.diajukan
                for (offset, entry) in path.enumerated() {
                    let at = submitted.addingTimeInterval(Double(offset + 1) * 3 * 86_400)
                    usulan.status = entry.1.rawValue
                    try await usulan.update(on: db)
                    try await UsulanTimeline.record(usulan, step: entry.0, from: status, to: entry.1, actor: entry.2, note: entry.3,
                                                    reason: entry.4, on: db, now: min(at, ctx.now))
                    status = entry.1
                }
            }
        }
    }
}

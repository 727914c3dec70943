/// Where an usulan is on its way from a citizen's idea to a finished project (PRODUCT.md, "Usulan").
public enum UsulanStatus: String, Sendable, CaseIterable, Codable, Hashable {
    case draft
    case diajukan
    case revisi
    case diverifikasi
    case disepakatiDesa = "disepakati_desa"
    case diteruskan
    case disepakatiKecamatan = "disepakati_kecamatan"
    case diterimaOPD = "diterima_opd"
    case masukRKPD = "masuk_rkpd"
    case dianggarkan
    case dilaksanakan
    case selesai
    case ditolak
    case ditunda
    case dialihkan
    case digabung

    /// No step leads out of these.
    public var isFinal: Bool { [.selesai, .ditolak, .ditunda, .dialihkan, .digabung].contains(self) }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.draft, .id): "Draf"
        case (.draft, .en): "Draft"
        case (.diajukan, .id): "Diajukan"
        case (.diajukan, .en): "Submitted"
        case (.revisi, .id): "Perlu direvisi"
        case (.revisi, .en): "Returned for revision"
        case (.diverifikasi, .id): "Diverifikasi desa"
        case (.diverifikasi, .en): "Verified by the village"
        case (.disepakatiDesa, .id): "Disepakati Musrenbang Desa"
        case (.disepakatiDesa, .en): "Agreed at the village forum"
        case (.diteruskan, .id): "Diteruskan ke kecamatan"
        case (.diteruskan, .en): "Forwarded to the district"
        case (.disepakatiKecamatan, .id): "Disepakati Musrenbang Kecamatan"
        case (.disepakatiKecamatan, .en): "Agreed at the district forum"
        case (.diterimaOPD, .id): "Diterima perangkat daerah"
        case (.diterimaOPD, .en): "Accepted by the agency"
        case (.masukRKPD, .id): "Masuk RKPD"
        case (.masukRKPD, .en): "In the annual plan (RKPD)"
        case (.dianggarkan, .id): "Dianggarkan"
        case (.dianggarkan, .en): "Budgeted"
        case (.dilaksanakan, .id): "Dilaksanakan"
        case (.dilaksanakan, .en): "Being carried out"
        case (.selesai, .id): "Selesai"
        case (.selesai, .en): "Done"
        case (.ditolak, .id): "Ditolak"
        case (.ditolak, .en): "Rejected"
        case (.ditunda, .id): "Ditunda ke tahun berikutnya"
        case (.ditunda, .en): "Postponed to next year"
        case (.dialihkan, .id): "Dialihkan"
        case (.dialihkan, .en): "Redirected"
        case (.digabung, .id): "Digabung dengan usulan lain"
        case (.digabung, .en): "Merged into another proposal"
        }
    }
}

/// Why an usulan was rejected: the fixed list planners use, plus a free note beside it.
public enum RejectionReason: String, Sendable, CaseIterable, Codable {
    case bukanKewenangan = "bukan_kewenangan"
    case duplikasi
    case asetBukanMilikPemda = "aset_bukan_milik_pemda"
    case dataTidakLengkap = "data_tidak_lengkap"
    case melebihiPagu = "melebihi_pagu"
    case tidakSelarasRPJMD = "tidak_selaras_rpjmd"
    case sudahDianggarkan = "sudah_dianggarkan"
    case lainnya

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.bukanKewenangan, .id): "Bukan kewenangan pemerintah kabupaten"
        case (.bukanKewenangan, .en): "Not the kabupaten's responsibility"
        case (.duplikasi, .id): "Sama dengan usulan lain"
        case (.duplikasi, .en): "Duplicates another proposal"
        case (.asetBukanMilikPemda, .id): "Aset bukan milik pemerintah daerah"
        case (.asetBukanMilikPemda, .en): "The asset is not owned by the local government"
        case (.dataTidakLengkap, .id): "Data tidak lengkap"
        case (.dataTidakLengkap, .en): "Incomplete data"
        case (.melebihiPagu, .id): "Melebihi pagu anggaran"
        case (.melebihiPagu, .en): "Exceeds the budget ceiling"
        case (.tidakSelarasRPJMD, .id): "Tidak selaras dengan RPJMD"
        case (.tidakSelarasRPJMD, .en): "Not in line with the medium-term plan (RPJMD)"
        case (.sudahDianggarkan, .id): "Sudah dianggarkan dari sumber lain"
        case (.sudahDianggarkan, .en): "Already budgeted from another source"
        case (.lainnya, .id): "Alasan lain"
        case (.lainnya, .en): "Other reason"
        }
    }
}

/// What a forum does with the usulan before it: the desa scores and ranks, the kecamatan also fits the
/// ranking into its pagu, the forum OPD decides per usulan, the kabupaten settles the RKPD list.
/// Thematic forums record who came and send delegates; their usulan enter through the desa and kecamatan.
public enum ForumWork: Sendable, Equatable {
    case ranking
    case allocation
    case agencyDecisions
    case finalList
    case attendanceOnly
}

extension ForumLevel {
    public var work: ForumWork {
        switch self {
        case .desa: .ranking
        case .kecamatan: .allocation
        case .forumOPD: .agencyDecisions
        case .kabupaten: .finalList
        case .tematikPerempuan, .tematikAnak, .tematikDisabilitas: .attendanceOnly
        }
    }

    /// The status of the usulan that come before a forum of this kind.
    public var agendaStatus: UsulanStatus? {
        switch work {
        case .ranking: .diverifikasi
        case .allocation: .diteruskan
        case .agencyDecisions: .disepakatiKecamatan
        case .finalList: .diterimaOPD
        case .attendanceOnly: nil
        }
    }

    /// Forums that send delegates to the next tier (Permendagri 86/2017): the desa to the kecamatan, the
    /// kecamatan and the thematic forums to the kabupaten.
    public var sendsDelegates: Bool {
        switch self {
        case .desa, .kecamatan, .tematikPerempuan, .tematikAnak, .tematikDisabilitas: true
        case .forumOPD, .kabupaten: false
        }
    }

    /// Who runs a forum (daftar hadir, scores, decisions, closing): whoever may schedule it, and for a forum
    /// OPD also the agency's own staff.
    public func canRun(_ actor: Actor, in region: RegionCode, agency: String) -> Bool {
        if canSchedule(actor, in: region) { return true }
        return self == .forumOPD && !agency.isEmpty && actor.agencies(for: .opd).contains(agency)
    }
}

/// What a forum OPD or the kabupaten forum decides about one usulan.
public enum ForumDecision: String, Sendable, CaseIterable, Codable {
    case terima
    case terimaDenganPerubahan = "terima_dengan_perubahan"
    case tolak
    case alihkan
    case masukRKPD = "masuk_rkpd"
    case tunda

    public static func choices(for work: ForumWork) -> [ForumDecision] {
        switch work {
        case .agencyDecisions: [.terima, .terimaDenganPerubahan, .tolak, .alihkan]
        case .finalList: [.masukRKPD, .tunda]
        default: []
        }
    }

    public var needsReason: Bool { self == .tolak || self == .tunda }
    public var changesVolumeOrCost: Bool { self == .terimaDenganPerubahan }
    public var needsAgency: Bool { self == .alihkan }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.terima, .id): "Diterima"
        case (.terima, .en): "Accepted"
        case (.terimaDenganPerubahan, .id): "Diterima dengan perubahan"
        case (.terimaDenganPerubahan, .en): "Accepted with changes"
        case (.tolak, .id): "Ditolak"
        case (.tolak, .en): "Rejected"
        case (.alihkan, .id): "Dialihkan ke perangkat daerah lain"
        case (.alihkan, .en): "Redirected to another agency"
        case (.masukRKPD, .id): "Masuk RKPD"
        case (.masukRKPD, .en): "Into the RKPD"
        case (.tunda, .id): "Ditunda"
        case (.tunda, .en): "Postponed"
        }
    }
}

/// How one usulan left a closed forum, and the usulan steps that carries out.
public enum ForumOutcome: String, Sendable, CaseIterable, Codable {
    case disepakati
    case belumDisepakati = "belum_disepakati"
    case tidakDibahas = "tidak_dibahas"
    case diterima
    case diterimaDenganPerubahan = "diterima_dengan_perubahan"
    case ditolak
    case dialihkan
    case masukRKPD = "masuk_rkpd"
    case ditunda

    public var isAgreed: Bool { [.disepakati, .diterima, .diterimaDenganPerubahan, .masukRKPD].contains(self) }

    public func steps(at level: ForumLevel) -> [UsulanStep] {
        switch self {
        case .disepakati: level == .desa ? [.agreeAtDesa, .forward] : [.agreeAtKecamatan]
        case .belumDisepakati, .ditunda: [.postpone]
        case .tidakDibahas: []
        case .diterima, .diterimaDenganPerubahan: [.acceptByAgency]
        case .ditolak: [.reject]
        case .dialihkan: [.redirect]
        case .masukRKPD: [.includeInRKPD]
        }
    }

    public init(_ decision: ForumDecision) {
        switch decision {
        case .terima: self = .diterima
        case .terimaDenganPerubahan: self = .diterimaDenganPerubahan
        case .tolak: self = .ditolak
        case .alihkan: self = .dialihkan
        case .masukRKPD: self = .masukRKPD
        case .tunda: self = .ditunda
        }
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.disepakati, .id): "Disepakati"
        case (.disepakati, .en): "Agreed"
        case (.belumDisepakati, .id): "Belum disepakati"
        case (.belumDisepakati, .en): "Not agreed"
        case (.tidakDibahas, .id): "Tidak dinilai forum"
        case (.tidakDibahas, .en): "Not scored by the forum"
        default: ForumDecision.allCases.first { ForumOutcome($0) == self }?.label(language) ?? rawValue
        }
    }
}

/// The result of closing a forum, computed from its agenda: one line per usulan, in the forum's order.
public struct ForumResultLine: Sendable, Equatable {
    public let id: String
    /// 1-based priority among the agreed usulan; nil for the rest.
    public let priority: Int?
    public let outcome: ForumOutcome
    /// Why an usulan was not agreed (the remaining pagu), in words for the berita acara.
    public let reason: Allocation.Reason?

    public init(id: String, priority: Int?, outcome: ForumOutcome, reason: Allocation.Reason?) {
        self.id = id
        self.priority = priority
        self.outcome = outcome
        self.reason = reason
    }
}

public enum ForumClosing {
    public enum Problem: Error, Sendable, Equatable {
        case notInSession
        case noAttendance
        case delegates(DelegateRule.Problem)
        /// Usulan on a forum OPD's or the kabupaten's agenda without a decision.
        case undecided(Int)
        /// A kecamatan forum allocates within its pagu; without one every usulan would be left out.
        case noPagu
    }

    /// Why a forum cannot be closed yet, if it cannot.
    public static func problem(level: ForumLevel, status: ForumStatus, attendance: Int,
                               delegates: [(id: String, gender: Attendee.Gender)], undecided: Int, missingPagu: Bool = false) -> Problem? {
        guard status == .berlangsung else { return .notInSession }
        guard attendance > 0 else { return .noAttendance }
        if missingPagu { return .noPagu }
        if level.sendsDelegates, let problem = DelegateRule.check(delegates) { return .delegates(problem) }
        if undecided > 0 { return .undecided(undecided) }
        return nil
    }

    /// The forum's result lines. Ranking forums agree every scored usulan in rank order; the kecamatan fits
    /// the scored ones into its pagu; decision forums take each decision. Unscored or undecided usulan are
    /// listed as not discussed and stay where they are.
    public static func results(level: ForumLevel, items: [RankedItem], pagu: Pagu?,
                               decisions: [String: ForumDecision]) -> [ForumResultLine] {
        let scored = items.filter { $0.score.scorers > 0 }
        let unscored = Ranking.rank(items.filter { $0.score.scorers == 0 })
            .map { ForumResultLine(id: $0.id, priority: nil, outcome: .tidakDibahas, reason: nil) }
        switch level.work {
        case .ranking:
            return Ranking.rank(scored).enumerated().map { ForumResultLine(id: $1.id, priority: $0 + 1, outcome: .disepakati, reason: nil) } + unscored
        case .allocation:
            let outcome = Allocation.allocate(scored, within: pagu ?? Pagu(total: 0, perAgency: [:]))
            return outcome.agreed.enumerated().map { ForumResultLine(id: $1.id, priority: $0 + 1, outcome: .disepakati, reason: nil) }
                + outcome.notAgreed.map { ForumResultLine(id: $0.item.id, priority: nil, outcome: .belumDisepakati, reason: $0.reason) }
                + unscored
        case .agencyDecisions, .finalList:
            var priority = 0
            return Ranking.rank(items).map { item in
                guard let decision = decisions[item.id] else { return ForumResultLine(id: item.id, priority: nil, outcome: .tidakDibahas, reason: nil) }
                let outcome = ForumOutcome(decision)
                if outcome.isAgreed { priority += 1 }
                return ForumResultLine(id: item.id, priority: outcome.isAgreed ? priority : nil, outcome: outcome, reason: nil)
            }
        case .attendanceOnly:
            return []
        }
    }
}

/// Who a participant speaks for at the forum (unsur), as daftar hadir forms list them.
public enum Unsur: String, Sendable, CaseIterable, Codable {
    case pemerintahDesa = "pemerintah_desa"
    case bpd
    case lpm
    case rtRw = "rt_rw"
    case pkk
    case karangTaruna = "karang_taruna"
    case tokohAgama = "tokoh_agama"
    case tokohMasyarakat = "tokoh_masyarakat"
    case tokohPerempuan = "tokoh_perempuan"
    case kelompokTani = "kelompok_tani"
    case umkm
    case kaderKesehatan = "kader_kesehatan"
    case pendidik
    case organisasiDisabilitas = "organisasi_disabilitas"
    case forumAnak = "forum_anak"
    case perangkatDaerah = "perangkat_daerah"
    case dprd
    case warga

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.pemerintahDesa, .id): "Pemerintah desa/kelurahan"
        case (.pemerintahDesa, .en): "Village government"
        case (.bpd, .id): "BPD"
        case (.bpd, .en): "Village council (BPD)"
        case (.lpm, .id): "LPM"
        case (.lpm, .en): "Community council (LPM)"
        case (.rtRw, .id): "Ketua RT/RW"
        case (.rtRw, .en): "Neighbourhood head (RT/RW)"
        case (.pkk, .id): "PKK"
        case (.pkk, .en): "PKK (family welfare)"
        case (.karangTaruna, .id): "Karang Taruna"
        case (.karangTaruna, .en): "Karang Taruna (youth)"
        case (.tokohAgama, .id): "Tokoh agama"
        case (.tokohAgama, .en): "Religious leader"
        case (.tokohMasyarakat, .id): "Tokoh masyarakat"
        case (.tokohMasyarakat, .en): "Community leader"
        case (.tokohPerempuan, .id): "Tokoh perempuan"
        case (.tokohPerempuan, .en): "Women's leader"
        case (.kelompokTani, .id): "Kelompok tani"
        case (.kelompokTani, .en): "Farmers' group"
        case (.umkm, .id): "Pelaku UMKM"
        case (.umkm, .en): "Small business"
        case (.kaderKesehatan, .id): "Kader posyandu/kesehatan"
        case (.kaderKesehatan, .en): "Health volunteer"
        case (.pendidik, .id): "Pendidik"
        case (.pendidik, .en): "Teacher"
        case (.organisasiDisabilitas, .id): "Organisasi penyandang disabilitas"
        case (.organisasiDisabilitas, .en): "Disability organisation"
        case (.forumAnak, .id): "Forum Anak"
        case (.forumAnak, .en): "Children's forum"
        case (.perangkatDaerah, .id): "Perangkat daerah"
        case (.perangkatDaerah, .en): "Government agency"
        case (.dprd, .id): "Anggota DPRD"
        case (.dprd, .en): "Council member (DPRD)"
        case (.warga, .id): "Warga"
        case (.warga, .en): "Resident"
        }
    }
}

extension Attendee.Gender {
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.perempuan, .id): "Perempuan"
        case (.perempuan, .en): "Woman"
        case (.lakiLaki, .id): "Laki-laki"
        case (.lakiLaki, .en): "Man"
        }
    }

    /// The one-letter column of a printed daftar hadir.
    public var letter: String { self == .perempuan ? "P" : "L" }
}

extension Attendee.AgeGroup {
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.anak, .id): "Anak (di bawah 16)"
        case (.anak, .en): "Child (under 16)"
        case (.pemuda, .id): "Pemuda (16–30)"
        case (.pemuda, .en): "Youth (16–30)"
        case (.dewasa, .id): "Dewasa (31–59)"
        case (.dewasa, .en): "Adult (31–59)"
        case (.lansia, .id): "Lansia (60 ke atas)"
        case (.lansia, .en): "Elderly (60 and over)"
        }
    }
}

extension ForumStatus {
    /// Starting a forum: only a scheduled one, on or after its date (attendance may be registered earlier).
    public func canStart(on today: LocalDate, heldOn: LocalDate) -> Bool {
        self == .dijadwalkan && today >= heldOn
    }
}

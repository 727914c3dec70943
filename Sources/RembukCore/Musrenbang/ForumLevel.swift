/// The kinds of Musrenbang forum (Permendagri 86/2017), the region each is held for, and its phase.
public enum ForumLevel: String, Sendable, CaseIterable, Codable {
    case desa
    case kecamatan
    case forumOPD = "forum_opd"
    case kabupaten
    case tematikPerempuan = "tematik_perempuan"
    case tematikAnak = "tematik_anak"
    case tematikDisabilitas = "tematik_disabilitas"

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.desa, .id): "Musrenbang Desa/Kelurahan"
        case (.desa, .en): "Village forum"
        case (.kecamatan, .id): "Musrenbang Kecamatan"
        case (.kecamatan, .en): "District forum"
        case (.forumOPD, .id): "Forum Perangkat Daerah"
        case (.forumOPD, .en): "Agency forum"
        case (.kabupaten, .id): "Musrenbang Kabupaten"
        case (.kabupaten, .en): "Regency forum"
        case (.tematikPerempuan, .id): "Musrenbang Tematik Perempuan"
        case (.tematikPerempuan, .en): "Thematic forum: women"
        case (.tematikAnak, .id): "Musrenbang Tematik Anak"
        case (.tematikAnak, .en): "Thematic forum: children"
        case (.tematikDisabilitas, .id): "Musrenbang Tematik Disabilitas"
        case (.tematikDisabilitas, .en): "Thematic forum: people with disability"
        }
    }

    /// The forum's name with its region, as invitations write it: "Musrenbang Desa Citalang", "Musrenbang Kelurahan
    /// Girian Bawah" (by the place's code; "Desa/Kelurahan" without one), "Musrenbang Kabupaten Purwakarta" (not
    /// "Kabupaten Kabupaten"), "Musrenbang Kota Bandung".
    public func name(in regionName: String, at code: RegionCode? = nil) -> String {
        if self == .desa, let code, code.level == .desa { return "\(PlaceWords.of(code).forum(.desa, .id)) \(regionName)" }
        if regionLevel == .kabupaten, self == .kabupaten {
            if regionName.hasPrefix("Kabupaten ") { return "Musrenbang " + regionName }
            if regionName.hasPrefix("Kota ") { return "Musrenbang " + regionName }
        }
        return "\(label(.id)) \(regionName)"
    }

    /// The level of region a forum of this kind is held for.
    public var regionLevel: RegionCode.Level {
        switch self {
        case .desa: .desa
        case .kecamatan: .kecamatan
        default: .kabupaten
        }
    }

    /// The phase of the cycle whose dates a forum of this kind must fall in. Thematic forums feed the
    /// kecamatan and kabupaten tiers, so they run from the kecamatan phase to the kabupaten forum.
    public var phases: [PlanningPhase] {
        switch self {
        case .desa: [.desa]
        case .kecamatan: [.kecamatan]
        case .forumOPD: [.forumOPD]
        case .kabupaten: [.kabupaten]
        case .tematikPerempuan, .tematikAnak, .tematikDisabilitas: [.kecamatan, .forumOPD, .kabupaten]
        }
    }

    /// Who may schedule a forum of this kind for `region`: the operators of that desa or kecamatan
    /// (a kecamatan operator also for its desa), Bappeda everywhere in its kabupaten.
    public func canSchedule(_ actor: Actor, in region: RegionCode) -> Bool {
        guard region.level == regionLevel else { return false }
        switch self {
        case .desa: return actor.covers(region, as: [.operatorDesa, .operatorKecamatan, .bappeda])
        case .kecamatan: return actor.covers(region, as: [.operatorKecamatan, .bappeda])
        default: return actor.covers(region, as: [.bappeda])
        }
    }
}

extension ForumLevel {
    /// The kinds of forum `actor` may schedule somewhere (the roles `canSchedule` accepts for each kind).
    public static func schedulable(by actor: Actor) -> [ForumLevel] {
        let desaRoles: [Role] = [.operatorDesa, .operatorKecamatan, .bappeda]
        let holds = { (roles: [Role]) in roles.contains { !actor.regions(for: $0).isEmpty } }
        return allCases.filter { level in
            switch level.regionLevel {
            case .desa: holds(desaRoles)
            case .kecamatan: holds([.operatorKecamatan, .bappeda])
            default: holds([.bappeda])
            }
        }
    }
}

/// Where a forum is in its life.
public enum ForumStatus: String, Sendable, CaseIterable, Codable {
    case dijadwalkan, berlangsung, selesai

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.dijadwalkan, .id): "Dijadwalkan"
        case (.dijadwalkan, .en): "Scheduled"
        case (.berlangsung, .id): "Berlangsung"
        case (.berlangsung, .en): "In session"
        case (.selesai, .id): "Selesai"
        case (.selesai, .en): "Closed"
        }
    }
}

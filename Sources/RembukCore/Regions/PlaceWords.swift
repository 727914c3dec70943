/// How an installation speaks of its places: a kabupaten has desa (and often a few kelurahan), a kota only
/// kelurahan. Pages say "desa", "kelurahan" or "desa/kelurahan" as the installation's own list has them, and
/// "Kota" where a kabupaten would say "Kabupaten".
public struct PlaceWords: Sendable, Equatable {
    public enum Villages: String, Sendable { case desa, kelurahan, both }

    public var villages: Villages
    public var isKota: Bool

    public init(villages: Villages, isKota: Bool) {
        self.villages = villages
        self.isKota = isKota
    }

    /// Before the installation's regions are known: both words.
    public static let general = PlaceWords(villages: .both, isKota: false)

    /// From the kinds of the installation's regions.
    public static func of(_ kinds: Set<RegionRecord.Kind>) -> PlaceWords {
        let villages: Villages = switch (kinds.contains(.desa), kinds.contains(.kelurahan)) {
        case (true, false): .desa
        case (false, true): .kelurahan
        default: .both
        }
        return PlaceWords(villages: villages, isKota: kinds.contains(.kota))
    }

    /// "desa", "kelurahan", "desa/kelurahan" (as in "pilih desa/kelurahan").
    public func village(_ language: Language) -> String {
        switch (villages, language) {
        case (.desa, .id): "desa"
        case (.kelurahan, .id): "kelurahan"
        case (.both, .id): "desa/kelurahan"
        case (.kelurahan, .en): "urban village"
        case (_, .en): "village"
        }
    }

    /// The same, as a heading or at the start of a name: "Desa", "Kelurahan", "Desa/Kelurahan".
    public func Village(_ language: Language) -> String {
        switch (villages, language) {
        case (.desa, .id): "Desa"
        case (.kelurahan, .id): "Kelurahan"
        case (.both, .id): "Desa/Kelurahan"
        case (.kelurahan, .en): "Urban village"
        case (_, .en): "Village"
        }
    }

    /// "Kabupaten" or "Kota".
    public func regency(_ language: Language) -> String {
        switch (isKota, language) {
        case (true, _): "Kota"
        case (false, .id): "Kabupaten"
        case (false, .en): "Regency"
        }
    }

    public func forum(_ level: ForumLevel, _ language: Language) -> String {
        switch (level, language) {
        case (.desa, .id): "Musrenbang \(Village(.id))"
        case (.desa, .en): villages == .kelurahan ? "Urban village forum" : "Village forum"
        case (.kabupaten, .id): "Musrenbang \(regency(.id))"
        case (.kabupaten, .en): isKota ? "City forum" : "Regency forum"
        default: level.label(language)
        }
    }

    public func phase(_ phase: PlanningPhase, _ language: Language) -> String {
        switch phase {
        case .desa: forum(.desa, language)
        case .kabupaten: forum(.kabupaten, language)
        default: phase.label(language)
        }
    }

    /// The words of one place: a kelurahan is always a kelurahan, a desa a desa.
    public static func of(_ code: RegionCode) -> PlaceWords {
        PlaceWords(villages: code.isKelurahan ? .kelurahan : .desa, isKota: false)
    }
}

/// The phases of a year's planning cycle, in the order they happen (Permendagri 86/2017): aspirations are
/// collected, then the Musrenbang forums run from desa up to kabupaten, and the RKPD is set.
public enum PlanningPhase: String, Sendable, CaseIterable, Codable, Hashable {
    case aspirasi
    case desa
    case kecamatan
    case forumOPD = "forum_opd"
    case kabupaten
    case rkpd

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.aspirasi, .id): "Penjaringan usulan warga"
        case (.aspirasi, .en): "Collecting citizens' proposals"
        case (.desa, .id): "Musrenbang Desa/Kelurahan"
        case (.desa, .en): "Village forums"
        case (.kecamatan, .id): "Musrenbang Kecamatan"
        case (.kecamatan, .en): "District forums"
        case (.forumOPD, .id): "Forum Perangkat Daerah"
        case (.forumOPD, .en): "Agency forums"
        case (.kabupaten, .id): "Musrenbang Kabupaten"
        case (.kabupaten, .en): "Regency forum"
        case (.rkpd, .id): "Penetapan RKPD"
        case (.rkpd, .en): "Annual plan (RKPD) set"
        }
    }
}

/// A closed range of calendar days.
public struct DayRange: Sendable, Hashable, Codable {
    public let start: LocalDate
    public let end: LocalDate

    public init?(start: LocalDate, end: LocalDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    public func contains(_ day: LocalDate) -> Bool { start <= day && day <= end }
}

/// A planning cycle's dates: for the budget year `year`, planning runs in the year before.
public struct PlanningSchedule: Sendable, Hashable {
    public let year: Int
    public let phases: [PlanningPhase: DayRange]

    public enum Problem: Error, Sendable, Equatable {
        case missing(PlanningPhase)
        case outOfOrder(PlanningPhase, after: PlanningPhase)
        case outsidePlanningYear(PlanningPhase)
    }

    /// Checks that every phase has dates, that phases start in their order, and that each lies in the
    /// planning year (the year before the budget year); only collecting aspirations may start a year earlier.
    public static func make(year: Int, phases: [PlanningPhase: DayRange]) -> Result<PlanningSchedule, Problem> {
        var previous: (PlanningPhase, DayRange)?
        for phase in PlanningPhase.allCases {
            guard let range = phases[phase] else { return .failure(.missing(phase)) }
            let earliest = phase == .aspirasi ? year - 2 : year - 1
            guard (earliest...(year - 1)).contains(range.start.year), range.end.year == year - 1 else {
                return .failure(.outsidePlanningYear(phase))
            }
            if let previous, range.start < previous.1.start { return .failure(.outOfOrder(phase, after: previous.0)) }
            previous = (phase, range)
        }
        return .success(PlanningSchedule(year: year, phases: phases))
    }

    public func isOpen(_ phase: PlanningPhase, on day: LocalDate) -> Bool { phases[phase]?.contains(day) ?? false }

    /// The phases running on a day (they may overlap: aspirations are often still collected during desa forums).
    public func current(on day: LocalDate) -> [PlanningPhase] { PlanningPhase.allCases.filter { isOpen($0, on: day) } }
}

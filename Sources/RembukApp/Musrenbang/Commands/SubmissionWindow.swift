import Fluent
import Foundation
import RembukCore

/// Whether citizens may submit usulan today: the aspirasi phase of a planning cycle decides.
struct SubmissionWindow: Sendable {
    /// The cycle collecting usulan today.
    let open: PlanningCycle?
    /// When collecting opens next, if it is closed and a later cycle is set.
    let next: DayRange?

    static func on(_ day: LocalDate, db: any Database) async throws -> SubmissionWindow {
        let cycles = try await PlanningCycle.query(on: db).filter(\.$year >= day.year).with(\.$phases).sort(\.$year).all()
        let open = cycles.first { $0.schedule?.isOpen(.aspirasi, on: day) == true }
        let next = cycles.compactMap { $0.schedule?.phases[.aspirasi] }.filter { $0.start > day }.min { $0.start < $1.start }
        return SubmissionWindow(open: open, next: next)
    }

    var closedMessage: Phrase {
        if let next {
            return Phrase("Penjaringan usulan sedang ditutup; dibuka lagi \(DateText.long(next.start)) sampai \(DateText.long(next.end)). Anda bisa menyimpannya sebagai draf dulu.",
                          "Proposals are closed; they open again \(DateText.long(next.start, .en)) to \(DateText.long(next.end, .en)). You can save a draft meanwhile.")
        }
        return Phrase("Penjaringan usulan sedang ditutup: jadwalnya belum ditetapkan Bappeda. Anda bisa menyimpannya sebagai draf dulu.",
                      "Proposals are closed: the planning agency has not set the schedule. You can save a draft meanwhile.")
    }
}

import Fluent
import Foundation
import RembukCore

/// Bappeda sets (or changes) the dates of a year's planning cycle. Every phase needs a start and an end,
/// in order, within the planning year; the whole schedule is saved at once and audited with its dates.
struct SavePlanningCycle {
    struct Input: Codable, Sendable {
        var year: String?
        var phases: [String: String] = [:]   // "<phase>_start" / "<phase>_end" → yyyy-mm-dd

        init(year: String?, phases: [String: String]) {
            self.year = year
            self.phases = phases
        }

        init(form: SubmittedForm) {
            year = form.value("year")
            for phase in PlanningPhase.allCases {
                for end in ["start", "end"] { phases["\(phase.rawValue)_\(end)"] = form.value("\(phase.rawValue)_\(end)") ?? "" }
            }
        }
    }

    enum Outcome {
        case saved(PlanningCycle)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.managePlanning(kabupaten: ctx.settings.kabupaten)) else { throw UserFacingError.forbidden }
        var errors = FormErrors()
        let thisYear = ctx.today.year
        let year = Int((input.year ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil || !((thisYear - 1)...(thisYear + 5)).contains(year!) {
            errors.add("year", Phrase("Tahun anggaran antara \(thisYear - 1) dan \(thisYear + 5).", "The budget year lies between \(thisYear - 1) and \(thisYear + 5)."))
        }
        var ranges: [PlanningPhase: DayRange] = [:]
        for phase in PlanningPhase.allCases {
            let start = LocalDate(iso: input.phases["\(phase.rawValue)_start"] ?? "")
            let end = LocalDate(iso: input.phases["\(phase.rawValue)_end"] ?? "")
            guard let start, let end else {
                errors.add("\(phase.rawValue)_start", Phrase("Isi tanggal mulai dan selesai \(phase.label(.id)).", "Enter the start and end of \(phase.label(.en))."))
                continue
            }
            guard let range = DayRange(start: start, end: end) else {
                errors.add("\(phase.rawValue)_start", Phrase("\(phase.label(.id)): tanggal selesai sebelum tanggal mulai.", "\(phase.label(.en)): the end is before the start."))
                continue
            }
            ranges[phase] = range
        }
        guard errors.isEmpty, let year else { return .invalid(errors) }
        let schedule: PlanningSchedule
        switch PlanningSchedule.make(year: year, phases: ranges) {
        case let .failure(problem):
            switch problem {
            case let .missing(phase):
                errors.add("\(phase.rawValue)_start", Phrase("Isi tanggal \(phase.label(.id)).", "Enter the dates of \(phase.label(.en))."))
            case let .outOfOrder(phase, after):
                errors.add("\(phase.rawValue)_start", Phrase("\(phase.label(.id)) harus dimulai setelah \(after.label(.id)) dimulai.",
                                                             "\(phase.label(.en)) must start after \(after.label(.en)) starts."))
            case let .outsidePlanningYear(phase):
                errors.add("\(phase.rawValue)_start", Phrase(
                    "\(phase.label(.id)) harus berlangsung pada tahun perencanaan \(year - 1)\(phase == .aspirasi ? " (boleh dimulai sejak \(year - 2))" : "").",
                    "\(phase.label(.en)) must fall in the planning year \(year - 1)\(phase == .aspirasi ? " (it may start in \(year - 2))" : "")."))
            }
            return .invalid(errors)
        case let .success(made):
            schedule = made
        }
        let phases = schedule.phases
        let identity = ctx.identity
        let now = ctx.now
        let kabupaten = ctx.settings.kabupaten.value
        let cycle = try await ctx.writes.transaction { db -> PlanningCycle in
            let cycle = try await PlanningCycle.query(on: db).filter(\.$year == year).first() ?? PlanningCycle()
            let isNew = cycle.id == nil
            cycle.year = year
            if isNew { try await cycle.create(on: db) } else {
                try await cycle.update(on: db)
                try await CyclePhase.query(on: db).filter(\.$cycle.$id == cycle.requireID()).delete()
            }
            for phase in PlanningPhase.allCases {
                let row = CyclePhase()
                row.$cycle.id = try cycle.requireID()
                row.phase = phase.rawValue
                row.startsOn = phases[phase]!.start.iso
                row.endsOn = phases[phase]!.end.iso
                try await row.create(on: db)
            }
            let summary = PlanningPhase.allCases.map { "\($0.rawValue) \(phases[$0]!.start.iso)…\(phases[$0]!.end.iso)" }.joined(separator: "; ")
            try await AuditLog.append(AuditDraft(actor: identity, action: isNew ? "cycle.created" : "cycle.updated", subjectType: "planning_cycle",
                                                 subjectID: String(year), regionCode: kabupaten, summary: summary), on: db, now: now)
            return cycle
        }
        return .saved(cycle)
    }
}

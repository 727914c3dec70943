import Foundation
import Plot
import RembukCore

/// The planning calendar of each budget year, and (for Bappeda) the form that sets it.
struct SchedulePage {
    var cycles: [PlanningCycle]
    var canManage: Bool
    var form: SavePlanningCycle.Input?
    var errors: FormErrors
    var today: LocalDate

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Jadwal perencanaan", "Planning calendar")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Tahapan penyusunan RKPD setiap tahun anggaran: kapan usulan warga diterima dan kapan Musrenbang tiap tingkat berlangsung.",
                "The steps towards each budget year's plan: when citizens' proposals are taken and when each tier's forum meets."))),
            .if(cycles.isEmpty, .p(.class("muted"), .text(ctx.t("Bappeda belum menetapkan jadwal.", "The planning agency has not set a calendar yet.")))),
            .forEach(cycles) { table(ctx, $0) },
            .p(.a(.href(SiteRoute.holidays.path), .text(ctx.t("Hari libur dan cuti bersama", "Public holidays")))),
            .if(canManage, editor(ctx)),
        ])
    }

    func table(_ ctx: ViewContext, _ cycle: PlanningCycle) -> Node<HTML.BodyContext> {
        let rows = PlanningPhase.allCases.compactMap { phase -> (PlanningPhase, DayRange)? in
            cycle.phases.first { $0.phase == phase.rawValue }?.range.map { (phase, $0) }
        }
        return .section(
            .h2(.text(ctx.t("Tahun anggaran \(cycle.year)", "Budget year \(cycle.year)"))),
            .table(
                .thead(.tr(.th(.text(ctx.t("Tahap", "Phase"))), .th(.text(ctx.t("Mulai", "Starts"))), .th(.text(ctx.t("Selesai", "Ends"))),
                           .th(.text(ctx.t("Keadaan", "State"))))),
                .tbody(.forEach(rows) { phase, range in
                    .tr(.td(.text(ctx.places.phase(phase, ctx.language))), .td(.text(DateText.long(range.start, ctx.language))),
                        .td(.text(DateText.long(range.end, ctx.language))), .td(.text(state(ctx, range))))
                })),
            .p(.a(.href(SiteRoute.cycleSettings(String(cycle.year)).path), .text(ctx.t("Kriteria penilaian dan pagu \(cycle.year)", "Scoring criteria and ceilings \(cycle.year)"))),
               .if(canManage, .group([.text(" · "), .a(.href(SiteRoute.scheduleEdit(String(cycle.year)).path), .text(ctx.t("Ubah jadwal \(cycle.year)", "Edit the \(cycle.year) calendar")))]))))
    }

    func state(_ ctx: ViewContext, _ range: DayRange) -> String {
        if range.contains(today) { return ctx.t("Sedang berlangsung", "Running now") }
        return range.end < today ? ctx.t("Selesai", "Over") : ctx.t("Akan datang", "Upcoming")
    }

    func editor(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let input = form ?? SavePlanningCycle.Input(year: String(today.year + 1), phases: [:])
        let heading = form == nil ? ctx.t("Tetapkan jadwal tahun anggaran", "Set a budget year's calendar") : ctx.t("Jadwal tahun anggaran \(input.year ?? "")", "Calendar of budget year \(input.year ?? "")")
        return .section(.id("atur"),
            .h2(.text(heading)),
            .p(.class("hint"), .text(ctx.t("Menyimpan tahun yang sudah ada akan mengganti jadwalnya. Semua tahap berlangsung pada tahun sebelum tahun anggaran; penjaringan usulan boleh dimulai setahun lebih awal.",
                                           "Saving an existing year replaces its calendar. Every phase falls in the year before the budget year; collecting proposals may start a year earlier."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.schedule.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "year", label: ctx.t("Tahun anggaran", "Budget year"), value: input.year ?? "", required: true, inputMode: "numeric"), errors: errors),
                .group(PlanningPhase.allCases.map { phase in phaseFields(ctx, phase, input) }),
                .button(.type(.submit), .text(ctx.t("Simpan jadwal", "Save the calendar")))))
    }

    func phaseFields(_ ctx: ViewContext, _ phase: PlanningPhase, _ input: SavePlanningCycle.Input) -> Node<HTML.BodyContext> {
        let start = "\(phase.rawValue)_start"
        let end = "\(phase.rawValue)_end"
        return .element(named: "fieldset", nodes: [
            .element(named: "legend", text: ctx.places.phase(phase, ctx.language)),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: start, label: ctx.t("Mulai", "Starts"), type: .date, value: input.phases[start] ?? "", required: true), errors: errors),
                 FormKit.field(ctx, .init(name: end, label: ctx.t("Selesai", "Ends"), type: .date, value: input.phases[end] ?? "", required: true), errors: errors)),
        ])
    }
}

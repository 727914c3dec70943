import Foundation
import Plot
import RembukCore

/// An environmental programme's results: the totals, each logged day, and for its staff the form to log one.
struct ActivitySection {
    var program: Program
    var logs: [ActivityLog]
    var desaNames: [String: String]
    var canManage: Bool
    var choices: ScopeChoices?
    var input = RecordActivity.Input()
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let total = EnvironmentTotals.total(logs)
        return .section(.id("kegiatan"),
            .h2(.text(ctx.t("Hasil kegiatan", "Results"))),
            logs.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada kegiatan yang dicatat.", "No activity logged yet."))) : .group(
                .ul(.class("cards"),
                    .li(.class("card"), .span(.class("figure"), .text(String(total.volunteers))), .text(ctx.t("relawan (jumlah per kegiatan)", "volunteers (summed per activity)"))),
                    .li(.class("card"), .span(.class("figure"), .text(String(total.trees))), .text(ctx.t("pohon ditanam", "trees planted"))),
                    .li(.class("card"), .span(.class("figure"), .text(EnvironmentTotals.kilograms(total.wasteTenthKg))), .text(ctx.t("kg sampah terkumpul/terpilah", "kg of waste collected or sorted"))),
                    .li(.class("card"), .span(.class("figure"), .text(String(total.waterSources))), .text(ctx.t("mata air dilindungi", "water sources protected")))),
                .div(.class("scroll"), .table(
                    .thead(.tr(.th(.text(ctx.t("Tanggal", "Date"))), .th(.text(ctx.t("Lokasi", "Place"))), .th(.class("num"), .text(ctx.t("Relawan", "Volunteers"))),
                               .th(.class("num"), .text(ctx.t("Pohon", "Trees"))), .th(.class("num"), .text(ctx.t("Sampah (kg)", "Waste (kg)"))),
                               .th(.class("num"), .text(ctx.t("Mata air", "Water sources"))), .th(.text(ctx.t("Catatan", "Note"))))),
                    .tbody(.forEach(logs) { log in
                        .tr(.td(.text(LocalDate(iso: log.doneOn).map { DateText.medium($0, ctx.language) } ?? log.doneOn)),
                            .td(.text(desaNames[log.desaCode] ?? log.desaCode)), .td(.class("num"), .text(String(log.volunteers))),
                            .td(.class("num"), .text(String(log.trees))), .td(.class("num"), .text(EnvironmentTotals.kilograms(log.wasteTenthKg))),
                            .td(.class("num"), .text(String(log.waterSources))), .td(.text(log.note)))
                    })))),
            canManage ? form(ctx) : .empty)
    }

    func form(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let choices else { return .empty }
        return .element(named: "details", nodes: [
            .class("no-print"),
            .if(!errors.isEmpty, .attribute(named: "open", value: "open")),
            .element(named: "summary", nodes: [.text(ctx.t("Catat kegiatan", "Log an activity"))]),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.programActivity(program.id?.uuidString ?? "").path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "done_on", label: ctx.t("Tanggal", "Date"), type: .date, value: input.done_on ?? "", required: true), errors: errors, idPrefix: "k-"),
                FormKit.select(ctx, name: "desa_code", label: ctx.t("Desa/kelurahan", "Village"), choices: choices.desaChoices(ctx), selected: input.desa_code ?? "",
                               errors: errors, idPrefix: "k-"),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "volunteers", label: ctx.t("Relawan", "Volunteers"), value: input.volunteers ?? "", required: true, inputMode: "numeric"), errors: errors, idPrefix: "k-"),
                     FormKit.field(ctx, .init(name: "trees", label: ctx.t("Pohon ditanam", "Trees planted"), value: input.trees ?? "", inputMode: "numeric"), errors: errors, idPrefix: "k-")),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "waste_kg", label: ctx.t("Sampah (kg)", "Waste (kg)"), value: input.waste_kg ?? "", inputMode: "decimal"), errors: errors, idPrefix: "k-"),
                     FormKit.field(ctx, .init(name: "water_sources", label: ctx.t("Mata air dilindungi", "Water sources protected"), value: input.water_sources ?? "", inputMode: "numeric"),
                                   errors: errors, idPrefix: "k-")),
                FormKit.field(ctx, .init(name: "note", label: ctx.t("Catatan", "Note"), value: input.note ?? ""), errors: errors, idPrefix: "k-"),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan kegiatan", "Save the activity")))),
        ])
    }
}

/// `/program/lingkungan`: what environmental programmes achieved, per kecamatan and year.
struct EnvironmentTotalsPage {
    var lines: [EnvironmentTotals.Line]
    var names: [String: String]

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Hasil program lingkungan", "Environmental results")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.programs.path), .text(ctx.t("‹ Program", "‹ Programmes")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t("Jumlah dari catatan kegiatan penghijauan, pengelolaan sampah dan konservasi air, per kecamatan dan tahun.",
                                           "Totals of the activities logged by tree-planting, waste and water programmes, per district and year."))),
            lines.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada kegiatan yang dicatat.", "No activity logged yet."))) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text(ctx.t("Tahun", "Year"))), .th(.text("Kecamatan")), .th(.class("num"), .text(ctx.t("Kegiatan", "Activities"))),
                           .th(.class("num"), .text(ctx.t("Relawan", "Volunteers"))), .th(.class("num"), .text(ctx.t("Pohon", "Trees"))),
                           .th(.class("num"), .text(ctx.t("Sampah (kg)", "Waste (kg)"))), .th(.class("num"), .text(ctx.t("Mata air", "Water sources"))))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.text(String(line.year))), .td(.text(names[line.kecamatan] ?? line.kecamatan)), .td(.class("num"), .text(String(line.activities))),
                        .td(.class("num"), .text(String(line.volunteers))), .td(.class("num"), .text(String(line.trees))),
                        .td(.class("num"), .text(EnvironmentTotals.kilograms(line.wasteTenthKg))), .td(.class("num"), .text(String(line.waterSources))))
                }))),
        ])
    }
}

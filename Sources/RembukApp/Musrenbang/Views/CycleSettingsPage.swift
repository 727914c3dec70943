import Plot
import RembukCore

/// The criteria, the women's target and the pagu of one budget year: tables for everyone, forms for Bappeda.
struct CycleSettingsPage {
    var year: Int
    var settings: CycleSettings
    var form: SaveCycleSettings.Input
    var kecamatan: [Region]
    var pagu: [String: String]
    var paguTotal: Int64
    var canManage: Bool
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Kriteria dan pagu tahun anggaran \(year)", "Criteria and ceilings, budget year \(year)")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.schedule.path), .text(ctx.t("‹ Jadwal perencanaan", "‹ Planning calendar")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Forum Musrenbang menilai usulan dengan kriteria ini (nilai 1–5, dikali bobot), lalu menyusun prioritas dalam pagu indikatif tiap kecamatan.",
                "Forums score proposals on these criteria (1–5, times the weight), then fit the priorities into each district's indicative ceiling."))),
            FormKit.summary(ctx, errors),
            canManage ? criteriaForm(ctx) : criteriaTables(ctx),
            paguSection(ctx),
        ])
    }

    func criteriaTables(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Kriteria penilaian", "Scoring criteria"))),
            .p(.text(ctx.t("Target keterwakilan perempuan di setiap forum: ", "Target share of women at every forum: ") + Percent.text(settings.womenTargetBasisPoints) + " %")),
            .forEach(zip([ctx.t("Usulan fisik", "Physical proposals"), ctx.t("Usulan non-fisik", "Non-physical proposals")], [settings.physical, settings.nonPhysical]).map { $0 }) { caption, criteria in
                .table(.caption(.text(caption)),
                       .thead(.tr(.th(.text(ctx.t("Kriteria", "Criterion"))), .th(.class("num"), .text(ctx.t("Bobot", "Weight"))),
                                  .th(.text(ctx.t("Nilai 1 berarti", "1 means"))), .th(.text(ctx.t("Nilai 5 berarti", "5 means"))))),
                       .tbody(.forEach(criteria) { criterion in
                           .tr(.td(.text(criterion.name)), .td(.class("num"), .text(Percent.text(criterion.weightBasisPoints) + " %")),
                               .td(.text(criterion.scale[1] ?? "–")), .td(.text(criterion.scale[5] ?? "–")))
                       }))
            })
    }

    func criteriaForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        FormKit.form(.class("stack full"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.cycleSettings(String(year)).path),
            FormKit.csrf(ctx),
            .h2(.text(ctx.t("Kriteria penilaian", "Scoring criteria"))),
            .div(.class("short"), FormKit.field(ctx, .init(name: "women_target", label: ctx.t("Target keterwakilan perempuan (%)", "Target share of women (%)"),
                                     value: form.fields["women_target"] ?? "", required: true, inputMode: "decimal"), errors: errors)),
            kindRows(ctx, "fisik", ctx.t("Usulan fisik", "Physical proposals")),
            kindRows(ctx, "nonfisik", ctx.t("Usulan non-fisik", "Non-physical proposals")),
            .p(.class("hint"), .text(ctx.t("Bobot tiap jenis harus berjumlah 100 %. Baris kosong diabaikan.", "Each kind's weights must add up to 100 %. Empty rows are ignored."))),
            .button(.type(.submit), .text(ctx.t("Simpan kriteria", "Save criteria"))))
    }

    func kindRows(_ ctx: ViewContext, _ kind: String, _ caption: String) -> Node<HTML.BodyContext> {
        let rowErrors = (0..<SaveCycleSettings.rows).compactMap { errors["\(kind)_\($0)_name"] ?? errors["\(kind)_\($0)_weight"] }
        return .element(named: "fieldset", nodes: [
            .class(rowErrors.isEmpty ? "field" : "field invalid"),
            .element(named: "legend", text: caption),
            .forEach(rowErrors) { .p(.class("error"), .text(ctx.t($0))) },
            .table(
                .thead(.tr(.th(.text(ctx.t("Kriteria", "Criterion"))), .th(.text(ctx.t("Bobot (%)", "Weight (%)"))),
                           .th(.text(ctx.t("Nilai 1 berarti", "1 means"))), .th(.text(ctx.t("Nilai 5 berarti", "5 means"))))),
                .tbody(.forEach(Array(0..<SaveCycleSettings.rows)) { index in
                    .tr(.forEach([("name", ctx.t("Nama kriteria", "Criterion name")), ("weight", ctx.t("Bobot", "Weight")),
                                  ("low", ctx.t("Arti nilai 1", "Meaning of 1")), ("high", ctx.t("Arti nilai 5", "Meaning of 5"))]) { part, label in
                        let name = "\(kind)_\(index)_\(part)"
                        return .td(FormKit.input([("type", "text"), ("name", name), ("value", form.fields[name] ?? ""),
                                                  ("aria-label", "\(caption), \(ctx.t("baris", "row")) \(index + 1): \(label)"),
                                                  part == "weight" ? ("inputmode", "decimal") : nil, part == "weight" ? ("class", "short") : nil]))
                    })
                })),
        ])
    }

    func paguSection(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let rows = Node<HTML.TableContext>.tbody(.forEach(kecamatan) { region in
            let name = "pagu_" + (region.id ?? "")
            return .tr(.td(.a(.href(SiteRoute.cycleAgencyCeilings(String(year), region.id ?? "").path), .text(region.name))),
                       .td(.class("num"), canManage
                           ? FormKit.input([("type", "text"), ("name", name), ("value", pagu[name] ?? ""), ("inputmode", "numeric"),
                                            ("aria-label", ctx.t("Pagu Kecamatan ", "Ceiling of ") + region.name),
                                            errors[name] == nil ? nil : ("aria-invalid", "true")])
                           : .text(pagu[name] ?? "–")))
        })
        let table = Node<HTML.BodyContext>.table(
            .thead(.tr(.th(.text("Kecamatan")), .th(.class("num"), .text(ctx.t("Pagu indikatif (Rp)", "Indicative ceiling (Rp)"))))),
            rows,
            .tfoot(.tr(.th(.text(ctx.t("Jumlah", "Total"))), .th(.class("num"), .text(Rupiah(paguTotal).formatted)))))
        return .section(.id("pagu"),
            .h2(.text(ctx.t("Pagu indikatif per kecamatan", "Indicative ceilings per district"))),
            .p(.class("hint"), .text(ctx.t("Klik nama kecamatan untuk merinci pagunya per perangkat daerah.", "Follow a district's name to set ceilings per agency inside it."))),
            canManage
                ? FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.cyclePagu(String(year)).path),
                               FormKit.csrf(ctx), table, .button(.type(.submit), .text(ctx.t("Simpan pagu", "Save ceilings"))))
                : table)
    }
}

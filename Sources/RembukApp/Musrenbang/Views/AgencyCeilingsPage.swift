import Plot
import RembukCore

/// The ceilings per perangkat daerah inside one kecamatan's pagu: a table for everyone, a form for Bappeda.
struct AgencyCeilingsPage {
    var year: Int
    var kecamatan: Region
    var total: Int64?
    var agencies: [Agency]
    /// `opd_<agency>` → amount as shown or typed.
    var values: [String: String]
    var canManage: Bool
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Pagu per perangkat daerah · Kecamatan \(kecamatan.name)", "Agency ceilings · \(kecamatan.name)")
        let assigned = agencies.compactMap { Rupiah.parse(values["opd_" + ($0.id ?? "")] ?? "")?.amount }.reduce(0, +)
        let rows = Node<HTML.TableContext>.tbody(.forEach(agencies) { agency in
            let name = "opd_" + (agency.id ?? "")
            return .tr(.td(.text(agency.name)),
                       .td(.class("num"), canManage
                           ? FormKit.input([("type", "text"), ("name", name), ("value", values[name] ?? ""), ("inputmode", "numeric"),
                                            ("aria-label", ctx.t("Pagu ", "Ceiling of ") + agency.name), errors[name] == nil ? nil : ("aria-invalid", "true")])
                           : .text(values[name] ?? "–")))
        })
        let table = Node<HTML.BodyContext>.table(
            .thead(.tr(.th(.text(ctx.t("Perangkat daerah", "Agency"))), .th(.class("num"), .text(ctx.t("Pagu (Rp)", "Ceiling (Rp)"))))),
            rows,
            .tfoot(.tr(.th(.text(ctx.t("Jumlah yang dirinci", "Assigned"))), .th(.class("num"), .text(Rupiah(assigned).formatted)))))
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.cycleSettings(String(year)).path + "#pagu"), .text(ctx.t("‹ Kriteria dan pagu TA \(year)", "‹ Criteria and ceilings \(year)")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(total.map { ctx.t("Pagu indikatif kecamatan: ", "District ceiling: ") + Rupiah($0).formatted }
                                     ?? ctx.t("Pagu indikatif kecamatan ini belum diisi.", "This district's ceiling is not set yet."))),
            .p(.class("hint"), .text(ctx.t("Perangkat daerah yang dikosongkan tidak punya batas sendiri; usulannya hanya dibatasi pagu kecamatan. Musrenbang Kecamatan melewati usulan yang melebihi sisa pagu perangkat daerahnya.",
                                           "An agency left empty has no ceiling of its own. The district forum skips proposals above what is left of their agency's ceiling."))),
            FormKit.summary(ctx, errors),
            canManage
                ? FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.cycleAgencyCeilings(String(year), kecamatan.id ?? "").path),
                               FormKit.csrf(ctx), table, .button(.type(.submit), .text(ctx.t("Simpan pagu per perangkat daerah", "Save the agency ceilings"))))
                : table,
        ])
    }
}

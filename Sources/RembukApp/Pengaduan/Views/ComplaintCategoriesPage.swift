import Plot
import RembukCore

/// Bappeda's routing table: each category and the perangkat daerah its complaints are passed to by default.
struct ComplaintCategoriesPage {
    var categories: [ComplaintCategory]
    var agencies: [Agency]
    var input: SaveComplaintCategories.Input?
    var errors = FormErrors()
    var notice: String?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Kategori dan disposisi pengaduan", "Complaint categories and routing")
        let choices = [FormKit.Choice(value: "", label: ctx.t("— diputuskan admin —", "— the admin decides —"))] + agencies.map { .init(value: $0.id ?? "", label: $0.name) }
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.complaintBoard.path), .text(ctx.t("‹ Papan pengaduan", "‹ Complaints board")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t("Perangkat daerah yang dipilih di sini disarankan saat admin mendisposisikan pengaduan. Pengaduan tentang proyek disarankan ke perangkat daerah proyeknya.",
                                           "The agency chosen here is suggested when the admin passes a complaint on. Complaints about a project are suggested to its agency."))),
            .unwrap(notice) { FormKit.notice($0) },
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.complaintCategories.path),
                FormKit.csrf(ctx),
                .table(
                    .thead(.tr(.th(.text(ctx.t("Kategori", "Category"))), .th(.text(ctx.t("Didisposisikan ke", "Passed to"))))),
                    .tbody(.forEach(categories) { category in
                        let key = category.id ?? ""
                        return .tr(
                            .td(FormKit.field(ctx, .init(name: "name[\(key)]", label: ctx.t("Nama", "Name"), value: input?.name?[key] ?? category.name, required: true),
                                              errors: errors, idPrefix: "c-")),
                            .td(FormKit.select(ctx, name: "agency[\(key)]", label: ctx.t("Perangkat daerah", "Agency"), choices: choices,
                                               selected: input?.agency?[key] ?? category.agency, errors: errors, idPrefix: "c-")))
                    })),
                .h2(.text(ctx.t("Tambah kategori", "Add a category"))),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "new_name", label: ctx.t("Nama kategori baru", "New category"), value: input?.new_name ?? ""), errors: errors),
                     FormKit.select(ctx, name: "new_agency", label: ctx.t("Didisposisikan ke", "Passed to"), choices: choices,
                                    selected: input?.new_agency ?? "", errors: errors)),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
        ])
    }
}

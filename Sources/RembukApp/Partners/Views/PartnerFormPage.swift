import Plot
import RembukCore

/// Registering a partner (Bappeda) or updating its profile (Bappeda or the partner's users).
struct PartnerFormPage {
    var existing: Partner?
    var input: SavePartner.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = existing == nil ? ctx.t("Daftarkan mitra", "Register a partner") : ctx.t("Ubah profil mitra", "Edit the partner's profile")
        let action = existing.map { SiteRoute.partnerEdit($0.id ?? "").path } ?? SiteRoute.partnerNew.path
        return Layout.page(ctx, title: title, [
            .p(.a(.href(existing.map { SiteRoute.partner($0.id ?? "").path } ?? SiteRoute.partners.path), .text(ctx.t("‹ Kembali", "‹ Back")))),
            .h1(.text(title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama organisasi", "Organisation name"), value: input.name ?? "", required: true), errors: errors),
                FormKit.choices(ctx, name: "kind", legend: ctx.t("Jenis mitra", "Kind of partner"),
                                choices: PartnerKind.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                selected: [input.kind ?? ""], errors: errors, radio: true),
                FormKit.textarea(ctx, name: "description", label: ctx.t("Profil singkat", "Short profile"), value: input.description ?? "", errors: errors,
                                 hint: ctx.t("Bidang kerja, wilayah dampingan, kontak resmi organisasi.", "Field of work, areas served, official contact."), rows: 5),
                FormKit.field(ctx, .init(name: "website", label: ctx.t("Situs web", "Website"), type: .url, value: input.website ?? "",
                                         hint: "https://…"), errors: errors),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
        ])
    }
}

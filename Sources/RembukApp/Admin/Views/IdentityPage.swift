import Plot
import RembukCore

/// `/admin/identitas`: the government's name, address and contacts as its letterhead shows them, the logo, and the
/// patterns document numbers are made from, with a preview of the kop surat and of each number.
struct IdentityPage {
    var identity: InstallationIdentity
    var input: SaveIdentity.Input
    var errors: FormErrors
    var logoError: Phrase?
    var notice: String?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Identitas & kop surat", "Identity & letterhead")
        let year = 2027
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.adminAccounts.path), .text(ctx.t("‹ Kelola akun", "‹ Manage accounts")))),
            .h1(.text(title)),
            .unwrap(notice) { FormKit.notice($0) },
            .p(.class("lead"), .text(ctx.t(
                "Nama dan logo tampil di setiap halaman; kop surat dan nomor dokumen dicetak pada berita acara, daftar hadir dan sertifikat.",
                "The name and logo show on every page; the letterhead and document numbers are printed on minutes, attendance sheets and certificates."))),
            .h2(.text(ctx.t("Pratinjau kop surat", "Letterhead preview"))),
            .div(.class("document preview"), Letterhead.view(identity, units: [ctx.planningAgencyName], contacts: true)),
            .h2(.text(ctx.t("Nama dan kontak", "Name and contacts"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminIdentity.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "government", label: ctx.t("Nama pemerintah daerah", "Government name"), value: input.government ?? "",
                                         hint: ctx.t("Seperti tertulis di kop surat, misalnya Pemerintah Kota Bitung.", "As written on its letterhead, e.g. Pemerintah Kota Bitung."),
                                         required: true), errors: errors),
                FormKit.field(ctx, .init(name: "address", label: ctx.t("Alamat kantor", "Office address"), value: input.address ?? "",
                                         hint: ctx.t("Alamat Bappeda, dicetak di kop dokumen tingkat kabupaten/kota.", "Bappeda's address, printed on kabupaten/kota-level documents."),
                                         autocomplete: "street-address"), errors: errors),
                FormKit.field(ctx, .init(name: "phone", label: ctx.t("Telepon kantor", "Office phone"), type: .tel, value: input.phone ?? "",
                                         hint: "(0264) 200036"), errors: errors),
                FormKit.field(ctx, .init(name: "email", label: ctx.t("Surel kantor", "Office e-mail"), type: .email, value: input.email ?? ""), errors: errors),
                FormKit.field(ctx, .init(name: "website", label: ctx.t("Situs web", "Website"), type: .url, value: input.website ?? "",
                                         hint: "https://…"), errors: errors),
                .h3(.text(ctx.t("Nomor dokumen", "Document numbers"))),
                .p(.class("hint"), .text(ctx.t(
                    "Yang bisa dipakai: {nomor} urutan dalam setahun (001, 002 …), {tahun}, {bulan} dalam angka Romawi, {wilayah} desa/kelurahan, kecamatan atau kabupaten forumnya, {kecamatan}, {opd} singkatan perangkat daerah. Nomor diberikan saat forum ditutup atau sertifikat diterbitkan, dan tidak berubah lagi.",
                    "You can use: {nomor} the place in the year (001, 002 …), {tahun} year, {bulan} month in Roman numerals, {wilayah} the forum's desa/kelurahan, kecamatan or kabupaten, {kecamatan}, {opd} the agency's short name. A number is given when a forum closes or a certificate is issued, and never changes."))),
                FormKit.field(ctx, .init(name: "minutes_pattern", label: ctx.t("Pola nomor berita acara", "Minutes number pattern"), value: input.minutes_pattern ?? "",
                                         hint: ctx.t("Contoh hasil: ", "Example: ") + identity.minutesNumber.format(number: 7, year: year, month: 2, region: "Citalang", kecamatan: "Purwakarta", agency: "Bappeda"),
                                         required: true), errors: errors),
                FormKit.field(ctx, .init(name: "certificate_pattern", label: ctx.t("Pola nomor sertifikat", "Certificate number pattern"), value: input.certificate_pattern ?? "",
                                         hint: ctx.t("Contoh hasil: ", "Example: ") + identity.certificateNumber.format(number: 12, year: year, month: 5, agency: "Diskoperindag"),
                                         required: true), errors: errors),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
            .h2(.id("logo"), .text(ctx.t("Logo", "Logo"))),
            .unwrap(identity.logo) { logo in
                .group([
                    .p(.img(.src(logo.path), .alt(ctx.t("Logo saat ini", "Current logo")), .attribute(named: "height", value: "96"))),
                    FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminLogoRemove.path), .class("inline"),
                        FormKit.csrf(ctx), .button(.type(.submit), .class("secondary"), .text(ctx.t("Hapus logo", "Remove the logo")))),
                ])
            },
            .unwrap(logoError) { .div(.class("alert error"), .attribute(named: "role", value: "alert"), .p(.text(ctx.t($0)))) },
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminLogo.path),
                .attribute(named: "enctype", value: "multipart/form-data"),
                FormKit.csrf(ctx),
                .div(.class(logoError == nil ? "field" : "field invalid"),
                     .label(.for("f-logo"), .text(ctx.t("Berkas logo (PNG atau SVG)", "Logo file (PNG or SVG)"))),
                     .p(.class("hint"), .id("f-logo-hint"), .text(ctx.t("Paling besar \(ByteSize.text(LogoImage.maxBytes)). SVG tanpa skrip, tautan atau gambar dari luar.",
                                                                        "At most \(ByteSize.text(LogoImage.maxBytes)). An SVG without script, links or outside pictures."))),
                     FormKit.input([("type", "file"), ("id", "f-logo"), ("name", StoreUploads.field), ("accept", ".png,.svg,image/png,image/svg+xml"),
                                    ("required", "required"), ("aria-describedby", "f-logo-hint")])),
                .button(.type(.submit), .text(ctx.t("Pasang logo", "Put up the logo")))),
        ])
    }
}

extension Letterhead {
    /// The kop surat: logo, the government's name, the issuing units (kecamatan, desa, agency), the contact line
    /// when the document is the government's own (the address is Bappeda's), a double rule.
    static func view(_ identity: InstallationIdentity, units: [String], contacts: Bool) -> Node<HTML.BodyContext> {
        let head = identity.letterhead
        return .header(.class("kop"),
            .unwrap(identity.logo) { .img(.src($0.path), .alt("")) },
            .div(.p(.strong(.text(head.government.uppercased()))),
                 .forEach(units.filter { !$0.isEmpty }) { .p(.strong(.text($0.uppercased()))) },
                 .if(contacts && !head.contactLine.isEmpty, .p(.small(.text(head.contactLine))))))
    }
}

import Plot
import RembukCore

struct ApiTokenPage {
    var tokens: [ApiToken]
    var created: String?
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Token API", "API tokens")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.account.path), .text(ctx.t("‹ Akun saya", "‹ My account")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Token membuat aplikasi lain (aplikasi desa, lembar kerja) bisa mengirim dan mendukung usulan atas nama Anda lewat API. Simpan seperti kata sandi.",
                "A token lets another program (a village app, a spreadsheet) send and support proposals as you through the API. Keep it like a password."))),
            .unwrap(created) { secret in
                .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(ctx.t("Token baru Anda (hanya ditampilkan sekali ini):", "Your new token (shown only this once):")))),
                     .p(.code(.class("hash"), .text(secret))),
                     .p(.text(ctx.t("Kirim sebagai header ", "Send it as the header ")), .code(.text("Authorization: Bearer \(secret.prefix(10))…"))))
            },
            .if(tokens.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada token.", "No tokens yet.")))),
            .if(!tokens.isEmpty, .table(
                .thead(.tr(.th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.t("Awalan", "Prefix"))), .th(.text(ctx.t("Dibuat", "Created"))),
                           .th(.text(ctx.t("Terakhir dipakai", "Last used"))), .th(.text("")))),
                .tbody(.forEach(tokens) { token in
                    .tr(.td(.text(token.name)), .td(.code(.text(token.prefix + "…"))),
                        .td(.text(token.createdAt.map { DateText.dateTime($0, ctx.language) } ?? "")),
                        .td(.text(token.lastUsedAt.map { DateText.dateTime($0, ctx.language) } ?? ctx.t("belum", "never"))),
                        .td(FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                                         .attribute(named: "action", value: SiteRoute.apiTokenRevoke(token.id?.uuidString ?? "").path),
                                         FormKit.csrf(ctx), .button(.type(.submit), .class("secondary"), .text(ctx.t("Cabut", "Revoke"))))))
                }))),
            .h2(.text(ctx.t("Buat token", "Make a token"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.apiTokens.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama token", "Token name"), hint: ctx.t("mis. Aplikasi Desa Citalang", "e.g. Village app"), required: true), errors: errors),
                .button(.type(.submit), .text(ctx.t("Buat token", "Make token")))),
            .p(.a(.href(SiteRoute.openAPI.path), .text(ctx.t("Dokumentasi API (OpenAPI)", "API documentation (OpenAPI)")))),
        ])
    }
}

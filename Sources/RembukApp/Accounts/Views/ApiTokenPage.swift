import Plot
import RembukCore

struct ApiTokenPage {
    var tokens: [ApiToken]
    var created: String?
    var input = CreateApiToken.Input()
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
            .if(!tokens.isEmpty, ApiTokenViews.table(ctx, tokens, revoke: { SiteRoute.apiTokenRevoke($0).path })),
            .h2(.text(ctx.t("Buat token", "Make a token"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.apiTokens.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama token", "Token name"), value: input.name ?? "",
                                         hint: ctx.t("mis. Aplikasi Desa Citalang", "e.g. Village app"), required: true), errors: errors),
                ApiTokenViews.scopeAndLifetime(ctx, scopes: input.scopes ?? [], days: input.days, errors: errors),
                .button(.type(.submit), .text(ctx.t("Buat token", "Make token")))),
            .p(.a(.href(SiteRoute.openAPI.path), .text(ctx.t("Dokumentasi API (OpenAPI)", "API documentation (OpenAPI)")))),
        ])
    }
}

/// The parts shared by the personal token page and the admin's agency tokens.
enum ApiTokenViews {
    static func table(_ ctx: ViewContext, _ tokens: [ApiToken], agencyNames: [String: String] = [:], revoke: (String) -> String) -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .table(
            .thead(.tr(.th(.text(ctx.t("Nama", "Name"))), .if(!agencyNames.isEmpty, .th(.text("OPD"))), .th(.text(ctx.t("Awalan", "Prefix"))),
                       .th(.text(ctx.t("Izin", "Scopes"))), .th(.text(ctx.t("Berlaku sampai", "Expires"))),
                       .th(.text(ctx.t("Terakhir dipakai", "Last used"))), .th(.text(ctx.t("Tindakan", "Action"))))),
            .tbody(.forEach(tokens) { token in
                .tr(.td(.text(token.name)), .if(!agencyNames.isEmpty, .td(.text(agencyNames[token.agencyID ?? ""] ?? token.agencyID ?? ""))),
                    .td(.code(.text(token.prefix + "…"))),
                    .td(.text(ApiScope.allCases.filter(token.scopeSet.contains).map { $0.label(ctx.language) }.joined(separator: ", "))),
                    .td(.text(token.expiresAt.map { DateText.medium(LocalDate($0), ctx.language) } ?? "–")),
                    .td(.text(token.lastUsedAt.map { DateText.dateTime($0, ctx.language) } ?? ctx.t("belum", "never"))),
                    .td(FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                                     .attribute(named: "action", value: revoke(token.id?.uuidString ?? "")),
                                     FormKit.csrf(ctx), .button(.type(.submit), .class("secondary"),
                                                                .attribute(named: "aria-label", value: ctx.t("Cabut token ", "Revoke token ") + token.name),
                                                                .text(ctx.t("Cabut", "Revoke"))))))
            })))
    }

    static func scopeAndLifetime(_ ctx: ViewContext, scopes: [String], days: String?, errors: FormErrors) -> Node<HTML.BodyContext> {
        .group(
            FormKit.choices(ctx, name: "scopes", legend: ctx.t("Izin", "Scopes"),
                            choices: ApiScope.allCases.map { .init(value: $0.rawValue, label: "\($0.label(ctx.language)) (\($0.rawValue))") },
                            selected: Set(scopes), errors: errors,
                            hint: ctx.t("Membaca data publik tidak perlu izin. Token tidak pernah bisa lebih dari peran akunnya.",
                                        "Reading public data needs no scope. A token never does more than its account's roles allow.")),
            FormKit.select(ctx, name: "days", label: ctx.t("Berlaku selama", "Valid for"),
                           choices: TokenLifetime.choices.map { .init(value: String($0), label: ctx.t("\($0) hari", "\($0) days")) },
                           selected: days ?? "90", errors: errors))
    }
}

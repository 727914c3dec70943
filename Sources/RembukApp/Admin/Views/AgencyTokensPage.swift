import Plot
import RembukCore

/// `/admin/token`: tokens for agencies' own systems.
struct AgencyTokensPage {
    var tokens: [ApiToken]
    var agencies: [Agency]
    var created: String?
    var input: CreateAgencyToken.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Token API perangkat daerah", "Agency API tokens")
        let names = Dictionary(agencies.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.adminAccounts.path), .text(ctx.t("‹ Kelola akun", "‹ Manage accounts")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Untuk sistem milik OPD (aplikasi keuangan, sinkronisasi SIPD) yang mengirim laporan kemajuan proyek lewat API. Token hanya bertindak sebagai OPD yang dipilih, dengan izin yang dipilih, sampai tanggal berlakunya; setiap pemakaiannya tercatat di jejak audit.",
                "For an agency's own systems (finance application, SIPD sync) that send project progress through the API. A token acts only as the chosen agency, with the chosen scopes, until it expires; every use is recorded in the audit trail."))),
            .unwrap(created) { secret in
                .div(.class("alert ok"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(ctx.t("Token baru (hanya ditampilkan sekali ini; serahkan lewat saluran aman):", "The new token (shown only this once; hand it over securely):")))),
                     .p(.code(.class("hash"), .text(secret))))
            },
            tokens.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada token perangkat daerah yang aktif.", "No active agency tokens.")))
                : ApiTokenViews.table(ctx, tokens, agencyNames: names, revoke: { SiteRoute.adminTokenRevoke($0).path }),
            .h2(.text(ctx.t("Buat token untuk OPD", "Make a token for an agency"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminTokens.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama token", "Token name"), value: input.name ?? "",
                                         hint: ctx.t("mis. Sinkronisasi SIMDA Dinas PUPR", "e.g. PUPR finance sync"), required: true), errors: errors),
                FormKit.select(ctx, name: "agency_id", label: ctx.t("Perangkat daerah", "Agency"),
                               choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                               selected: input.agency_id ?? "", errors: errors),
                ApiTokenViews.scopeAndLifetime(ctx, scopes: input.scopes ?? [ApiScope.projectsReport.rawValue], days: input.days, errors: errors),
                .button(.type(.submit), .text(ctx.t("Buat token", "Make token")))),
        ])
    }
}

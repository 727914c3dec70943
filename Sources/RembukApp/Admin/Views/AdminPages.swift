import Plot
import RembukCore

struct AdminAccountsPage {
    var accounts: [Account]
    var search: String

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Kelola akun", "Manage accounts"), [
            .h1(.text(ctx.t("Kelola akun", "Manage accounts"))),
            .p(.a(.class("button"), .href(SiteRoute.adminNewAccount.path), .text(ctx.t("Buat akun staf", "Create a staff account"))), .text(" "),
               .a(.href(SiteRoute.adminIdentity.path), .text(ctx.t("Identitas & kop surat", "Identity & letterhead"))), .text(" · "),
               .a(.href(SiteRoute.adminAgencies.path), .text(ctx.t("Perangkat daerah (OPD)", "Agencies (OPD)"))), .text(" · "),
               .a(.href(SiteRoute.adminTokens.path), .text(ctx.t("Token API perangkat daerah", "Agency API tokens")))),
            FormKit.form(.attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.adminAccounts.path), .class("stack"),
                .div(.class("field"), .label(.for("q"), .text(ctx.t("Cari nama atau e-mail", "Search name or e-mail"))),
                     FormKit.input([("type", "search"), ("id", "q"), ("name", "q"), ("value", search)])),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Cari", "Search")))),
            .table(
                .thead(.tr(.th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.t("Kontak", "Contact"))),
                           .th(.text(ctx.t("Peran", "Roles"))), .th(.text(ctx.t("Status", "Status"))))),
                .tbody(.forEach(accounts) { account in
                    let roles = account.grants.filter { $0.revokedAt == nil }.compactMap { Role(rawValue: $0.role)?.label(ctx.language) }
                    return .tr(
                        .td(.a(.href(SiteRoute.adminAccount(account.id?.uuidString ?? "").path), .text(account.name))),
                        .td(.text(account.email ?? account.phone.flatMap { try? PhoneNumber.parse($0).get() }?.masked ?? "–")),
                        .td(.text(roles.isEmpty ? ctx.t("Warga", "Citizen") : roles.joined(separator: ", "))),
                        .td(.text(account.isDisabled ? ctx.t("nonaktif", "disabled") : ctx.t("aktif", "active"))))
                })
            ),
        ])
    }
}

enum RoleForm {
    static func fields(_ ctx: ViewContext, choices: ScopeChoices, role: String, region: String, agency: String,
                       organisation: String, errors: FormErrors) -> [Node<HTML.BodyContext>] {
        let roleChoices = [FormKit.Choice(value: "", label: ctx.t("— pilih peran —", "— choose a role —"))]
            + Role.staffRoles.map { FormKit.Choice(value: $0.rawValue, label: $0.label(ctx.language)) }
        var regionChoices = [FormKit.Choice(value: "", label: ctx.t("— pilih wilayah —", "— choose a region —"))]
        if let kabupaten = ctx.principal.grants.first(where: { $0.role == Role.bappeda.rawValue })?.regionCode {
            regionChoices.append(.init(value: kabupaten, label: ctx.t("Seluruh kabupaten ", "Whole kabupaten ") + kabupaten))
        }
        for kecamatan in choices.kecamatan {
            regionChoices.append(.init(value: kecamatan.id ?? "", label: "Kec. \(kecamatan.name) (\(kecamatan.id ?? ""))"))
            for desa in choices.desa where desa.parentCode == kecamatan.id {
                regionChoices.append(.init(value: desa.id ?? "", label: "  · \(desa.name) (\(desa.id ?? ""))"))
            }
        }
        let agencyChoices = [FormKit.Choice(value: "", label: ctx.t("— pilih OPD —", "— choose an agency —"))]
            + choices.agencies.map { FormKit.Choice(value: $0.id ?? "", label: $0.name) }
        let partnerChoices = [FormKit.Choice(value: "", label: ctx.t("— pilih mitra —", "— choose a partner —"))]
            + choices.partners.map { FormKit.Choice(value: $0.id ?? "", label: $0.name) }
        return [
            FormKit.select(ctx, name: "role", label: ctx.t("Peran", "Role"), choices: roleChoices, selected: role, errors: errors),
            FormKit.select(ctx, name: "region_code", label: ctx.t("Wilayah tugas (untuk operator, admin Bappeda, moderator)", "Region (for operators, planning admins, moderators)"),
                           choices: regionChoices, selected: region, errors: errors),
            FormKit.select(ctx, name: "agency_id", label: ctx.t("Perangkat daerah (untuk staf OPD)", "Agency (for agency staff)"),
                           choices: agencyChoices, selected: agency, errors: errors),
            FormKit.select(ctx, name: "organisation", label: ctx.t("Organisasi (untuk mitra)", "Organisation (for partners)"),
                           choices: partnerChoices, selected: organisation, errors: errors),
        ]
    }
}

struct NewStaffPage {
    var input: CreateStaffAccount.Input
    var errors: FormErrors
    var choices: ScopeChoices

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Buat akun staf", "Create a staff account"), [
            .h1(.text(ctx.t("Buat akun staf", "Create a staff account"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminNewAccount.path), FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama lengkap", "Full name"), value: input.name ?? "", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "email", label: "E-mail", type: .email, value: input.email ?? ""), errors: errors),
                FormKit.field(ctx, .init(name: "phone", label: ctx.t("Nomor HP", "Phone number"), type: .tel, value: input.phone ?? ""), errors: errors),
                FormKit.field(ctx, .init(name: "password", label: ctx.t("Kata sandi awal", "Initial password"), type: .password,
                                         hint: ctx.t("Sampaikan secara langsung; minta staf menggantinya setelah masuk.", "Hand it over in person; ask them to change it after signing in."),
                                         autocomplete: "new-password", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "password_confirmation", label: ctx.t("Ulangi kata sandi", "Repeat the password"),
                                         type: .password, autocomplete: "new-password", required: true), errors: errors),
                .group(RoleForm.fields(ctx, choices: choices, role: input.role ?? "", region: input.region_code ?? "",
                                       agency: input.agency_id ?? "", organisation: input.organisation ?? "", errors: errors)),
                .button(.type(.submit), .text(ctx.t("Buat akun", "Create account")))
            ),
        ])
    }
}

struct AdminAccountPage {
    var account: Account
    var grants: [RoleGrant]
    var choices: ScopeChoices
    var errors: FormErrors
    var notice: String?

    func render(_ ctx: ViewContext) -> HTML {
        let id = account.id?.uuidString ?? ""
        let active = grants.filter { $0.revokedAt == nil }
        var names: [String: String] = [:]
        for region in choices.kecamatan + choices.desa { names[region.id ?? ""] = region.name }
        for agency in choices.agencies { names[agency.id ?? ""] = agency.name }
        let scope = { (grant: RoleGrant) in names[grant.scopeText].map { "\($0) (\(grant.scopeText))" } ?? grant.scopeText }
        let past = grants.filter { $0.revokedAt != nil }
        let noticeText: String? = switch notice {
        case "dibuat": ctx.t("Akun staf dibuat dan perannya diberikan.", "The staff account was created with its role.")
        case "peran": ctx.t("Peran diberikan.", "Role granted.")
        case "dicabut": ctx.t("Peran dicabut.", "Role revoked.")
        case "status": ctx.t("Status akun diubah.", "Account status changed.")
        case "tautan-sandi": ctx.t("Tautan ganti kata sandi dikirim ke e-mail atau HP pemilik akun (berlaku satu jam, sekali pakai).",
                                   "A password reset link was sent to the owner's e-mail or phone (valid one hour, once).")
        case "tautan-sandi-gagal": ctx.t("Tautan tidak bisa dikirim: akun ini tidak punya e-mail atau HP yang bisa dikirimi, atau pengiriman belum disiapkan.",
                                         "No link could be sent: the account has no e-mail or phone that can be reached, or sending is not set up.")
        default: nil
        }
        return Layout.page(ctx, title: account.name, [
            .p(.a(.href(SiteRoute.adminAccounts.path), .text(ctx.t("‹ Semua akun", "‹ All accounts")))),
            .h1(.text(account.name)),
            .unwrap(noticeText) { FormKit.notice($0) },
            FormKit.summary(ctx, errors),
            .dl(.class("facts"),
                .dt(.text("E-mail")), .dd(.text(account.email ?? "–")),
                .dt(.text(ctx.t("Nomor HP", "Phone"))), .dd(.text(account.phone.flatMap { try? PhoneNumber.parse($0).get() }?.masked ?? "–")),
                .dt(.text("NIK")), .dd(.text(account.nikMasked ?? "–")),
                .dt(.text(ctx.t("Status", "Status"))), .dd(.text(account.isDisabled ? ctx.t("nonaktif", "disabled") : ctx.t("aktif", "active")))),
            .h2(.text(ctx.t("Peran aktif", "Active roles"))),
            active.isEmpty ? .p(.class("muted"), .text(ctx.t("Hanya warga.", "Citizen only."))) : .empty,
            .ul(.forEach(active) { grant in
                .li(.text((Role(rawValue: grant.role)?.label(ctx.language) ?? grant.role) + " · " + scope(grant)),
                    FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminRevoke(id, grant.id?.uuidString ?? "").path),
                          FormKit.csrf(ctx),
                          .div(.class("field"), .label(.for("reason-\(grant.id?.uuidString ?? "")"), .text(ctx.t("Alasan pencabutan", "Reason for revoking"))),
                               .input(.type(.text), .id("reason-\(grant.id?.uuidString ?? "")"), .name("reason"))),
                          .button(.type(.submit), .class("danger"), .text(ctx.t("Cabut peran", "Revoke role")))))
            }),
            .h2(.text(ctx.t("Beri peran", "Grant a role"))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminGrant(id).path),
                FormKit.csrf(ctx),
                .group(RoleForm.fields(ctx, choices: choices, role: "", region: "", agency: "", organisation: "", errors: errors)),
                FormKit.field(ctx, .init(name: "reason", label: ctx.t("Dasar penugasan (mis. nomor SK)", "Basis (e.g. decree number)")), errors: errors),
                .button(.type(.submit), .text(ctx.t("Beri peran", "Grant role")))),
            .h2(.text(ctx.t("Kata sandi", "Password"))),
            .p(.class("hint"), .text(ctx.t("Pemilik akun yang lupa kata sandi bisa memakai Lupa kata sandi di halaman masuk. Bila tidak bisa, kirim tautan ganti kata sandi ke e-mail atau HP-nya; Anda tidak melihat kata sandinya.",
                                           "An owner who forgot the password can use Forgot password on the sign-in page. If that fails, send a reset link to their e-mail or phone; you never see the password."))),
            FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminPasswordReset(id).path),
                FormKit.csrf(ctx),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Kirim tautan ganti kata sandi", "Send a password reset link")))),
            .h2(.text(ctx.t("Status akun", "Account status"))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.adminAccountStatus(id).path),
                FormKit.csrf(ctx),
                .input(.type(.hidden), .name("action"), .value(account.isDisabled ? "enable" : "disable")),
                FormKit.field(ctx, .init(name: "reason", label: ctx.t("Alasan", "Reason"), required: true), errors: FormErrors()),
                .button(.type(.submit), .class(account.isDisabled ? "" : "danger"),
                        .text(account.isDisabled ? ctx.t("Aktifkan kembali", "Enable again") : ctx.t("Nonaktifkan akun", "Disable account")))),
            past.isEmpty ? .empty : .group(
                .h2(.text(ctx.t("Riwayat peran", "Role history"))),
                .ul(.forEach(past) { grant in
                    .li(.text((Role(rawValue: grant.role)?.label(ctx.language) ?? grant.role) + " · " + scope(grant) + " · "
                              + ctx.t("dicabut ", "revoked ") + (grant.revokedAt.map { DateText.dateTime($0, ctx.language) } ?? "")))
                })),
        ])
    }
}

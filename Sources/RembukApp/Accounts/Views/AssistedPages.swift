import Foundation
import Plot
import RembukCore

/// The operator's desk for citizens without phone or e-mail: who is registered, serve one, register another.
struct AssistedListPage {
    var citizens: [Account]
    var desa: [Region]
    var input = RegisterAssistedCitizen.Input()
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let names = Dictionary(desa.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout.page(ctx, title: ctx.t("Warga dibantu", "Assisted citizens"), [
            .h1(.text(ctx.t("Warga dibantu", "Assisted citizens"))),
            .p(.class("lead"), .text(ctx.t(
                "Untuk warga yang tidak punya HP atau e-mail. Daftarkan mereka, lalu pilih “Layani” untuk mengirim usulan, dukungan, pendaftaran program, atau pengaduan atas nama mereka — di kantor desa atau saat musrenbang. Setiap tindakan tercatat sebagai tindakan Anda untuk warga tersebut.",
                "For citizens without a phone or e-mail. Register them, then choose “Serve” to send proposals, support, programme registrations or complaints on their behalf — at the village office or during a forum. Every action is recorded as yours, for that citizen."))),
            citizens.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Belum ada warga dibantu di wilayah Anda.", "No assisted citizens in your area yet.")))
                : .div(.class("scroll"), .table(
                    .caption(.text(ctx.t("Belum mengklaim akunnya sendiri", "Not yet claimed by the citizen"))),
                    .thead(.tr(.th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.places.Village(ctx.language))), .th(.text("NIK")),
                               .th(.text(ctx.t("Didaftarkan", "Registered"))), .th(.text(ctx.t("Tindakan", "Action"))))),
                    .tbody(.forEach(citizens) { citizen in
                        let id = citizen.id?.uuidString ?? ""
                        return .tr(.td(.a(.href(SiteRoute.assistedCitizen(id).path), .text(citizen.name))),
                                   .td(.text(names[citizen.assistedRegion ?? ""] ?? citizen.assistedRegion ?? "")),
                                   .td(.text(citizen.nikMasked ?? "–")),
                                   .td(.text(citizen.createdAt.map { DateText.medium(LocalDate($0), ctx.language) } ?? "")),
                                   .td(AssistedPages.serveButton(ctx, id: id, name: citizen.name)))
                    }))),
            registerForm(ctx),
        ])
    }

    func registerForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.assisted.path),
            FormKit.noValidation,
            .h2(.text(ctx.t("Daftarkan warga", "Register a citizen"))),
            FormKit.summary(ctx, errors),
            FormKit.csrf(ctx),
            FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama lengkap", "Full name"), value: input.name ?? "", autocomplete: "off", required: true), errors: errors),
            FormKit.select(ctx, name: "desa_code", label: ctx.t("Desa/kelurahan tempat tinggal", "Village of residence"),
                           choices: (desa.count == 1 ? [] : [.init(value: "", label: ctx.t("— pilih —", "— choose —"))]) + desa.map { .init(value: $0.id ?? "", label: $0.name) },
                           selected: input.desa_code ?? "", errors: errors),
            FormKit.choices(ctx, name: "gender", legend: ctx.t("Jenis kelamin", "Gender"),
                            choices: Attendee.Gender.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                            selected: Set([input.gender ?? ""]), errors: errors, radio: true),
            FormKit.field(ctx, .init(name: "nik", label: "NIK", value: input.nik ?? "",
                                     hint: ctx.t("Dari KTP, bila warga membawanya. Disimpan tersamar, tidak pernah ditampilkan utuh.",
                                                 "From the ID card, if the citizen has it. Kept masked, never shown whole."),
                                     autocomplete: "off", inputMode: "numeric"), errors: errors),
            .button(.type(.submit), .text(ctx.t("Daftarkan dan cetak lembar klaim", "Register and print the claim slip"))))
    }
}

/// One assisted citizen; right after registering (or on a new code) it carries the printable claim slip.
struct AssistedCitizenPage {
    var citizen: Account
    var desaName: String
    var claimCode: String?
    var baseURL: String

    func render(_ ctx: ViewContext) -> HTML {
        let id = citizen.id?.uuidString ?? ""
        return Layout.page(ctx, title: citizen.name, [
            .p(.class("no-print"), .a(.href(SiteRoute.assisted.path), .text(ctx.t("‹ Warga dibantu", "‹ Assisted citizens")))),
            .h1(.text(citizen.name)),
            .dl(.class("facts"),
                .dt(.text(ctx.places.Village(ctx.language))), .dd(.text(desaName)),
                .dt(.text(ctx.t("Jenis kelamin", "Gender"))), .dd(.text(Attendee.Gender(rawValue: citizen.gender ?? "")?.label(ctx.language) ?? "–")),
                .dt(.text("NIK")), .dd(.text(citizen.nikMasked ?? ctx.t("tidak diisi", "not given"))),
                .dt(.text(ctx.t("Didaftarkan", "Registered"))), .dd(.text(citizen.createdAt.map { DateText.long(LocalDate($0), ctx.language) } ?? ""))),
            .unwrap(claimCode) { slip(ctx, code: $0) },
            .div(.class("actions no-print"),
                 AssistedPages.serveButton(ctx, id: id, name: citizen.name),
                 FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.assistedClaimCode(id).path), .class("inline"),
                     FormKit.csrf(ctx),
                     .button(.type(.submit), .class("secondary"), .text(ctx.t("Buat kode klaim baru (lembar hilang)", "Make a new claim code (slip lost)"))))),
        ])
    }

    func slip(_ ctx: ViewContext, code: String) -> Node<HTML.BodyContext> {
        .section(.class("panel sheet"), .attribute(named: "aria-labelledby", value: "slip"),
            .h2(.id("slip"), .text("Lembar klaim akun Rembuk")),
            .p(.text("Nama: \(citizen.name) · Desa: \(desaName)")),
            .p(.text("Kode klaim: "), .strong(.class("hash"), .text(code))),
            .p(.text("Bila suatu hari Anda punya nomor HP sendiri, buka \(baseURL)\(SiteRoute.claimAccount.path), tulis kode klaim ini dan nomor HP Anda. Akun, usulan, dan pendaftaran Anda menjadi milik Anda sendiri, dan operator tidak dapat membukanya lagi.")),
            .p(.class("muted"), .text("Simpan lembar ini. Jangan berikan kode ini kepada orang lain.")),
            .p(.class("no-print hint"), .text(ctx.t("Kode ini hanya ditampilkan sekarang. Cetak (Ctrl+P) atau salin ke lembar untuk warga.",
                                                    "This code is shown only now. Print it (Ctrl+P) or copy it onto a slip for the citizen."))))
    }
}

enum AssistedPages {
    static func serveButton(_ ctx: ViewContext, id: String, name: String) -> Node<HTML.BodyContext> {
        FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.assistStart(id).path), .class("inline"),
            FormKit.csrf(ctx),
            .button(.type(.submit), .attribute(named: "aria-label", value: ctx.t("Layani \(name)", "Serve \(name)")), .text(ctx.t("Layani", "Serve"))))
    }

    /// On every page while an operator serves someone: whom, and that it is recorded. (The way out is in the account menu.)
    static func banner(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let citizen = ctx.principal.account, ctx.principal.assistant != nil else { return .empty }
        return .p(.class("alert no-print"), .strong(.text(ctx.t("Anda melayani \(citizen.name)", "You are serving \(citizen.name)"))),
                  .text(ctx.t(" (warga dibantu): yang Anda kirim tercatat atas nama Anda untuk warga ini.",
                              " (assisted citizen): what you send is recorded as yours, for this citizen.")))
    }

    /// The account menu while serving: whom, and the way back to the operator's own account.
    static func accountMenu(_ ctx: ViewContext, citizen: Account) -> Node<HTML.BodyContext> {
        .nav(.class("account"), .attribute(named: "aria-label", value: ctx.t("Akun", "Account")),
            .ul(.li(.text(ctx.t("Melayani ", "Serving ")), .strong(.text(citizen.name))),
                .li(FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.assistStop.path), .class("inline"),
                    FormKit.csrf(ctx), .button(.type(.submit), .class("link"), .text(ctx.t("Selesai melayani", "Stop serving")))))))
    }
}

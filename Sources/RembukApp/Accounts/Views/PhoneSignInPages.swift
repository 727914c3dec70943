import Foundation
import Plot
import RembukCore

/// "Masuk atau daftar dengan nomor HP", and the claim form for assisted citizens: both ask for a code.
struct PhoneRequestPage {
    enum Mode { case signIn, claim }

    var mode: Mode
    var phone: String = ""
    var claimCode: String = ""
    var back: String
    var errors = FormErrors()
    /// False when no gateway and no mail command is configured: no code can reach anyone.
    var canSend: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = mode == .signIn ? ctx.t("Masuk dengan nomor HP", "Sign in with your phone") : ctx.t("Klaim akun Anda", "Claim your account")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(mode == .signIn
                ? ctx.t("Tulis nomor HP Anda. Kami kirim kode 6 angka lewat SMS/WhatsApp; tidak perlu kata sandi. Nomor yang belum terdaftar langsung dibuatkan akun.",
                        "Enter your phone number. We send a 6-digit code by SMS/WhatsApp; no password needed. A number that is not registered yet gets a new account.")
                : ctx.t("Operator desa pernah mendaftarkan Anda dan memberi lembar berisi kode klaim. Dengan kode itu dan nomor HP Anda sendiri, akun itu menjadi milik Anda: usulan dan pendaftaran Anda tetap ada, dan operator tidak bisa lagi membukanya.",
                        "A village operator registered you and gave you a slip with a claim code. With that code and your own phone number the account becomes yours: your proposals and registrations stay, and operators can no longer open it."))),
            canSend ? form(ctx) : unavailable(ctx),
            .p(.text(ctx.t("Cara lain: ", "Other ways in: ")),
               .a(.href(SiteRoute.login.path), .text(ctx.t("masuk dengan kata sandi", "sign in with a password"))), .text(" · "),
               .a(.href(SiteRoute.register.path), .text(ctx.t("daftar dengan e-mail", "register with e-mail"))), .text(" · "),
               mode == .signIn
                   ? .a(.href(SiteRoute.claimAccount.path), .text(ctx.t("klaim akun dari operator desa", "claim an account from the village operator")))
                   : .a(.href(SiteRoute.phoneSignIn.path), .text(ctx.t("masuk dengan nomor HP", "sign in with a phone number")))),
        ])
    }

    func form(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .group(
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"),
                .attribute(named: "action", value: (mode == .signIn ? SiteRoute.phoneSignIn : SiteRoute.claimAccount).path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.input([("type", "hidden"), ("name", "kembali"), ("value", back)]),
                .if(mode == .claim, FormKit.field(ctx, .init(name: "claim_code", label: ctx.t("Kode klaim", "Claim code"), value: claimCode,
                                                             hint: ctx.t("8 huruf dan angka pada lembar dari operator, contoh: K7QX-3MPA.",
                                                                         "8 letters and digits on the operator's slip, e.g. K7QX-3MPA."),
                                                             autocomplete: "off", required: true), errors: errors)),
                FormKit.field(ctx, .init(name: "phone", label: ctx.t("Nomor HP", "Phone number"), type: .tel, value: phone,
                                         hint: ctx.t("Contoh: 0812-3456-7890", "For example: 0812-3456-7890"),
                                         autocomplete: "tel", required: true, inputMode: "tel"), errors: errors),
                .button(.type(.submit), .text(ctx.t("Kirim kode", "Send code")))))
    }

    func unavailable(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .div(.class("alert"), .attribute(named: "role", value: "status"),
             .p(.strong(.text(ctx.t("Pengiriman kode lewat SMS/WhatsApp belum diaktifkan di Rembuk \(ctx.regionName).",
                                    "Sending codes by SMS/WhatsApp is not switched on for Rembuk \(ctx.regionName).")))),
             .p(.text(ctx.t("Anda tetap bisa masuk dengan kata sandi, mendaftar dengan e-mail, atau datang ke kantor desa: operator desa dapat mendaftarkan Anda dan mengirim usulan atas nama Anda.",
                            "You can still sign in with a password, register with e-mail, or visit the village office: the village operator can register you and send proposals on your behalf."))))
    }
}

/// "Tulis kode yang kami kirim": the code (and, for a new number, the name), with a way to get a new code.
struct PhoneCodePage {
    var record: OneTimeCodeRecord
    var back: String
    var name: String = ""
    var consent = false
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let purpose = record.purposeValue ?? .signIn
        let masked = (try? PhoneNumber.parse(record.phone).get())?.masked ?? ""
        let channels = record.channels.split(separator: ",").map { $0 == "email" ? "e-mail" : ctx.t("SMS/WhatsApp", "SMS/WhatsApp") }
        let until = DateText.clock(record.expiresAt, ctx.language)
        return Layout.page(ctx, title: ctx.t("Tulis kode", "Enter the code"), [
            .h1(.text(ctx.t("Tulis kode dari HP Anda", "Enter the code from your phone"))),
            .p(.class("lead"), .text(ctx.t("Kode 6 angka sudah dikirim ke \(masked) lewat \(channels.joined(separator: " dan ")). Berlaku sampai pukul \(until) WIB.",
                                           "A 6-digit code was sent to \(masked) by \(channels.joined(separator: " and ")). It is valid until \(until) WIB."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.phoneCode.path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.input([("type", "hidden"), ("name", "challenge"), ("value", record.id?.uuidString ?? "")]),
                FormKit.input([("type", "hidden"), ("name", "kembali"), ("value", back)]),
                .if(purpose == .signUp, FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama lengkap", "Full name"), value: name,
                                                                 hint: ctx.t("Nomor ini belum terdaftar: akun baru dibuat dengan nama ini.",
                                                                             "This number is not registered yet: a new account is made with this name."),
                                                                 autocomplete: "name", required: true), errors: errors)),
                .if(purpose == .signUp || purpose == .claim, PrivacyNotice.consentField(ctx, checked: consent, errors: errors)),
                FormKit.field(ctx, .init(name: "code", label: ctx.t("Kode 6 angka", "6-digit code"),
                                         autocomplete: "one-time-code", required: true, inputMode: "numeric"), errors: errors),
                .button(.type(.submit), .text(button(ctx, purpose)))),
            purpose == .claim || purpose == .verifyPhone
                ? .p(.a(.href((purpose == .claim ? SiteRoute.claimAccount : SiteRoute.accountDetails).path),
                        .text(ctx.t("Kode tidak datang? Minta kode baru", "No code? Ask for a new one"))))
                : FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.phoneSignIn.path),
                    FormKit.csrf(ctx),
                    FormKit.input([("type", "hidden"), ("name", "phone"), ("value", record.phone)]),
                    FormKit.input([("type", "hidden"), ("name", "kembali"), ("value", back)]),
                    .button(.type(.submit), .class("link"), .text(ctx.t("Kode tidak datang? Kirim ulang (paling cepat 1 menit sekali)",
                                                                         "No code? Send again (at most once a minute)")))),
        ])
    }

    func button(_ ctx: ViewContext, _ purpose: OneTimeCodeRecord.Purpose) -> String {
        switch purpose {
        case .signUp: ctx.t("Daftar", "Register")
        case .claim: ctx.t("Klaim akun", "Claim the account")
        case .verifyPhone: ctx.t("Verifikasi nomor", "Verify the number")
        default: ctx.t("Masuk", "Sign in")
        }
    }
}

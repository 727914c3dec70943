import Plot
import RembukCore

/// `/lupa-sandi`: the e-mail or phone of the account.
struct PasswordResetRequestPage {
    var identifier: String
    var errors: FormErrors
    var unavailable: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Lupa kata sandi", "Forgot password")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Tulis e-mail atau nomor HP akun Anda. Ke nomor HP dikirim kode 6 angka lewat SMS/WhatsApp; ke e-mail dikirim tautan. Setelah kata sandi baru dibuat, semua sesi akun keluar.",
                "Enter your account's e-mail or phone number. A phone gets a 6-digit code by SMS/WhatsApp; an e-mail gets a link. Once the new password is set, every session of the account is signed out."))),
            unavailable ? .div(.class("alert error"), .attribute(named: "role", value: "alert"), .p(.text(ctx.t(
                "Pengiriman lewat jalur itu belum disiapkan di Rembuk ini. Coba jalur lain (e-mail atau HP), atau minta admin Bappeda mengirimkan tautan ganti kata sandi.",
                "That channel is not set up on this Rembuk. Try the other one (e-mail or phone), or ask the planning agency's admin to send you a reset link.")))) : .empty,
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.passwordReset.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "identifier", label: ctx.t("E-mail atau nomor HP", "E-mail or phone number"), value: identifier,
                                         autocomplete: "username", required: true), errors: errors),
                .button(.type(.submit), .text(ctx.t("Kirim kode atau tautan", "Send a code or link")))),
            .p(.a(.href(SiteRoute.login.path), .text(ctx.t("‹ Kembali ke halaman masuk", "‹ Back to sign in")))),
        ])
    }
}

/// After an e-mail request: the same words whether the address has an account or not.
struct PasswordResetSentPage {
    var email: String

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Periksa e-mail Anda", "Check your e-mail")
        let minutes = Int(RequestPasswordReset.linkLifetime / 60)
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            FormKit.notice(ctx.t("Bila \(email) terdaftar di Rembuk, tautan untuk membuat kata sandi baru sudah dikirim ke sana. Tautan berlaku \(minutes) menit dan hanya sekali pakai.",
                                 "If \(email) has a Rembuk account, a link to set a new password was sent there. It works for \(minutes) minutes, once.")),
            .p(.text(ctx.t("Tidak ada e-mail? Periksa folder spam, atau minta lagi sebentar lagi.", "No e-mail? Look in the spam folder, or ask again in a little while."))),
            .p(.a(.href(SiteRoute.login.path), .text(ctx.t("‹ Kembali ke halaman masuk", "‹ Back to sign in")))),
        ])
    }
}

/// The code from the phone and the new password, in one form.
struct PasswordResetCodePage {
    var record: OneTimeCodeRecord
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let masked = (try? PhoneNumber.parse(record.phone).get())?.masked ?? ""
        let until = DateText.clock(record.expiresAt, ctx.language)
        let title = ctx.t("Buat kata sandi baru", "Set a new password")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t("Bila \(masked) terdaftar, kode 6 angka sudah dikirim ke sana lewat SMS/WhatsApp. Berlaku sampai pukul \(until) WIB.",
                                           "If \(masked) is registered, a 6-digit code was sent to it by SMS/WhatsApp. It is valid until \(until) WIB."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.passwordResetCode.path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.input([("type", "hidden"), ("name", "challenge"), ("value", record.id?.uuidString ?? "")]),
                FormKit.field(ctx, .init(name: "code", label: ctx.t("Kode 6 angka", "6-digit code"), autocomplete: "one-time-code",
                                         required: true, inputMode: "numeric"), errors: errors),
                NewPasswordPage.fields(ctx, errors),
                .button(.type(.submit), .text(ctx.t("Simpan kata sandi baru", "Save the new password")))),
            .p(.a(.href(SiteRoute.passwordReset.path), .text(ctx.t("Kode tidak datang? Minta lagi (paling cepat 1 menit sekali)", "No code? Ask again (at most once a minute)")))),
        ])
    }
}

/// The page a reset link opens.
struct NewPasswordPage {
    var link: String
    var errors: FormErrors

    static func fields(_ ctx: ViewContext, _ errors: FormErrors) -> Node<HTML.BodyContext> {
        .group([
            FormKit.field(ctx, .init(name: "password", label: ctx.t("Kata sandi baru", "New password"), type: .password,
                                     hint: ctx.t("Minimal 8 karakter; jangan memuat nama, e-mail, atau nomor HP Anda.",
                                                 "At least 8 characters; not your name, e-mail or phone number."),
                                     autocomplete: "new-password", required: true), errors: errors),
            FormKit.field(ctx, .init(name: "password_confirmation", label: ctx.t("Ulangi kata sandi baru", "Repeat the new password"), type: .password,
                                     autocomplete: "new-password", required: true), errors: errors),
        ])
    }

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Buat kata sandi baru", "Set a new password")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.passwordResetLink(link).path),
                FormKit.csrf(ctx),
                Self.fields(ctx, errors),
                .button(.type(.submit), .text(ctx.t("Simpan kata sandi baru", "Save the new password")))),
        ])
    }
}

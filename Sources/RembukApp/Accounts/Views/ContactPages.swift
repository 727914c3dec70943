import Foundation
import Plot
import RembukCore

/// "Data diri": name, e-mail and phone. A new e-mail or number is used once it is proven.
struct ContactPage {
    var account: Account
    var input: ChangeContact.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let current = account.phone.flatMap { try? PhoneNumber.parse($0).get() }?.masked
        let phoneHint = current.map {
            ctx.t("Sekarang \($0). Kosongkan bila tidak diganti; nomor baru dipakai setelah Anda memasukkan kode yang kami kirim ke nomor itu.",
                  "Now \($0). Leave empty to keep it; a new number is used once you enter the code we send to it.")
        } ?? ctx.t("Contoh: 0812-3456-7890. Dipakai setelah Anda memasukkan kode yang kami kirim ke nomor itu.",
                   "For example: 0812-3456-7890. Used once you enter the code we send to it.")
        return Layout.page(ctx, title: ctx.t("Data diri", "Personal details"), [
            .h1(.text(ctx.t("Ubah data diri", "Change personal details"))),
            .p(.class("lead"), .text(ctx.t(
                "Nama langsung tersimpan. E-mail atau nomor HP baru baru dipakai setelah terbukti milik Anda, jadi yang lama tetap berlaku sampai saat itu.",
                "The name is saved at once. A new e-mail or phone number is used only once it is proven to be yours, so the old one keeps working until then."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.accountDetails.path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama lengkap", "Full name"), value: input.name ?? "",
                                         autocomplete: "name", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "email", label: "E-mail", type: .email, value: input.email ?? "",
                                         hint: ctx.t("Alamat baru menerima tautan verifikasi yang berlaku 24 jam. Kosongkan untuk menghapus e-mail.",
                                                     "A new address gets a verification link valid for 24 hours. Empty it to remove the e-mail."),
                                         autocomplete: "email"), errors: errors),
                FormKit.field(ctx, .init(name: "phone", label: ctx.t("Nomor HP baru", "New phone number"), type: .tel, value: input.phone ?? "",
                                         hint: phoneHint, autocomplete: "tel", inputMode: "tel"), errors: errors),
                .if(account.phone != nil, .div(.class("field check"),
                    FormKit.input([("type", "checkbox"), ("id", "f-remove_phone"), ("name", "remove_phone"), ("value", "ya"),
                                   input.remove_phone == "ya" ? ("checked", "checked") : nil]),
                    .label(.for("f-remove_phone"), .text(" " + ctx.t("Hapus nomor HP dari akun ini", "Remove the phone number from this account"))))),
                .button(.type(.submit), .text(ctx.t("Simpan", "Save")))),
            .p(.a(.href(SiteRoute.account.path), .text(ctx.t("Kembali ke Akun saya", "Back to My account")))),
        ])
    }
}

/// The page a verification link opens: one press proves the address; or why the link no longer works.
struct EmailProofPage {
    enum State {
        case confirm(link: String, email: String)
        case done(email: String)
        case over(Phrase)
    }

    var state: State

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Verifikasi e-mail", "Verify e-mail"), [
            .h1(.text(ctx.t("Verifikasi e-mail", "Verify e-mail"))),
            body(ctx),
        ])
    }

    func body(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        switch state {
        case let .confirm(link, email):
            .group(
                .p(.class("lead"), .text(ctx.t("Tekan tombol di bawah untuk memastikan \(email) milik Anda. Setelah itu akun Rembuk Anda memakai alamat ini dan notifikasi boleh dikirim ke sana.",
                                               "Press the button below to confirm that \(email) is yours. Your Rembuk account then uses this address and notifications may go to it."))),
                FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.emailProof(link).path),
                    FormKit.csrf(ctx),
                    .button(.type(.submit), .text(ctx.t("Ya, ini e-mail saya", "Yes, this is my e-mail")))))
        case let .done(email):
            .group(
                FormKit.notice(ctx.t("E-mail \(email) sudah terverifikasi.", "The e-mail \(email) is verified.")),
                .p(.a(.href(SiteRoute.account.path), .text(ctx.t("Ke Akun saya", "Go to My account")))))
        case let .over(phrase):
            .group(
                .div(.class("alert error"), .attribute(named: "role", value: "alert"), .p(.text(ctx.t(phrase)))),
                .p(.a(.href(SiteRoute.account.path), .text(ctx.t("Ke Akun saya", "Go to My account")))))
        }
    }
}

import Plot
import RembukCore

struct RegisterPage {
    var input: RegisterAccount.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Daftar", "Register"), [
            .h1(.text(ctx.t("Daftar sebagai warga", "Register as a citizen"))),
            .p(.class("lead"), .text(ctx.t(
                "Dengan akun, Anda bisa mengirim usulan dan pengaduan, mendukung usulan tetangga, dan mengikuti kabarnya.",
                "With an account you can send proposals and complaints, support your neighbours' proposals and follow their progress."))),
            .p(.a(.href(SiteRoute.phoneSignIn.path), .text(ctx.t("Cukup nomor HP, tanpa kata sandi? Daftar dengan kode lewat HP",
                                                                 "Just a phone number, no password? Register with a code sent to your phone")))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.register.path), FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama lengkap", "Full name"), value: input.name ?? "",
                                         autocomplete: "name", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "email", label: "E-mail", type: .email, value: input.email ?? "",
                                         hint: ctx.t("Isi e-mail atau nomor HP; salah satu cukup.", "Enter an e-mail or a phone number; one is enough."),
                                         autocomplete: "email"), errors: errors),
                FormKit.field(ctx, .init(name: "phone", label: ctx.t("Nomor HP", "Phone number"), type: .tel, value: input.phone ?? "",
                                         hint: ctx.t("Contoh: 0812-3456-7890", "For example: 0812-3456-7890"),
                                         autocomplete: "tel", inputMode: "tel"), errors: errors),
                FormKit.field(ctx, .init(name: "password", label: ctx.t("Kata sandi", "Password"), type: .password,
                                         hint: ctx.t("Minimal 8 karakter.", "At least 8 characters."),
                                         autocomplete: "new-password", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "password_confirmation", label: ctx.t("Ulangi kata sandi", "Repeat the password"),
                                         type: .password, autocomplete: "new-password", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "nik", label: "NIK", value: input.nik ?? "",
                                         hint: ctx.t("16 angka di KTP. Tidak wajib; disimpan hanya dalam bentuk tersamar (••••••••••••0001) dan tidak pernah ditampilkan utuh.",
                                                     "The 16 digits on your ID card. Optional; only a masked form (••••••••••••0001) is kept, never the whole number."),
                                         autocomplete: "off", inputMode: "numeric"), errors: errors),
                PrivacyNotice.consentField(ctx, checked: input.consent == "ya", errors: errors),
                .button(.type(.submit), .text(ctx.t("Daftar", "Register")))
            ),
            .p(.text(ctx.t("Sudah punya akun? ", "Already have an account? ")), .a(.href(SiteRoute.login.path), .text(ctx.t("Masuk", "Sign in")))),
        ])
    }
}

struct LoginPage {
    var identifier: String
    var back: String
    var errors: FormErrors
    var notice: String? = nil

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Masuk", "Sign in"), [
            .h1(.text(ctx.t("Masuk ke Rembuk", "Sign in to Rembuk"))),
            notice == "sandi-baru" ? FormKit.notice(ctx.t("Kata sandi baru tersimpan dan semua sesi akun sudah keluar. Silakan masuk dengan kata sandi baru.",
                                                          "The new password is saved and every session of the account was signed out. Sign in with the new password.")) : .empty,
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.login.path),
                FormKit.csrf(ctx),
                FormKit.input([("type", "hidden"), ("name", "kembali"), ("value", back)]),
                FormKit.field(ctx, .init(name: "identifier", label: ctx.t("E-mail atau nomor HP", "E-mail or phone number"),
                                         value: identifier, autocomplete: "username", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "password", label: ctx.t("Kata sandi", "Password"), type: .password,
                                         autocomplete: "current-password", required: true), errors: errors),
                .button(.type(.submit), .text(ctx.t("Masuk", "Sign in")))
            ),
            .p(.a(.href(SiteRoute.passwordReset.path), .text(ctx.t("Lupa kata sandi?", "Forgot your password?")))),
            .p(.a(.href(SiteRoute.phoneSignIn.path + (back == SiteRoute.account.path ? "" : "?kembali=" + back.urlQueryEscaped)),
                  .text(ctx.t("Tanpa kata sandi: masuk atau daftar dengan kode lewat HP", "No password: sign in or register with a code sent to your phone")))),
            .p(.text(ctx.t("Belum punya akun? ", "No account yet? ")), .a(.href(SiteRoute.register.path), .text(ctx.t("Daftar", "Register")))),
        ])
    }
}

struct AccountPage {
    var account: Account
    var grants: [RoleGrant]
    var scopeNames: [String: String]
    var follows: [Follow]
    var notice: String?
    var passwordErrors: FormErrors
    var settings: Settings
    /// A new e-mail address waiting for its link to be opened.
    var pendingEmail: String? = nil

    func render(_ ctx: ViewContext) -> HTML {
        let roles = [ctx.t("Warga", "Citizen")] + grants.compactMap { grant -> String? in
            guard let role = Role(rawValue: grant.role) else { return nil }
            let scope = scopeNames[grant.scopeText] ?? grant.scopeText
            return role.label(ctx.language) + (scope.isEmpty ? "" : " · " + scope)
        }
        let phone = account.phone.flatMap { try? PhoneNumber.parse($0).get() }?.masked
        return Layout.page(ctx, title: ctx.t("Akun saya", "My account"), [
            .h1(.text(ctx.t("Akun saya", "My account"))),
            noticeNode(ctx),
            facts(ctx, roles: roles, phone: phone),
            .p(.a(.href(SiteRoute.myUsulan.path), .text(ctx.t("Usulan saya", "My proposals"))), .text(" · "),
               .a(.href(SiteRoute.usulanNew.path), .text(ctx.t("Kirim usulan baru", "Send a new proposal")))),
            notifications(ctx),
            followed(ctx),
            passwordForm(ctx),
            personalData(ctx),
        ])
    }

    /// The rights of UU PDP, where the person looks for them.
    func personalData(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Data pribadi", "Personal data"))),
            .p(.text(account.consentedAt.map { ctx.t("Anda menyetujui pemberitahuan privasi pada \(DateText.long(LocalDate($0))). ", "You agreed to the privacy notice on \(DateText.long(LocalDate($0), .en)). ") } ?? ""),
               .a(.href(SiteRoute.privacy.path), .text(ctx.t("Baca pemberitahuan privasi", "Read the privacy notice")))),
            .ul(.li(.a(.href(SiteRoute.myData.path), .text(ctx.t("Unduh semua data saya (JSON)", "Download all my data (JSON)")))),
                .li(.a(.href(SiteRoute.deleteAccount.path), .text(ctx.t("Hapus akun saya", "Delete my account"))))))
    }

    func noticeNode(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        switch notice {
        case "welcome": FormKit.notice(ctx.t("Selamat datang di Rembuk! Akun Anda sudah dibuat.", "Welcome to Rembuk! Your account has been created."))
        case "password": FormKit.notice(ctx.t("Kata sandi sudah diganti. Sesi di perangkat lain sudah diakhiri.", "Your password was changed. Sessions on other devices were ended."))
        case "notifications": FormKit.notice(ctx.t("Pengaturan notifikasi disimpan.", "Notification settings saved."))
        case "claimed": FormKit.notice(ctx.t("Akun ini sekarang milik Anda. Operator desa tidak bisa lagi membukanya.", "This account is yours now. Village operators can no longer open it."))
        case "data-diri": FormKit.notice(ctx.t("Data diri disimpan.", "Personal details saved."))
        case "tautan": FormKit.notice(ctx.t("Tautan verifikasi sudah dikirim. Buka e-mail itu dan tekan tautannya dalam 24 jam.",
                                            "A verification link was sent. Open that e-mail and follow its link within 24 hours."))
        case "hp": FormKit.notice(ctx.t("Nomor HP terverifikasi.", "Phone number verified."))
        case "kode-gagal": FormKit.summary(ctx, FormErrors(Phrase("Kode tidak dapat dikirim: layanan SMS/WhatsApp sedang gangguan. Coba lagi beberapa menit lagi.",
                                                                  "The code could not be sent: the SMS/WhatsApp service is down. Try again in a few minutes.")))
        default: .empty
        }
    }

    func facts(_ ctx: ViewContext, roles: [String], phone: String?) -> Node<HTML.BodyContext> {
        .dl(.class("facts"),
            .dt(.text(ctx.t("Nama", "Name"))), .dd(.text(account.name)),
            .dt(.text("E-mail")), .dd(.text(account.email ?? "–"), proof(ctx, .email, has: account.email != nil, proven: account.emailVerifiedAt != nil,
                                                                       linkSent: pendingEmail != nil && pendingEmail == account.email),
                                      .unwrap(pendingEmail.flatMap { $0 == account.email ? nil : $0 }) {
                                          .div(.class("hint"), .text(ctx.t("Menunggu verifikasi: ", "Waiting for verification: ") + $0))
                                      }),
            .dt(.text(ctx.t("Nomor HP", "Phone"))), .dd(.text(phone ?? "–"), proof(ctx, .hp, has: phone != nil, proven: account.phoneVerifiedAt != nil)),
            .dt(.text("NIK")), .dd(.text(account.nikMasked ?? ctx.t("tidak diisi", "not given"))),
            .dt(.text(ctx.t("Peran", "Roles"))), .dd(.ul(.forEach(roles) { .li(.text($0)) })),
            .dt(.text("API")), .dd(.a(.href(SiteRoute.apiTokens.path), .text(ctx.t("Token API", "API tokens")))),
            .dt(.text(ctx.t("Ubah", "Change"))), .dd(.a(.href(SiteRoute.accountDetails.path), .text(ctx.t("Ubah nama, e-mail atau nomor HP", "Change name, e-mail or phone")))))
    }

    /// "terverifikasi", or "belum diverifikasi" with the button that sends a link or code (again, once one went out).
    func proof(_ ctx: ViewContext, _ channel: ProveContact.Channel, has: Bool, proven: Bool, linkSent: Bool = false) -> Node<HTML.BodyContext> {
        guard has else { return .empty }
        if proven { return .div(.class("hint"), .text(ctx.t("Terverifikasi", "Verified"))) }
        let button = linkSent ? ctx.t("Kirim ulang", "Send again")
                   : channel == .email ? ctx.t("Kirim tautan verifikasi", "Send a verification link") : ctx.t("Kirim kode verifikasi", "Send a verification code")
        return FormKit.form(.class("hint"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.proveContact.path),
            FormKit.csrf(ctx),
            FormKit.input([("type", "hidden"), ("name", "kontak"), ("value", channel.rawValue)]),
            .text(linkSent ? ctx.t("Belum diverifikasi: tautan sudah dikirim, berlaku 24 jam. Tidak sampai? ",
                                   "Not verified: a link was sent, valid for 24 hours. Not there? ")
                           : ctx.t("Belum diverifikasi. ", "Not verified. ")),
            .button(.type(.submit), .class("link"), .text(button)))
    }

    func notifications(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Notifikasi", "Notifications"))),
            .p(.text(ctx.t("Semua notifikasi masuk ke ", "Every notification goes to your ")),
               .a(.href(SiteRoute.inbox.path), .text(ctx.t("kotak masuk", "inbox"))),
               .text(ctx.t(". Pilih saluran tambahan:", ". Choose extra channels:"))),
            FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.notificationSettings.path),
                FormKit.csrf(ctx),
                checkbox(ctx, name: "notify_email", label: ctx.t("Kirim juga lewat e-mail", "Also send by e-mail"),
                         checked: account.notifyEmail, has: account.email != nil, proven: account.emailVerifiedAt != nil),
                checkbox(ctx, name: "notify_whatsapp", label: ctx.t("Kirim juga lewat WhatsApp/SMS", "Also send by WhatsApp/SMS"),
                         checked: account.notifyWhatsApp, has: account.phone != nil, proven: account.phoneVerifiedAt != nil),
                delivery(ctx),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan pengaturan", "Save settings")))))
    }

    func followed(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let list: Node<HTML.BodyContext> = follows.isEmpty
            ? .p(.class("muted"), .text(ctx.t("Belum ada. Buka halaman wilayah lalu pilih “Ikuti”.", "Nothing yet. Open a region page and choose “Follow”.")))
            : .ul(.forEach(follows) { follow in
                follow.subjectType == "usulan"
                    ? .li(.a(.href(SiteRoute.usulan(follow.subjectID).path), .text(ctx.t("Usulan U-", "Proposal U-") + follow.subjectID.prefix(8).uppercased())))
                    : .li(.a(.href(SiteRoute.region(follow.subjectID).path), .text(ctx.t("Wilayah ", "Region ") + follow.subjectID)))
            })
        return .section(.h2(.text(ctx.t("Yang saya ikuti", "What I follow"))), list)
    }

    func passwordForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(account.hasPassword ? ctx.t("Ganti kata sandi", "Change password") : ctx.t("Buat kata sandi", "Set a password"))),
            .if(!account.hasPassword, .p(.class("hint"), .text(ctx.t(
                "Anda masuk dengan kode lewat HP. Kata sandi tidak wajib, tetapi berguna bila SMS/WhatsApp sedang tidak sampai.",
                "You sign in with a code sent to your phone. A password is optional, but helps when SMS/WhatsApp does not arrive.")))),
            FormKit.summary(ctx, passwordErrors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.changePassword.path),
                FormKit.csrf(ctx),
                .if(account.hasPassword, FormKit.field(ctx, .init(name: "current_password", label: ctx.t("Kata sandi saat ini", "Current password"), type: .password,
                                         autocomplete: "current-password", required: true), errors: passwordErrors)),
                FormKit.field(ctx, .init(name: "new_password", label: ctx.t("Kata sandi baru", "New password"), type: .password,
                                         hint: ctx.t("Minimal 8 karakter.", "At least 8 characters."),
                                         autocomplete: "new-password", required: true), errors: passwordErrors),
                FormKit.field(ctx, .init(name: "new_password_confirmation", label: ctx.t("Ulangi kata sandi baru", "Repeat the new password"),
                                         type: .password, autocomplete: "new-password", required: true), errors: passwordErrors),
                .button(.type(.submit), .text(account.hasPassword ? ctx.t("Ganti kata sandi", "Change password") : ctx.t("Buat kata sandi", "Set a password")))))
    }

    /// Each notice at once, or one daily digest on those channels (the inbox always gets each notice).
    func delivery(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let hour = String(format: "%02d.00", settings.digestHour)
        let choices = [("segera", ctx.t("Satu per satu, begitu ada", "One by one, as they happen"), !account.notifyDigest),
                       ("harian", ctx.t("Ringkasan harian, sekali sehari pukul \(hour) WIB", "A daily digest, once a day at \(hour) WIB"), account.notifyDigest)]
        return .element(named: "fieldset", nodes: [
            .class("field"),
            .element(named: "legend", text: ctx.t("Cara kirim e-mail dan WhatsApp/SMS", "How e-mail and WhatsApp/SMS arrive")),
            .group(choices.map { value, label, checked in
                .div(.class("field check"),
                     FormKit.input([("type", "radio"), ("id", "d-" + value), ("name", "delivery"), ("value", value), checked ? ("checked", "checked") : nil]),
                     .label(.for("d-" + value), .text(" " + label)))
            }),
            .p(.class("hint"), .text(ctx.t("Ringkasan hanya memuat pemberitahuan yang belum Anda baca di kotak masuk.",
                                           "The digest lists only the notices you have not read in the inbox yet."))),
        ])
    }

    func checkbox(_ ctx: ViewContext, name: String, label: String, checked: Bool, has: Bool, proven: Bool) -> Node<HTML.BodyContext> {
        let enabled = has && proven
        let why = !has ? ctx.t(" (isi datanya dulu)", " (add it first)") : !proven ? ctx.t(" (verifikasi dulu)", " (verify it first)") : ""
        return .div(.class("field check"),
             FormKit.input([("type", "checkbox"), ("id", "f-" + name), ("name", name), ("value", "on"),
                            checked ? ("checked", "checked") : nil, enabled ? nil : ("disabled", "disabled")]),
             .element(named: "label", nodes: [.attribute(named: "for", value: "f-" + name), .attribute(named: "class", value: "inline-label"),
                                              .text(" " + label + why)]))
    }
}

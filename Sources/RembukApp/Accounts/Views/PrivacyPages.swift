import Plot
import RembukCore

extension PrivacyNotice {
    /// The consent checkbox of a registration form, with a link to the notice.
    static func consentField(_ ctx: ViewContext, checked: Bool, errors: FormErrors) -> Node<HTML.BodyContext> {
        let error = errors["consent"]
        return .div(.class(error == nil ? "field check" : "field check invalid"),
            .unwrap(error) { .p(.class("error"), .id("f-consent-error"), .text(ctx.t($0))) },
            FormKit.input([("type", "checkbox"), ("id", "f-consent"), ("name", "consent"), ("value", "ya"), ("required", "required"),
                           checked ? ("checked", "checked") : nil, error == nil ? nil : ("aria-describedby", "f-consent-error")]),
            .label(.for("f-consent"), .text(" " + ctx.t("Saya sudah membaca ", "I have read the "))),
            .a(.href(SiteRoute.privacy.path), .text(ctx.t("pemberitahuan privasi", "privacy notice"))),
            .text(ctx.t(" dan setuju data saya diproses untuk perencanaan pembangunan di Rembuk.",
                        " and agree that my data is processed for development planning on Rembuk.")))
    }
}

/// `/privasi`: who keeps what, why, what is public, for how long, and the rights UU PDP gives.
struct PrivacyPage {
    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Pemberitahuan privasi", "Privacy notice")
        let controller = ctx.t("Pemerintah \(ctx.regionName), melalui \(ctx.planningAgencyName)", "The government of \(ctx.regionName), through \(ctx.planningAgencyName)")
        func section(_ heading: String, _ items: [String]) -> Node<HTML.BodyContext> {
            .section(.h2(.text(heading)), .ul(.forEach(items) { .li(.text($0)) }))
        }
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "\(controller), mengelola Rembuk dan menjadi pengendali data pribadi Anda menurut Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
                "\(controller), runs Rembuk and controls your personal data under Law No. 27 of 2022 on Personal Data Protection."))),
            section(ctx.t("Data yang disimpan", "What is kept"), [
                ctx.t("Nama, e-mail dan/atau nomor HP, kata sandi (hanya dalam bentuk acak satu arah).", "Name, e-mail and/or phone number, password (only as a one-way hash)."),
                ctx.t("NIK bila Anda mengisinya: hanya empat angka terakhir dan sidik kunci, tidak pernah utuh.", "Your NIK if you give it: only its last four digits and a keyed digest, never whole."),
                ctx.t("Yang Anda kirim: usulan, dukungan, komentar, pengaduan, pendaftaran program, isian evaluasi.", "What you send: proposals, supports, comments, complaints, programme registrations, evaluations."),
                ctx.t("Sidik alamat jaringan untuk membatasi penyalahgunaan (bukan alamatnya).", "A digest of your network address to limit abuse (not the address itself)."),
            ]),
            section(ctx.t("Untuk apa", "Why"), [
                ctx.t("Menerima, memverifikasi dan membahas usulan di Musrenbang; menjawab pengaduan dalam tenggatnya; menjalankan program dan menerbitkan sertifikat.",
                      "To receive, verify and discuss proposals at the Musrenbang; to answer complaints on time; to run programmes and issue certificates."),
                ctx.t("Mengirim pemberitahuan yang Anda pilih (kotak masuk, e-mail, SMS/WhatsApp).", "To send the notifications you chose (inbox, e-mail, SMS/WhatsApp)."),
            ]),
            section(ctx.t("Yang terbuka untuk umum", "What is public"), [
                ctx.t("Usulan, komentar dan dukungan tampil dengan nama samaran (Warga #…), berbeda di setiap usulan.", "Proposals, comments and supports show a pseudonym (Warga #…), different on every proposal."),
                ctx.t("Keputusan forum, proyek, anggaran dan jejak audit bersifat publik; jejak audit tidak memuat nama warga.", "Forum decisions, projects, budgets and the audit trail are public; the trail names no citizen."),
                ctx.t("Pengaduan rahasia tidak pernah ditampilkan kepada publik.", "Confidential complaints are never shown to the public."),
            ]),
            section(ctx.t("Berapa lama", "How long"), [
                ctx.t("Selama akun Anda ada. Bila akun dihapus, nama, kontak dan NIK dihapus; keputusan publik dan jejak audit tetap ada dengan nama samaran, karena menjadi catatan pemerintahan.",
                      "As long as your account exists. When it is deleted, name, contacts and NIK are erased; public decisions and the audit trail stay under a pseudonym, as records of government."),
            ]),
            .section(.h2(.text(ctx.t("Hak Anda", "Your rights"))),
                .ul(
                    .li(.text(ctx.t("Melihat dan mengunduh data Anda: ", "See and download your data: ")), .a(.href(SiteRoute.myData.path), .text(ctx.t("unduh data saya (JSON)", "download my data (JSON)")))),
                    .li(.text(ctx.t("Memperbaiki data: nama, e-mail dan nomor HP di ", "Correct it: name, e-mail and phone on ")),
                        .a(.href(SiteRoute.accountDetails.path), .text(ctx.t("Ubah data diri", "Change personal details"))),
                        .text(ctx.t(" (e-mail atau nomor baru dipakai setelah terbukti milik Anda); kata sandi dan notifikasi di ",
                                    " (a new e-mail or number is used once proven yours); password and notifications on ")),
                        .a(.href(SiteRoute.account.path), .text(ctx.t("Akun saya", "My account"))), .text(".")),
                    .li(.text(ctx.t("Menarik persetujuan dan menghapus akun: ", "Withdraw consent and delete the account: ")), .a(.href(SiteRoute.deleteAccount.path), .text(ctx.t("hapus akun", "delete account")))),
                    .li(.text(ctx.t("Mengajukan keberatan atau pertanyaan kepada \(ctx.planningAgencyName) lewat ", "Object or ask \(ctx.planningAgencyName) through ")),
                        .a(.href(SiteRoute.complaintNew.path), .text(ctx.t("pengaduan", "a complaint")))))),
            .p(.class("muted"), .text(ctx.t("Versi pemberitahuan: \(PrivacyNotice.version).", "Notice version: \(PrivacyNotice.version)."))),
        ])
    }
}

/// `/akun/hapus`: what deleting does, and the confirmation.
struct DeleteAccountPage {
    var account: Account
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Hapus akun", "Delete account")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.account.path), .text(ctx.t("‹ Akun saya", "‹ My account")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Nama, e-mail, nomor HP, NIK dan kata sandi Anda dihapus, semua sesi keluar, dan akun tidak bisa dipakai lagi. Usulan, dukungan dan komentar yang sudah dikirim tetap ada dengan nama samaran, karena sudah menjadi bagian dari musyawarah; jejak audit tidak berubah.",
                "Your name, e-mail, phone number, NIK and password are erased, every session ends, and the account cannot be used again. Proposals, supports and comments already sent stay under a pseudonym, as part of the deliberation; the audit trail does not change."))),
            .p(.a(.href(SiteRoute.myData.path), .text(ctx.t("Unduh data Anda dulu (JSON)", "Download your data first (JSON)")))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.deleteAccount.path),
                FormKit.csrf(ctx),
                account.hasPassword ? FormKit.field(ctx, .init(name: "password", label: ctx.t("Kata sandi", "Password"), type: .password,
                                                               autocomplete: "current-password", required: true), errors: errors) : .empty,
                FormKit.field(ctx, .init(name: "confirm", label: ctx.t("Ketik HAPUS untuk memastikan", "Type HAPUS to confirm"),
                                         autocomplete: "off", required: true), errors: errors),
                .button(.type(.submit), .class("danger"), .text(ctx.t("Hapus akun saya", "Delete my account")))),
        ])
    }
}

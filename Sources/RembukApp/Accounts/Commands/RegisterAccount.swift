import Fluent
import Foundation
import RembukCore

/// A citizen creates an account: name, e-mail and/or phone, password, optional NIK. At most
/// `AbuseLimits.registration` accounts an hour come from one address.
struct RegisterAccount {
    /// Where the request came from (`Request.clientAddress`); only a keyed digest of it is kept.
    var remoteAddress = ""

    struct Input: Codable, Sendable {
        var name: String?
        var email: String?
        var phone: String?
        var password: String?
        var password_confirmation: String?
        var nik: String?
        /// `ya` when the privacy notice was agreed to (UU PDP): required.
        var consent: String?
    }

    enum Outcome {
        case registered(Account)
        /// The e-mail or phone belongs to an account already: its owner was sent a message saying how to sign in, and
        /// the page says only that a message went out (security finding 8: the form no longer tells who is registered).
        case messageSent
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        var errors = FormErrors()
        let (name, email, phone, password) = AccountFields.basics(
            name: input.name, email: input.email, phone: input.phone, password: input.password,
            confirmation: input.password_confirmation, into: &errors)
        let nik = AccountFields.nik(input.nik, today: ctx.today, into: &errors)
        PrivacyNotice.requireConsent(input.consent, into: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        // From here every attempt counts, whatever it finds: probing who is registered costs a try each.
        let throttle = Throttle.key(.register, address: remoteAddress, secret: ctx.settings.secret)
        try await Throttle.check(.register, key: throttle, in: ctx)

        let holders = try await Account.query(on: ctx.db).group(.or) { group in
            if let email { group.filter(\.$email == email) }
            if let phone { group.filter(\.$phone == phone.e164) }
        }.all()
        if !holders.isEmpty {
            try await ctx.writes.transaction { db in
                try await Throttle.record(.register, key: throttle, on: db, in: ctx)
                for holder in holders where !holder.isDisabled { try await Notifier.send(to: holder, Self.someoneTriedToRegister, in: ctx, on: db) }
            }
            return .messageSent
        }
        let nikDigest = nik.map { KeyedDigest.hex("nik:" + $0.digits, key: ctx.settings.secret) }
        let nikHolder = try await nikDigest.asyncFlatMap { try await Account.query(on: ctx.db).filter(\.$nikDigest == $0).first() }
        // A NIK another account holds is not recorded (one NIK, one account); both are told, privately.
        let account = Account(name: name, email: email, phone: phone?.e164, passwordHash: try await ctx.hashPassword(password),
                              nikDigest: nikHolder == nil ? nikDigest : nil, nikMasked: nikHolder == nil ? nik?.masked : nil)
        PrivacyNotice.record(on: account, at: ctx.now)
        do {
            try await ctx.writes.transaction { db in
                try await account.create(on: db)
                try await Throttle.record(.register, key: throttle, on: db, in: ctx)
                let id = try account.requireID()
                try await AuditLog.append(AuditDraft(
                    actor: Principal.citizenIdentity(id).keyed(secret: ctx.settings.secret),
                    action: "account.registered", subjectType: "account", subjectID: id.uuidString,
                    summary: "akun warga dibuat"), on: db, now: ctx.now)
                if let nikHolder, let nik {
                    try await Notifier.send(to: nikHolder, Self.nikUsedAgain(nik), in: ctx, on: db)
                    try await Notifier.send(to: account, Self.nikNotRecorded(nik), in: ctx, on: db)
                }
            }
        } catch where error.isConstraintFailure {
            // Someone registered the same e-mail or phone a moment ago: as above, without telling which.
            return .messageSent
        }
        // The address is used for notifications once its owner opens the link (the phone, once a code is typed).
        if let email, ctx.settings.sendmailCommand != nil {
            try await ContactProof.sendLink(to: email, for: account, addressDigest: ContactProof.addressDigest(remoteAddress, in: ctx), in: ctx)
        }
        return .registered(account)
    }

    static let someoneTriedToRegister = Notice(
        title: Phrase("Ada yang mendaftar dengan kontak Anda", "Someone registered with your contact"),
        body: Phrase("Seseorang mengisi formulir pendaftaran Rembuk dengan e-mail atau nomor HP akun Anda. Akun Anda tidak berubah. Bila itu Anda, Anda sudah punya akun: masuk dengan kata sandi atau dengan kode lewat HP. Bila bukan Anda, abaikan pesan ini.",
                     "Someone filled in Rembuk's registration form with your account's e-mail or phone. Your account has not changed. If it was you, you already have an account: sign in with your password or a code by phone. If not, ignore this message."),
        link: SiteRoute.login.path)

    static func nikUsedAgain(_ nik: NIK) -> Notice {
        Notice(title: Phrase("NIK Anda dipakai untuk mendaftar", "Your NIK was used to register"),
               body: Phrase("Sebuah akun baru didaftarkan dengan NIK \(nik.masked), yang sudah tercatat pada akun Anda. NIK itu tidak dicatat pada akun baru. Bila Anda tidak mengenalinya, hubungi Bappeda.",
                            "A new account was registered with NIK \(nik.masked), which is recorded on your account. It was not recorded on the new account. If you do not recognise this, contact Bappeda."),
               link: SiteRoute.account.path)
    }

    static func nikNotRecorded(_ nik: NIK) -> Notice {
        Notice(title: Phrase("NIK belum dicatat", "NIK not recorded"),
               body: Phrase("NIK \(nik.masked) sudah tercatat pada akun lain, jadi tidak dicatat pada akun ini. Bila NIK itu milik Anda, operator desa atau Bappeda dapat membantu memeriksanya.",
                            "NIK \(nik.masked) is recorded on another account, so it was not recorded on this one. If it is yours, the village operator or Bappeda can help check it."),
               link: SiteRoute.account.path)
    }
}

import Fluent
import Foundation
import RembukCore

/// The signed-in owner changes their name, e-mail or phone. A name changes at once; a new e-mail or number takes
/// effect only once proven (a link to the address, a code to the number), so the old one keeps working until then
/// and a typo cannot lock anyone out. Whether another account holds the new contact is said only to the one who
/// proves they own it.
struct ChangeContact {
    struct Input: Codable, Sendable {
        var name: String?
        var email: String?
        var phone: String?
        /// `ya`: the account no longer has a phone number.
        var remove_phone: String?
    }

    enum Outcome {
        /// What was done: the name saved, a link sent, something removed; `code` when a code page follows.
        case saved(ContactProof.Sent)
        case invalid(FormErrors)
        case throttled(seconds: Int)
    }

    let remoteAddress: String

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        let account = try ContactProof.owner(in: ctx)
        let id = try account.requireID()
        var errors = FormErrors()
        let name = AccountFields.name(input.name, into: &errors)
        let rawEmail = (input.email ?? "").trimmingCharacters(in: .whitespaces)
        let email = AccountFields.email(rawEmail, into: &errors)
        let removePhone = input.remove_phone == "ya"
        let phone = removePhone ? nil : AccountFields.phone(input.phone, into: &errors)
        if let phone, !phone.isMobile {
            errors.add("phone", Phrase("Kode verifikasi dikirim lewat SMS/WhatsApp: gunakan nomor HP (diawali 08).",
                                       "The verification code goes by SMS/WhatsApp: use a mobile number (starting 08)."))
        }
        let removeEmail = rawEmail.isEmpty && account.email != nil
        let keepsEmail = !removeEmail && account.email != nil
        let keepsPhone = !removePhone && account.phone != nil
        if errors.isEmpty, !keepsEmail, !keepsPhone {
            errors.add(Phrase("Akun perlu e-mail atau nomor HP untuk masuk. Simpan salah satunya.",
                              "An account needs an e-mail or a phone number to sign in with. Keep one of them."))
        }
        if removePhone, !account.hasPassword, account.phone != nil {
            errors.add("phone", Phrase("Anda masuk dengan kode lewat HP: buat kata sandi dulu sebelum menghapus nomor ini.",
                                       "You sign in with a code by phone: set a password before removing this number."))
        }
        let newEmail = email.flatMap { $0 == account.email ? nil : $0 }
        let newPhone = phone.flatMap { $0.e164 == account.phone ? nil : $0 }
        if newEmail != nil, ctx.settings.sendmailCommand == nil {
            errors.add("email", Phrase("Rembuk ini belum bisa mengirim e-mail, jadi alamat baru belum bisa diverifikasi. Hubungi admin Bappeda.",
                                       "This Rembuk cannot send e-mail yet, so a new address cannot be verified. Contact the planning agency's admin."))
        }
        if newPhone != nil, ctx.settings.webhookURL == nil {
            errors.add("phone", Phrase("Rembuk ini belum bisa mengirim SMS/WhatsApp, jadi nomor baru belum bisa diverifikasi. Hubungi admin Bappeda.",
                                       "This Rembuk cannot send SMS/WhatsApp yet, so a new number cannot be verified. Contact the planning agency's admin."))
        }
        guard errors.isEmpty else { return .invalid(errors) }

        let addressDigest = ContactProof.addressDigest(remoteAddress, in: ctx)
        for destination in [newEmail, newPhone?.e164].compactMap({ $0 }) {
            if let seconds = try await OneTimeCodeRecord.wait(destination: destination, addressDigest: addressDigest,
                                                              limits: CodeRateLimit(), now: ctx.now, on: ctx.db) {
                return .throttled(seconds: seconds)
            }
        }
        var changes: [String] = []
        if name != account.name { changes.append("nama diganti") }
        if removeEmail { changes.append("e-mail dihapus") }
        if removePhone, account.phone != nil { changes.append("nomor HP dihapus") }
        if !changes.isEmpty {
            let identity = ctx.identity
            let now = ctx.now
            let summary = changes.joined(separator: ", ")
            try await ctx.writes.transaction { db in
                let update = Account.query(on: db).filter(\.$id == id).set(\.$name, to: name)
                if removeEmail { update.set(\.$email, to: nil).set(\.$emailVerifiedAt, to: nil).set(\.$notifyEmail, to: false) }
                if removePhone { update.set(\.$phone, to: nil).set(\.$phoneVerifiedAt, to: nil).set(\.$notifyWhatsApp, to: false) }
                try await update.update()
                try await AuditLog.append(AuditDraft(actor: identity, action: "account.details_changed", subjectType: "account",
                                                     subjectID: id.uuidString, summary: summary), on: db, now: now)
            }
        }
        var sent = ContactProof.Sent(saved: !changes.isEmpty)
        if let newEmail {
            try await ContactProof.sendLink(to: newEmail, for: account, addressDigest: addressDigest, in: ctx)
            sent.link = newEmail
        }
        if let newPhone {
            sent.code = try await ContactProof.sendCode(to: newPhone, for: account, addressDigest: addressDigest, in: ctx)
            sent.codeFailed = sent.code == nil
        }
        return .saved(sent)
    }
}

/// The owner asks for a link or code to prove the e-mail or phone the account already has.
struct ProveContact {
    enum Channel: String, Sendable { case email, hp }

    enum Outcome {
        case sent(ContactProof.Sent)
        case throttled(seconds: Int)
        /// Nothing to prove (no such contact, or already proven), or no way to send.
        case nothing(Phrase)
    }

    let remoteAddress: String

    func run(_ channel: Channel, in ctx: Invocation) async throws -> Outcome {
        let account = try ContactProof.owner(in: ctx)
        let addressDigest = ContactProof.addressDigest(remoteAddress, in: ctx)
        switch channel {
        case .email:
            guard let email = account.email, account.emailVerifiedAt == nil else {
                return .nothing(Phrase("Tidak ada e-mail yang perlu diverifikasi.", "There is no e-mail to verify."))
            }
            guard ctx.settings.sendmailCommand != nil else { return .nothing(ContactProof.cannotSend) }
            if let seconds = try await OneTimeCodeRecord.wait(destination: email, addressDigest: addressDigest, limits: CodeRateLimit(),
                                                              now: ctx.now, on: ctx.db) { return .throttled(seconds: seconds) }
            try await ContactProof.sendLink(to: email, for: account, addressDigest: addressDigest, in: ctx)
            return .sent(ContactProof.Sent(link: email))
        case .hp:
            guard let raw = account.phone, account.phoneVerifiedAt == nil, let phone = try? PhoneNumber.parse(raw).get() else {
                return .nothing(Phrase("Tidak ada nomor HP yang perlu diverifikasi.", "There is no phone number to verify."))
            }
            guard ctx.settings.webhookURL != nil, phone.isMobile else { return .nothing(ContactProof.cannotSend) }
            if let seconds = try await OneTimeCodeRecord.wait(destination: phone.e164, addressDigest: addressDigest, limits: CodeRateLimit(),
                                                              now: ctx.now, on: ctx.db) { return .throttled(seconds: seconds) }
            let code = try await ContactProof.sendCode(to: phone, for: account, addressDigest: addressDigest, in: ctx)
            return .sent(ContactProof.Sent(code: code, codeFailed: code == nil))
        }
    }
}

/// A verification link opened from the mail app (often another browser than the one that asked): the page asks for
/// one press (so a mail scanner that fetches links proves nothing), and the press proves the address.
struct VerifyEmailLink {
    enum Outcome {
        case verified(String)
        case over(Phrase)
    }

    static let over = Phrase("Tautan verifikasi ini tidak berlaku lagi (sudah dipakai atau lebih dari sehari). Minta tautan baru di halaman Akun saya.",
                             "This verification link no longer works (used already, or more than a day old). Ask for a new one on the My account page.")

    static func check(_ link: String, in ctx: Invocation) async throws -> (OneTimeCodeRecord, Account)? {
        try await OneTimeCodeRecord.openLink(link, for: .verifyEmail, in: ctx)
    }

    func run(_ link: String, in ctx: Invocation) async throws -> Outcome {
        guard let (record, account) = try await Self.check(link, in: ctx), let id = record.id else { return .over(Self.over) }
        let now = ctx.now
        let email = record.phone
        do {
            let done = try await ctx.writes.transaction { db -> Bool in
                guard try await OneTimeCodeRecord.claim(id, at: now, on: db) else { return false }
                try await ContactProof.proveEmail(email, of: account, in: ctx, on: db)
                return true
            }
            return done ? .verified(email) : .over(Self.over)
        } catch where error.isConstraintFailure {
            return .over(ContactProof.emailTaken)
        }
    }
}

/// What proving a contact shares: who may, the link and code that go out, and taking the contact once proven.
enum ContactProof {
    struct Sent: Sendable {
        var saved = false
        /// The address a link went to.
        var link: String?
        /// The code row, when a code went to a number.
        var code: OneTimeCodeRecord?
        /// A code was asked for but every delivery failed.
        var codeFailed = false
    }

    /// A verification e-mail is often read later than a reset one: its link lasts a day.
    static let linkLifetime: TimeInterval = 24 * 60 * 60

    static let emailTaken = Phrase("E-mail ini sudah dipakai akun lain, jadi tidak bisa dipindahkan ke akun ini. Masuk dengan akun itu, atau pakai e-mail lain.",
                                   "This e-mail belongs to another account, so it cannot move to this one. Sign in to that account, or use another e-mail.")
    static let phoneTaken = Phrase("Nomor HP ini sudah dipakai akun lain, jadi tidak bisa dipindahkan ke akun ini. Masuk dengan nomor itu, atau pakai nomor lain.",
                                   "This phone number belongs to another account, so it cannot move to this one. Sign in with that number, or use another one.")
    static let cannotSend = Phrase("Rembuk ini belum bisa mengirim pesan ke kontak itu. Hubungi admin Bappeda.",
                                   "This Rembuk cannot send messages to that contact yet. Contact the planning agency's admin.")

    /// The signed-in owner; never an operator acting for an assisted citizen, never an API token.
    static func owner(in ctx: Invocation) throws -> Account {
        guard ctx.actor.can(.useOwnAccount), let account = ctx.principal.account, account.id != nil else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        return account
    }

    static func addressDigest(_ remoteAddress: String, in ctx: Invocation) -> String {
        KeyedDigest.hex("ip:" + remoteAddress, key: ctx.settings.secret)
    }

    static func sendLink(to email: String, for account: Account, addressDigest: String, in ctx: Invocation) async throws {
        let token = SessionMiddleware.newToken()
        let record = PasswordReset.record(.verifyEmail, to: email, account: account, secret: token, addressDigest: addressDigest,
                                          session: "", lifetime: linkLifetime, in: ctx)
        try await ctx.writes.transaction { db in try await record.create(on: db) }
        let link = ctx.settings.baseURL + SiteRoute.emailProof("\(record.id!.uuidString).\(token)").path
        let body = """
            Halo \(account.name), buka tautan ini dalam 24 jam untuk memastikan alamat e-mail ini milik Anda; setelah itu \
            notifikasi Rembuk boleh dikirim ke sini: \(link)
            Bila Anda tidak meminta ini, abaikan pesan ini; tidak ada yang berubah.
            """
        try await PasswordReset.deliver(Delivery(id: record.id!, channel: .email, recipient: email, subject: "Verifikasi e-mail Rembuk",
                                                 body: body, attempt: 1), in: ctx)
    }

    /// Sends a code to the number, bound to this browser session; nil when it could not be delivered.
    static func sendCode(to phone: PhoneNumber, for account: Account, addressDigest: String, in ctx: Invocation) async throws -> OneTimeCodeRecord? {
        let code = OneTimeCode.generate()
        let record = PasswordReset.record(.verifyPhone, to: phone.e164, account: account, secret: code, addressDigest: addressDigest,
                                          session: ctx.principal.sessionToken, lifetime: OneTimeCode.lifetime, in: ctx)
        try await ctx.writes.transaction { db in try await record.create(on: db) }
        do {
            try await ctx.app.codeTransport.deliver(Delivery(id: record.id!, channel: .webhook, recipient: phone.e164, subject: "Kode Rembuk",
                                                             body: PhoneCodes.message(code, purpose: .verifyPhone), attempt: 1))
            return record
        } catch {
            ctx.app.logger.warning("verification code not delivered", metadata: ["phone": "\(phone.masked)",
                                                                               "error": "\(String(describing: error).prefix(200))"])
            let id = record.id!
            let now = ctx.now
            try await ctx.writes.transaction { db in try await OneTimeCodeRecord.query(on: db).filter(\.$id == id).set(\.$usedAt, to: now).update() }
            return nil
        }
    }

    /// The address is the owner's: it becomes (or stays) the account's e-mail, proven now. A unique-constraint failure
    /// (another account holds it) rolls the caller's transaction back.
    static func proveEmail(_ email: String, of account: Account, in ctx: Invocation, on db: any Database) async throws {
        let id = try account.requireID()
        let changed = account.email != email
        if changed, try await Account.query(on: db).filter(\.$email == email).filter(\.$id != id).first() != nil { throw Taken() }
        let update = Account.query(on: db).filter(\.$id == id).set(\.$email, to: email).set(\.$emailVerifiedAt, to: ctx.now)
        if account.email == nil { update.set(\.$notifyEmail, to: true) }
        try await update.update()
        try await AuditLog.append(AuditDraft(actor: try await ownerIdentity(account, on: db, in: ctx),
                                             action: "account.email_verified", subjectType: "account", subjectID: id.uuidString,
                                             summary: changed ? "e-mail baru diverifikasi dan dipakai" : "e-mail diverifikasi"), on: db, now: ctx.now)
        if changed, let old = account.email, ctx.settings.sendmailCommand != nil {
            // The old address hears that it no longer belongs to the account (it was proven to reach the owner, or not).
            try await OutboxMessage(accountID: id, channel: .email, recipient: old, subject: "E-mail akun Rembuk diganti",
                                    body: "E-mail akun Rembuk \(account.name) diganti ke alamat lain. Bila bukan Anda yang menggantinya, hubungi admin Bappeda.",
                                    now: ctx.now).create(on: db)
        }
    }

    /// The number is the owner's: it becomes (or stays) the account's phone, proven now.
    static func provePhone(_ phone: String, of account: Account, in ctx: Invocation, on db: any Database) async throws {
        let id = try account.requireID()
        let changed = account.phone != phone
        if changed, try await Account.query(on: db).filter(\.$phone == phone).filter(\.$id != id).first() != nil { throw Taken() }
        let update = Account.query(on: db).filter(\.$id == id).set(\.$phone, to: phone).set(\.$phoneVerifiedAt, to: ctx.now)
        if account.phone == nil { update.set(\.$notifyWhatsApp, to: ctx.settings.webhookURL != nil) }
        try await update.update()
        try await AuditLog.append(AuditDraft(actor: try await ownerIdentity(account, on: db, in: ctx),
                                             action: "account.phone_verified", subjectType: "account", subjectID: id.uuidString,
                                             summary: changed ? "nomor HP baru diverifikasi dan dipakai" : "nomor HP diverifikasi"), on: db, now: ctx.now)
    }

    /// The owner as the trail names them, whoever's browser opened the link (staff by their roles, citizens by pseudonym).
    static func ownerIdentity(_ account: Account, on db: any Database, in ctx: Invocation) async throws -> Principal.Identity {
        let grants = try await RoleGrant.query(on: db).filter(\.$account.$id == account.requireID()).filter(\.$revokedAt == nil).all()
        return Principal(sessionToken: "", account: account, grants: grants).identity.keyed(secret: ctx.settings.secret)
    }

    /// Another account holds the contact; treated like the unique constraint that would refuse it.
    struct Taken: Error, DatabaseError {
        var isSyntaxError: Bool { false }
        var isConstraintFailure: Bool { true }
        var isConnectionClosed: Bool { false }
    }
}

import Fluent
import Foundation
import RembukCore

/// "Lupa kata sandi": a code to the account's phone or a link to its e-mail. The answer is the same whether an
/// account has that number or address or not, requests are limited like sign-in codes, a code or link works once and
/// briefly, and a reset ends every session of the account.
struct RequestPasswordReset {
    struct Input: Codable, Sendable {
        var identifier: String?
    }

    enum Outcome {
        /// A code page follows (bound to this browser); a code went out only if the number has an account.
        case codeSent(OneTimeCodeRecord)
        /// "If an account has this address, a link is on its way."
        case linkSent(String)
        case invalid(FormErrors)
        case throttled(seconds: Int)
        /// No gateway (for phones) or no mail command (for e-mail) is set up.
        case unavailable
    }

    static let linkLifetime: TimeInterval = 60 * 60

    let remoteAddress: String
    var limits = CodeRateLimit()

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        var errors = FormErrors()
        let raw = (input.identifier ?? "").trimmingCharacters(in: .whitespaces)
        var email: String?
        var phone: PhoneNumber?
        if raw.contains("@") { email = AccountFields.email(raw, into: &errors) } else if !raw.isEmpty { phone = AccountFields.phone(raw, into: &errors) }
        if raw.isEmpty { errors.add("identifier", Phrase("Tulis e-mail atau nomor HP akun Anda.", "Enter your account's e-mail or phone number.")) }
        if let phone, !phone.isMobile {
            errors.add("identifier", Phrase("Kode dikirim lewat SMS/WhatsApp: tulis nomor HP (diawali 08), atau e-mail akun Anda.",
                                            "Codes go by SMS/WhatsApp: enter a mobile number (starting 08), or your account's e-mail."))
        }
        if let problem = errors["email"] ?? errors["phone"] {
            errors = FormErrors()
            errors.add("identifier", problem)
        }
        guard errors.isEmpty, email != nil || phone != nil else { return .invalid(errors) }
        if phone != nil, ctx.settings.webhookURL == nil { return .unavailable }
        if email != nil, ctx.settings.sendmailCommand == nil { return .unavailable }

        let key = phone?.e164 ?? email!
        let addressDigest = KeyedDigest.hex("ip:" + remoteAddress, key: ctx.settings.secret)
        if let seconds = try await OneTimeCodeRecord.wait(destination: key, addressDigest: addressDigest, limits: limits, now: ctx.now, on: ctx.db) {
            return .throttled(seconds: seconds)
        }
        let found: Account? = if let phone { try await Account.query(on: ctx.db).filter(\.$phone == phone.e164).first() }
                              else { try await Account.query(on: ctx.db).filter(\.$email == email!).first() }
        let account = found.flatMap { $0.isDisabled || $0.isAssisted ? nil : $0 }

        if let phone {
            let code = OneTimeCode.generate()
            let record = PasswordReset.record(.reset, to: phone.e164, account: account, secret: code, addressDigest: addressDigest,
                                              session: ctx.principal.sessionToken, lifetime: OneTimeCode.lifetime, in: ctx)
            try await ctx.writes.transaction { db in try await record.create(on: db) }
            if account != nil {
                try await PasswordReset.deliver(Delivery(id: record.id!, channel: .webhook, recipient: phone.e164, subject: "Kode Rembuk",
                                                         body: PhoneCodes.message(code, purpose: .reset), attempt: 1), in: ctx)
            }
            return .codeSent(record)
        }
        try await PasswordReset.sendLink(to: email!, channel: .email, account: account, addressDigest: addressDigest, in: ctx)
        return .linkSent(email!)
    }
}

/// What every way of resetting shares: the record, the link, the delivery, and the reset itself.
enum PasswordReset {
    static func record(_ purpose: OneTimeCodeRecord.Purpose, to destination: String, account: Account?, secret: String,
                       addressDigest: String, session: String, lifetime: TimeInterval, in ctx: Invocation) -> OneTimeCodeRecord {
        let record = OneTimeCodeRecord()
        record.id = UUID()
        record.purpose = purpose.rawValue
        record.phone = destination
        record.accountID = account?.id
        record.codeDigest = PhoneCodes.digest(secret, record: record.id!, secret: ctx.settings.secret)
        // A link is opened from a mail app, often in another browser: it is bound to its long token instead.
        record.sessionDigest = purpose == .resetLink ? "" : SessionMiddleware.hash(session)
        record.addressDigest = addressDigest
        record.attempts = 0
        record.channels = purpose == .resetLink ? "tautan" : OutboxMessage.Channel.webhook.rawValue
        record.createdAt = ctx.now
        record.expiresAt = ctx.now.addingTimeInterval(lifetime)
        return record
    }

    /// Makes a link and sends it, if there is an account to send it for (the record is kept either way, so the
    /// rate limit counts what a prober asks for). `audit`, when given, is written in the record's transaction.
    static func sendLink(to destination: String, channel: OutboxMessage.Channel, account: Account?, addressDigest: String,
                         audit: AuditDraft? = nil, in ctx: Invocation) async throws {
        let token = SessionMiddleware.newToken()
        let record = record(.resetLink, to: destination, account: account, secret: token, addressDigest: addressDigest,
                            session: "", lifetime: RequestPasswordReset.linkLifetime, in: ctx)
        try await ctx.writes.transaction { db in
            try await record.create(on: db)
            if let audit { try await AuditLog.append(audit, on: db, now: ctx.now) }
        }
        guard account != nil else { return }
        let link = ctx.settings.baseURL + SiteRoute.passwordResetLink("\(record.id!.uuidString).\(token)").path
        let minutes = Int(RequestPasswordReset.linkLifetime / 60)
        let body = """
            Seseorang meminta penggantian kata sandi akun Rembuk Anda. Buka tautan ini dalam \(minutes) menit untuk membuat \
            kata sandi baru (hanya bisa dipakai sekali): \(link)
            Bila bukan Anda yang meminta, abaikan pesan ini; kata sandi Anda tidak berubah.
            """
        try await deliver(Delivery(id: record.id!, channel: channel, recipient: destination, subject: "Ganti kata sandi Rembuk",
                                   body: body, attempt: 1), in: ctx)
    }

    /// A failed delivery is logged without the destination's digits; the person sees the same page and may ask again.
    static func deliver(_ delivery: Delivery, in ctx: Invocation) async throws {
        do { try await ctx.app.codeTransport.deliver(delivery) } catch {
            ctx.app.logger.warning("password reset not delivered", metadata: ["channel": "\(delivery.channel.rawValue)",
                                                                             "error": "\(String(describing: error).prefix(200))"])
        }
    }

    /// The new password takes effect, every session of the account ends, the trail and the person hear of it. The
    /// code or link reached `destination`, so that contact of the account is proven too.
    static func apply(_ hash: String, to account: Account, how: String, proving destination: String, in ctx: Invocation,
                      on db: any Database) async throws {
        let id = try account.requireID()
        if destination == account.email, account.emailVerifiedAt == nil {
            account.emailVerifiedAt = ctx.now
            try await Account.query(on: db).filter(\.$id == id).set(\.$emailVerifiedAt, to: ctx.now).update()
        }
        if destination == account.phone, account.phoneVerifiedAt == nil {
            account.phoneVerifiedAt = ctx.now
            try await Account.query(on: db).filter(\.$id == id).set(\.$phoneVerifiedAt, to: ctx.now).update()
        }
        let owner = try await ContactProof.ownerIdentity(account, on: db, in: ctx)
        try await Account.query(on: db).filter(\.$id == id).set(\.$passwordHash, to: hash).update()
        try await AccountSession.query(on: db).filter(\.$account.$id == id).delete()
        try await AuditLog.append(AuditDraft(actor: owner, action: "account.password_reset", subjectType: "account", subjectID: id.uuidString,
                                             summary: "kata sandi diganti \(how); semua sesi diakhiri"), on: db, now: ctx.now)
        try await Notifier.send(to: account, Notice(
            title: Phrase("Kata sandi Anda diganti", "Your password was changed"),
            body: Phrase("Kata sandi akun Rembuk Anda diganti \(how) dan semua sesi diakhiri. Jika bukan Anda, hubungi admin Bappeda segera.",
                         "The password of your Rembuk account was reset and every session ended. If this was not you, contact the planning agency at once."),
            link: SiteRoute.login.path, urgent: true), in: ctx, on: db)
    }

    static func newPassword(_ input: (String?, String?), for account: Account?, into errors: inout FormErrors) -> String {
        AccountFields.password(input.0, confirmation: input.1, personal: [account?.name ?? "", account?.email ?? "", account?.phone ?? ""],
                               into: &errors)
    }
}

/// The link from a reset e-mail (or one Bappeda sent a staff member): shows the form while it is good, and sets the
/// new password once.
struct ResetPasswordByLink {
    struct Input: Codable, Sendable {
        var password: String?
        var password_confirmation: String?
    }

    enum Outcome {
        case reset(Account)
        case invalid(FormErrors)
        case over(Phrase)
    }

    static let over = Phrase("Tautan ini tidak berlaku lagi (sudah dipakai atau lebih dari satu jam). Minta tautan baru di halaman Lupa kata sandi.",
                             "This link no longer works (used already, or more than an hour old). Ask for a new one on the Forgot password page.")

    /// The record and account a link names, if the link is good now.
    static func check(_ link: String, in ctx: Invocation) async throws -> (OneTimeCodeRecord, Account)? {
        try await OneTimeCodeRecord.openLink(link, for: .resetLink, in: ctx)
    }

    func run(_ link: String, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let (record, account) = try await Self.check(link, in: ctx), let id = record.id else { return .over(Self.over) }
        var errors = FormErrors()
        let password = PasswordReset.newPassword((input.password, input.password_confirmation), for: account, into: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        let hash = try await ctx.hashPassword(password)
        let now = ctx.now
        let done = try await ctx.writes.transaction { db -> Bool in
            guard try await OneTimeCodeRecord.claim(id, at: now, on: db) else { return false }
            try await PasswordReset.apply(hash, to: account, how: "lewat tautan", proving: record.phone, in: ctx, on: db)
            return true
        }
        return done ? .reset(account) : .over(Self.over)
    }
}

/// Bappeda starts a reset for a staff member who is locked out: a link goes to the member's own e-mail (or phone);
/// the admin never sees or sets the password.
struct StartPasswordReset {
    enum Outcome {
        case sent(OutboxMessage.Channel)
        case unavailable
    }

    func run(accountID: UUID, in ctx: Invocation) async throws -> Outcome {
        try StaffRules.requireAdmin(ctx)
        guard let account = try await Account.find(accountID, on: ctx.db), !account.isDisabled, !account.isAssisted else { throw UserFacingError.notFound }
        let channel: OutboxMessage.Channel
        let destination: String
        if let email = account.email, ctx.settings.sendmailCommand != nil { (channel, destination) = (.email, email) }
        else if let phone = account.phone, ctx.settings.webhookURL != nil { (channel, destination) = (.webhook, phone) }
        else { return .unavailable }
        let identity = ctx.identity
        let audit = AuditDraft(actor: identity, action: "account.password_reset_started", subjectType: "account",
                               subjectID: accountID.uuidString, regionCode: ctx.settings.kabupaten.value,
                               summary: "tautan ganti kata sandi dikirim ke \(channel == .email ? "e-mail" : "HP") pemilik akun")
        try await PasswordReset.sendLink(to: destination, channel: channel, account: account,
                                         addressDigest: KeyedDigest.hex("admin:" + identity.id, key: ctx.settings.secret), audit: audit, in: ctx)
        return .sent(channel)
    }
}

import Fluent
import Foundation
import RembukCore

/// Someone asks for a code on their phone: to sign in (the number has an account), to sign up (it has none),
/// or to claim the assisted account an operator made for them (with the code on their slip).
struct RequestPhoneCode {
    struct Input: Codable, Sendable {
        var phone: String?
        var claim_code: String?
    }

    enum Outcome {
        case sent(OneTimeCodeRecord)
        case invalid(FormErrors)
        case throttled(seconds: Int)
        /// Neither a gateway nor (for this account) e-mail can carry a code.
        case unavailable
        /// Every channel was tried and failed; nothing was sent.
        case deliveryFailed
    }

    static let claimWindow: TimeInterval = 15 * 60
    static let claimGuessLimit = 10

    let remoteAddress: String
    var limits = CodeRateLimit()

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        var errors = FormErrors()
        let phone = AccountFields.phone(input.phone, into: &errors)
        if phone == nil, errors["phone"] == nil { errors.add("phone", Phrase("Tulis nomor HP Anda.", "Enter your phone number.")) }
        if let phone, !phone.isMobile {
            errors.add("phone", Phrase("Kode dikirim lewat SMS/WhatsApp: gunakan nomor HP (diawali 08), bukan telepon rumah.",
                                       "Codes go by SMS/WhatsApp: use a mobile number (starting 08), not a landline."))
        }
        guard errors.isEmpty, let phone else { return .invalid(errors) }
        let addressDigest = KeyedDigest.hex("ip:" + remoteAddress, key: ctx.settings.secret)

        let existing = try await Account.query(on: ctx.db).filter(\.$phone == phone.e164).first()
        let purpose: OneTimeCodeRecord.Purpose
        var account: Account?
        if let raw = input.claim_code {
            guard existing == nil else {
                errors.add("phone", Phrase("Nomor HP ini sudah dipakai akun lain. Pakai nomor lain, atau minta bantuan operator desa.",
                                           "This phone number belongs to another account. Use another number, or ask the village operator."))
                return .invalid(errors)
            }
            switch try await claimedAccount(raw, addressDigest: addressDigest, in: ctx) {
            case let .found(found): account = found
            case let .stop(outcome): return outcome
            }
            purpose = .claim
        } else if let existing {
            guard !existing.isDisabled else {
                errors.add(Phrase("Akun ini dinonaktifkan. Hubungi admin Bappeda.", "This account is disabled. Contact the planning agency's admin."))
                return .invalid(errors)
            }
            let grants = try await RoleGrant.query(on: ctx.db).filter(\.$account.$id == existing.requireID()).filter(\.$revokedAt == nil).all()
            if grants.contains(where: { $0.role != Role.warga.rawValue }) {
                errors.add("phone", Phrase("Akun petugas masuk dengan kata sandi, bukan dengan kode.", "Staff accounts sign in with their password, not a code."))
                return .invalid(errors)
            }
            account = existing
            purpose = .signIn
        } else {
            purpose = .signUp
        }

        var channels: [OutboxMessage.Channel] = []
        if ctx.settings.webhookURL != nil { channels.append(.webhook) }
        if let email = account?.email, !email.isEmpty, ctx.settings.sendmailCommand != nil { channels.append(.email) }
        guard !channels.isEmpty else { return .unavailable }

        if let seconds = try await OneTimeCodeRecord.wait(destination: phone.e164, addressDigest: addressDigest, limits: limits, now: ctx.now, on: ctx.db) {
            return .throttled(seconds: seconds)
        }

        let code = OneTimeCode.generate()
        let record = OneTimeCodeRecord()
        record.id = UUID()
        record.purpose = purpose.rawValue
        record.phone = phone.e164
        record.accountID = account?.id
        record.codeDigest = PhoneCodes.digest(code, record: record.id!, secret: ctx.settings.secret)
        record.sessionDigest = SessionMiddleware.hash(ctx.principal.sessionToken)
        record.addressDigest = addressDigest
        record.attempts = 0
        record.channels = channels.map(\.rawValue).joined(separator: ",")
        record.createdAt = ctx.now
        record.expiresAt = ctx.now.addingTimeInterval(OneTimeCode.lifetime)
        try await ctx.writes.transaction { db in try await record.create(on: db) }

        var delivered = 0
        for channel in channels {
            let recipient = channel == .webhook ? phone.e164 : (account?.email ?? "")
            let delivery = Delivery(id: record.id!, channel: channel, recipient: recipient, subject: "Kode Rembuk",
                                    body: PhoneCodes.message(code, purpose: purpose), attempt: 1)
            do {
                try await ctx.app.codeTransport.deliver(delivery)
                delivered += 1
            } catch {
                ctx.app.logger.warning("sign-in code not delivered", metadata: ["channel": "\(channel.rawValue)", "phone": "\(phone.masked)",
                                                                                 "error": "\(String(describing: error).prefix(200))"])
            }
        }
        guard delivered > 0 else {
            let id = record.id!
            let now = ctx.now
            try await ctx.writes.transaction { db in
                try await OneTimeCodeRecord.query(on: db).filter(\.$id == id).set(\.$usedAt, to: now).update()
            }
            return .deliveryFailed
        }
        return .sent(record)
    }

    /// The assisted account a claim code belongs to. Wrong claim codes are counted per address, so they cannot be guessed.
    private func claimedAccount(_ raw: String, addressDigest: String, in ctx: Invocation) async throws -> ClaimLookup {
        let key = "claim:" + addressDigest
        let since = ctx.now.addingTimeInterval(-Self.claimWindow)
        let failures = try await LoginFailure.query(on: ctx.db).filter(\.$key == key).filter(\.$at > since).sort(\.$at).all()
        if failures.count >= Self.claimGuessLimit, let oldest = failures.first {
            return .stop(.throttled(seconds: Int(oldest.at.addingTimeInterval(Self.claimWindow).timeIntervalSince(ctx.now).rounded(.up))))
        }
        var errors = FormErrors()
        guard let code = ClaimCode.normalise(raw) else {
            errors.add("claim_code", Phrase("Kode klaim terdiri dari 8 huruf dan angka, seperti pada lembar dari operator (contoh: K7QX-3MPA).",
                                            "A claim code has 8 letters and digits, as on the slip from the operator (e.g. K7QX-3MPA)."))
            return .stop(.invalid(errors))
        }
        let digest = PhoneCodes.claimDigest(code, secret: ctx.settings.secret)
        guard let account = try await Account.query(on: ctx.db).filter(\.$claimDigest == digest).first(), account.isAssisted, !account.isDisabled else {
            let now = ctx.now
            try await ctx.writes.transaction { db in try await LoginFailure(key: key, at: now).create(on: db) }
            errors.add("claim_code", Phrase("Kode klaim tidak dikenal atau akunnya sudah diklaim. Periksa lembar dari operator desa.",
                                            "Unknown claim code, or the account was already claimed. Check the slip from the village operator."))
            return .stop(.invalid(errors))
        }
        return .found(account)
    }

    enum ClaimLookup {
        case found(Account)
        case stop(Outcome)
    }
}

/// The digests and the message text of phone codes, shared by asking and checking.
enum PhoneCodes {
    /// Keyed with the installation secret and the row's id: a stolen table cannot be turned back into codes by lookup.
    static func digest(_ code: String, record: UUID, secret: String) -> String {
        KeyedDigest.hex("otp:\(record.uuidString):\(code)", key: secret)
    }

    static func claimDigest(_ code: String, secret: String) -> String {
        KeyedDigest.hex("claim:" + code, key: secret)
    }

    static func message(_ code: String, purpose: OneTimeCodeRecord.Purpose) -> String {
        let what = switch purpose {
        case .signIn: "masuk ke"
        case .signUp: "mendaftar di"
        case .claim: "mengklaim akun Anda di"
        case .reset, .resetLink: "mengganti kata sandi Anda di"
        case .verifyPhone, .verifyEmail: "memverifikasi nomor HP Anda di"
        }
        return "Kode untuk \(what) Rembuk: \(code). Berlaku \(Int(OneTimeCode.lifetime / 60)) menit. "
            + "Jangan berikan kode ini kepada siapa pun, termasuk petugas."
    }
}

import Fluent
import Foundation
import RembukCore
import SQLKit

/// Someone types the code they received. Each entry uses up one of a code's few tries (counted atomically, so
/// parallel guesses gain nothing); the right code signs in, makes the citizen account, or hands over a claimed one.
struct VerifyPhoneCode {
    struct Input: Codable, Sendable {
        var challenge: String?
        var code: String?
        var name: String?
        /// Signing up: `ya` when the privacy notice was agreed to.
        var consent: String?
        /// With a reset code: the new password.
        var password: String?
        var password_confirmation: String?
    }

    enum Outcome {
        case signedIn(Account, purpose: OneTimeCodeRecord.Purpose)
        /// A reset code was right: the account has its new password and no session left.
        case passwordReset
        /// Try again with the same code row (a typo, a wrong code with tries left, a missing name).
        case invalid(FormErrors, OneTimeCodeRecord)
        /// The code can no longer be used; ask for a new one.
        case over(Phrase)
    }

    static let staleChallenge = Phrase("Kode ini tidak berlaku lagi di peramban ini. Minta kode baru.",
                                       "This code is no longer valid in this browser. Ask for a new one.")

    /// The pending code of this browser session, or nil.
    static func challenge(_ raw: String?, in ctx: Invocation) async throws -> OneTimeCodeRecord? {
        guard let id = UUID(uuidString: raw ?? ""), let record = try await OneTimeCodeRecord.find(id, on: ctx.db),
              record.sessionDigest == SessionMiddleware.hash(ctx.principal.sessionToken) else { return nil }
        return record
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let record = try await Self.challenge(input.challenge, in: ctx), let id = record.id,
              let purpose = record.purposeValue else { return .over(Self.staleChallenge) }
        var errors = FormErrors()
        var name = ""
        if purpose == .signUp { name = AccountFields.name(input.name, into: &errors) }
        // A claimed account becomes the citizen's own: they agree to the notice themselves, as at registration.
        if purpose == .signUp || purpose == .claim { PrivacyNotice.requireConsent(input.consent, into: &errors) }
        if purpose == .resetLink || purpose == .verifyEmail { return .over(Self.staleChallenge) }
        if purpose == .verifyPhone, ctx.principal.account?.id == nil || ctx.principal.account?.id != record.accountID {
            return .over(Self.staleChallenge)
        }
        var newPassword = ""
        if purpose == .reset {
            var account: Account?
            if let accountID = record.accountID { account = try await Account.find(accountID, on: ctx.db) }
            newPassword = PasswordReset.newPassword((input.password, input.password_confirmation), for: account, into: &errors)
        }
        let entered = OneTimeCode.entered(input.code ?? "")
        if entered == nil { errors.add("code", Phrase("Kode terdiri dari 6 angka.", "The code has 6 digits.")) }
        guard errors.isEmpty, let entered else { return .invalid(errors, record) }

        // Before counting a try: a used, expired or locked code stays so, whatever is typed.
        switch OneTimeCode.check(matches: false, attempts: record.attempts, expiresAt: record.expiresAt, usedAt: record.usedAt, now: ctx.now) {
        case .used: return .over(Phrase("Kode ini sudah dipakai. Minta kode baru bila perlu.", "This code was already used. Ask for a new one if needed."))
        case .expired: return .over(Phrase("Kode sudah kedaluwarsa (berlaku \(Int(OneTimeCode.lifetime / 60)) menit). Minta kode baru.",
                                           "The code has expired (it is valid for \(Int(OneTimeCode.lifetime / 60)) minutes). Ask for a new one."))
        case .locked: return .over(Self.locked)
        case .accepted, .wrong: break
        }
        let counted = try await ctx.writes.transaction { db in
            try await db.sql.raw("""
                UPDATE one_time_codes SET attempts = attempts + 1
                WHERE id = \(bind: id) AND used_at IS NULL AND attempts < \(bind: OneTimeCode.maximumAttempts) RETURNING attempts
                """).all().first.map { try $0.decode(column: "attempts", as: Int.self) }
        }
        guard let attempts = counted else { return .over(Self.locked) }
        let matches = CSRF.constantTimeEqual(PhoneCodes.digest(entered, record: id, secret: ctx.settings.secret), record.codeDigest)
        switch OneTimeCode.check(matches: matches, attempts: attempts - 1, expiresAt: record.expiresAt, usedAt: nil, now: ctx.now) {
        case let .wrong(remaining):
            record.attempts = attempts
            errors.add("code", Phrase("Kode salah. Sisa \(remaining) kali percobaan.", "Wrong code. \(remaining) tr\(remaining == 1 ? "y" : "ies") left."))
            return .invalid(errors, record)
        case .locked: return .over(Self.locked)
        case .used, .expired: return .over(Self.staleChallenge)
        case .accepted: break
        }
        if purpose == .reset { return try await reset(record, id: id, password: newPassword, in: ctx) }
        return try await accept(record, id: id, purpose: purpose, name: name, in: ctx)
    }

    /// The right reset code: the code is used up and the password replaced in one transaction.
    private func reset(_ record: OneTimeCodeRecord, id: UUID, password: String, in ctx: Invocation) async throws -> Outcome {
        guard let accountID = record.accountID, let account = try await Account.find(accountID, on: ctx.db), !account.isDisabled,
              account.phone == record.phone else { return .over(Self.staleChallenge) }
        let hash = try await ctx.hashPassword(password)
        let now = ctx.now
        let done = try await ctx.writes.transaction { db -> Bool in
            guard try await OneTimeCodeRecord.claim(id, at: now, on: db) else { return false }
            try await PasswordReset.apply(hash, to: account, how: "dengan kode HP", proving: record.phone, in: ctx, on: db)
            return true
        }
        return done ? .passwordReset : .over(Self.staleChallenge)
    }

    static let locked = Phrase("Terlalu banyak kode salah; kode ini tidak berlaku lagi. Minta kode baru.",
                               "Too many wrong codes; this code no longer works. Ask for a new one.")

    private func accept(_ record: OneTimeCodeRecord, id: UUID, purpose: OneTimeCodeRecord.Purpose, name: String,
                        in ctx: Invocation) async throws -> Outcome {
        let now = ctx.now
        let phone = record.phone
        let accountID = record.accountID
        do {
            let account: Account? = try await ctx.writes.transaction { db in
                guard try await OneTimeCodeRecord.claim(id, at: now, on: db) else { return nil }
                switch purpose {
                case .signIn:
                    guard let accountID, let account = try await Account.find(accountID, on: db), !account.isDisabled,
                          account.phone == phone else { return nil }
                    if account.phoneVerifiedAt == nil {
                        account.phoneVerifiedAt = now
                        try await account.update(on: db)
                    }
                    return account
                case .verifyPhone:
                    guard let accountID, let account = try await Account.find(accountID, on: db), !account.isDisabled else { return nil }
                    try await ContactProof.provePhone(phone, of: account, in: ctx, on: db)
                    return account
                case .signUp:
                    let account = Account(name: name, email: nil, phone: phone, passwordHash: "")
                    PrivacyNotice.record(on: account, at: now)
                    account.phoneVerifiedAt = now
                    account.notifyWhatsApp = ctx.settings.webhookURL != nil
                    try await account.create(on: db)
                    let newID = try account.requireID()
                    try await AuditLog.append(AuditDraft(
                        actor: Principal.citizenIdentity(newID).keyed(secret: ctx.settings.secret),
                        action: "account.registered", subjectType: "account", subjectID: newID.uuidString,
                        summary: "akun warga dibuat dengan nomor HP (kode terverifikasi)"), on: db, now: now)
                    return account
                case .claim:
                    guard let accountID, let account = try await Account.find(accountID, on: db), account.isAssisted else { return nil }
                    account.phone = phone
                    account.claimedAt = now
                    account.claimDigest = nil
                    account.phoneVerifiedAt = now
                    PrivacyNotice.record(on: account, at: now)
                    account.notifyWhatsApp = ctx.settings.webhookURL != nil
                    try await account.update(on: db)
                    // Any operator still serving this citizen stops here.
                    try await AccountSession.query(on: db).filter(\.$actingFor == accountID).set(\.$actingFor, to: nil).update()
                    try await AuditLog.append(AuditDraft(
                        actor: Principal.citizenIdentity(accountID).keyed(secret: ctx.settings.secret),
                        action: "account.claimed", subjectType: "account", subjectID: accountID.uuidString,
                        summary: "warga dibantu mengambil alih akunnya dengan nomor HP sendiri; operator tidak lagi dapat bertindak untuknya"),
                        on: db, now: now)
                    return account
                case .reset, .resetLink, .verifyEmail:
                    return nil
                }
            }
            guard let account else { return .over(Self.staleChallenge) }
            return .signedIn(account, purpose: purpose)
        } catch where error.isConstraintFailure {
            if purpose == .verifyPhone { return .over(ContactProof.phoneTaken) }
            return .over(Phrase("Nomor HP ini baru saja didaftarkan. Silakan masuk dengan nomor ini.",
                                "This phone number was just registered. Please sign in with it."))
        }
    }
}

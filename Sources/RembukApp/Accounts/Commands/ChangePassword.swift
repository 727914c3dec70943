import Fluent
import Foundation
import RembukCore

/// The signed-in person changes their password; every other session of the account is ended.
struct ChangePassword {
    struct Input: Codable, Sendable {
        var current_password: String?
        var new_password: String?
        var new_password_confirmation: String?
    }

    enum Outcome {
        case changed
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard ctx.actor.can(.useOwnAccount), let account = ctx.principal.account, let id = account.id else {
            throw UserFacingError.signInRequired
        }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        var errors = FormErrors()
        // An account made by phone code has no password yet: the first one needs none to be given.
        if account.hasPassword, try await !ctx.verifyPassword(input.current_password ?? "", hash: account.passwordHash) {
            errors.add("current_password", Phrase("Kata sandi saat ini salah.", "The current password is wrong."))
        }
        let password = AccountFields.password(input.new_password, confirmation: input.new_password_confirmation,
                                              personal: [account.name, account.email ?? "", account.phone ?? ""],
                                              into: &errors, field: "new_password")
        guard errors.isEmpty else { return .invalid(errors) }
        let hash = try await ctx.hashPassword(password)
        let keep = SessionMiddleware.hash(ctx.principal.sessionToken)
        let identity = ctx.identity
        try await ctx.writes.transaction { db in
            try await Account.query(on: db).filter(\.$id == id).set(\.$passwordHash, to: hash).update()
            try await AccountSession.query(on: db).filter(\.$account.$id == id).filter(\.$id != keep).delete()
            try await AuditLog.append(AuditDraft(actor: identity, action: "account.password_changed", subjectType: "account",
                                                 subjectID: id.uuidString, summary: account.hasPassword ? "kata sandi diganti; sesi lain diakhiri" : "kata sandi dibuat; sesi lain diakhiri"),
                                      on: db, now: ctx.now)
            try await Notifier.send(to: account, Notice(
                title: Phrase("Kata sandi Anda diganti", "Your password was changed"),
                body: Phrase("Kata sandi akun Rembuk Anda baru saja diganti. Jika bukan Anda, hubungi admin Bappeda.",
                             "The password of your Rembuk account was just changed. If this was not you, contact the planning agency."),
                link: SiteRoute.account.path, urgent: true), in: ctx, on: db)
        }
        return .changed
    }
}

/// The signed-in person chooses which channels besides the inbox may carry their notifications, and whether those
/// channels carry each notice at once or one daily digest. Switching the digest on starts it from now, so no backlog arrives.
struct UpdateNotificationSettings {
    struct Input: Codable, Sendable {
        var notify_email: String?
        var notify_whatsapp: String?
        var delivery: String?
    }

    func run(_ input: Input, in ctx: Invocation) async throws {
        guard ctx.actor.can(.useOwnAccount), let account = ctx.principal.account, let id = account.id else {
            throw UserFacingError.signInRequired
        }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        let email = input.notify_email == "on" && account.email != nil
        let whatsapp = input.notify_whatsapp == "on" && account.phone != nil
        guard [nil, "segera", "harian"].contains(input.delivery) else {
            throw UserFacingError(.badRequest, Phrase("Pilihan pengiriman tidak dikenal.", "Unknown delivery choice."))
        }
        let digest = input.delivery.map { $0 == "harian" } ?? account.notifyDigest
        let startsDigest = digest && !account.notifyDigest
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            let update = Account.query(on: db).filter(\.$id == id)
                .set(\.$notifyEmail, to: email).set(\.$notifyWhatsApp, to: whatsapp).set(\.$notifyDigest, to: digest)
            if startsDigest { update.set(\.$digestCutoff, to: now) }
            try await update.update()
            try await AuditLog.append(AuditDraft(actor: identity, action: "account.notifications_changed", subjectType: "account",
                                                 subjectID: id.uuidString,
                                                 summary: "e-mail: \(email ? "ya" : "tidak"), WhatsApp/SMS: \(whatsapp ? "ya" : "tidak"), \(digest ? "ringkasan harian" : "satu per satu")"),
                                      on: db, now: now)
        }
    }
}

import Fluent
import Foundation
import RembukCore

/// Signing in with an e-mail or phone number and a password, throttled per account and per address — except in a
/// browser that has signed in to the account before (`KnownDevice`): it has an allowance of its own, so failures
/// from elsewhere (someone guessing, or trying to lock the owner out) never lock the owner's own phone.
struct LogIn {
    struct Input: Codable, Sendable {
        var identifier: String?
        var password: String?
    }

    enum Outcome {
        /// `device`: the browser's name for its `KnownDevice` cookie (kept, or new).
        case signedIn(Account, device: String)
        case invalid(FormErrors)
        case throttled(minutes: Int)
    }

    static let window: TimeInterval = 15 * 60
    static let perAccountLimit = 5
    static let perAddressLimit = 20

    let remoteAddress: String
    /// The browser's `KnownDevice` cookie, if it sent one.
    var deviceCookie: String?

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        let identifier = Self.normalise(input.identifier ?? "")
        let password = input.password ?? ""
        var errors = FormErrors()
        if identifier.isEmpty { errors.add("identifier", Phrase("Tulis e-mail atau nomor HP Anda.", "Enter your e-mail or phone number.")) }
        if password.isEmpty { errors.add("password", Phrase("Tulis kata sandi Anda.", "Enter your password.")) }
        guard errors.isEmpty else { return .invalid(errors) }

        let account = try await Account.query(on: ctx.db).group(.or) {
            $0.filter(\.$email == identifier).filter(\.$phone == identifier)
        }.first()
        let device = account?.id.flatMap { KnownDevice.name(in: deviceCookie, account: $0, secret: ctx.settings.secret) }
        // One allowance per account, whichever of its e-mail and phone is typed (an unknown one counts on its own).
        let accountKey = "account:" + (account?.id?.uuidString ?? identifier)
        let counted: [(key: String, limit: Int)] = if let device {
            [("device:" + device, Self.perAccountLimit)]
        } else {
            [(accountKey, Self.perAccountLimit), ("address:" + remoteAddress, Self.perAddressLimit)]
        }
        let since = ctx.now.addingTimeInterval(-Self.window)
        for (key, limit) in counted {
            let failures = try await LoginFailure.query(on: ctx.db).filter(\.$key == key).filter(\.$at > since).sort(\.$at).all()
            if failures.count >= limit, let oldest = failures.first {
                let wait = oldest.at.addingTimeInterval(Self.window).timeIntervalSince(ctx.now)
                return .throttled(minutes: max(1, Int((wait / 60).rounded(.up))))
            }
        }

        var matches = false
        if let account, account.hasPassword {
            matches = try await ctx.verifyPassword(password, hash: account.passwordHash)
        } else {
            // No such account, or one that signs in by code only: cost the same, match nothing.
            _ = try await ctx.hashPassword(password)   // costs what a verification costs: no timing hint
        }
        guard let account, matches else {
            let now = ctx.now
            try await ctx.writes.transaction { db in
                for (key, _) in counted { try await LoginFailure(key: key, at: now).create(on: db) }
                try await LoginFailure.query(on: db).filter(\.$at < since).delete()
            }
            errors.add(Phrase("E-mail/nomor HP atau kata sandi salah.", "The e-mail/phone number or password is wrong."))
            return .invalid(errors)
        }
        if account.isDisabled {
            errors.add(Phrase("Akun ini dinonaktifkan. Hubungi admin Bappeda.", "This account is disabled. Contact the planning agency's admin."))
            return .invalid(errors)
        }
        try await ctx.writes.transaction { db in
            try await LoginFailure.query(on: db).filter(\.$key ~~ counted.map(\.key).filter { $0 != "address:" + remoteAddress }).delete()
        }
        return .signedIn(account, device: device ?? KnownDevice.newName())
    }

    /// E-mails are matched lower-cased; anything that reads as an Indonesian phone number is matched as +62.
    static func normalise(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains("@"), case let .success(phone) = PhoneNumber.parse(trimmed) { return phone.e164 }
        return trimmed.lowercased()
    }
}

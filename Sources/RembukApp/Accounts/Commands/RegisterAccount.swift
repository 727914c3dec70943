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
    }

    enum Outcome {
        case registered(Account)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        var errors = FormErrors()
        let (name, email, phone, password) = AccountFields.basics(
            name: input.name, email: input.email, phone: input.phone, password: input.password,
            confirmation: input.password_confirmation, into: &errors)
        let nik = AccountFields.nik(input.nik, today: ctx.today, into: &errors)
        let nikDigest = nik.map { KeyedDigest.hex("nik:" + $0.digits, key: ctx.settings.secret) }
        try await AccountFields.checkUnique(email: email, phone: phone, nikDigest: nikDigest, on: ctx, into: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        let throttle = Throttle.key(.register, address: remoteAddress, secret: ctx.settings.secret)
        try await Throttle.check(.register, key: throttle, in: ctx)

        let account = Account(name: name, email: email, phone: phone?.e164, passwordHash: try await ctx.hashPassword(password),
                              nikDigest: nikDigest, nikMasked: nik?.masked)
        do {
            try await ctx.writes.transaction { db in
                try await account.create(on: db)
                try await Throttle.record(.register, key: throttle, on: db, in: ctx)
                let id = try account.requireID()
                try await AuditLog.append(AuditDraft(
                    actor: Principal.Identity(id: id.uuidString, label: Principal.citizenLabel(id)),
                    action: "account.registered", subjectType: "account", subjectID: id.uuidString,
                    summary: "akun warga dibuat"), on: db, now: ctx.now)
            }
        } catch where error.isConstraintFailure {
            var raced = FormErrors()
            raced.add(AccountFields.alreadyRegistered)
            return .invalid(raced)
        }
        return .registered(account)
    }
}

import Fluent
import Foundation
import RembukCore

/// A person makes a token for the JSON API (for a village's own app, a spreadsheet script …).
/// The token is returned once and stored only as a hash.
struct CreateApiToken {
    static let prefix = "rbk_"
    static let maximumPerAccount = 10

    enum Outcome {
        case created(token: String, ApiToken)
        case invalid(FormErrors)
    }

    func run(name raw: String?, in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        var errors = FormErrors()
        let name = TextInput.clean(raw ?? "")
        if !(3...60).contains(name.count) { errors.add("name", Phrase("Beri nama token, 3–60 huruf (mis. “Aplikasi desa”).", "Name the token, 3–60 characters.")) }
        let active = try await ApiToken.query(on: ctx.db).filter(\.$account.$id == account).filter(\.$revokedAt == nil).count()
        if active >= Self.maximumPerAccount {
            errors.add(Phrase("Paling banyak \(Self.maximumPerAccount) token aktif; cabut yang tidak dipakai.", "At most \(Self.maximumPerAccount) active tokens; revoke unused ones."))
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let secret = Self.prefix + SessionMiddleware.newToken()
        let token = ApiToken()
        token.$account.id = account
        token.name = name
        token.tokenHash = SessionMiddleware.hash(secret)
        token.prefix = String(secret.prefix(10))
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await token.create(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "api_token.created", subjectType: "account",
                                                 subjectID: account.uuidString, summary: "token API “\(name)” (\(token.prefix)…)"), on: db, now: now)
        }
        return .created(token: secret, token)
    }
}

struct RevokeApiToken {
    func run(tokenID: UUID, in ctx: Invocation) async throws {
        guard let account = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        guard let token = try await ApiToken.find(tokenID, on: ctx.db), token.$account.id == account, token.revokedAt == nil else {
            throw UserFacingError.notFound
        }
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            token.revokedAt = now
            try await token.update(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "api_token.revoked", subjectType: "account",
                                                 subjectID: account.uuidString, summary: "token API “\(token.name)” (\(token.prefix)…)"), on: db, now: now)
        }
    }
}

import Fluent
import Foundation
import RembukCore

/// A person makes a token for the JSON API (for a village's own app, a spreadsheet script …), with the scopes
/// it needs and an expiry. The token is returned once and stored only as a hash.
struct CreateApiToken {
    static let prefix = "rbk_"
    static let maximumPerAccount = 10

    struct Input: Codable, Sendable {
        var name: String?
        var scopes: [String]?
        var days: String?
    }

    enum Outcome {
        case created(token: String, ApiToken)
        case invalid(FormErrors)
    }

    /// Name, scopes and lifetime as every token needs them.
    static func fields(_ input: Input, into errors: inout FormErrors) -> (name: String, scopes: Set<ApiScope>, days: Int) {
        let name = TextInput.clean(input.name ?? "")
        if !(3...60).contains(name.count) { errors.add("name", Phrase("Beri nama token, 3–60 huruf (mis. “Aplikasi desa”).", "Name the token, 3–60 characters.")) }
        let raw = input.scopes ?? []
        let scopes = Set(raw.compactMap(ApiScope.init(rawValue:)))
        if scopes.isEmpty || scopes.count != Set(raw).count {
            errors.add("scopes", Phrase("Pilih izin token (paling sedikit satu dari daftar).", "Choose the token's scopes (at least one from the list)."))
        }
        let days = Int(input.days ?? "") ?? 0
        if !TokenLifetime.allowedDays.contains(days) {
            errors.add("days", Phrase("Pilih masa berlaku token (paling lama satu tahun).", "Choose how long the token lives (a year at most)."))
        }
        return (name, scopes, days)
    }

    static func make(name: String, scopes: Set<ApiScope>, days: Int, account: UUID, now: Date) -> (secret: String, token: ApiToken) {
        let secret = prefix + SessionMiddleware.newToken()
        let token = ApiToken()
        token.$account.id = account
        token.name = name
        token.tokenHash = SessionMiddleware.hash(secret)
        token.prefix = String(secret.prefix(10))
        token.scopes = ApiScope.text(scopes)
        token.expiresAt = now.addingTimeInterval(Double(days) * 24 * 3600)
        return (secret, token)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        guard ctx.principal.scopes == nil else { throw UserFacingError.forbidden }   // a token cannot mint tokens
        var errors = FormErrors()
        let (name, scopes, days) = Self.fields(input, into: &errors)
        let active = try await ApiToken.query(on: ctx.db).filter(\.$account.$id == account).filter(\.$revokedAt == nil).count()
        if active >= Self.maximumPerAccount {
            errors.add(Phrase("Paling banyak \(Self.maximumPerAccount) token aktif; cabut yang tidak dipakai.", "At most \(Self.maximumPerAccount) active tokens; revoke unused ones."))
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let (secret, token) = Self.make(name: name, scopes: scopes, days: days, account: account, now: ctx.now)
        let identity = ctx.identity
        let now = ctx.now
        try await ctx.writes.transaction { db in
            try await token.create(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "api_token.created", subjectType: "account", subjectID: account.uuidString,
                                                 summary: "token API “\(name)” (\(token.prefix)…), izin \(ApiScope.text(scopes)), berlaku \(days) hari"),
                                      on: db, now: now)
        }
        return .created(token: secret, token)
    }
}

struct RevokeApiToken {
    func run(tokenID: UUID, in ctx: Invocation) async throws {
        guard let account = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        guard ctx.principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
        guard let token = try await ApiToken.find(tokenID, on: ctx.db), token.$account.id == account, token.revokedAt == nil,
              token.agencyID == nil else {
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

import Fluent
import Foundation
import RembukCore

/// The Bappeda admin makes a token for an agency's own system (its finance application, a SIPD sync job).
/// The token acts through a service account that holds only the OPD role for that agency, so every permission
/// check treats it as that agency's staff, and never more; its scopes narrow it further. Shown once, stored hashed.
struct CreateAgencyToken {
    struct Input: Codable, Sendable {
        var name: String?
        var agency_id: String?
        var scopes: [String]?
        var days: String?
    }

    enum Outcome {
        case created(token: String, ApiToken)
        case invalid(FormErrors)
    }

    func run(_ input: Input, in ctx: Invocation) async throws -> Outcome {
        try StaffRules.requireAdmin(ctx)
        guard ctx.principal.scopes == nil, let admin = ctx.principal.accountID else { throw UserFacingError.forbidden }
        var errors = FormErrors()
        let (name, scopes, days) = CreateApiToken.fields(.init(name: input.name, scopes: input.scopes, days: input.days), into: &errors)
        let agency = try await Agency.find(input.agency_id ?? "", on: ctx.db)
        if agency == nil || agency?.kabupatenCode != ctx.settings.kabupaten.value {
            errors.add("agency_id", Phrase("Pilih perangkat daerah (OPD) pemilik sistem ini.", "Choose the agency (OPD) whose system this is."))
        }
        guard errors.isEmpty, let agency, let slug = agency.id else { return .invalid(errors) }
        let service = Account(name: "Token \(name) · \(agency.name)", email: nil, phone: nil, passwordHash: "")
        service.notifyEmail = false
        let identity = ctx.identity
        let now = ctx.now
        let made: (String, ApiToken) = try await ctx.writes.transaction { db in
            try await service.create(on: db)
            let serviceID = try service.requireID()
            try await RoleGrant(accountID: serviceID, grant: try Grant.make(role: .opd, scope: .agency(slug)).get(), grantedBy: admin).create(on: db)
            let (secret, token) = CreateApiToken.make(name: name, scopes: scopes, days: days, account: serviceID, now: now)
            token.agencyID = slug
            token.createdBy = admin
            try await token.create(on: db)
            try await AuditLog.append(AuditDraft(actor: identity, action: "api_token.agency_created", subjectType: "agency", subjectID: slug,
                                                 summary: "token API “\(name)” (\(token.prefix)…) untuk \(agency.name), izin \(ApiScope.text(scopes)), berlaku \(days) hari"),
                                      on: db, now: now)
            return (secret, token)
        }
        return .created(token: made.0, made.1)
    }
}

/// Revoking an agency token also disables its service account and ends its role.
struct RevokeAgencyToken {
    func run(tokenID: String?, reason raw: String?, in ctx: Invocation) async throws {
        try StaffRules.requireAdmin(ctx)
        guard ctx.principal.scopes == nil, let admin = ctx.principal.accountID else { throw UserFacingError.forbidden }
        guard let id = UUID(uuidString: tokenID ?? ""), let token = try await ApiToken.find(id, on: ctx.db), let agency = token.agencyID,
              token.revokedAt == nil else { throw UserFacingError.notFound }
        let reason = CleanText.line(raw ?? "")
        let identity = ctx.identity
        let now = ctx.now
        let serviceID = token.$account.id
        try await ctx.writes.transaction { db in
            token.revokedAt = now
            try await token.update(on: db)
            try await Account.query(on: db).filter(\.$id == serviceID).set(\.$disabledAt, to: now).update()
            try await RoleGrant.query(on: db).filter(\.$account.$id == serviceID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).set(\.$revokedBy, to: admin).update()
            try await AuditLog.append(AuditDraft(actor: identity, action: "api_token.agency_revoked", subjectType: "agency", subjectID: agency,
                                                 summary: "token API “\(token.name)” (\(token.prefix)…) dicabut", reason: reason), on: db, now: now)
        }
    }
}

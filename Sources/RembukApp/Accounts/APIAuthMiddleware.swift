import Fluent
import Foundation
import RembukCore
import Vapor

/// Who calls the JSON API: the account of a bearer token (with the token's scopes), or an anonymous visitor.
/// Browser cookies do not count here, so a page on another site cannot make a signed-in browser write through the API.
/// Every use of an agency token is written to the audit trail.
struct APIAuthMiddleware: AsyncMiddleware {
    static let unknown = UserFacingError(.unauthorized, Phrase("Token API tidak dikenal atau sudah dicabut.", "Unknown or revoked API token."))

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.principal = .visitor(token: "")
        guard let bearer = request.headers.bearerAuthorization?.token else { return try await next.respond(to: request) }
        guard bearer.hasPrefix(CreateApiToken.prefix),
              let token = try await ApiToken.query(on: request.db).filter(\.$tokenHash == SessionMiddleware.hash(bearer))
                  .filter(\.$revokedAt == nil).first(),
              let account = try await Account.find(token.$account.id, on: request.db), !account.isDisabled else { throw Self.unknown }
        if let expiry = token.expiresAt, expiry <= Date() {
            throw UserFacingError(.unauthorized, Phrase("Token API ini sudah kedaluwarsa (\(DateText.dateTime(expiry))). Buat token baru.",
                                                        "This API token expired (\(DateText.dateTime(expiry, .en))). Make a new one."))
        }
        let grants = try await RoleGrant.query(on: request.db).filter(\.$account.$id == token.$account.id).filter(\.$revokedAt == nil).all()
        var principal = Principal(sessionToken: "", account: account, grants: grants)
        principal.scopes = token.scopeSet
        principal.agencyTokenID = token.agencyID == nil ? nil : token.id
        request.principal = principal
        // Last use is bookkeeping to help people spot stale tokens; at most once an hour, outside any command.
        if (token.lastUsedAt ?? .distantPast) < Date().addingTimeInterval(-3600) {
            token.lastUsedAt = Date()
            try? await token.update(on: request.db)
        }
        guard token.agencyID != nil else { return try await next.respond(to: request) }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try await audit(token, principal, request, status: (error as? UserFacingError).map { Int($0.status.code) } ?? 500)
            throw error
        }
        try await audit(token, principal, request, status: Int(response.status.code))
        return response
    }

    /// `POST /api/v1/proyek/laporan → 200`, in the agency token's name.
    func audit(_ token: ApiToken, _ principal: Principal, _ request: Request, status: Int) async throws {
        let identity = principal.identity
        let summary = "token “\(token.name)” (\(token.prefix)…): \(request.method.rawValue) \(request.url.path) → \(status)"
        let subject = token.agencyID ?? ""
        try await request.application.writes.transaction { db in
            try await AuditLog.append(AuditDraft(actor: identity, action: "api_token.used", subjectType: "agency", subjectID: subject,
                                                 summary: summary), on: db, now: Date())
        }
    }
}

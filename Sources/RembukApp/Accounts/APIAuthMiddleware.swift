import Fluent
import Foundation
import Vapor

/// Who calls the JSON API: the account of a bearer token, or an anonymous visitor. Browser cookies do not
/// count here, so a page on another site cannot make a signed-in browser write through the API.
struct APIAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.principal = .visitor(token: "")
        if let bearer = request.headers.bearerAuthorization?.token {
            guard bearer.hasPrefix(CreateApiToken.prefix),
                  let token = try await ApiToken.query(on: request.db).filter(\.$tokenHash == SessionMiddleware.hash(bearer))
                      .filter(\.$revokedAt == nil).first(),
                  let account = try await Account.find(token.$account.id, on: request.db), !account.isDisabled else {
                throw UserFacingError(.unauthorized, Phrase("Token API tidak dikenal atau sudah dicabut.", "Unknown or revoked API token."))
            }
            let grants = try await RoleGrant.query(on: request.db).filter(\.$account.$id == token.$account.id).filter(\.$revokedAt == nil).all()
            request.principal = Principal(sessionToken: "", account: account, grants: grants)
            // Last use is bookkeeping to help people spot stale tokens; at most once an hour, outside any command.
            if (token.lastUsedAt ?? .distantPast) < Date().addingTimeInterval(-3600) {
                token.lastUsedAt = Date()
                try? await token.update(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}

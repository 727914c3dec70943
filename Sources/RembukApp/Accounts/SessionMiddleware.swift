import Fluent
import Foundation
import RembukCore
import Vapor

/// Reads the session cookie and loads the signed-in account. Visitors get a cookie (it binds their CSRF
/// tokens) but no database row; only signing in writes one. Any instance can serve any session.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "rembuk_session"
    static let lifetime: TimeInterval = 14 * 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let raw: String? = request.cookies[Self.cookieName]?.string
        let presented = raw.flatMap { Self.isWellFormed($0) ? $0 : nil }
        let token = presented ?? Self.newToken()
        request.principal = try await Self.load(token: token, presented: presented != nil, on: request.db)
        let response = try await next.respond(to: request)
        if let rotated = request.storage[Request.NewSessionCookieKey.self] {
            response.cookies[Self.cookieName] = cookie(rotated, on: request)
        } else if presented == nil, response.headers.contentType?.type == "text", !request.url.path.hasPrefix("/api/") {
            response.cookies[Self.cookieName] = cookie(token, on: request)
        }
        return response
    }

    func cookie(_ token: String, on request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
                          isSecure: request.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    static func load(token: String, presented: Bool, on db: any Database) async throws -> Principal {
        guard presented, let session = try await AccountSession.find(hash(token), on: db), session.expiresAt > Date(),
              let account = try await Account.find(session.$account.id, on: db), !account.isDisabled else {
            return .visitor(token: token)
        }
        let grants = try await RoleGrant.query(on: db)
            .filter(\.$account.$id == session.$account.id).filter(\.$revokedAt == nil).all()
        let principal = Principal(sessionToken: token, account: account, grants: grants)
        // Serving an assisted citizen: only while the account is unclaimed and in the operator's region.
        if let citizenID = session.actingFor, let citizen = try await Account.find(citizenID, on: db), citizen.isAssisted,
           !citizen.isDisabled, let region = RegionCode(citizen.assistedRegion ?? ""), principal.actor.can(.assistCitizens(region)) {
            return Principal(sessionToken: token, account: citizen, grants: [], assistant: account, assistantGrants: grants)
        }
        return principal
    }

    static func newToken() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.count == 43 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    static func hash(_ token: String) -> String { KeyedDigest.sha256Hex(Array(token.utf8)) }
}

extension Request {
    /// Starts a signed-in session for `account` under a fresh token (the old one is dropped: no fixation).
    func startSession(for account: Account) async throws {
        let old = principal.sessionToken
        let token = SessionMiddleware.newToken()
        let now = Date()
        try await AccountSession.query(on: db).filter(\.$id == SessionMiddleware.hash(old)).delete()
        try await AccountSession(tokenHash: SessionMiddleware.hash(token), accountID: try account.requireID(),
                                createdAt: now, expiresAt: now.addingTimeInterval(SessionMiddleware.lifetime)).create(on: db)
        storage[NewSessionCookieKey.self] = token
        principal = try await SessionMiddleware.load(token: token, presented: true, on: db)
    }

    /// Ends the session and hands the browser a fresh visitor token.
    func endSession() async throws {
        try await AccountSession.query(on: db).filter(\.$id == SessionMiddleware.hash(principal.sessionToken)).delete()
        let token = SessionMiddleware.newToken()
        storage[NewSessionCookieKey.self] = token
        principal = .visitor(token: token)
    }
}

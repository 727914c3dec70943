import Foundation
import RembukCore
import Vapor

/// Who is making this request: the session token of the browser, and the signed-in account with its grants.
public struct Principal: Sendable {
    /// How an actor appears in the public audit trail: staff by name and role, citizens by a short pseudonym.
    public struct Identity: Sendable, Hashable {
        public let id: String
        public let label: String

        public static let system = Identity(id: "system", label: "Sistem Rembuk")
    }

    public let sessionToken: String
    public let account: Account?
    public let grants: [RoleGrant]

    public static func visitor(token: String) -> Principal { Principal(sessionToken: token, account: nil, grants: []) }

    public var accountID: UUID? { account?.id }

    public var actor: Actor {
        Actor(accountID: account?.id?.uuidString, grants: grants.compactMap(\.grant) + (account == nil ? [] : [Self.citizen]))
    }

    static let citizen = try! Grant.make(role: .warga, scope: .ownAccount).get()

    public var identity: Identity {
        guard let account, let id = account.id else { return Identity(id: "visitor", label: "Pengunjung") }
        if let staff = grants.compactMap(\.grant).first(where: { $0.role != .warga }) {
            return Identity(id: id.uuidString, label: "\(account.name) (\(staff.role.label(.id)))")
        }
        return Identity(id: id.uuidString, label: Self.citizenLabel(id))
    }

    /// `Warga #3f2a9c1d`: enough to follow one person's actions in the trail, not to name them.
    static func citizenLabel(_ id: UUID) -> String { "Warga #" + id.uuidString.prefix(8).lowercased() }

}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    struct NewSessionCookieKey: StorageKey { typealias Value = String }

    public var principal: Principal {
        get { storage[PrincipalKey.self] ?? .visitor(token: "") }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The signed-in account, or a "please sign in" error.
    public func requireAccount() throws -> Account {
        guard let account = principal.account else { throw UserFacingError.signInRequired }
        return account
    }

    var language: Language {
        if let cookie = cookies["lang"]?.string, let language = Language(rawValue: cookie) { return language }
        return Language.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
    }
}

extension Request {
    /// The client's address, from `X-Forwarded-For` only when the installation says a proxy is trusted.
    var clientAddress: String {
        if settings.trustProxy, let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}

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
    /// The operator serving an assisted citizen, when this session acts for one: `account` is then the citizen,
    /// with a citizen's rights only, and every record names the operator.
    public var assistant: Account? = nil
    public var assistantGrants: [RoleGrant] = []
    /// What an API token may do; nil for a browser session (everything its roles allow).
    public var scopes: Set<ApiScope>? = nil
    /// The agency token this request came with, for the audit of its every use.
    public var agencyTokenID: UUID? = nil

    public static func visitor(token: String) -> Principal { Principal(sessionToken: token, account: nil, grants: []) }

    /// The operator, as they are shown on an item they entered for someone: "Dedi Kurniawan (Operator Desa)".
    public var enteredBy: String? {
        guard let assistant else { return nil }
        let role = assistantGrants.compactMap(\.grant).first { $0.role == .operatorDesa || $0.role == .operatorKecamatan }?.role
        return assistant.name + (role.map { " (\($0.label(.id)))" } ?? "")
    }

    public var accountID: UUID? { account?.id }

    public var actor: Actor {
        Actor(accountID: account?.id?.uuidString, grants: grants.compactMap(\.grant) + (account == nil ? [] : [Self.citizen]))
    }

    static let citizen = try! Grant.make(role: .warga, scope: .ownAccount).get()

    public var identity: Identity {
        guard let account, let id = account.id else { return Identity(id: "visitor", label: "Pengunjung") }
        if let enteredBy, let operatorID = assistant?.id {
            return Identity(id: operatorID.uuidString, label: "\(enteredBy) untuk \(Self.citizenLabel(id))")
        }
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

    /// The signed-in person's own account, for what only its owner may do (password, channels, tokens):
    /// refused while an operator is acting for an assisted citizen.
    public func requireOwnAccount() throws -> Account {
        let account = try requireAccount()
        guard principal.assistant == nil else { throw UserFacingError.notWhileAssisting }
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
        // The proxy appends the address it saw to whatever the client sent: only the last entry is the proxy's word.
        if settings.trustProxy, let forwarded = headers[.xForwardedFor].joined(separator: ",").split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}

import Foundation
import RembukCore
import Vapor

/// Who is making this request: the session token of the browser, and the signed-in account with its grants.
public struct Principal: Sendable {
    /// How an actor appears in the public audit trail: staff by name and role, citizens by a short pseudonym.
    public struct Identity: Sendable, Hashable {
        public let id: String
        public let label: String
        /// The citizen acting, or acted for by an operator: the public trail names them by a pseudonym of the record's
        /// subject only (`inTrail`), so their comment on one usulan cannot be followed to their support of another.
        public var citizen: UUID? = nil
        /// `Principal.citizenKey` of `citizen`, set by `keyed(secret:)`: what the pseudonyms are made from.
        public var citizenKey: String? = nil
        /// The operator entering for `citizen`, as shown: "Dedi Kurniawan (Operator desa)".
        public var enteredBy: String? = nil

        public static let system = Identity(id: "system", label: "Sistem Rembuk")

        /// How this actor is written into a record about `subjectType`/`subjectID`: staff as themselves, a citizen by
        /// the pseudonym they have on that subject alone (and an operator by name, for that pseudonym).
        public func inTrail(subjectType: String, subjectID: String) -> Identity {
            guard citizen != nil else { return self }
            // Not keyed (no installation secret at hand): a citizen, unnamed, rather than a linkable name.
            let pseudonym = citizenKey.map { Principal.citizenLabel(key: $0, on: subjectType + ":" + subjectID) } ?? "Warga"
            if let enteredBy { return Identity(id: id, label: "\(enteredBy) untuk \(pseudonym)") }
            return Identity(id: citizenKey == nil ? "warga" : "warga-" + pseudonym.dropFirst("Warga #".count), label: pseudonym)
        }

        /// This identity with the citizen's pseudonym key made from the installation secret.
        public func keyed(secret: String) -> Identity {
            guard let citizen else { return self }
            var copy = self
            copy.citizenKey = Principal.citizenKey(citizen, secret: secret)
            return copy
        }
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
            return Identity(id: operatorID.uuidString, label: "\(enteredBy) untuk \(Self.citizenLabel(id))", citizen: id, enteredBy: enteredBy)
        }
        if let staff = grants.compactMap(\.grant).first(where: { $0.role != .warga }) {
            return Identity(id: id.uuidString, label: "\(account.name) (\(staff.role.label(.id)))")
        }
        return Self.citizenIdentity(id)
    }

    /// A citizen as an actor; the trail writes them by a pseudonym of each record's subject.
    static func citizenIdentity(_ id: UUID) -> Identity { Identity(id: id.uuidString, label: citizenLabel(id), citizen: id) }

    /// `Warga #3f2a9c1d`: how the citizen appears to themselves and to staff (their account's own short name).
    static func citizenLabel(_ id: UUID) -> String { "Warga #" + id.uuidString.prefix(8).lowercased() }

    /// A keyed digest of the account: account ids are public (the trail's account records name them), so the
    /// pseudonyms are made from this instead, which only the installation can compute.
    static func citizenKey(_ id: UUID, secret: String) -> String { KeyedDigest.hex("warga:" + id.uuidString, key: secret) }

    /// `Warga #b71e04c2`: the citizen's public name on one subject (`usulan:…`, `complaint:…`): the same for all they do
    /// there, different on every other subject, and not linkable to their name shown on another.
    static func citizenLabel(key: String, on context: String) -> String {
        "Warga #" + ContentAddress.sha256(Array("rembuk-warga|\(key)|\(context)".utf8)).prefix(8)
    }

    /// `citizenLabel(key:on:)` from the account and the installation secret.
    static func citizenLabel(_ id: UUID, secret: String, on context: String) -> String {
        citizenLabel(key: citizenKey(id, secret: secret), on: context)
    }

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

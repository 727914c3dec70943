import Fluent
import Foundation
import RembukCore

/// A personal access token for the JSON API. Only its SHA-256 is kept; the token itself is shown once.
public final class ApiToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "prefix") public var prefix: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// `usulan:write projects:report`: what the token may do besides reading public data.
    @OptionalField(key: "scopes") public var scopes: String?
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    /// An agency token: its account is a service account holding only the OPD role for this agency.
    @OptionalField(key: "agency_id") public var agencyID: String?
    /// The Bappeda admin who made an agency token.
    @OptionalField(key: "created_by") public var createdBy: UUID?

    public init() {}

    public var scopeSet: Set<ApiScope> { ApiScope.parseList(scopes ?? "") }
}

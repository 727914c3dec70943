import Fluent
import Foundation

/// A signed-in session. The row is keyed on the SHA-256 of the cookie's token, so a copy of the
/// database does not hand out usable cookies. Visitors who are not signed in have a cookie but no row.
public final class AccountSession: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(custom: "token_hash", generatedBy: .user) public var id: String?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    /// An operator serving an assisted citizen: the session acts as that citizen, in the operator's name.
    @OptionalField(key: "acting_for") public var actingFor: UUID?

    public init() {}

    public init(tokenHash: String, accountID: UUID, createdAt: Date, expiresAt: Date) {
        self.id = tokenHash
        self.$account.id = accountID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A failed sign-in, kept for a short window to slow down password guessing per account and per address.
public final class LoginFailure: Model, @unchecked Sendable {
    public static let schema = "login_failures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}

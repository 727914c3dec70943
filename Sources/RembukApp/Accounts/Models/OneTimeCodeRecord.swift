import Fluent
import Foundation
import RembukCore
import SQLKit

/// A sign-in, sign-up or claim code that was sent. Only a keyed digest of the code is kept, and the row is bound
/// to the browser session that asked for it: a code read off someone's phone is useless in another browser.
public final class OneTimeCodeRecord: Model, @unchecked Sendable {
    public static let schema = "one_time_codes"

    public enum Purpose: String, Sendable {
        /// An account with this phone number exists: the code signs it in.
        case signIn = "masuk"
        /// No account has this number yet: the code proves the number, and a citizen account is made with it.
        case signUp = "daftar"
        /// An assisted citizen takes over the account an operator made for them, with their own number.
        case claim = "klaim"
        /// "Lupa kata sandi" by phone: the code, with a new password, replaces the account's password.
        case reset = "sandi"
        /// "Lupa kata sandi" by e-mail (or a reset Bappeda started): a link with a long token, not bound to a browser;
        /// `phone` then holds the address it went to.
        case resetLink = "sandi-tautan"
        /// The owner proves an e-mail address (the account's, or the one it is changing to) by a link; `phone` holds it.
        case verifyEmail = "surel"
        /// The signed-in owner proves a phone number (the account's, or a new one) by a code typed in the same browser.
        case verifyPhone = "nomor"
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "purpose") public var purpose: String
    @Field(key: "phone") public var phone: String
    @OptionalField(key: "account_id") public var accountID: UUID?
    @Field(key: "code_digest") public var codeDigest: String
    @Field(key: "session_digest") public var sessionDigest: String
    @Field(key: "address_digest") public var addressDigest: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "channels") public var channels: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public var purposeValue: Purpose? { Purpose(rawValue: purpose) }

    /// Seconds to wait before another code or link may go to `destination` from this address, or nil: the rows of
    /// the last hour, by destination and by address, under `limits`.
    static func wait(destination: String, addressDigest: String, limits: CodeRateLimit, now: Date, on db: any Database) async throws -> Int? {
        let hourAgo = now.addingTimeInterval(-3600)
        let byKey = try await query(on: db).filter(\.$phone == destination).filter(\.$createdAt > hourAgo).all()
        let byAddress = try await query(on: db).filter(\.$addressDigest == addressDigest).filter(\.$createdAt > hourAgo).all()
        guard case let .wait(seconds) = limits.decide(numberRequests: byKey.map(\.createdAt), addressRequests: byAddress.map(\.createdAt),
                                                      lastUnused: byKey.filter { $0.usedAt == nil }.map(\.createdAt).max(), now: now) else { return nil }
        return seconds
    }

    /// The row and account a link (`ID.TOKEN`) of `purpose` names, if it is good now: unused, unexpired, its token's
    /// digest equal in constant time, its account enabled (a deleted account is disabled too).
    static func openLink(_ link: String, for purpose: Purpose, in ctx: Invocation) async throws -> (OneTimeCodeRecord, Account)? {
        let parts = link.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[0]), let record = try await find(id, on: ctx.db),
              record.purposeValue == purpose, record.usedAt == nil, record.expiresAt > ctx.now,
              CSRF.constantTimeEqual(PhoneCodes.digest(parts[1], record: id, secret: ctx.settings.secret), record.codeDigest),
              let accountID = record.accountID, let account = try await Account.find(accountID, on: ctx.db), !account.isDisabled else { return nil }
        return (record, account)
    }

    /// Uses the code up inside the caller's transaction; false when another request used it first.
    static func claim(_ id: UUID, at now: Date, on db: any Database) async throws -> Bool {
        try await !db.sql.raw("UPDATE one_time_codes SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id").all().isEmpty
    }
}

import Fluent
import Foundation

/// A message in a person's in-app inbox, kept in both interface languages.
public final class InboxItem: Model, @unchecked Sendable {
    public static let schema = "inbox_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "title_id") public var titleID: String
    @Field(key: "title_en") public var titleEN: String
    @Field(key: "body_id") public var bodyID: String
    @Field(key: "body_en") public var bodyEN: String
    @Field(key: "link") public var link: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "read_at") public var readAt: Date?

    public init() {}

    init(accountID: UUID, notice: Notice) {
        $account.id = accountID
        titleID = notice.title.id
        titleEN = notice.title.en
        bodyID = notice.body.id
        bodyEN = notice.body.en
        link = notice.link
    }
}

/// A message waiting to leave Rembuk by e-mail or by the WhatsApp/SMS gateway webhook.
/// Written in the same transaction as the change it reports; delivered by whichever worker claims it.
/// Times are integer milliseconds so the claim query compares them the same way on both databases.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "account_id") public var accountID: UUID?
    @Field(key: "channel") public var channel: String
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_ms") public var nextAttemptMillis: Int64
    @OptionalField(key: "claim_token") public var claimToken: String?
    @OptionalField(key: "claimed_until_ms") public var claimedUntilMillis: Int64?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_ms") public var createdMillis: Int64
    @OptionalField(key: "sent_ms") public var sentMillis: Int64?

    public enum Channel: String, Sendable, CaseIterable { case email, webhook }
    public enum Status: String, Sendable { case pending, sending, sent, failed }

    public init() {}

    init(accountID: UUID?, channel: Channel, recipient: String, subject: String, body: String, now: Date) {
        self.accountID = accountID
        self.channel = channel.rawValue
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.status = Status.pending.rawValue
        self.attempts = 0
        self.nextAttemptMillis = now.millis
        self.createdMillis = now.millis
    }
}

/// Someone follows a subject (a desa, later an usulan or a project) to hear of its changes.
public final class Follow: Model, @unchecked Sendable {
    public static let schema = "follows"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    init(accountID: UUID, subjectType: String, subjectID: String) {
        $account.id = accountID
        self.subjectType = subjectType
        self.subjectID = subjectID
    }
}

extension Date {
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}

struct M008_CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InboxItem.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("title_id", .string, .required)
            .field("title_en", .string, .required)
            .field("body_id", .string, .required)
            .field("body_en", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime)
            .field("read_at", .datetime)
            .create()
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("account_id", .uuid)
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_ms", .int64, .required)
            .field("claim_token", .string)
            .field("claimed_until_ms", .int64)
            .field("last_error", .string)
            .field("created_ms", .int64, .required)
            .field("sent_ms", .int64)
            .create()
        try await database.schema(Follow.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "account_id", "subject_type", "subject_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Follow.schema).delete()
        try await database.schema(OutboxMessage.schema).delete()
        try await database.schema(InboxItem.schema).delete()
    }
}

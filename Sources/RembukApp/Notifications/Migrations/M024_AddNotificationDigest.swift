import Fluent

/// A person may take notifications as one daily digest; `digest_cutoff` is how far the last digest reached.
struct M024_AddNotificationDigest: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(Account.schema).field("notify_digest", .bool, .required, .sql(.default(false))).update()
        try await database.schema(Account.schema).field("digest_cutoff", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Account.schema).deleteField("digest_cutoff").update()
        try await database.schema(Account.schema).deleteField("notify_digest").update()
    }
}

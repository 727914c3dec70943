import Fluent
import SQLKit

/// When an account's e-mail and phone were last proven to reach their owner: a notification goes only to a proven
/// channel. A number that signs in by code (phone sign-up, a claimed assisted account) was proven when the account
/// was made; every other contact waits for its owner to confirm it.
struct M043_AddContactVerification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(Account.schema).field("email_verified_at", .datetime).update()
        try await database.schema(Account.schema).field("phone_verified_at", .datetime).update()
        try await (database as! any SQLDatabase).raw("""
            UPDATE accounts SET phone_verified_at = created_at
            WHERE phone IS NOT NULL AND (password_hash = '' OR claimed_at IS NOT NULL)
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Account.schema).deleteField("phone_verified_at").update()
        try await database.schema(Account.schema).deleteField("email_verified_at").update()
    }
}

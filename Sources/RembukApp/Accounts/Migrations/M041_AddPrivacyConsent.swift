import Fluent

/// UU PDP (No. 27/2022): when and to which version of the privacy notice an account consented, and when its owner
/// deleted it (the row stays, pseudonymised, so public decisions and the audit trail keep pointing at it).
struct M041_AddPrivacyConsent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(Account.schema).field("consented_at", .datetime).update()
        try await database.schema(Account.schema).field("consent_version", .string).update()
        try await database.schema(Account.schema).field("deleted_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Account.schema).deleteField("deleted_at").update()
        try await database.schema(Account.schema).deleteField("consent_version").update()
        try await database.schema(Account.schema).deleteField("consented_at").update()
    }
}

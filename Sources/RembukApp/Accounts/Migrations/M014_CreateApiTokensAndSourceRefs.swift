import Fluent
import SQLKit

struct M014_CreateApiTokensAndSourceRefs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApiToken.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        // Where an imported usulan came from (its SIPD "ID Usulan"): unique, so a row is never imported twice.
        try await database.schema(Usulan.schema).field("source_ref", .string).update()
        try await (database as! any SQLDatabase).raw("CREATE UNIQUE INDEX usulan_source_ref ON usulan (source_ref)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX usulan_source_ref").run()
        try await database.schema(Usulan.schema).deleteField("source_ref").update()
        try await database.schema(ApiToken.schema).delete()
    }
}

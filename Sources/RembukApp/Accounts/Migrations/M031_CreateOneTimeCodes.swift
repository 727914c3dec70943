import Fluent
import SQLKit

/// Phone sign-in codes, and what assisted participation needs: accounts an operator keeps for a citizen
/// (until the citizen claims it), the session's "acting for", and who entered an item on someone's behalf.
/// (A complaint needs no such column: its "received" event already names the actor, and M026 reads the model.)
struct M031_CreateOneTimeCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OneTimeCodeRecord.schema)
            .id()
            .field("purpose", .string, .required)
            .field("phone", .string, .required)
            .field("account_id", .uuid, .references(Account.schema, .id, onDelete: .cascade))
            .field("code_digest", .string, .required)
            .field("session_digest", .string, .required)
            .field("address_digest", .string, .required)
            .field("attempts", .int, .required)
            .field("channels", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX one_time_codes_phone ON one_time_codes (phone, created_at)").run()
        try await sql.raw("CREATE INDEX one_time_codes_address ON one_time_codes (address_digest, created_at)").run()
        // SQLite adds one column per ALTER TABLE.
        for (field, type) in [("assisted_region", DatabaseSchema.DataType.string), ("assisted_by", .uuid), ("gender", .string),
                              ("claim_digest", .string), ("claimed_at", .datetime)] {
            try await database.schema(Account.schema).field(.string(field), type).update()
        }
        try await sql.raw("CREATE INDEX accounts_assisted_region ON accounts (assisted_region)").run()
        try await database.schema(AccountSession.schema).field("acting_for", .uuid).update()
        for table in [Usulan.schema, Registration.schema] {
            try await database.schema(table).field("entered_by", .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [Usulan.schema, Registration.schema] {
            try await database.schema(table).deleteField("entered_by").update()
        }
        try await database.schema(AccountSession.schema).deleteField("acting_for").update()
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX accounts_assisted_region").run()
        for field in ["claimed_at", "claim_digest", "gender", "assisted_by", "assisted_region"] {
            try await database.schema(Account.schema).deleteField(.string(field)).update()
        }
        try await database.schema(OneTimeCodeRecord.schema).delete()
    }
}

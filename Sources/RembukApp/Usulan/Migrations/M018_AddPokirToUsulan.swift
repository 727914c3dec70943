import Fluent

/// Pokok-pokok pikiran DPRD: an usulan can carry the councillor and electoral district (dapil) it came from.
struct M018_AddPokirToUsulan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(Usulan.schema).field("pokir_member", .string).update()
        try await database.schema(Usulan.schema).field("pokir_dapil", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Usulan.schema).deleteField("pokir_dapil").update()
        try await database.schema(Usulan.schema).deleteField("pokir_member").update()
    }
}

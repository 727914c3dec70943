import Fluent

/// The pagu a kecamatan forum closed with, kept for its berita acara.
struct M020_AddClosingPaguToForums: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Forum.schema).field("closing_pagu", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Forum.schema).deleteField("closing_pagu").update()
    }
}

import Fluent
import SQLKit

/// `Participants`: filled from the proposers and supporters of every submitted usulan there is.
struct M036_CreateParticipants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Participants.table)
            .field("year", .int, .required)
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .unique(on: "year", "account_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO participants (year, account_id)
            SELECT year, proposer_id FROM usulan WHERE status <> 'draft'
            UNION
            SELECT u.year, s.account_id FROM usulan_supports s JOIN usulan u ON u.id = s.usulan_id WHERE u.status <> 'draft'
            """).run()
        // The dashboard's count of usulan per status and kecamatan, read from the index alone.
        try await sql.raw("CREATE INDEX IF NOT EXISTS usulan_by_status_kecamatan ON usulan (status, kecamatan_code, year, hidden_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX IF EXISTS usulan_by_status_kecamatan").run()
        try await database.schema(Participants.table).delete()
    }
}

import Fluent
import SQLKit

/// Document numbers (issue 24): a berita acara gets its number when its forum closes, a certificate when it is
/// issued, each from the series of its kind and year kept in `document_counters` (one row per kind and year, raised
/// by one in the writing transaction, so two closings never share a number). Documents made before keep none.
struct M042_AddDocumentNumbers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("""
            CREATE TABLE document_counters (kind TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (kind, year))
            """).run()
        try await database.schema(Forum.schema).field("document_number", .string).update()
        try await database.schema(Certificate.schema).field("document_number", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Certificate.schema).deleteField("document_number").update()
        try await database.schema(Forum.schema).deleteField("document_number").update()
        try await database.sql.raw("DROP TABLE document_counters").run()
    }
}

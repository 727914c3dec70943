import Fluent
import SQLKit

/// News, announcements and agenda; the document library.
struct M023_CreateInformation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Article.schema)
            .id()
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("event_on", .string, .required)
            .field("event_place", .string, .required)
            .field("agency", .string, .required)
            .field("author_label", .string, .required)
            .field("published_at", .datetime, .required)
            .field("read_count", .int, .required)
            .field("created_by", .uuid, .required)
            .create()
        try await database.schema(LibraryDocument.schema)
            .id()
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("year", .int, .required)
            .field("description", .string, .required)
            .field("attachment_id", .uuid, .required)
            .field("agency", .string, .required)
            .field("download_count", .int, .required)
            .field("published_at", .datetime, .required)
            .field("created_by", .uuid, .required)
            .create()
        for sql in [
            "CREATE INDEX articles_published ON articles (published_at)",
            "CREATE INDEX documents_category_year ON documents (category, year)",
        ] { try await database.sql.raw(SQLQueryString(sql)).run() }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LibraryDocument.schema).delete()
        try await database.schema(Article.schema).delete()
    }
}

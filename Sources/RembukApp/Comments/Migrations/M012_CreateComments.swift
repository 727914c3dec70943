import Fluent
import SQLKit

struct M012_CreateComments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Comment.schema)
            .id()
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("parent_id", .uuid, .references(Comment.schema, .id))
            .field("author_id", .uuid, .required, .references(Account.schema, .id))
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .field("hidden_at", .datetime)
            .field("hidden_reason", .string)
            .create()
        try await database.schema(AbuseReport.schema)
            .id()
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("region_code", .string, .required)
            .field("reporter_id", .uuid, .required, .references(Account.schema, .id))
            .field("reason", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .field("resolved_at", .datetime)
            .field("resolution", .string)
            .unique(on: "subject_type", "subject_id", "reporter_id")
            .create()
        // An usulan hidden by a moderator keeps its place (and number) but shows only the public reason.
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(Usulan.schema).field("hidden_at", .datetime).update()
        try await database.schema(Usulan.schema).field("hidden_reason", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX comments_subject ON comments (subject_type, subject_id)").run()
        try await sql.raw("CREATE INDEX attachments_subject ON attachments (subject_type, subject_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX attachments_subject").run()
        try await database.schema(Usulan.schema).deleteField("hidden_reason").update()
        try await database.schema(Usulan.schema).deleteField("hidden_at").update()
        try await database.schema(AbuseReport.schema).delete()
        try await database.schema(Comment.schema).delete()
    }
}

import Fluent
import SQLKit

struct M025_CreateDiscussions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DiscussionThread.schema)
            .id()
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("topic", .string, .required)
            .field("region_code", .string, .required)
            .field("author_id", .uuid, .required, .references(Account.schema, .id))
            .field("author_name", .string, .required)
            .field("official_label", .string, .required)
            .field("closed_at", .datetime)
            .field("closed_reason", .string)
            .field("hidden_at", .datetime)
            .field("hidden_reason", .string)
            .field("last_activity_at", .datetime, .required)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX discussion_threads_activity ON discussion_threads (last_activity_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DiscussionThread.schema).delete()
    }
}

import Fluent

struct M011_CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Blob.schema)
            .field("sha256", .string, .identifier(auto: false))
            .field("media_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Attachment.schema)
            .id()
            .field("blob_sha256", .string, .required, .references(Blob.schema, "sha256"))
            .field("owner_id", .uuid, .required, .references(Account.schema, .id))
            .field("subject_type", .string, .required)
            .field("subject_id", .string)
            .field("filename", .string, .required)
            .field("media_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Attachment.schema).delete()
        try await database.schema(Blob.schema).delete()
    }
}

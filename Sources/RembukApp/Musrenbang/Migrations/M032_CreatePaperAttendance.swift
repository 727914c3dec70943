import Fluent

/// Paper forums: the totals of a daftar hadir kept on paper (its scan is an attachment).
struct M032_CreatePaperAttendance: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaperAttendanceRecord.schema)
            .id()
            .field("forum_id", .uuid, .required, .references(Forum.schema, .id, onDelete: .cascade))
            .field("women", .int, .required)
            .field("men", .int, .required)
            .field("age_anak", .int, .required)
            .field("age_pemuda", .int, .required)
            .field("age_dewasa", .int, .required)
            .field("age_lansia", .int, .required)
            .field("disability", .int, .required)
            .field("unsur", .string, .required)
            .field("recorded_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "forum_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaperAttendanceRecord.schema).delete()
    }
}

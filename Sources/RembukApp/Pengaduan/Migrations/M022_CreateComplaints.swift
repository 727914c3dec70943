import Fluent
import SQLKit

/// Complaints, their steps, and the categories with their default agencies.
struct M022_CreateComplaints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Complaint.schema)
            .id()
            .field("category", .string, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("desa_code", .string, .required)
            .field("kecamatan_code", .string, .required)
            .field("place", .string, .required)
            .field("privacy", .string, .required)
            .field("status", .string, .required)
            .field("reporter_id", .uuid, .required)
            .field("agency", .string, .required)
            .field("received_on", .string, .required)
            .field("clock_since", .string, .required)
            .field("first_response_on", .string)
            .field("disposed_on", .string)
            .field("reopened", .bool, .required)
            .field("rating", .int)
            .field("rating_comment", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ComplaintEvent.schema)
            .id()
            .field("complaint_id", .uuid, .required, .references(Complaint.schema, .id, onDelete: .cascade))
            .field("action", .string, .required)
            .field("from_status", .string, .required)
            .field("to_status", .string, .required)
            .field("note", .string, .required)
            .field("actor_label", .string, .required)
            .field("agency", .string, .required)
            .field("at_ms", .int64, .required)
            .create()
        try await database.schema(ComplaintCategory.schema)
            .field("key", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("agency", .string, .required)
            .field("position", .int, .required)
            .create()
        // The usual categories, without agencies: each kabupaten routes them to its own perangkat daerah.
        for (position, (key, name)) in ComplaintCategory.defaults.enumerated() {
            try await ComplaintCategory(key: key, name: name, agency: "", position: position + 1).create(on: database)
        }
        for sql in [
            "CREATE INDEX complaints_status ON complaints (status, agency)",
            "CREATE INDEX complaints_reporter ON complaints (reporter_id)",
            "CREATE INDEX complaints_subject ON complaints (subject_type, subject_id)",
            "CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at_ms)",
        ] { try await database.sql.raw(SQLQueryString(sql)).run() }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ComplaintCategory.schema).delete()
        try await database.schema(ComplaintEvent.schema).delete()
        try await database.schema(Complaint.schema).delete()
    }
}

import Fluent
import SQLKit

/// Projects, the usulan they carry out, their progress reports and their status and pagu changes.
struct M021_CreateProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Project.schema)
            .id()
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("agency", .string, .required)
            .field("bidang", .string, .required)
            .field("sub_kegiatan", .string, .required)
            .field("nomenclature", .string, .required)
            .field("funding_source", .string, .required)
            .field("pagu", .int64, .required)
            .field("contractor", .string, .required)
            .field("desa_code", .string, .required)
            .field("kecamatan_code", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("planned_start", .string, .required)
            .field("planned_end", .string, .required)
            .field("status", .string, .required)
            .field("held_from", .string)
            .field("progress", .int, .required)
            .field("realised", .int64, .required)
            .field("last_report_at", .datetime)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ProjectUsulan.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("usulan_id", .uuid, .required, .references(Usulan.schema, .id, onDelete: .cascade))
            .unique(on: "usulan_id")
            .create()
        try await database.schema(ProjectReport.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("reported_on", .string, .required)
            .field("progress", .int, .required)
            .field("realised", .int64, .required)
            .field("notes", .string, .required)
            .field("problems", .string, .required)
            .field("reason", .string, .required)
            .field("actor_label", .string, .required)
            .field("created_at_ms", .int64, .required)
            .create()
        try await database.schema(ProjectEvent.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("from_value", .string, .required)
            .field("to_value", .string, .required)
            .field("note", .string, .required)
            .field("actor_label", .string, .required)
            .field("at_ms", .int64, .required)
            .create()
        for sql in [
            "CREATE INDEX projects_kecamatan_status ON projects (kecamatan_code, status)",
            "CREATE INDEX projects_agency_status ON projects (agency, status)",
            "CREATE INDEX project_usulan_project ON project_usulan (project_id)",
            "CREATE INDEX project_reports_project ON project_reports (project_id, created_at_ms)",
            "CREATE INDEX project_events_project ON project_events (project_id, at_ms)",
        ] { try await database.sql.raw(SQLQueryString(sql)).run() }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProjectEvent.schema).delete()
        try await database.schema(ProjectReport.schema).delete()
        try await database.schema(ProjectUsulan.schema).delete()
        try await database.schema(Project.schema).delete()
    }
}

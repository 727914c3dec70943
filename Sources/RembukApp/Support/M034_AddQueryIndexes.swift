import Fluent
import SQLKit

/// Indexes that match the hot queries (the usulan list and its filters, one usulan's timeline, supports, comments and
/// attachments of a subject, project reports, one subject's audit trail). Written as plain `CREATE INDEX`, which
/// SQLite and PostgreSQL read alike; `QueryPlanTests` checks on both that the queries use them.
/// Kept in one migration because the list spans components; see docs/ARCHITECTURE.md.
struct M034_AddQueryIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        // The list's orders and filters, each ending in the columns every public list tests (status, hidden_at),
        // so a page's ids come from the index alone.
        ("usulan_by_submitted", "usulan", "submitted_at DESC, id, status, hidden_at"),
        ("usulan_by_support", "usulan", "support_count DESC, submitted_at DESC, id, status, hidden_at"),
        ("usulan_by_kecamatan", "usulan", "kecamatan_code, submitted_at DESC, id, status, hidden_at"),
        ("usulan_by_kecamatan_bidang_status", "usulan", "kecamatan_code, bidang, status, submitted_at DESC, id, hidden_at"),
        ("usulan_by_desa", "usulan", "desa_code, submitted_at DESC, id, status, hidden_at"),
        ("usulan_by_status", "usulan", "status, submitted_at DESC, id, hidden_at"),
        ("usulan_by_year", "usulan", "year, submitted_at DESC, id, status, hidden_at"),
        ("usulan_by_proposer", "usulan", "proposer_id, created_at"),
        ("usulan_events_by_usulan", "usulan_events", "usulan_id, at"),
        ("usulan_supports_by_account", "usulan_supports", "account_id"),
        ("comments_by_subject", "comments", "subject_type, subject_id, created_at"),
        ("attachments_by_subject", "attachments", "subject_type, subject_id, created_at"),
        ("projects_by_year", "projects", "year"),
        ("project_reports_by_project", "project_reports", "project_id, created_at_ms"),
        ("project_events_by_project", "project_events", "project_id, at_ms"),
        ("project_usulan_by_project", "project_usulan", "project_id"),
        ("audit_records_by_subject", "audit_records", "subject_type, subject_id, sequence"),
        ("forums_by_status", "forums", "status"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(ident: index.name) ON \(ident: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes.reversed() {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: index.name)").run()
        }
    }
}

import Fluent
import RembukCore

/// Complaints become searchable (`/pengaduan?q=`) through the same stored term index as usulan;
/// existing complaints are indexed here.
struct M026_AddComplaintSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Complaint.schema).field("search_terms", .string, .required, .sql(.default(""))).update()
        for complaint in try await Complaint.query(on: database).all() {
            complaint.searchTerms = Complaint.terms(title: complaint.title, text: complaint.text, place: complaint.place)
            try await complaint.update(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Complaint.schema).deleteField("search_terms").update()
    }
}

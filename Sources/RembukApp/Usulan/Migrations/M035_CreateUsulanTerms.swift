import Fluent
import Foundation
import SQLKit

/// The search index of usulan (`UsulanTermIndex`), filled from the terms every usulan already stores.
struct M035_CreateUsulanTerms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UsulanTermIndex.table)
            .field("term", .string, .required)
            .field("usulan_id", .uuid, .required, .references(Usulan.schema, .id, onDelete: .cascade))
            .field("kecamatan_code", .string, .required)
            .field("size", .int, .required)
            .unique(on: "term", "usulan_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX IF NOT EXISTS usulan_terms_by_kecamatan ON usulan_terms (kecamatan_code, term, usulan_id, size)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS usulan_terms_by_usulan ON usulan_terms (usulan_id)").run()
        var last: UUID?
        while true {
            let query = Usulan.query(on: database).field(\.$id).field(\.$kecamatanCode).field(\.$searchTerms).sort(\.$id).limit(1000)
            if let last { query.filter(\.$id > last) }
            let batch = try await query.all()
            guard let end = batch.last?.id else { break }
            try await UsulanTermIndex.insert(batch, on: database)
            last = end
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UsulanTermIndex.table).delete()
    }
}

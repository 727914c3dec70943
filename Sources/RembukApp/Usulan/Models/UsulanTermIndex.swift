import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The search index of usulan: one row per stemmed term of an usulan (`usulan_terms`), with the usulan's kecamatan and
/// its number of terms (`size`), written in the same transaction as the usulan's text. Search looks terms up through
/// the `(term, usulan_id)` key instead of reading every usulan's `search_terms`; "similar usulan" ranks the usulan of a
/// kecamatan sharing terms by their Jaccard index, computed from the index alone (`(kecamatan_code, term, usulan_id,
/// size)` covers it). The same statements run on SQLite and PostgreSQL.
enum UsulanTermIndex {
    static let table = "usulan_terms"
    /// Rows per multi-row insert: 16 000 bound values, under the limit of SQLite (32 766) and PostgreSQL (65 535).
    static let rowsPerInsert = 4000

    /// Replaces one usulan's rows with its current terms (after its text or desa changed).
    static func replace(for usulan: Usulan, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let id = try usulan.requireID()
        try await sql.delete(from: table).where("usulan_id", .equal, id).run()
        try await insert([usulan], on: db)
    }

    /// Adds the rows of usulan that have none yet (new ones, imports, generated data), in few statements,
    /// in the order of the unique index (term, usulan): a bulk import then appends to the B-trees instead of
    /// jumping about them (2.3 million rows: 39 → 21 s on SQLite).
    static func insert(_ usulan: [Usulan], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var rows: [(term: String, key: String, id: UUID, kecamatan: String, size: Int)] = []
        for item in usulan {
            guard let id = item.id else { continue }
            let terms = item.storedTerms.filter { !$0.isEmpty }
            let key = id.uuidString
            for term in terms { rows.append((term, key, id, item.kecamatanCode, terms.count)) }
        }
        if usulan.count > 1 { rows.sort { ($0.term, $0.key) < ($1.term, $1.key) } }
        for start in stride(from: 0, to: rows.count, by: rowsPerInsert) {
            let values: [[any SQLExpression]] = rows[start..<min(start + rowsPerInsert, rows.count)].map {
                [SQLBind($0.term), SQLBind($0.id), SQLBind($0.kecamatan), SQLBind($0.size)]
            }
            try await sql.insert(into: table).columns("term", "usulan_id", "kecamatan_code", "size").rows(values).run()
        }
    }

    /// A filter keeping usulan that have `term` (an already stemmed term).
    static func having(_ term: String) -> DatabaseQuery.Filter {
        .sql(embed: "\(ident: "id") IN (SELECT \(ident: "usulan_id") FROM \(ident: table) WHERE \(ident: "term") = \(bind: term))")
    }

    /// The usulan of a kecamatan sharing at least one of `terms`, most shared terms first, at most `limit`.
    static func sharing(_ terms: Set<String>, kecamatan: String, limit: Int, on db: any Database) async throws -> [UUID] {
        guard !terms.isEmpty else { return [] }
        struct Row: Decodable { let usulan_id: UUID }
        return try await sharingQuery(terms, kecamatan: kecamatan, limit: limit, on: db as! any SQLDatabase).all(decoding: Row.self).map(\.usulan_id)
    }

    /// The usulan of a kecamatan most alike `terms` by their Jaccard index (shared terms over all terms of both),
    /// best first, with that index; only usulan sharing a term can score above zero.
    static func closest(_ terms: Set<String>, kecamatan: String, limit: Int, on db: any Database) async throws -> [(id: UUID, jaccard: Double)] {
        guard !terms.isEmpty else { return [] }
        struct Row: Decodable { let usulan_id: UUID, jaccard: Double }
        return try await closestQuery(terms, kecamatan: kecamatan, limit: limit, on: db as! any SQLDatabase).all(decoding: Row.self)
            .map { ($0.usulan_id, $0.jaccard) }
    }

    static func closestQuery(_ terms: Set<String>, kecamatan: String, limit: Int, on sql: any SQLDatabase) -> SQLSelectBuilder {
        let jaccard: SQLQueryString = "CAST(COUNT(*) AS DOUBLE PRECISION) / (\(unsafeRaw: String(terms.count)) + MAX(size) - COUNT(*))"
        return sql.select().column("usulan_id").column(jaccard, as: "jaccard").from(table)
            .where("kecamatan_code", .equal, kecamatan).where("term", .in, terms.sorted())
            .groupBy("usulan_id").orderBy(SQLOrderBy(expression: jaccard, direction: SQLDirection.descending))
            .orderBy("usulan_id").limit(limit)
    }

    static func sharingQuery(_ terms: Set<String>, kecamatan: String, limit: Int, on sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().column("usulan_id").from(table)
            .where("kecamatan_code", .equal, kecamatan).where("term", .in, terms.sorted())
            .groupBy("usulan_id").orderBy(SQLOrderBy(expression: SQLFunction("COUNT", args: SQLLiteral.all), direction: SQLDirection.descending))
            .orderBy("usulan_id").limit(limit)
    }
}

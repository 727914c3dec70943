import Fluent
import FluentSQL
import Foundation
import RembukCore
import SQLKit

/// The search index of usulan: one row per stemmed term of an usulan (`usulan_terms`), with the usulan's kecamatan and
/// its number of terms (`size`), written in the same transaction as the usulan's text. Search looks terms up through
/// the `(term, usulan_id)` key instead of reading every usulan's `search_terms`; "similar usulan" ranks the usulan of a
/// kecamatan sharing terms by their Jaccard index, computed from the index alone (`(kecamatan_code, term, usulan_id,
/// size)` covers it). The same statements run on SQLite and PostgreSQL.
enum UsulanTermIndex {
    static let table = "usulan_terms"
    /// Rows per insert statement.
    static let rowsPerInsert = 20_000

    /// Replaces one usulan's rows with its current terms (after its text or desa changed).
    static func replace(for usulan: Usulan, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let id = try usulan.requireID()
        try await sql.delete(from: table).where("usulan_id", .equal, id).run()
        try await insert([usulan], on: db)
    }

    /// Adds the rows of usulan that have none yet (new ones, imports, generated data), in the order of the key
    /// (term, usulan): a bulk import then appends to the B-trees instead of jumping about them. The rows go to the
    /// database as a few values, not four per row: PostgreSQL gets one array per column (`unnest`), SQLite one JSON
    /// array of rows (`json_each`). On SQLite binding and parsing 16 000 values per statement cost a third of the
    /// time (2.3 million rows of a 100 000-usulan import: 30 → 22 s, with M037); on PostgreSQL the server's own index
    /// inserts take the 55 s either way (docs/PERFORMANCE.md, "Algorithmic budgets").
    static func insert(_ usulan: [Usulan], on db: any Database) async throws {
        // Key order without sorting millions of rows: the usulan by id once, each term's rows in that order,
        // the distinct terms (some thousands) sorted.
        let keyed = usulan.compactMap { item in item.id.map { (item, $0, $0.uuidString) } }.sorted { $0.2 < $1.2 }
        var byTerm: [String: [Int]] = [:]
        var sizes: [Int] = []
        sizes.reserveCapacity(keyed.count)
        for (index, entry) in keyed.enumerated() {
            let terms = entry.0.storedTerms.filter { !$0.isEmpty }
            sizes.append(terms.count)
            for term in terms { byTerm[term, default: []].append(index) }
        }
        var rows: [(term: String, key: String, id: UUID, kecamatan: String, size: Int)] = []
        rows.reserveCapacity(sizes.reduce(0, +))
        for term in byTerm.keys.sorted() {
            for index in byTerm[term]! { rows.append((term, keyed[index].2, keyed[index].1, keyed[index].0.kecamatanCode, sizes[index])) }
        }
        let sql = db.sql
        for start in stride(from: 0, to: rows.count, by: rowsPerInsert) {
            let chunk = rows[start..<min(start + rowsPerInsert, rows.count)]
            if db.isPostgres {
                try await sql.raw("""
                    INSERT INTO \(ident: table) (term, usulan_id, kecamatan_code, size) SELECT * FROM unnest(\(bind: chunk.map(\.term)), \
                    \(bind: chunk.map(\.id)), \(bind: chunk.map(\.kecamatan)), \(bind: chunk.map(\.size)))
                    """).run()
            } else {
                // A UUID is stored as its upper-case text on SQLite, as SQLiteNIO binds it (`key`).
                var json = "["
                json.reserveCapacity(chunk.count * 64)
                for (index, row) in chunk.enumerated() {
                    json.append(index == 0 ? "[" : ",[")
                    JSONText.appendQuoted(row.term, to: &json)
                    json.append(",\"\(row.key)\",")
                    JSONText.appendQuoted(row.kecamatan, to: &json)
                    json.append(",\(row.size)]")
                }
                json.append("]")
                try await sql.raw("""
                    INSERT INTO \(ident: table) (term, usulan_id, kecamatan_code, size) \
                    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(\(bind: json))
                    """).run()
            }
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

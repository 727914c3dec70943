import Fluent
import FluentSQL
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
@testable import RembukApp

/// The hot queries read through an index on both databases, never by scanning the table (issue 9). SQLite's plan
/// is asked with `EXPLAIN QUERY PLAN`; PostgreSQL's with `EXPLAIN` after `SET LOCAL enable_seqscan = off`, so that a
/// small test table cannot hide a missing index: a sequential scan then appears only when no index can serve.
@Suite(.serialized) struct QueryPlanTests {
    /// A query, what its plan must mention on SQLite (an index name), and the tables it must not scan.
    struct Case {
        let name: String
        let query: any SQLExpression
        let sqliteIndex: String
        /// Search and similar usulan sort what they matched (a bounded set), not the table.
        var sortsMatches = false
    }

    @Test func hotQueriesUseTheirIndexes() async throws {
        try await withRembuk { app in
            // given
            let db = app.db
            let kecamatan = "32.14.01"
            func filter(_ values: [String: String]) -> UsulanFilter { UsulanFilter(value: { values[$0] }) }
            let id = try #require(try await Usulan.query(on: db).first()?.requireID())
            let cases = [
                Case(name: "list, page 1", query: Self.sql(filter([:]).pageIDs(per: 20, on: db)), sqliteIndex: "usulan_by_submitted"),
                Case(name: "list, page 500", query: Self.sql(filter(["halaman": "500"]).pageIDs(per: 20, on: db)), sqliteIndex: "usulan_by_submitted"),
                Case(name: "list by kecamatan, bidang and status",
                     query: Self.sql(filter(["kecamatan": kecamatan, "bidang": "infrastruktur", "status": "diajukan"]).pageIDs(per: 20, on: db)),
                     sqliteIndex: "usulan_by_kecamatan_bidang_status"),
                Case(name: "count by kecamatan, bidang and status",
                     query: Self.sql(filter(["kecamatan": kecamatan, "bidang": "infrastruktur", "status": "diajukan"]).query(on: db), count: true),
                     sqliteIndex: "usulan_by_kecamatan_bidang_status"),
                Case(name: "list by desa", query: Self.sql(filter(["desa": "32.14.01.2010"]).pageIDs(per: 20, on: db)), sqliteIndex: "usulan_by_desa"),
                Case(name: "list by support", query: Self.sql(filter(["urut": "dukungan"]).pageIDs(per: 20, on: db)), sqliteIndex: "usulan_by_support"),
                Case(name: "search", query: Self.sql(filter(["q": "saluran banjir"]).pageIDs(per: 20, on: db)), sqliteIndex: "usulan_terms", sortsMatches: true),
                Case(name: "similar usulan", query: UsulanTermIndex.sharingQuery(["jalan", "rusak"], kecamatan: kecamatan, limit: 500,
                                                                               on: db as! any SQLDatabase).select,
                     sqliteIndex: "usulan_terms_by_kecamatan", sortsMatches: true),
                Case(name: "similar usulan, ranked in the index",
                     query: UsulanTermIndex.closestQuery(["jalan", "rusak"], kecamatan: kecamatan, limit: 50, on: db as! any SQLDatabase).select,
                     sqliteIndex: "COVERING INDEX usulan_terms_by_kecamatan", sortsMatches: true),
                Case(name: "timeline", query: Self.sql(UsulanEvent.query(on: db).filter(\.$usulan.$id == id).sort(\.$at)), sqliteIndex: "usulan_events_by_usulan"),
                Case(name: "comments", query: Self.sql(Comment.query(on: db).filter(\.$subjectType == "usulan").filter(\.$subjectID == id.uuidString)
                    .sort(\.$createdAt)), sqliteIndex: "comments_by_subject"),
                Case(name: "attachments", query: Self.sql(Attachment.query(on: db).filter(\.$subjectType == "usulan")
                    .filter(\.$subjectID == id.uuidString).sort(\.$createdAt)), sqliteIndex: "attachments_by_subject"),
                Case(name: "own support", query: Self.sql(UsulanSupport.query(on: db).filter(\.$usulan.$id == id).filter(\.$accountID == id)),
                     sqliteIndex: "usulan_supports"),
                Case(name: "project reports", query: Self.sql(ProjectReport.query(on: db).filter(\.$project.$id == id).sort(\.$createdMillis, .descending)),
                     sqliteIndex: "project_reports_by_project"),
                Case(name: "one subject's audit trail", query: Self.sql(AuditRecord.query(on: db).filter(\.$subjectType == "usulan")
                    .filter(\.$subjectID == id.uuidString).sort(\.$id, .descending).limit(30)), sqliteIndex: "audit_records_by_subject"),
                Case(name: "regions of a kabupaten", query: Self.sql(Region.query(on: db).within("32.14")), sqliteIndex: "regions"),
            ]
            for item in cases {
                // when
                let plan = try await Self.plan(item.query, on: db)
                // then
                if Self.isSQLite(db) {
                    #expect(plan.contains(item.sqliteIndex), "\(item.name): \(plan)")
                    #expect(item.sortsMatches || !plan.contains("TEMP B-TREE FOR ORDER BY"), "\(item.name) sorts outside an index: \(plan)")
                    let scans = plan.split(separator: "\n").filter { $0.contains("SCAN ") && !$0.contains(" INDEX ") }
                    #expect(scans.isEmpty, "\(item.name) scans a table: \(plan)")
                } else {
                    #expect(!plan.contains("Seq Scan"), "\(item.name) scans a table: \(plan)")
                    #expect(plan.contains("Index"), "\(item.name): \(plan)")
                }
            }
        }
    }

    @Test func searchThroughTheTermIndexFindsWhatTheStoredTermsHold() async throws {
        try await withRembuk { app in
            // given: every term of the demo usulan, one search per term and one for a pair
            let db = app.db
            let usulan = try await Usulan.publicQuery(on: db).all()
            let terms = Set(usulan.flatMap(\.storedTerms)).sorted()
            #expect(terms.count > 20)
            for term in terms.prefix(40) + ["jalan desa", "saluran banjir"] {
                // when
                let found = try await UsulanFilter(value: { ["q": term][$0] }).query(on: db).all().compactMap(\.id)
                // then
                let wanted = Set(IndonesianText.terms(term))
                let expected = usulan.filter { wanted.isSubset(of: $0.storedTerms) }.compactMap(\.id)
                #expect(Set(found) == Set(expected), "\(term)")
            }
        }
    }

    static func isSQLite(_ db: any Database) -> Bool { (db as! any SQLDatabase).dialect.name == "sqlite" }

    /// A Fluent query as the SQL it runs (all columns when it names none; a count when asked).
    static func sql<M: Model>(_ builder: QueryBuilder<M>, count: Bool = false) -> any SQLExpression {
        var query = builder.query
        if count {
            query.sorts = []
            query.action = .aggregate(.field(.path([.id], schema: M.schema), .count))
        }
        let expression = SQLQueryConverter(delegate: PlainDelegate()).convert(query)
        guard var select = expression as? SQLSelect, select.columns.isEmpty else { return expression }
        select.columns = [SQLLiteral.all]
        return select
    }

    static func plan(_ query: any SQLExpression, on db: any Database) async throws -> String {
        struct SQLiteRow: Decodable { let detail: String }
        struct PostgresRow: Decodable {
            let plan: String
            enum CodingKeys: String, CodingKey { case plan = "QUERY PLAN" }
        }
        if isSQLite(db) {
            return try await (db as! any SQLDatabase).raw("EXPLAIN QUERY PLAN \(query)").all(decoding: SQLiteRow.self).map(\.detail).joined(separator: "\n")
        }
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("SET LOCAL enable_seqscan = off").run()
            return try await sql.raw("EXPLAIN \(query)").all(decoding: PostgresRow.self).map(\.plan).joined(separator: "\n")
        }
    }

    struct PlainDelegate: SQLConverterDelegate {
        func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
    }
}

import Fluent
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
@testable import RembukApp

/// Every migration has a revert that works, and the term index keeps its rows through M037 both ways.
@Suite(.serialized) struct MigrationTests {
    @Test func everyMigrationRevertsAndRunsAgain() async throws {
        try await withRembuk { app in
            // given: the migrated demo
            #expect(try await Usulan.query(on: app.db).count() > 0)
            // when
            try await app.autoRevert()
            try await app.autoMigrate()
            // then: every table is back, empty
            #expect(try await Usulan.query(on: app.db).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).count() == 0)
            #expect(try await Region.query(on: app.db).count() == 0)
        }
    }

    @Test func theTermIndexKeepsItsRowsWhenRebuiltEitherWay() async throws {
        try await withRembuk { app in
            // given
            let db = app.db
            struct Row: Decodable, Hashable { let term: String, usulan_id: UUID, kecamatan_code: String, size: Int }
            func rows() async throws -> Set<Row> { Set(try await db.sql.select().columns("*").from(UsulanTermIndex.table).all(decoding: Row.self)) }
            let before = try await rows()
            #expect(before.count > 100)
            // when
            try await M037_ReshapeUsulanTerms().revert(on: db)
            let reverted = try await rows()
            try await M037_ReshapeUsulanTerms().prepare(on: db)
            // then
            #expect(reverted == before)
            #expect(try await rows() == before)
            if !db.isPostgres {
                struct Schema: Decodable { let sql: String }
                let table = try await db.sql.raw("SELECT sql FROM sqlite_master WHERE name = 'usulan_terms'").first(decoding: Schema.self)
                #expect(table?.sql.contains("WITHOUT ROWID") == true)
            } else {
                struct Column: Decodable { let collation_name: String? }
                let column = try await db.sql.raw("""
                    SELECT collation_name FROM information_schema.columns WHERE table_name = 'usulan_terms' AND column_name = 'term'
                    """).first(decoding: Column.self)
                #expect(column?.collation_name == "C")
            }
            let found = try await UsulanFilter(value: { ["q": "jalan"][$0] }).query(on: db).count()
            #expect(found > 0)
        }
    }
}

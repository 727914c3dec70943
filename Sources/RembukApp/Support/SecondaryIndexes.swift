import Fluent
import Foundation
import SQLKit

/// The secondary indexes of some tables, dropped before a bulk load into a new installation (`rembuk bench-data`)
/// and built again after it: building an index from all its rows at once sorts them, while keeping it up to date
/// row by row walks a B-tree per row and key (at scale L on SQLite, two thirds of the load).
/// Only indexes a migration created on its own are touched: primary keys and unique constraints, which the load
/// relies on, stay.
enum SecondaryIndexes {
    struct Definition: Sendable, Equatable, Decodable {
        let name: String
        let sql: String
    }

    /// Drops the tables' own indexes and returns how to make them again.
    static func drop(on tables: [String], in db: any Database) async throws -> [Definition] {
        let list = SQLList(tables.map { SQLBind($0) })
        let definitions: [Definition] = if db.isPostgres {
            try await db.sql.raw("""
                SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename IN (\(list))
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                ORDER BY i.indexname
                """).all(decoding: Definition.self)
        } else {
            try await db.sql.raw("""
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list))
                ORDER BY name
                """).all(decoding: Definition.self)
        }
        for definition in definitions {
            try await db.sql.raw("DROP INDEX \(ident: definition.name)").run()
        }
        return definitions
    }

    /// Builds the indexes again (inside a transaction). On PostgreSQL it also refreshes the planner's statistics of
    /// their tables, as autovacuum would a little later; SQLite plans without statistics, as a serving instance does.
    static func create(_ definitions: [Definition], tables: [String], in db: any Database) async throws {
        if db.isPostgres { try await db.sql.raw("SET LOCAL maintenance_work_mem = '512MB'").run() }
        for definition in definitions {
            try await db.sql.raw("\(unsafeRaw: definition.sql)").run()
        }
        guard db.isPostgres else { return }
        for table in tables {
            try await db.sql.raw("ANALYZE \(ident: table)").run()
        }
    }
}

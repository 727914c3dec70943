import Fluent
import RembukCore
import SQLKit

/// The tables, columns and foreign keys of a database as the engine reports them, in the backup's engine-neutral
/// terms. Fluent's own bookkeeping (`_fluent_migrations`) is left out: a backup names the migrations instead.
struct DatabaseCatalog: Sendable {
    struct Column: Sendable, Equatable {
        let name: String
        let type: BackupColumnType
        /// A PostgreSQL boolean, written back as one (SQLite keeps booleans as integers).
        let isBoolean: Bool
    }

    struct UnknownColumnType: Error, CustomStringConvertible {
        let table: String, column: String, type: String
        var description: String { "kolom \(table).\(column) bertipe \(type), yang tidak dikenal oleh cadangan" }
    }

    let engine: String
    /// Every table with its columns in the table's own order.
    let tables: [String: [Column]]
    let references: [TableOrder.Reference]
    let migrations: [String]

    /// The tables in the order they can be filled (and the reverse of the order they can be emptied).
    func fillOrder() throws -> [String] {
        try TableOrder.dependencyOrder(tables: tables.keys.sorted(), references: references)
    }

    static func read(_ db: any Database) async throws -> DatabaseCatalog {
        let sql = db.sql
        struct Migration: Decodable { let name: String }
        let migrations = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Migration.self).map(\.name).sorted()
        return db.isPostgres ? try await postgres(sql, migrations: migrations) : try await sqlite(sql, migrations: migrations)
    }

    private struct ColumnRow: Decodable { let table_name: String; let column_name: String; let data_type: String }
    private struct ReferenceRow: Decodable {
        let table_name: String; let column_name: String; let referenced_table: String; let referenced_column: String

        var reference: TableOrder.Reference {
            TableOrder.Reference(table: table_name, column: column_name, referencedTable: referenced_table, referencedColumn: referenced_column)
        }
    }

    private static func postgres(_ sql: any SQLDatabase, migrations: [String]) async throws -> DatabaseCatalog {
        let columns = try await sql.raw("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> '_fluent_migrations'
            ORDER BY c.table_name, c.ordinal_position
            """).all(decoding: ColumnRow.self)
        let references = try await sql.raw("""
            SELECT t.relname AS table_name, a.attname AS column_name, r.relname AS referenced_table, ra.attname AS referenced_column
            FROM pg_constraint k
            JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
            """).all(decoding: ReferenceRow.self)
        var tables: [String: [Column]] = [:]
        for row in columns {
            let type: BackupColumnType
            switch row.data_type {
            case "uuid": type = .uuid
            case "timestamp with time zone", "timestamp without time zone": type = .time
            case "bigint", "integer", "smallint", "boolean": type = .integer
            case "double precision", "real": type = .real
            case "text", "character varying", "json", "jsonb": type = .text
            case "bytea": type = .bytes
            default: throw UnknownColumnType(table: row.table_name, column: row.column_name, type: row.data_type)
            }
            tables[row.table_name, default: []].append(Column(name: row.column_name, type: type, isBoolean: row.data_type == "boolean"))
        }
        return DatabaseCatalog(engine: "postgresql", tables: tables, references: references.map(\.reference), migrations: migrations)
    }

    private static func sqlite(_ sql: any SQLDatabase, migrations: [String]) async throws -> DatabaseCatalog {
        struct Table: Decodable { let name: String }
        struct SQLiteColumn: Decodable { let name: String; let type: String }
        struct SQLiteReference: Decodable { let table: String; let from: String; let to: String }
        let names = try await sql.raw("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_fluent_migrations'
            """).all(decoding: Table.self).map(\.name)
        var tables: [String: [Column]] = [:]
        var references: [TableOrder.Reference] = []
        for table in names {
            let columns = try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table)) ORDER BY cid").all(decoding: SQLiteColumn.self)
            tables[table] = try columns.map { column in
                let type: BackupColumnType
                switch column.type.uppercased() {
                case "UUID": type = .uuid
                case "REAL", "TIMESTAMP", "DATETIME": type = .time
                case "INTEGER", "INT", "BIGINT": type = .integer
                case "DOUBLE", "FLOAT": type = .real
                case "TEXT", "JSON": type = .text
                case "BLOB": type = .bytes
                default: throw UnknownColumnType(table: table, column: column.name, type: column.type)
                }
                return Column(name: column.name, type: type, isBoolean: false)
            }
            references += try await sql.raw("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(\(bind: table))")
                .all(decoding: SQLiteReference.self)
                .map { TableOrder.Reference(table: table, column: $0.from, referencedTable: $0.table, referencedColumn: $0.to) }
        }
        return DatabaseCatalog(engine: "sqlite", tables: tables, references: references, migrations: migrations)
    }
}

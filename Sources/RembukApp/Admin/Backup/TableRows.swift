import Fluent
import Foundation
import NIOConcurrencyHelpers
import RembukCore
import SQLKit

/// Reads a table's rows as engine-neutral values, and the checksum that compares a table across engines.
enum TableRows {
    /// Calls `body` with every row of `table`, cells in `columns` order. Rows stream from the database. The secret an
    /// older installation kept in `installation` is never part of a copy (it belongs in the key file: docs/SECURITY.md).
    static func each(in db: any Database, table: String, columns: [DatabaseCatalog.Column],
                     _ body: @escaping @Sendable ([BackupValue]) throws -> Void) async throws {
        let failure = NIOLockedValueBox<(any Error)?>(nil)
        let query = db.sql.select()
            .columns(columns.map { SQLIdentifier($0.name) })
            .from(table)
        if table == InstallationValue.schema { query.where(SQLIdentifier("key"), .notEqual, SQLBind("secret")) }
        try await query
            .run { row in
                guard failure.withLockedValue({ $0 == nil }) else { return }
                do { try body(try values(of: row, columns: columns)) } catch { failure.withLockedValue { $0 = error } }
            }
        if let error = failure.withLockedValue({ $0 }) { throw error }
    }

    static func values(of row: any SQLRow, columns: [DatabaseCatalog.Column]) throws -> [BackupValue] {
        try columns.map { column in
            if try row.decodeNil(column: column.name) { return .null }
            switch column.type {
            case .uuid: return .uuid(try row.decode(column: column.name, as: UUID.self))
            case .time: return .time(try row.decode(column: column.name, as: Date.self))
            case .integer:
                if column.isBoolean { return .integer(try row.decode(column: column.name, as: Bool.self) ? 1 : 0) }
                return .integer(try row.decode(column: column.name, as: Int64.self))
            case .real: return .real(try row.decode(column: column.name, as: Double.self))
            case .text: return .text(try row.decode(column: column.name, as: String.self))
            case .bytes: return .bytes(Array(try row.decode(column: column.name, as: Data.self)))
            }
        }
    }

    /// The value to bind for `value` into a column of `column`'s kind on this database.
    static func expression(_ value: BackupValue, for column: DatabaseCatalog.Column, postgres: Bool) -> any SQLExpression {
        switch value {
        case .null: return SQLLiteral.null
        case let .uuid(id): return SQLBind(id)
        case let .time(micros) where postgres:
            // Exact: a Date bound here would be truncated to the microsecond below after a round trip through Double.
            return SQLQueryString("(TIMESTAMPTZ 'epoch' + \(bind: micros) * INTERVAL '1 microsecond')")
        case let .time(micros): return SQLBind(BackupValue.date(microseconds: micros))
        case let .integer(number): return column.isBoolean ? SQLBind(number != 0) : SQLBind(number)
        case let .real(number): return SQLBind(number)
        case let .text(text): return SQLBind(text)
        case let .bytes(bytes): return SQLBind(Data(bytes))
        }
    }

    /// Adds rows to a table's checksum with cells in column-name order, whatever order the table has them in.
    struct Summing: Sendable {
        private let order: [Int]
        private(set) var checksum = TableChecksum()

        init(columns: [String]) {
            order = columns.indices.sorted { columns[$0] < columns[$1] }
        }

        mutating func add(_ values: [BackupValue]) {
            checksum.add(order.map { values[$0] })
        }
    }

    /// The checksum of a whole table as it is in `db`.
    static func checksum(in db: any Database, table: String, columns: [DatabaseCatalog.Column]) async throws -> TableChecksum {
        let summing = NIOLockedValueBox(Summing(columns: columns.map(\.name)))
        try await each(in: db, table: table, columns: columns) { values in summing.withLockedValue { $0.add(values) } }
        return summing.withLockedValue { $0.checksum }
    }
}

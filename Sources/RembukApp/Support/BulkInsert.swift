import Fluent
import Foundation
import RembukCore
import SQLKit

/// Multi-row INSERTs of new models, for bulk loads (the SIPD import, `rembuk bench-data`). Fluent's own
/// `[Model].create(on:)` reflects over every model four times and starts a task per model: a third of a
/// 100 000-row import. This reads each model's fields once and writes the same columns and values.
/// The caller sets what `create` would: the ids and the created/updated timestamps.
enum BulkInsert {
    struct Unsupported: Error, CustomStringConvertible {
        let key: String
        var description: String { "BulkInsert: the value of \(key) is not a plain value" }
    }

    /// Fields a model has set, as SQL values (filled on one thread, then only read).
    final class Row: DatabaseInput, @unchecked Sendable {
        var values: [(String, any SQLExpression)] = []
        var problem: Unsupported?
        var wantsUnmodifiedKeys: Bool { false }

        func set(_ value: DatabaseQuery.Value, at key: FieldKey) {
            switch value {
            case let .bind(bound): values.append((key.description, SQLBind(bound)))
            case .null: values.append((key.description, SQLLiteral.null))
            case let .enumCase(name): values.append((key.description, SQLLiteral.string(name)))
            case let .custom(expression as any SQLExpression): values.append((key.description, expression))
            default: problem = Unsupported(key: key.description)
            }
        }
    }

    static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        // Reading a model's fields reflects over it (a tenth of a large import): on every core.
        let read: [Row] = models.concurrentMap(chunk: 256) { model in
            let row = Row()
            model.input(to: row)
            return row
        }
        var columns: [String] = []
        var position: [String: Int] = [:]
        var rows: [[String: any SQLExpression]] = []
        rows.reserveCapacity(models.count)
        for (model, row) in zip(models, read) {
            precondition(model.id != nil, "BulkInsert: set the id first")
            if let problem = row.problem { throw problem }
            var values: [String: any SQLExpression] = [:]
            for (column, value) in row.values {
                if position[column] == nil { position[column] = columns.count; columns.append(column) }
                values[column] = value
            }
            rows.append(values)
        }
        guard !columns.isEmpty else { return }
        // SQLite takes at most 32 766 values in one statement.
        let perStatement = max(1, 30_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let values: [[any SQLExpression]] = rows[start..<min(start + perStatement, rows.count)].map { row in
                columns.map { row[$0] ?? SQLLiteral.null }
            }
            try await db.sql.insert(into: M.schema).columns(columns).rows(values).run()
        }
        for model in models { model._$idExists = true }
    }

    private struct CacheSize: Decodable { let cache_size: Int }

    /// Runs a bulk load with a larger page cache for its connection on SQLite (128 MB instead of 2): the indexes
    /// of a 100 000-row import stay in memory instead of being written out and read back mid-transaction. The
    /// cache is put back afterwards, so a serving instance keeps its small footprint.
    static func withLargeCache<T>(on db: any Database, megabytes: Int = 128, _ body: () async throws -> T) async throws -> T {
        guard !db.isPostgres else { return try await body() }
        let previous = try await db.sql.raw("PRAGMA cache_size").first(decoding: CacheSize.self)?.cache_size ?? -2000
        try await db.sql.raw("PRAGMA cache_size = \(unsafeRaw: String(-1024 * megabytes))").run()
        do {
            let result = try await body()
            try await db.sql.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run()
            return result
        } catch {
            try? await db.sql.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run()
            throw error
        }
    }
}

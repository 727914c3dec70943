import Fluent
import Foundation
import NIOConcurrencyHelpers
import RembukCore
import SQLKit

/// `rembuk backup FILE`: every table of the installation, read in one snapshot so the copy is consistent while the
/// server goes on writing (SQLite: one read transaction over the write-ahead log; PostgreSQL: a repeatable-read,
/// read-only transaction), with each table's row count and checksum.
struct CreateBackup {
    let path: String

    func run(from db: any Database, now: Date = Date()) async throws -> [Backups.Table] {
        let writer = try BackupFileWriter(path: path)
        do {
            let summaries = try await db.transaction { tx in
                if tx.isPostgres { try await tx.sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run() }
                // SQLite starts the snapshot at the first read: the catalog is read inside it.
                let catalog = try await DatabaseCatalog.read(tx)
                try writer.write(BackupFormat.line(.header(.init(created: ISO8601DateFormatter().string(from: now),
                                                                 engine: catalog.engine, migrations: catalog.migrations))))
                var summaries: [Backups.Table] = []
                for table in try catalog.fillOrder() {
                    summaries.append(try await Self.write(table: table, catalog: catalog, from: tx, to: writer))
                }
                try writer.write(BackupFormat.line(.trailer(.init(tables: summaries.count, rows: summaries.reduce(0) { $0 + $1.rows }))))
                return summaries
            }
            try writer.finish()
            return summaries
        } catch {
            writer.abandon()
            throw error
        }
    }

    private static func write(table: String, catalog: DatabaseCatalog, from db: any Database,
                              to writer: BackupFileWriter) async throws -> Backups.Table {
        let columns = catalog.tables[table] ?? []
        try writer.write(BackupFormat.line(.tableStart(.init(table: table, columns: columns.map { .init(name: $0.name, type: $0.type) }))))
        let summing = NIOLockedValueBox(TableRows.Summing(columns: columns.map(\.name)))
        let selfReferences = catalog.references.filter { $0.table == table && $0.referencedTable == table }
        if let reference = selfReferences.first,
           let keyIndex = columns.firstIndex(where: { $0.name == reference.referencedColumn }),
           let parentIndex = columns.firstIndex(where: { $0.name == reference.column }) {
            // A row must come after the row it points at (a reply after its comment): this table is ordered in memory.
            let rows = NIOLockedValueBox([[BackupValue]]())
            try await TableRows.each(in: db, table: table, columns: columns) { values in rows.withLockedValue { $0.append(values) } }
            let all = rows.withLockedValue { $0 }
            for index in TableOrder.parentsFirst(all, key: { $0[keyIndex] == .null ? nil : $0[keyIndex] },
                                                 parent: { $0[parentIndex] == .null ? nil : $0[parentIndex] }) {
                summing.withLockedValue { $0.add(all[index]) }
                try writer.write(BackupFormat.line(.row(all[index])))
            }
        } else {
            try await TableRows.each(in: db, table: table, columns: columns) { values in
                summing.withLockedValue { $0.add(values) }
                try writer.write(BackupFormat.line(.row(values)))
            }
        }
        let checksum = summing.withLockedValue { $0.checksum }
        try writer.write(BackupFormat.line(.tableEnd(.init(end: table, rows: checksum.rows, checksum: checksum.hex))))
        return Backups.Table(name: table, rows: checksum.rows, checksum: checksum.hex)
    }
}

import Fluent
import Foundation
import RembukCore
import SQLKit

/// `rembuk restore FILE`: fills a database (SQLite or PostgreSQL, migrated to the same migrations as the backup)
/// with a backup's rows, in one transaction: every table's row count and checksum are read back from the database
/// and compared with the backup's before anything is committed, so a restore is whole or does not happen.
struct RestoreBackup {
    struct Refused: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    let path: String
    /// Replace the rows of a database already in use (it has accounts); without it such a database is refused.
    var replaceExisting = false

    func run(into db: any Database) async throws -> [Backups.Table] {
        let lines = try LineReader(path: path)
        let catalog = try await DatabaseCatalog.read(db)
        if !replaceExisting {
            struct Count: Decodable { let count: Int }
            let accounts = try await db.sql.raw("SELECT COUNT(*) AS count FROM accounts").first(decoding: Count.self)?.count ?? 0
            if accounts > 0 {
                throw Refused(reason: "basis data ini sudah berisi \(accounts) akun; pemulihan akan menggantinya semua (tambahkan --replace-existing bila memang itu maksudnya)")
            }
        }
        return try await db.transaction { tx in
            for table in try catalog.fillOrder().reversed() { try await tx.sql.delete(from: table).run() }
            return try await Self.fill(tx, catalog: catalog, from: lines)
        }
    }

    /// The state of the table being read from the file.
    private struct Section {
        let table: String
        let columns: [DatabaseCatalog.Column]
        let types: [BackupColumnType]
        var summing: TableRows.Summing
        var pending: [[BackupValue]] = []
        var batchSize: Int { max(1, min(500, 30_000 / max(1, columns.count))) }
    }

    private static func fill(_ db: any Database, catalog: DatabaseCatalog, from lines: LineReader) async throws -> [Backups.Table] {
        var header: BackupFormat.Header?
        var section: Section?
        var summaries: [Backups.Table] = []
        var complete = false
        for try await text in lines where !text.isEmpty {
            guard !complete else { throw Refused(reason: "cadangan masih berlanjut setelah baris penutupnya") }
            let line = try BackupFormat.parse(text, types: section?.types ?? [])
            switch line {
            case let .header(found):
                guard header == nil, found.format == BackupFormat.name else { throw Refused(reason: "berkas ini bukan cadangan Rembuk") }
                guard found.version == BackupFormat.version else { throw Refused(reason: "format cadangan versi \(found.version) tidak dikenal oleh Rembuk ini") }
                guard found.migrations == catalog.migrations else {
                    throw Refused(reason: "cadangan dibuat dengan \(found.migrations.count) migrasi (terakhir \(found.migrations.max() ?? "tidak ada")), "
                                  + "basis data ini punya \(catalog.migrations.count) (terakhir \(catalog.migrations.max() ?? "tidak ada")): "
                                  + "pulihkan dengan versi Rembuk yang membuat cadangan, lalu naikkan versinya dengan `rembuk migrate`")
                }
                header = found
            case let .tableStart(start):
                guard header != nil, section == nil else { throw Refused(reason: "urutan bagian cadangan rusak") }
                guard let columns = catalog.tables[start.table] else { throw Refused(reason: "basis data ini tidak punya tabel \(start.table)") }
                var ordered: [DatabaseCatalog.Column] = []
                for column in start.columns {
                    guard let target = columns.first(where: { $0.name == column.name }), target.type == column.type else {
                        throw Refused(reason: "kolom \(start.table).\(column.name) (\(column.type.rawValue)) tidak cocok dengan basis data ini")
                    }
                    ordered.append(target)
                }
                guard ordered.count == columns.count else { throw Refused(reason: "tabel \(start.table) punya kolom yang tidak ada di cadangan") }
                section = Section(table: start.table, columns: ordered, types: ordered.map(\.type), summing: .init(columns: ordered.map(\.name)))
            case let .row(values):
                guard section != nil else { throw Refused(reason: "ada baris di luar bagian tabel") }
                section!.summing.add(values)
                section!.pending.append(values)
                if section!.pending.count >= section!.batchSize { try await insert(&section!, into: db) }
            case let .tableEnd(end):
                guard var current = section, current.table == end.end else { throw Refused(reason: "urutan bagian cadangan rusak") }
                try await insert(&current, into: db)
                guard current.summing.checksum.rows == end.rows, current.summing.checksum.hex == end.checksum else {
                    throw Refused(reason: "isi tabel \(end.end) di berkas tidak cocok dengan checksum-nya sendiri: berkas rusak")
                }
                let stored = try await TableRows.checksum(in: db, table: end.end, columns: current.columns)
                guard stored.rows == end.rows, stored.hex == end.checksum else {
                    throw Refused(reason: "tabel \(end.end) terbaca kembali \(stored.rows) baris dengan checksum yang berbeda dari cadangan (\(end.rows) baris)")
                }
                summaries.append(.init(name: end.end, rows: end.rows, checksum: end.checksum))
                section = nil
            case let .trailer(trailer):
                guard section == nil, trailer.tables == summaries.count else { throw Refused(reason: "urutan bagian cadangan rusak") }
                complete = true
            }
        }
        guard complete else { throw Refused(reason: "cadangan tidak lengkap (baris penutupnya tidak ada): berkasnya terpotong") }
        let missing = Set(catalog.tables.keys).subtracting(summaries.map(\.name))
        guard missing.isEmpty else { throw Refused(reason: "cadangan tidak memuat tabel \(missing.sorted().joined(separator: ", "))") }
        return summaries
    }

    private static func insert(_ section: inout Section, into db: any Database) async throws {
        guard !section.pending.isEmpty else { return }
        let columns = section.columns
        let postgres = db.isPostgres
        var insert = db.sql.insert(into: section.table).columns(columns.map(\.name))
        for row in section.pending {
            insert = insert.values(zip(row, columns).map { TableRows.expression($0, for: $1, postgres: postgres) })
        }
        try await insert.run()
        section.pending.removeAll(keepingCapacity: true)
    }
}

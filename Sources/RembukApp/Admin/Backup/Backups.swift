import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Backup, restore and moving an installation to another database: what `rembuk backup`, `rembuk restore` and
/// `rembuk migrate-data` do (docs/OPERATIONS.md).
public enum Backups {
    /// One table of a backup: its rows and their order-free checksum.
    public struct Table: Sendable, Equatable {
        public let name: String
        public let rows: Int
        public let checksum: String
    }

    /// Writes a consistent backup of the application's database to `path` (made `path.partial` first).
    public static func backup(_ app: Application, to path: String) async throws -> [Table] {
        try await CreateBackup(path: path).run(from: app.db)
    }

    /// Fills the application's database (migrated first) from the backup at `path`.
    public static func restore(_ app: Application, from path: String, replaceExisting: Bool) async throws -> [Table] {
        try await app.migrateDatabase()
        return try await RestoreBackup(path: path, replaceExisting: replaceExisting).run(into: app.db)
    }

    /// Copies the whole installation into `target` (a `postgres://` URL or a SQLite file), through a backup kept at
    /// `backupPath`: the target is migrated, filled in one transaction and every table's count and checksum read
    /// back from it must equal the source's.
    public static func move(_ app: Application, to target: String, backupPath: String, replaceExisting: Bool) async throws -> [Table] {
        let source = try await backup(app, to: backupPath)
        let id = DatabaseID(string: "move-target")
        if target.hasPrefix("postgres://") || target.hasPrefix("postgresql://") {
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: target)), as: id)
        } else {
            app.databases.use(.sqlite(.file(target)), as: id)
        }
        app.migrations.add(allMigrations, to: id)
        let db = app.db(id)
        _ = try await db.sql.raw("SELECT 1 AS ready").all()
        try await app.autoMigrate()
        if !db.isPostgres { try await SQLiteTuning.useWriteAheadLog(on: db) }
        let moved = try await RestoreBackup(path: backupPath, replaceExisting: replaceExisting).run(into: db)
        guard moved == source else { throw RestoreBackup.Refused(reason: "isi basis data tujuan tidak sama dengan sumbernya") }
        return moved
    }
}

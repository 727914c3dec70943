import Fluent
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
@testable import RembukApp

/// `rembuk backup`, `rembuk restore` and `rembuk migrate-data`: what comes back is what went in, table by table,
/// and a damaged backup or an installation in use changes nothing. On PostgreSQL runs these also cross engines
/// (a PostgreSQL backup restored into SQLite; a SQLite installation moved into PostgreSQL).
@Suite(.serialized) struct BackupTests {
    @Test func aBackupRestoresEveryTableIntoAnEmptyInstallation() async throws {
        try await withRembuk { app in
            // given: the demo, with a reply listed before the comment it answers would break a foreign key
            let path = Self.temporaryFile("backup")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await Self.addReply(in: app.db)
            let backedUp = try await Backups.backup(app, to: path)
            // when
            try await Self.withEmptyInstallation { target in
                let restored = try await Backups.restore(target, from: path, replaceExisting: false)
                // then: every table, recounted and summed again from the database itself
                #expect(restored == backedUp)
                #expect(try await Self.tables(of: target.db) == backedUp)
                #expect(backedUp.count > 50)
                #expect(backedUp.first { $0.name == "usulan" }?.rows ?? 0 > 10)
                guard case let .intact(count, _) = try await AuditLog.verify(on: target.db) else {
                    Issue.record("the restored audit chain does not verify"); return
                }
                #expect(Int(count) == backedUp.first { $0.name == "audit_records" }?.rows)
            }
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
        }
    }

    @Test func restoringOverAnInstallationInUseNeedsConsent() async throws {
        try await withRembuk { app in
            // given
            let path = Self.temporaryFile("backup")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let backedUp = try await Backups.backup(app, to: path)
            let usulan = try await Usulan.query(on: app.db).count()
            try await Usulan.query(on: app.db).limit(1).all().first?.delete(on: app.db)
            // when / then: refused, nothing touched
            await #expect(throws: RestoreBackup.Refused.self) { try await Backups.restore(app, from: path, replaceExisting: false) }
            #expect(try await Usulan.query(on: app.db).count() == usulan - 1)
            // when / then: with consent, the installation is as it was
            #expect(try await Backups.restore(app, from: path, replaceExisting: true) == backedUp)
            #expect(try await Usulan.query(on: app.db).count() == usulan)
            #expect(try await Self.tables(of: app.db) == backedUp)
        }
    }

    @Test func aDamagedBackupChangesNothing() async throws {
        try await withRembuk { app in
            // given: a backup cut short, one with a row altered, one with a row dropped, and one that is no backup
            let path = Self.temporaryFile("backup")
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try await Backups.backup(app, to: path)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let rowIndex = try #require(lines.firstIndex { $0.hasPrefix("[") && $0.contains("operator.desa@rembuk.test") })
            var altered = lines
            altered[rowIndex] = Substring(altered[rowIndex].replacingOccurrences(of: "operator.desa@", with: "operator.dusun@"))
            var dropped = lines
            dropped.remove(at: rowIndex)
            let damaged: [(String, String)] = [
                ("cut", lines.dropLast(3).joined(separator: "\n")),
                ("cut-in-a-row", String(lines.joined(separator: "\n").prefix(lines.joined(separator: "\n").utf8.count / 2))),
                ("altered", altered.joined(separator: "\n")),
                ("dropped", dropped.joined(separator: "\n")),
                ("foreign", "nama,alamat\nAsep,Purwakarta\n"),
            ]
            for (name, text) in damaged {
                let copy = Self.temporaryFile(name)
                defer { try? FileManager.default.removeItem(atPath: copy) }
                try text.write(toFile: copy, atomically: true, encoding: .utf8)
                // when / then
                try await Self.withEmptyInstallation { target in
                    var refused = false
                    do { _ = try await Backups.restore(target, from: copy, replaceExisting: false) } catch { refused = true }
                    let accounts = try await Account.query(on: target.db).count()
                    let records = try await AuditRecord.query(on: target.db).count()
                    #expect(refused, Testing.Comment(rawValue: name))
                    #expect(accounts == 0 && records == 0, Testing.Comment(rawValue: name))
                }
            }
        }
    }

    @Test func migrateDataMovesASQLiteInstallationWhole() async throws {
        // given: the demo on SQLite, and an empty target (PostgreSQL when the tests have one, else another SQLite file)
        await testSerializer.acquire()
        defer { Task { await testSerializer.release() } }
        let sourcePath = Self.temporaryFile("source") + ".sqlite"
        try await TestTemplate.copySQLite(to: sourcePath)
        defer { TestTemplate.removeSQLite(sourcePath) }
        let targetSettings: Settings.DatabaseKind
        let target: String
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], var components = URLComponents(string: url) {
            let name = String(components.path.dropFirst()) + "_move"
            components.path = "/postgres"
            try await TestTemplate.maintain(components.string!, ["DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "CREATE DATABASE \(name)"])
            components.path = "/" + name
            target = components.string!
            targetSettings = .postgres(url: target)
        } else {
            target = Self.temporaryFile("target") + ".sqlite"
            targetSettings = .sqlite(path: target)
        }
        defer { if case let .sqlite(path) = targetSettings { TestTemplate.removeSQLite(path) } }
        let backupPath = Self.temporaryFile("move")
        defer { try? FileManager.default.removeItem(atPath: backupPath) }
        let source = try await Self.app(.sqlite(path: sourcePath))
        let moved: [Backups.Table]
        let before: [Backups.Table]
        do {
            try await Self.addReply(in: source.db)
            // when
            moved = try await Backups.move(source, to: target, backupPath: backupPath, replaceExisting: false)
            before = try await Self.tables(of: source.db)
        } catch {
            try? await source.asyncShutdown()
            throw error
        }
        try await source.asyncShutdown()
        // then: the target, opened as the installation would open it, holds the same rows and its chain verifies
        let opened = try await Self.app(targetSettings)
        do {
            #expect(moved == before)
            #expect(try await Self.tables(of: opened.db) == before)
            #expect(try await Usulan.query(on: opened.db).count() > 10)
            guard case .intact = try await AuditLog.verify(on: opened.db) else { Issue.record("the moved chain does not verify"); return }
            let signIn = try await Account.query(on: opened.db).filter(\.$email == "warga@rembuk.test").first()
            #expect(signIn != nil)
        } catch {
            try? await opened.asyncShutdown()
            throw error
        }
        try await opened.asyncShutdown()
    }

    // MARK: - helpers

    static func temporaryFile(_ name: String) -> String {
        NSTemporaryDirectory() + "rembuk-\(name)-\(UUID().uuidString).jsonl"
    }

    /// Every table's rows and checksum as they are in `db`, in fill order (as a backup lists them).
    static func tables(of db: any Database) async throws -> [Backups.Table] {
        let catalog = try await DatabaseCatalog.read(db)
        var tables: [Backups.Table] = []
        for table in try catalog.fillOrder() {
            let checksum = try await TableRows.checksum(in: db, table: table, columns: catalog.tables[table] ?? [])
            tables.append(.init(name: table, rows: checksum.rows, checksum: checksum.hex))
        }
        return tables
    }

    /// A reply stored before the comment it answers (SQLite: foreign keys checked at commit), or on PostgreSQL the
    /// comment rewritten after its reply (an updated row moves to the end of the table): read in the table's own
    /// order, the reply comes first.
    static func addReply(in db: any Database) async throws {
        let usulan = try #require(try await Usulan.query(on: db).first())
        let author = try #require(try await Account.query(on: db).filter(\.$email == "warga@rembuk.test").first())
        @Sendable func comment(_ body: String, id: UUID? = nil, parent: UUID? = nil) throws -> RembukApp.Comment {
            let comment = RembukApp.Comment()
            comment.id = id
            comment.subjectType = "usulan"
            comment.subjectID = try usulan.requireID().uuidString
            comment.parentID = parent
            comment.authorID = try author.requireID()
            comment.authorName = author.name
            comment.body = body
            comment.createdAt = Date()
            return comment
        }
        let parentID = UUID()
        try await db.transaction { tx in
            if tx.isPostgres {
                try await comment("Jalan ini rusak sejak banjir.", id: parentID).create(on: tx)
                try await comment("Setuju, dan saluran airnya juga.", parent: parentID).create(on: tx)
                try await tx.sql.update(RembukApp.Comment.schema).set("body", to: "Jalan ini rusak sejak banjir tahun lalu.")
                    .where("id", .equal, parentID).run()
            } else {
                try await tx.sql.raw("PRAGMA defer_foreign_keys = ON").run()
                try await comment("Setuju, dan saluran airnya juga.", parent: parentID).create(on: tx)
                try await comment("Jalan ini rusak sejak banjir.", id: parentID).create(on: tx)
            }
        }
    }

    static func app(_ database: Settings.DatabaseKind) async throws -> Application {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: Settings(database: database, secret: testSecret), bcryptCost: 4)
            try await app.migrateDatabase()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// A new, migrated installation with no data, on SQLite.
    static func withEmptyInstallation(_ body: (Application) async throws -> Void) async throws {
        let path = temporaryFile("empty") + ".sqlite"
        defer { TestTemplate.removeSQLite(path) }
        let app = try await app(.sqlite(path: path))
        do { try await body(app) } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

import RembukApp
import Vapor

/// `rembuk backup FILE`: a consistent copy of the whole installation, safe to run while Rembuk serves.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas cadangan yang dibuat (JSON lines), mis. rembuk-2026-12-02.jsonl") var file: String
    }

    var help = "Mencadangkan seluruh basis data dalam satu potret yang konsisten, boleh saat server berjalan"

    func run(using context: CommandContext, signature: Signature) async throws {
        let tables = try await Backups.backup(context.application, to: signature.file)
        BackupReport.print(tables, context: context)
        context.console.print("Cadangan selesai: \(signature.file)")
    }
}

/// `rembuk restore FILE [--replace-existing]`: the installation as it was when the backup was made.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas cadangan dari `rembuk backup`") var file: String
        @Flag(name: "replace-existing", help: "Ganti seluruh isi basis data yang sudah berisi akun") var replaceExisting: Bool
    }

    var help = "Memulihkan cadangan ke basis data ini (hentikan server dulu); jumlah baris dan checksum tiap tabel diperiksa sebelum disimpan"

    func run(using context: CommandContext, signature: Signature) async throws {
        let tables = try await Backups.restore(context.application, from: signature.file, replaceExisting: signature.replaceExisting)
        BackupReport.print(tables, context: context)
        context.console.print("Pemulihan selesai: jumlah baris dan checksum semua tabel sama dengan cadangan.")
    }
}

/// `rembuk migrate-data --to postgres://…`: moves the installation (SQLite today) into another database.
struct MigrateDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "Basis data tujuan: postgres://… atau berkas SQLite") var target: String?
        @Option(name: "backup", help: "Berkas cadangan perantara yang disimpan (bawaan: rembuk-pindah-<waktu>.jsonl)") var backup: String?
        @Flag(name: "replace-existing", help: "Ganti isi basis data tujuan yang sudah berisi akun") var replaceExisting: Bool
    }

    var help = "Memindahkan seluruh instalasi ke basis data lain (mis. SQLite ke PostgreSQL) dan memeriksa jumlah baris serta checksum tiap tabel"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let target = signature.target, !target.isEmpty else {
            context.console.error("Sebutkan basis data tujuan: rembuk migrate-data --to postgres://pengguna@host/basisdata")
            throw ExitCode(2)
        }
        let stamp = Int(Date().timeIntervalSince1970)
        let backup = signature.backup ?? "rembuk-pindah-\(stamp).jsonl"
        let tables = try await Backups.move(context.application, to: target, backupPath: backup, replaceExisting: signature.replaceExisting)
        BackupReport.print(tables, context: context)
        context.console.print("Pindah selesai: tujuan memuat jumlah baris dan checksum yang sama untuk semua tabel. Cadangan perantara: \(backup)")
    }
}

enum BackupReport {
    static func print(_ tables: [Backups.Table], context: CommandContext) {
        for table in tables {
            context.console.print("\(table.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(table.rows).leftPadded(to: 9))  \(table.checksum)")
        }
        context.console.print("\(tables.count) tabel, \(tables.reduce(0) { $0 + $1.rows }) baris")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

import Fluent
import RembukApp
import RembukCore
import Vapor

struct WilayahCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["import": WilayahImport()]
    var help = "Wilayah: muat kabupaten/kota dari daftar nasional (rembuk wilayah import 33.02)"
}

struct WilayahImport: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kode", help: "Kode kabupaten/kota, mis. 32.14") var kode: String
    }

    var help = "Memuat satu kabupaten/kota beserta kecamatan dan desanya; aman dijalankan ulang"

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        do {
            let outcome = try await ImportRegions().run(kabupaten: signature.kode, in: .system(app))
            context.console.print("\(outcome.name): \(outcome.kecamatan) kecamatan, \(outcome.desa) desa/kelurahan " +
                                  "(\(outcome.created) baru, \(outcome.updated) diperbarui)")
        } catch let error as UserFacingError {
            context.console.error(error.message.id)
            throw ExitCode(1)
        }
    }
}

struct ExitCode: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { "exit \(code)" }
}

struct AuditCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["verify": AuditVerify()]
    var help = "Jejak audit: periksa rantai hash (rembuk audit verify)"
}

struct AuditVerify: AsyncCommand {
    struct Signature: CommandSignature {}
    var help = "Memeriksa seluruh rantai audit dan menyebut catatan pertama yang rusak"

    func run(using context: CommandContext, signature: Signature) async throws {
        let verification: AuditLog.Verification
        do { verification = try await AuditLog.verify(on: context.application.db) } catch {
            context.console.error("Jejak audit tidak bisa dibaca (sudahkah `rembuk migrate` dijalankan?): \(type(of: error))")
            throw ExitCode(2)
        }
        switch verification {
        case let .intact(count, head):
            context.console.print("OK: \(count) catatan, rantai utuh. Kepala: \(head)")
        case let .broken(problem):
            context.console.error("RUSAK: \(problem)")
            throw ExitCode(1)
        }
    }
}

struct OutboxCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["drain": OutboxDrain()]
    var help = "Kotak keluar notifikasi: kirim semua yang sudah waktunya (rembuk outbox drain)"
}

struct OutboxDrain: AsyncCommand {
    struct Signature: CommandSignature {}
    var help = "Menyusun pengingat sesi, ringkasan harian dan ajakan tindak lanjut UMKM yang sudah waktunya, mengirim semua pesan yang jatuh tempo, lalu berhenti"

    func run(using context: CommandContext, signature: Signature) async throws {
        let reminders = try await SendSessionReminders().run(in: .system(context.application))
        let digests = try await SendDailyDigests().run(in: .system(context.application))
        let prompts = try await SendFollowUpPrompts().run(in: .system(context.application))
        let count = try await OutboxWorker(app: context.application).drainAll()
        context.console.print("\(reminders) pengingat sesi, \(digests) ringkasan harian, \(prompts) ajakan tindak lanjut UMKM disusun; \(count) pesan diproses")
    }
}

struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help = "Memuat data demo (Kabupaten Purwakarta, OPD, satu akun per peran); aman dijalankan ulang"

    func run(using context: CommandContext, signature: Signature) async throws {
        let logins: [LoadDemoData.Login]
        do { logins = try await LoadDemoData().run(in: .system(context.application)) } catch let refusal as UserFacingError {
            context.console.error(refusal.message.id)
            throw ExitCode(1)
        }
        Self.printBanner(logins, arguments: [], console: context.console)
    }

    static func printBanner(_ logins: [LoadDemoData.Login], arguments: [String], console: any Console) {
        func option(_ names: [String]) -> String? {
            guard let index = arguments.firstIndex(where: { names.contains($0) }), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        let host = option(["--hostname", "-H"]) ?? "127.0.0.1"
        let port = option(["--port", "-p"]) ?? "8080"
        console.print("")
        console.print("Rembuk demo: http://\(host):\(port)")
        console.print("Akun demo (kata sandi untuk semua: \(LoadDemoData.password)):")
        for login in logins {
            console.print("  \(login.email.padding(toLength: 32, withPad: " ", startingAt: 0)) \(login.role)\(login.scope.isEmpty ? "" : " · " + login.scope)")
        }
        console.print("")
    }
}

struct UsulanCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["import-sipd": SIPDImportCommand()]
    var help = "Usulan: impor dari berkas ekspor SIPD (rembuk usulan import-sipd berkas.csv)"
}

struct SIPDImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas CSV ekspor SIPD (pemisah koma atau titik koma)") var file: String
    }

    var help = "Mengimpor usulan dari SIPD; baris yang sudah pernah diimpor dilewati, baris yang salah dilaporkan"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("Berkas tidak bisa dibaca: \(signature.file)")
            throw ExitCode(2)
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            context.console.error("Berkas bukan teks CSV.")
            throw ExitCode(2)
        }
        let report = try await ImportSIPD().run(csv: text, in: .system(context.application))
        if let problem = report.fileProblem {
            context.console.error("Tidak diimpor: \(problem)")
            throw ExitCode(1)
        }
        for line in report.rejected { context.console.print("baris \(line.line) (\(line.reference)) ditolak: \(line.reasons.joined(separator: "; "))") }
        for line in report.skipped { context.console.print("baris \(line.line) (\(line.reference)) dilewati: \(line.reasons.joined(separator: "; "))") }
        context.console.print("\(report.imported.count) usulan diimpor, \(report.skipped.count) dilewati, \(report.rejected.count) ditolak")
        if !report.rejected.isEmpty { throw ExitCode(1) }
    }
}

/// `rembuk bench-data --scale S|M|L [--seed N]`: a large, deterministic installation for `bench/run`.
struct BenchDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "tiny, S (one kabupaten-year), M (one province) or L (national)") var scale: String?
        @Option(name: "seed", help: "the same seed makes the same data (default 1)") var seed: Int?
        @Option(name: "audit-records", help: "this many audit records instead of the scale's own") var auditRecords: Int?
    }

    var help = "Membuat data uji kinerja (S, M, L) di basis data ini, setelah data demo"

    func run(using context: CommandContext, signature: Signature) async throws {
        guard var scale = BenchScale.named(signature.scale ?? "S") else {
            context.console.error("--scale is tiny, S, M or L")
            throw ExitCode(2)
        }
        if let records = signature.auditRecords {
            guard records >= 0 else { context.console.error("--audit-records is a count"); throw ExitCode(2) }
            scale = scale.with(auditRecords: records)
        }
        let started = Date()
        _ = try await LoadDemoData().run(in: .system(context.application))   // regions, agencies, the demo accounts
        let summary = try await BenchData(scale: scale, seed: UInt64(max(0, signature.seed ?? 1)),
                                          report: { line in print("bench-data \(line)") }).run(on: context.application)
        print(String(format: "bench-data %@: %d desa, %d accounts, %d usulan, %d supports, %d projects, %d reports, %d audit records in %.0f s",
                     scale.name, summary.desa, summary.accounts, summary.usulan, summary.supports, summary.projects, summary.reports,
                     summary.auditRecords, Date().timeIntervalSince(started)))
    }
}

struct SecretCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["rotate": SecretRotate()]
    var help = "Kunci instalasi: ganti bila mungkin bocor (rembuk secret rotate --yes)"
}

struct SecretRotate: AsyncCommand {
    struct Signature: CommandSignature {}

    var help = "Membuat kunci instalasi baru (dengan --yes); sidik NIK lama dilepas, formulir yang terbuka perlu dimuat ulang"

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let fromEnvironment = ProcessInfo.processInfo.environment["REMBUK_SECRET"]?.isEmpty == false
        // ConsoleKit takes `--yes` itself, as the answer to every confirmation.
        guard context.console.confirmOverride == true else {
            context.console.print("""
                Mengganti kunci instalasi melepas sidik NIK semua akun (NIK tersamar tetap tersimpan, tetapi NIK yang sama bisa \
                didaftarkan lagi), membatalkan formulir yang sedang terbuka dan tanda perangkat yang dikenal. Sesi tetap masuk.
                Hentikan semua instance Rembuk dulu, lalu jalankan: rembuk secret rotate --yes
                """)
            throw ExitCode(1)
        }
        let outcome = try await RotateSecret().run(in: .system(app))
        if fromEnvironment {
            context.console.print("Kunci baru (isi REMBUK_SECRET dengan ini di setiap instance, lalu jalankan lagi):")
            context.console.print(outcome.secret)
        } else {
            try RotateSecret.replaceKeyFile(app.settings.secretFile, with: outcome.secret)
            context.console.print("Kunci baru tersimpan di \(app.settings.secretFile) (mode 0600). Jalankan Rembuk lagi.")
        }
        context.console.print("\(outcome.nikDigestsDropped) sidik NIK dilepas; pergantian tercatat di jejak audit.")
    }
}

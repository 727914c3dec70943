import Logging
import RembukApp
import Vapor

/// `rembuk serve [--demo]`, `rembuk migrate`, `rembuk demo`, `rembuk wilayah import KODE`,
/// `rembuk audit verify`, `rembuk outbox drain`, `rembuk backup`, `rembuk restore`, `rembuk migrate-data`,
/// `rembuk secret rotate`, `rembuk setup`. Configuration comes from the environment (README).
var env = try Environment.detect()
let demo = env.arguments.contains("--demo")
env.arguments.removeAll { $0 == "--demo" }
let command = env.arguments.dropFirst().first ?? "serve"

if ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json" {
    let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info") ?? .info
    LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
} else {
    try LoggingSystem.bootstrap(from: &env)
}

var settings: Settings
do { settings = try Settings.fromEnvironment() } catch {
    FileHandle.standardError.write(Data("rembuk: \(error)\n".utf8))
    exit(2)
}
settings.runWorker = settings.runWorker && command == "serve"

let app = try await Application.make(env)
do {
    try await configure(app, settings: settings)
    app.asyncCommands.use(WilayahCommands(), as: "wilayah")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(OutboxCommands(), as: "outbox")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UsulanCommands(), as: "usulan")
    app.asyncCommands.use(BenchDataCommand(), as: "bench-data")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(MigrateDataCommand(), as: "migrate-data")
    app.asyncCommands.use(SecretCommands(), as: "secret")
    app.asyncCommands.use(SetupCommand(), as: "setup")
    if demo || ["demo", "wilayah", "usulan", "bench-data", "setup"].contains(command) {
        try await app.asyncBoot()   // the database drivers are ready only after boot (PostgreSQL needs it)
        try await app.migrateDatabase()
    } else if ["backup", "restore", "migrate-data", "secret", "serve", "outbox", "audit"].contains(command) {
        try await app.asyncBoot()
    }
    // The region and planning agency the database was set up for (REMBUK_KABUPATEN must agree with it).
    do { try await Installation.adopt(into: &app.settings, on: app.db) } catch let problem as Settings.Problem {
        FileHandle.standardError.write(Data("rembuk: \(problem.description)\n".utf8))
        try? await app.asyncShutdown()
        exit(2)
    } catch {}   // not migrated yet: nothing recorded

    if app.settings.secret.isEmpty, !["migrate", "routes", "audit", "backup", "restore", "migrate-data", "secret"].contains(command) {
        if case .postgres = app.settings.database, !app.settings.secretFileGiven {
            FileHandle.standardError.write(Data("""
                rembuk: on PostgreSQL set REMBUK_SECRET (at least 32 characters, the same on every instance) or REMBUK_SECRET_FILE \
                (one key file, the same on every instance). An installation that kept its secret in the database moves it into \
                REMBUK_SECRET_FILE at its first start there; copy that file to the other instances (docs/SECURITY.md).

                """.utf8))
            try? await app.asyncShutdown()
            exit(2)
        }
        do { app.settings.secret = try await InstallationSecret.obtain(keyFile: app.settings.secretFile, on: app.db) } catch let problem as Settings.Problem {
            FileHandle.standardError.write(Data("rembuk: \(problem.description)\n".utf8))
            try? await app.asyncShutdown()
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("rembuk: the database is not set up yet. A new installation: `rembuk setup` (README, \"Install for your kabupaten\"); an existing one after an upgrade: `rembuk migrate`; to try the demo: `rembuk serve --demo`.\n".utf8))
            try? await app.asyncShutdown()
            exit(2)
        }
    }
    if demo {
        let logins: [LoadDemoData.Login]
        do { logins = try await LoadDemoData().run(in: .system(app)) } catch let refusal as UserFacingError {
            FileHandle.standardError.write(Data("rembuk: \(refusal.message.id)\n".utf8))
            try? await app.asyncShutdown()
            exit(2)
        }
        DemoCommand.printBanner(logins, arguments: env.arguments, console: app.console)
    }
    if command == "serve", let refusal = await ServeReadiness.refusal(app) {
        FileHandle.standardError.write(Data("rembuk: \(refusal)\n".utf8))
        try? await app.asyncShutdown()
        exit(2)
    }
    try await app.execute()
} catch let exit as ExitCode {
    try? await app.asyncShutdown()
    Foundation.exit(exit.code)
} catch {
    FileHandle.standardError.write(Data("rembuk: \(error)\n".utf8))
    try? await app.asyncShutdown()
    Foundation.exit(1)
}
try await app.asyncShutdown()

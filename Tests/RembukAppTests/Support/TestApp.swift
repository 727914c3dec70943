import Fluent
import FluentPostgresDriver
import Foundation
import RembukCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// One app test at a time: on PostgreSQL they share one database, and on SQLite the machine has two cores.
let testSerializer = WriteGate()

let testSecret = "test-secret-that-is-long-enough-1234567890"

/// Whether this test process runs on PostgreSQL (`TEST_DATABASE_URL`) rather than on SQLite files.
let testsRunOnPostgres = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] != nil

/// What a test's database starts as.
enum TestInstallation: String, Sendable, CaseIterable {
    /// The Purwakarta demo (`rembuk demo`).
    case demo
    /// Migrated, nothing else: what `rembuk setup` starts from.
    case empty
    /// Kota Bitung (71.72, kelurahan only) as `rembuk setup` installs it: its admin, its planning agency, nothing else.
    case bitung

    static let bitungAdmin = (email: "admin@bitungkota.go.id", password: "Bitung-Perencanaan-2027")

    static func setUpBitung(_ app: Application) async throws {
        let input = SetUpInstallation.Input(kabupaten: "71.72", agencyName: "Badan Perencanaan Pembangunan Daerah Kota Bitung",
                                            agencyShortName: "Bappeda", adminName: "Meiske Lumentut", adminEmail: bitungAdmin.email,
                                            adminPhone: nil, adminPassword: bitungAdmin.password)
        guard case .installed = try await SetUpInstallation().run(input, in: .system(app)) else {
            throw TestTemplate.TemplateProblem(description: "setting up 71.72 failed")
        }
    }
}

/// Runs `body` with a fresh, migrated Rembuk holding the demo data (or another `installation`): on PostgreSQL when
/// `TEST_DATABASE_URL` is set, otherwise on a new SQLite file. Migrating and loading the demo takes seconds, so it is
/// done once per test process into a template (a SQLite file, a PostgreSQL template database) that each test copies.
func withRembuk(_ installation: TestInstallation = .demo, settings adjust: (inout Settings) -> Void = { _ in },
                _ body: (Application) async throws -> Void) async throws {
    await testSerializer.acquire()
    let sqlitePath = NSTemporaryDirectory() + "rembuk-test-\(UUID().uuidString).sqlite"
    let database: Settings.DatabaseKind
    let app: Application
    do {
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] {
            try await TestTemplate.copyPostgres(url, installation)
            database = .postgres(url: url)
        } else {
            try await TestTemplate.copySQLite(to: sqlitePath, installation)
            database = .sqlite(path: sqlitePath)
        }
        var settings = Settings(database: database, secret: testSecret)
        adjust(&settings)
        app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: settings, bcryptCost: 4)
            // As `rembuk serve` does: the region the database was set up for.
            try await Installation.adopt(into: &app.settings, on: app.db)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    } catch {
        await testSerializer.release()
        throw error
    }
    do {
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        TestTemplate.removeSQLite(sqlitePath)
        await testSerializer.release()
        throw error
    }
    try await app.asyncShutdown()
    TestTemplate.removeSQLite(sqlitePath)
    await testSerializer.release()
}

/// The migrated installations tests start from, each made once per test process.
enum TestTemplate {
    nonisolated(unsafe) static var sqliteTemplates: [TestInstallation: String] = [:]
    nonisolated(unsafe) static var postgresReady: Set<TestInstallation> = []

    /// Migrates the database of `settings` and fills it as `installation` says.
    static func build(_ settings: Settings, _ installation: TestInstallation) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: settings, bcryptCost: 4)
            try await app.migrateDatabase()
            switch installation {
            case .demo: try await LoadDemoData().run(in: .system(app))
            case .empty: break
            case .bitung: try await TestInstallation.setUpBitung(app)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func copySQLite(to path: String, _ installation: TestInstallation = .demo) async throws {
        if sqliteTemplates[installation] == nil {
            let template = NSTemporaryDirectory() + "rembuk-template-\(installation.rawValue)-\(UUID().uuidString).sqlite"
            try await build(Settings(database: .sqlite(path: template), secret: testSecret), installation)
            // Closing the last connection folded the write-ahead log into the file; copy whatever is left too.
            if sqliteTemplates.isEmpty {
                // The templates of this test process, gone with it (they used to pile up in /tmp).
                atexit { for template in TestTemplate.sqliteTemplates.values { TestTemplate.removeSQLite(template) } }
            }
            sqliteTemplates[installation] = template
        }
        let template = sqliteTemplates[installation]!
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template + suffix) {
            try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
        }
    }

    static func removeSQLite(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Recreates the test database from a template database (`<name>_template`, `<name>_empty` …) built on first use.
    static func copyPostgres(_ url: String, _ installation: TestInstallation = .demo) async throws {
        guard var components = URLComponents(string: url) else { throw TemplateProblem(description: "TEST_DATABASE_URL is not a URL") }
        let name = String(components.path.dropFirst())
        let template = name + (installation == .demo ? "_template" : "_\(installation.rawValue)")
        components.path = "/postgres"
        let maintenance = components.string!
        components.path = "/" + template
        let templateURL = components.string!
        if !postgresReady.contains(installation) {
            try await maintain(maintenance, ["DROP DATABASE IF EXISTS \(template) WITH (FORCE)", "CREATE DATABASE \(template)"])
            try await build(Settings(database: .postgres(url: templateURL), secret: testSecret), installation)
            postgresReady.insert(installation)
        }
        try await maintain(maintenance, ["DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "CREATE DATABASE \(name) TEMPLATE \(template)"])
    }

    /// Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the one they touch).
    static func maintain(_ url: String, _ statements: [String]) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
            for statement in statements { try await (app.db as! any SQLDatabase).raw(SQLQueryString(statement)).run() }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    struct TemplateProblem: Error, CustomStringConvertible { let description: String }
}

/// A browser in a test: keeps cookies, sends forms with the CSRF token the page would carry.
struct TestBrowser {
    let app: Application
    var cookies: [String: String] = [:]
    var acceptLanguage = "id-ID,id;q=0.9"

    init(_ app: Application) { self.app = app }

    var csrfToken: String { CSRF.token(sessionToken: cookies[SessionMiddleware.cookieName] ?? "", secret: testSecret) }

    mutating func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts a form. A first GET gives the browser its session cookie, as a real visit would.
    mutating func post(_ path: String, _ fields: [String: String], repeated: [(String, String)] = [], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if cookies[SessionMiddleware.cookieName] == nil { _ = try await get("/") }
        var all = fields
        if csrf, all[CSRF.fieldName] == nil { all[CSRF.fieldName] = csrfToken }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = ([Self.encode(all)] + repeated.map { Self.encode([$0.0: $0.1]) }).joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a `multipart/form-data` form with files, as a browser does for a form with a file input.
    mutating func postMultipart(_ path: String, _ fields: [String: String], repeated: [(String, String)] = [],
                                files: [(field: String, filename: String, bytes: [UInt8])], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if cookies[SessionMiddleware.cookieName] == nil { _ = try await get("/") }
        var all = fields.map { ($0.key, $0.value) } + repeated
        if csrf, fields[CSRF.fieldName] == nil { all.insert((CSRF.fieldName, csrfToken), at: 0) }
        let boundary = "----RembukTest\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: body)
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = extra
        headers.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage)
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first?.split(separator: "=", maxSplits: 1)
            if let pair, pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return response
    }

    mutating func signIn(_ identifier: String, _ password: String = LoadDemoData.password) async throws {
        let response = try await post(SiteRoute.login.path, ["identifier": identifier, "password": password])
        #expect(response.status == .seeOther, "sign-in of \(identifier) failed with \(response.status)")
    }

    static func encode(_ fields: [String: String]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return fields.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    var location: String? { headers.first(name: .location) }
}

func accountCount(_ app: Application) async throws -> Int { try await Account.query(on: app.db).count() }
func auditCount(_ app: Application) async throws -> Int { try await AuditRecord.query(on: app.db).count() }

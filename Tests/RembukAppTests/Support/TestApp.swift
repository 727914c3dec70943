import Fluent
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

/// Runs `body` with a fresh, migrated Rembuk holding the demo data: on PostgreSQL when `TEST_DATABASE_URL`
/// is set (the schema is emptied first), otherwise on a new SQLite file.
func withRembuk(settings adjust: (inout Settings) -> Void = { _ in }, _ body: (Application) async throws -> Void) async throws {
    await testSerializer.acquire()
    let sqlitePath = NSTemporaryDirectory() + "rembuk-test-\(UUID().uuidString).sqlite"
    let database: Settings.DatabaseKind
    if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] {
        database = .postgres(url: url)
    } else {
        database = .sqlite(path: sqlitePath)
    }
    var settings = Settings(database: database, secret: testSecret)
    adjust(&settings)
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        try await configure(app, settings: settings, bcryptCost: 4)
        if app.db.isPostgres {
            try await app.db.sql.raw("DROP SCHEMA public CASCADE").run()
            try await app.db.sql.raw("CREATE SCHEMA public").run()
        }
        try await app.migrateDatabase()
        try await LoadDemoData().run(in: .system(app))
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        await testSerializer.release()
        throw error
    }
    try await app.asyncShutdown()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
    await testSerializer.release()
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
    mutating func post(_ path: String, _ fields: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if cookies[SessionMiddleware.cookieName] == nil { _ = try await get("/") }
        var all = fields
        if csrf, all[CSRF.fieldName] == nil { all[CSRF.fieldName] = csrfToken }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: Self.encode(all)))
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

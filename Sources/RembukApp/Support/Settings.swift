import Foundation
import RembukCore
import Vapor

/// Everything Rembuk reads from its environment, in one place (the README lists each variable).
public struct Settings: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: DatabaseKind
    /// Keys CSRF tokens and NIK digests. The same on every instance and never changed; empty until read from
    /// `REMBUK_SECRET` or, when that is unset, from the database (`InstallationSecret`).
    public var secret: String
    /// Where the secret is kept when `REMBUK_SECRET` is not given (`REMBUK_SECRET_FILE`; by default `rembuk.key` beside
    /// the SQLite file, or in the working directory on PostgreSQL). Never inside the database.
    public var secretFile: String = "rembuk.key"
    /// Whether `REMBUK_SECRET_FILE` was set: on PostgreSQL, where instances run on several machines, a key file made
    /// on one would differ from another's, so there the secret must be given one way or the other.
    public var secretFileGiven: Bool = false
    /// The kabupaten/kota this installation serves: the one `rembuk setup` recorded in the database, else
    /// `REMBUK_KABUPATEN` (default 32.14, the demo's Purwakarta).
    public var kabupaten: RegionCode
    /// Whether `REMBUK_KABUPATEN` was set (it must then agree with the database's).
    public var kabupatenGiven: Bool = false
    /// Whether the installation's places are desa, kelurahan or both, and a kabupaten or a kota: how pages name them.
    public var places: PlaceWords = .general
    /// The kabupaten/kota's name from the region list ("Kota Bitung"), taken when the database is adopted.
    public var regionName: String = ""
    public var planningAgencyGiven: Bool = false
    /// What the planning agency is called locally (Purwakarta: BAPPELITBANGDA).
    public var planningAgencyName: String
    public var baseURL: String
    public var sendmailCommand: String?
    public var mailFrom: String
    public var webhookURL: String?
    public var webhookSecret: String
    public var runWorker: Bool
    public var workerIntervalSeconds: Double
    public var holidays: Set<LocalDate>
    public var maxBodySize: ByteCount
    public var jsonLogs: Bool
    /// Behind a load balancer: take the client address from `X-Forwarded-For`.
    public var trustProxy: Bool = false
    /// The largest photo or document one may attach (`REMBUK_MAX_UPLOAD`, default 5 MB).
    public var maxUploadSize: Int = 5 * 1024 * 1024
    /// Bytes of form uploads this instance receives at once, in all (`REMBUK_UPLOADS_IN_FLIGHT`, default 256 MB) and
    /// from one client address (`REMBUK_UPLOADS_PER_CLIENT`, default 48 MB): past either, a form with files gets 503.
    public var uploadBytesInFlight: Int = 256 * 1024 * 1024
    public var uploadBytesPerClient: Int = 48 * 1024 * 1024
    /// The hour (WIB) the daily digests go out (`REMBUK_DIGEST_HOUR`, default 7).
    public var digestHour: Int = 7
    /// How long a visitor's page may be served from memory while nothing changed (`REMBUK_PAGE_CACHE_SECONDS`,
    /// default 30 when serving; 0 turns the cache off, as in tests that write rows directly).
    public var pageCacheSeconds: Double = 0
    /// PostgreSQL connections each event loop (one per core) may open (`REMBUK_DB_CONNECTIONS_PER_CORE`, default 4):
    /// a request waiting on a row lock then does not hold up the reads behind it. See docs/DEPLOYMENT.md for sizing.
    public var databaseConnectionsPerLoop: Int = 4

    /// The database connections each event loop may hold: the setting on PostgreSQL, one on SQLite (its driver keeps
    /// one connection per loop; writes go through `WriteGate` one at a time anyway).
    public var connectionsPerEventLoop: Int {
        if case .postgres = database { return databaseConnectionsPerLoop }
        return 1
    }
    /// The limits of `AbuseLimits` (`REMBUK_ABUSE_LIMITS=off` turns them off: only for benchmarks, whose 64 clients
    /// support and submit far faster than any person).
    public var abuseLimits: Bool = true

    public var secureCookies: Bool { baseURL.lowercased().hasPrefix("https://") }

    public init(database: DatabaseKind, secret: String, kabupaten: RegionCode = RegionCode("32.14")!,
                planningAgencyName: String = "Bappeda", baseURL: String = "http://127.0.0.1:8080",
                sendmailCommand: String? = nil, mailFrom: String = "Rembuk <noreply@rembuk.local>",
                webhookURL: String? = nil, webhookSecret: String = "", runWorker: Bool = false,
                workerIntervalSeconds: Double = 5, holidays: Set<LocalDate> = [], maxBodySize: ByteCount = "1mb",
                jsonLogs: Bool = false) {
        self.database = database
        self.secret = secret
        self.kabupaten = kabupaten
        self.planningAgencyName = planningAgencyName
        self.baseURL = baseURL
        self.sendmailCommand = sendmailCommand
        self.mailFrom = mailFrom
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
        self.runWorker = runWorker
        self.workerIntervalSeconds = workerIntervalSeconds
        self.holidays = holidays
        self.maxBodySize = maxBodySize
        self.jsonLogs = jsonLogs
    }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the process environment. Without `REMBUK_SECRET`, the secret is read from (or made once in) the key file
    /// `REMBUK_SECRET_FILE`; several PostgreSQL instances share one `REMBUK_SECRET` (or one key file).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        func value(_ key: String) -> String? {
            guard let v = env[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let database: DatabaseKind
        if let url = value("DATABASE_URL") {
            database = .postgres(url: url)
        } else {
            database = .sqlite(path: value("REMBUK_SQLITE_PATH") ?? "rembuk.sqlite")
        }
        var secret = ""
        if let given = value("REMBUK_SECRET") {
            guard given.count >= 32 else { throw Problem(description: "REMBUK_SECRET must be at least 32 characters") }
            secret = given
        }
        let kabupatenText = value("REMBUK_KABUPATEN") ?? "32.14"
        guard let kabupaten = RegionCode(kabupatenText), kabupaten.level == .kabupaten else {
            throw Problem(description: "REMBUK_KABUPATEN is not a kabupaten/kota code (PP.KK): \(kabupatenText)")
        }
        var holidays: Set<LocalDate> = []
        if let text = value("REMBUK_HOLIDAYS") {
            do { holidays = try WorkingDayCalendar.parseHolidays(text) } catch { throw Problem(description: "REMBUK_HOLIDAYS: \(error)") }
        }
        let hourText = value("REMBUK_DIGEST_HOUR") ?? "7"
        guard let hour = Int(hourText), (0...23).contains(hour) else {
            throw Problem(description: "REMBUK_DIGEST_HOUR must be an hour from 0 to 23: \(hourText)")
        }
        return Settings(
            database: database, secret: secret, kabupaten: kabupaten,
            planningAgencyName: value("REMBUK_PLANNING_AGENCY") ?? "Bappeda",
            baseURL: value("REMBUK_BASE_URL") ?? "http://127.0.0.1:8080",
            sendmailCommand: value("REMBUK_SENDMAIL"),
            mailFrom: value("REMBUK_MAIL_FROM") ?? "Rembuk <noreply@rembuk.local>",
            webhookURL: value("REMBUK_WEBHOOK_URL"),
            webhookSecret: value("REMBUK_WEBHOOK_SECRET") ?? "",
            runWorker: value("REMBUK_WORKER").map { $0 != "0" && $0 != "false" } ?? true,
            workerIntervalSeconds: value("REMBUK_WORKER_INTERVAL").flatMap(Double.init) ?? 5,
            holidays: holidays,
            maxBodySize: ByteCount(stringLiteral: value("REMBUK_MAX_BODY") ?? "1mb"),
            jsonLogs: value("LOG_FORMAT") == "json"
        ).with {
            $0.secretFile = value("REMBUK_SECRET_FILE") ?? Self.defaultSecretFile(for: database)
            $0.secretFileGiven = value("REMBUK_SECRET_FILE") != nil
            $0.kabupatenGiven = value("REMBUK_KABUPATEN") != nil
            $0.planningAgencyGiven = value("REMBUK_PLANNING_AGENCY") != nil
            $0.trustProxy = value("REMBUK_TRUST_PROXY") == "1"
            if let upload = value("REMBUK_MAX_UPLOAD") { $0.maxUploadSize = ByteCount(stringLiteral: upload).value }
            if let total = value("REMBUK_UPLOADS_IN_FLIGHT") { $0.uploadBytesInFlight = ByteCount(stringLiteral: total).value }
            if let each = value("REMBUK_UPLOADS_PER_CLIENT") { $0.uploadBytesPerClient = ByteCount(stringLiteral: each).value }
            $0.digestHour = hour
            $0.pageCacheSeconds = value("REMBUK_PAGE_CACHE_SECONDS").flatMap(Double.init).map { max(0, $0) } ?? 30
            $0.abuseLimits = value("REMBUK_ABUSE_LIMITS") != "off"
            $0.databaseConnectionsPerLoop = value("REMBUK_DB_CONNECTIONS_PER_CORE").flatMap(Int.init).map { min(max(1, $0), 64) } ?? 4
        }
    }
}

extension Settings {
    static func defaultSecretFile(for database: DatabaseKind) -> String {
        guard case let .sqlite(path) = database else { return "rembuk.key" }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "rembuk.key" : folder + "/rembuk.key"
    }

    func with(_ change: (inout Settings) -> Void) -> Settings {
        var copy = self
        change(&copy)
        return copy
    }
}

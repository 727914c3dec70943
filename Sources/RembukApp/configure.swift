import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets up an application: database, migrations, middleware, routes and the outbox worker.
public func configure(_ app: Application, settings: Settings, bcryptCost: Int = 12) async throws {
    app.settings = settings
    switch settings.database {
    case let .sqlite(path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        app.storage[Application.WriteGateKey.self] = WriteGate()
        app.lifecycle.use(SQLiteTuning())
    case let .postgres(url):
        app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url),
                                    maxConnectionsPerEventLoop: settings.connectionsPerEventLoop), as: .psql)
    }
    app.storage[Application.SupportBatchKey.self] = SupportBatch()
    app.migrations.add(allMigrations)
    app.passwords.use(.bcrypt(cost: bcryptCost))
    app.routes.defaultMaxBodySize = settings.maxBodySize
    app.routes.caseInsensitive = false

    app.middleware = Middlewares()
    let inFlight = InFlightRequests()
    app.middleware.use(inFlight)
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(OpenAPIRequestCheck())
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(CompressionPolicyMiddleware())
    if settings.pageCacheSeconds > 0 { app.publicPageCache = PublicPageCache(lifetime: settings.pageCacheSeconds) }
    app.http.server.configuration.responseCompression = .enabled(initialByteBufferCapacity: 4096)
    app.http.server.configuration.shutdownTimeout = .seconds(DrainRequestsFirst.drainTime.components.seconds)

    AppMetrics.bootstrap()
    try routes(app)
    if settings.runWorker { app.lifecycle.use(OutboxWorkerService()) }
    app.lifecycle.use(DrainRequestsFirst(inFlight: inFlight))   // the last added is the first to shut down
}

/// Every migration, in the order they run. Landed migrations are never edited; new ones are appended.
let allMigrations: [any Migration] = [
    M001_CreateRegions(),
    M002_CreateAgencies(),
    M003_CreateAccounts(),
    M004_CreateRoleGrants(),
    M005_CreateSessions(),
    M007_CreateAuditRecords(),
    M008_CreateNotifications(),
    M009_CreateInstallation(),
    M010_CreateUsulan(),
    M011_CreateAttachments(),
    M012_CreateComments(),
    M013_CreatePlanningCyclesAndKamus(),
    M014_CreateApiTokensAndSourceRefs(),
    M015_CreateCycleSettingsAndPagu(),
    M016_CreateForums(),
    M017_CreateForumProceedings(),
    M018_AddPokirToUsulan(),
    M019_AddAgencyCeilingsToPagu(),
    M020_AddClosingPaguToForums(),
    M021_CreateProjects(),
    M022_CreateComplaints(),
    M023_CreateInformation(),
    M024_AddNotificationDigest(),
    M025_CreateDiscussions(),
    M026_AddComplaintSearch(),
    M027_CreateHolidays(),
    M028_CreatePrograms(),
    M029_CreatePartners(),
    M030_CreateProgramFeedback(),
    M031_CreateOneTimeCodes(),
    M032_CreatePaperAttendance(),
    M033_AddTokenScopes(),
    M034_AddQueryIndexes(),
    M035_CreateUsulanTerms(),
    M036_CreateParticipants(),
    M037_ReshapeUsulanTerms(),
    M038_CreateThrottleEvents(),
    M039_MaskNIKToLastFour(),
    M040_AddAgencyRouting(),
    M041_AddPrivacyConsent(),
    M042_AddDocumentNumbers(),
    M043_AddContactVerification(),
]

/// Write-ahead logging lets readers go on while one writer writes; the mode is stored in the file.
struct SQLiteTuning: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        try await Self.useWriteAheadLog(on: application.db)
    }

    static func useWriteAheadLog(on db: any Database) async throws {
        try await db.sql.raw("PRAGMA journal_mode=WAL").run()
    }
}

import Fluent
import SQLKit
import Vapor

extension Application {
    /// Runs the pending migrations. A plain query goes first so the pool has a ready connection: on a
    /// fresh PostgreSQL pool the migrator's first statement could otherwise be overtaken by the next one.
    public func migrateDatabase() async throws {
        _ = try await db.sql.raw("SELECT 1 AS ready").all()
        try await autoMigrate()
    }
}

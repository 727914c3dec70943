import Fluent
import SQLKit

/// Security finding 7: stored NIK masks showed eight of sixteen digits (`3214••••••••0001`); from now on only the last
/// four (`••••••••••••0001`). The revert cannot bring the other four back (they are not kept anywhere), so it leaves
/// the shorter masks in place.
struct M039_MaskNIKToLastFour: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let lastFour = database.isPostgres ? "right(nik_masked, 4)" : "substr(nik_masked, -4)"
        try await database.sql.raw("UPDATE accounts SET nik_masked = '••••••••••••' || \(unsafeRaw: lastFour) WHERE nik_masked IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {}
}

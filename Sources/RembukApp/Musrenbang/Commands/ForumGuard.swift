import Fluent
import Foundation
import RembukCore

/// The checks every forum command starts with: the forum exists, this person runs it, and (for changes to
/// what it decides) it is not closed.
enum ForumGuard {
    static let closed = UserFacingError(.conflict, Phrase(
        "Forum ini sudah ditutup dan hasilnya dibekukan. Untuk mengubahnya, buka kembali forum dengan alasan.",
        "This forum is closed and its results are frozen. Reopen it, with a reason, to change them."))

    static func find(_ id: String?, on db: any Database) async throws -> Forum {
        guard let id = UUID(uuidString: id ?? ""), let forum = try await Forum.find(id, on: db) else {
            throw UserFacingError(.notFound, Phrase("Forum itu tidak ada.", "That forum does not exist."))
        }
        return forum
    }

    static func mayRun(_ forum: Forum, _ actor: Actor) -> Bool {
        guard let region = RegionCode(forum.regionCode) else { return false }
        return forum.forumLevel.canRun(actor, in: region, agency: forum.agency)
    }

    /// Throws unless `ctx`'s person runs the forum (and, with `open`, unless it is still open).
    static func requireRunner(_ forum: Forum, _ ctx: Invocation, open: Bool = true) throws {
        guard ctx.principal.accountID != nil || ctx.identity == .system else { throw UserFacingError.signInRequired }
        guard mayRun(forum, ctx.actor) else { throw UserFacingError.forbidden }
        if open, forum.forumStatus == .selesai { throw closed }
    }

    /// Inside a status change's transaction: locks the forum row (PostgreSQL; SQLite writes are serialised
    /// already) and checks that nobody changed its status since the page was read, e.g. a double click.
    static func lock(_ forum: Forum, expecting status: ForumStatus, on db: any Database) async throws {
        let id = try forum.requireID()
        try await db.lockRow(Forum.schema, id: id)
        guard try await Forum.find(id, on: db)?.status == status.rawValue else {
            throw UserFacingError(.conflict, Phrase("Status forum ini baru saja diubah; muat ulang halamannya.",
                                                    "This forum's status has just changed; reload the page."))
        }
    }

    static func audit(_ forum: Forum, _ action: String, _ summary: String, reason: String = "", ctx: Invocation, on db: any Database) async throws -> AuditEntry {
        try await AuditLog.append(AuditDraft(actor: ctx.identity, action: action, subjectType: "forum", subjectID: try forum.requireID().uuidString,
                                             regionCode: forum.regionCode, summary: "\(forum.title): \(summary)", reason: reason), on: db, now: ctx.now)
    }
}

import Fluent
import Foundation
import RembukCore
import SQLKit

/// A citizen gives (or withdraws) their one dukungan for an usulan. The pair (usulan, account) is unique in
/// the database, and the stored count moves in the same transaction, under the usulan's row lock
/// (PostgreSQL) or the one writer (SQLite), so it is always exact without counting the rows again.
/// The write itself goes through `SupportBatch` (group commit).
struct SupportUsulan {
    let support: Bool

    /// `usulan` as the controller has just read it (read once: this is the busiest write).
    func run(_ usulan: Usulan, in ctx: Invocation) async throws {
        guard let accountID = ctx.principal.accountID else { throw UserFacingError.signInRequired }
        try ctx.requireScope(.usulanWrite)
        guard let usulanID = usulan.id, usulan.workflowStatus != .draft, !usulan.isHidden else { throw UserFacingError.notFound }
        if support {
            guard usulan.proposerID != accountID else {
                throw UserFacingError(.conflict, Phrase("Pengusul tidak perlu mendukung usulannya sendiri.", "Proposers do not support their own proposal."))
            }
            guard !usulan.workflowStatus.isFinal else {
                throw UserFacingError(.conflict, Phrase("Usulan ini sudah tidak menerima dukungan (\(usulan.workflowStatus.label(.id))).",
                                                        "This proposal no longer takes support (\(usulan.workflowStatus.label(.en)))."))
            }
        }
        let throttle = ctx.settings.abuseLimits && Throttle.applies(to: ctx.actor) ? Throttle.key(.support, account: accountID) : nil
        if let throttle { try await Throttle.check(.support, key: throttle, in: ctx) }
        try await ctx.app.supportBatch.run(.init(usulanID: usulanID, year: usulan.year, desaCode: usulan.desaCode, accountID: accountID,
                                                 support: support, actor: ctx.identity, now: ctx.now, throttleKey: throttle), writes: ctx.writes)
    }
}

enum SupportCounts {
    /// Serialises support changes per usulan on PostgreSQL: the row lock is held to commit, so the next
    /// transaction counts after this one's rows are visible. (SQLite has one writer at a time anyway.)
    static func lock(_ ids: [UUID], on db: any Database) async throws {
        guard db.isPostgres else { return }
        for id in ids.sorted(by: { $0.uuidString < $1.uuidString }) {   // a fixed order: no deadlock between two merges
            try await db.lockRow(Usulan.schema, id: id)
        }
    }

    /// One support more or less; the caller holds the lock (`lock`) and has just added or removed the row.
    static func move(_ id: UUID, by change: Int, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.update(Usulan.schema)
            .set("support_count", to: SQLBinaryExpression(SQLColumn("support_count"), .add, SQLBind(change)))
            .where("id", .equal, id).run()
    }

    /// Sets each usulan's count to the number of its support rows.
    static func refresh(_ ids: [UUID], on db: any Database) async throws {
        for id in ids {
            let count = try await UsulanSupport.query(on: db).filter(\.$usulan.$id == id).count()
            try await Usulan.query(on: db).filter(\.$id == id).set(\.$supportCount, to: count).update()
        }
    }

    /// Moves the supports of a merged usulan to the one it joins; a person who supported both counts once.
    static func carry(from source: UUID, to target: UUID, on db: any Database) async throws {
        try await lock([source, target], on: db)
        let already = Set(try await UsulanSupport.query(on: db).filter(\.$usulan.$id == target).all().map(\.accountID))
        for row in try await UsulanSupport.query(on: db).filter(\.$usulan.$id == source).all() {
            if already.contains(row.accountID) { try await row.delete(on: db) } else {
                row.$usulan.id = target
                try await row.update(on: db)
            }
        }
        try await refresh([source, target], on: db)
    }
}

import Fluent
import Foundation
import RembukCore
import SQLKit

/// What a command says happened; the log adds the time, the sequence number and the hashes.
public struct AuditDraft: Sendable {
    public var actor: Principal.Identity
    public var action: String
    public var subjectType: String
    public var subjectID: String
    public var regionCode: String
    public var summary: String
    public var reason: String

    public init(actor: Principal.Identity, action: String, subjectType: String, subjectID: String,
                regionCode: String = "", summary: String = "", reason: String = "") {
        self.actor = actor
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.regionCode = regionCode
        self.summary = summary
        self.reason = reason
    }
}

public enum AuditLog {
    /// Appends a record. Call it inside the command's transaction (`app.writes.transaction`), so the record
    /// and the change it describes commit together or not at all.
    @discardableResult
    public static func append(_ draft: AuditDraft, on db: any Database, now: Date = Date()) async throws -> AuditEntry {
        try await append(contentsOf: [draft], on: db, now: now)[0]
    }

    /// Appends records in order, all with the time `now`: one read of the head, the chain computed here, and
    /// multi-row inserts (a bulk import of 100 000 usulan writes 100 000 records in seconds).
    @discardableResult
    public static func append(contentsOf drafts: [AuditDraft], on db: any Database, now: Date = Date()) async throws -> [AuditEntry] {
        if db.isPostgres {
            // One appender at a time across every instance; released at commit or rollback.
            try await db.sql.raw("SELECT pg_advisory_xact_lock(7270001)").run()
        }
        struct Head: Decodable { let sequence: Int64; let hash: String }
        let head = try await db.sql.raw("SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1").first(decoding: Head.self)
        var sequence = head?.sequence ?? 0
        var previous = head?.hash ?? AuditEntry.genesisHash
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        var buffer: [UInt8] = []
        var entries: [AuditEntry] = []
        var hashes: [String] = []
        entries.reserveCapacity(drafts.count)
        hashes.reserveCapacity(drafts.count)
        for draft in drafts {
            sequence += 1
            let actor = draft.actor.inTrail(subjectType: draft.subjectType, subjectID: draft.subjectID)
            let entry = AuditEntry(
                sequence: sequence, occurredAtMillis: millis,
                actorID: actor.id, actorLabel: actor.label, action: draft.action,
                subjectType: draft.subjectType, subjectID: draft.subjectID, regionCode: draft.regionCode,
                summary: draft.summary, reason: draft.reason, previousHash: previous)
            previous = entry.hash(reusing: &buffer)
            entries.append(entry)
            hashes.append(previous)
        }
        try await store(entries, hashes: hashes, on: db)
        return entries
    }

    /// Inserts chained entries with their hashes as they are, in multi-row statements. Only `append` and the
    /// benchmark generator (which spreads its records over time) call it; neither checks the links again.
    static func store(_ entries: [AuditEntry], hashes: [String], on db: any Database) async throws {
        // 12 values a row; SQLite takes at most 32 766 in one statement.
        for start in stride(from: 0, to: entries.count, by: 2000) {
            let rows: [[any SQLExpression]] = (start..<min(start + 2000, entries.count)).map { index in
                let entry = entries[index]
                return [SQLBind(entry.sequence), SQLBind(entry.occurredAtMillis), SQLBind(entry.actorID), SQLBind(entry.actorLabel),
                        SQLBind(entry.action), SQLBind(entry.subjectType), SQLBind(entry.subjectID), SQLBind(entry.regionCode),
                        SQLBind(entry.summary), SQLBind(entry.reason), SQLBind(entry.previousHash), SQLBind(hashes[index])]
            }
            try await db.sql.insert(into: AuditRecord.schema).columns(StoredPage.columns).rows(rows).run()
        }
    }

    public static func head(on db: any Database) async throws -> AuditRecord? {
        try await AuditRecord.query(on: db).sort(\.$id, .descending).first()
    }

    public enum Verification: Sendable, Equatable {
        case intact(count: Int64, headHash: String)
        case broken(AuditChainVerifier.Break)
    }

    /// Reads the whole chain page by page and checks every link. The next page is read while this one is
    /// hashed on every core; rows are read as plain columns (no model objects), so a million records take
    /// seconds (docs/PERFORMANCE.md, "Algorithmic budgets").
    public static func verify(on db: any Database, pageSize: Int = 5000) async throws -> Verification {
        var verifier = AuditChainVerifier()
        var page = try await StoredPage.read(after: 0, limit: pageSize, on: db)
        while !page.entries.isEmpty {
            let after = page.entries[page.entries.count - 1].sequence
            let more = page.entries.count == pageSize
            async let next = more ? StoredPage.read(after: after, limit: pageSize, on: db) : StoredPage()
            do { try verifier.feed(page.entries, storedHashes: page.hashes) } catch { return .broken(error) }
            page = try await next
        }
        return .intact(count: verifier.count, headHash: verifier.headHash)
    }

    /// Records as they are stored, beside the hash stored with each.
    struct StoredPage: Sendable {
        var entries: [AuditEntry] = []
        var hashes: [String] = []

        static let columns = ["sequence", "occurred_at_ms", "actor_id", "actor_label", "action", "subject_type", "subject_id",
                              "region_code", "summary", "reason", "previous_hash", "hash"]

        static func read(after sequence: Int64, limit: Int, on db: any Database) async throws -> StoredPage {
            let rows = try await db.sql.select().columns(columns).from(AuditRecord.schema).where(SQLIdentifier("sequence"), .greaterThan, SQLBind(sequence)).orderBy("sequence").limit(limit).all()
            var page = StoredPage()
            page.entries.reserveCapacity(rows.count)
            page.hashes.reserveCapacity(rows.count)
            for row in rows {
                func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
                page.entries.append(AuditEntry(
                    sequence: try row.decode(column: "sequence", as: Int64.self),
                    occurredAtMillis: try row.decode(column: "occurred_at_ms", as: Int64.self),
                    actorID: try text("actor_id"), actorLabel: try text("actor_label"), action: try text("action"),
                    subjectType: try text("subject_type"), subjectID: try text("subject_id"), regionCode: try text("region_code"),
                    summary: try text("summary"), reason: try text("reason"), previousHash: try text("previous_hash")))
                page.hashes.append(try text("hash"))
            }
            return page
        }
    }
}

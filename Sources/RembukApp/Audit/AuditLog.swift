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
        if db.isPostgres {
            // One appender at a time across every instance; released at commit or rollback.
            try await db.sql.raw("SELECT pg_advisory_xact_lock(7270001)").run()
        }
        let head = try await AuditRecord.query(on: db).sort(\.$id, .descending).first()
        let entry = AuditEntry(
            sequence: (head?.id ?? 0) + 1,
            occurredAtMillis: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)),
            actorID: draft.actor.id, actorLabel: draft.actor.label, action: draft.action,
            subjectType: draft.subjectType, subjectID: draft.subjectID, regionCode: draft.regionCode,
            summary: draft.summary, reason: draft.reason,
            previousHash: head?.hash ?? AuditEntry.genesisHash)
        try await AuditRecord(entry: entry).create(on: db)
        return entry
    }

    public static func head(on db: any Database) async throws -> AuditRecord? {
        try await AuditRecord.query(on: db).sort(\.$id, .descending).first()
    }

    public enum Verification: Sendable, Equatable {
        case intact(count: Int64, headHash: String)
        case broken(AuditChainVerifier.Break)
    }

    /// Reads the whole chain page by page and checks every link.
    public static func verify(on db: any Database, pageSize: Int = 1000) async throws -> Verification {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        while true {
            let page = try await AuditRecord.query(on: db).filter(\.$id > after).sort(\.$id).limit(pageSize).all()
            for record in page {
                do { try verifier.feed(record.entry, storedHash: record.hash) } catch { return .broken(error) }
            }
            guard let last = page.last?.id, page.count == pageSize else { break }
            after = last
        }
        return .intact(count: verifier.count, headHash: verifier.headHash)
    }
}

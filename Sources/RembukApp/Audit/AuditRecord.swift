import Fluent
import RembukCore

/// The stored form of an audit entry. Rows are only ever inserted; `sequence` is the primary key,
/// so two writers can never both append record N (no forks in the chain).
public final class AuditRecord: Model, @unchecked Sendable {
    public static let schema = "audit_records"

    @ID(custom: "sequence", generatedBy: .user) public var id: Int64?
    @Field(key: "occurred_at_ms") public var occurredAtMillis: Int64
    @Field(key: "actor_id") public var actorID: String
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "action") public var action: String
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "summary") public var summary: String
    @Field(key: "reason") public var reason: String
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    public init(entry: AuditEntry) {
        id = entry.sequence
        occurredAtMillis = entry.occurredAtMillis
        actorID = entry.actorID
        actorLabel = entry.actorLabel
        action = entry.action
        subjectType = entry.subjectType
        subjectID = entry.subjectID
        regionCode = entry.regionCode
        summary = entry.summary
        reason = entry.reason
        previousHash = entry.previousHash
        hash = entry.hash
    }

    public var entry: AuditEntry {
        AuditEntry(sequence: id ?? 0, occurredAtMillis: occurredAtMillis, actorID: actorID, actorLabel: actorLabel,
                   action: action, subjectType: subjectType, subjectID: subjectID, regionCode: regionCode,
                   summary: summary, reason: reason, previousHash: previousHash)
    }
}

struct M007_CreateAuditRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditRecord.schema)
            .field("sequence", .int64, .identifier(auto: false))
            .field("occurred_at_ms", .int64, .required)
            .field("actor_id", .string, .required)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("region_code", .string, .required)
            .field("summary", .string, .required)
            .field("reason", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "previous_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditRecord.schema).delete()
    }
}

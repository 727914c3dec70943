import Fluent
import Foundation
import RembukCore

/// A public comment on an usulan (later on projects and programmes). Replies hang one level under a comment.
/// A moderator may hide a comment; it then shows only the public reason, never its text.
public final class Comment: Model, @unchecked Sendable {
    public static let schema = "comments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "author_name") public var authorName: String
    @Field(key: "body") public var body: String
    /// Set by `PostComment` from the command's clock.
    @OptionalField(key: "created_at") public var createdAt: Date?
    @OptionalField(key: "hidden_at") public var hiddenAt: Date?
    @OptionalField(key: "hidden_reason") public var hiddenReason: String?

    public init() {}

    public var isHidden: Bool { hiddenAt != nil }
}

/// A citizen's report that a comment or an usulan breaks the rules. One per person per item (a database
/// constraint); it stays open until a moderator hides the item or dismisses the reports.
public final class AbuseReport: Model, @unchecked Sendable {
    public static let schema = "abuse_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "reporter_id") public var reporterID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "note") public var note: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "resolved_at") public var resolvedAt: Date?
    @OptionalField(key: "resolution") public var resolution: String?

    public init() {}

    public var abuseReason: AbuseReason { AbuseReason(rawValue: reason) ?? .lainnya }
}

import Fluent
import Foundation
import RembukCore

/// One Musrenbang forum: its kind, the region (and for a forum OPD the agency) it is held for, when and where.
public final class Forum: Model, @unchecked Sendable {
    public static let schema = "forums"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "cycle_id") public var cycle: PlanningCycle
    @Field(key: "level") public var level: String
    @Field(key: "region_code") public var regionCode: String
    /// The agency of a forum OPD; empty for every other kind (so the unique constraint holds).
    @Field(key: "agency") public var agency: String
    @Field(key: "title") public var title: String
    @Field(key: "held_on") public var heldOn: String
    @Field(key: "starts_at") public var startsAt: String
    @Field(key: "place") public var place: String
    @Field(key: "agenda") public var agenda: String
    @Field(key: "facilitator") public var facilitator: String
    @Field(key: "status") public var status: String
    @Field(key: "created_by") public var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @OptionalField(key: "closed_at") public var closedAt: Date?
    /// The audit chain's head hash right after the closing record: printed on the berita acara.
    @OptionalField(key: "closing_hash") public var closingHash: String?
    /// A kecamatan forum's pagu when it closed, so its berita acara keeps the figure it was signed with.
    @OptionalField(key: "closing_pagu") public var closingPagu: Int64?
    /// The berita acara's number, given when the forum first closes and kept through a reopening (M042).
    @OptionalField(key: "document_number") public var documentNumber: String?

    public init() {}

    public var forumLevel: ForumLevel { ForumLevel(rawValue: level) ?? .desa }
    public var forumStatus: ForumStatus { ForumStatus(rawValue: status) ?? .dijadwalkan }
    public var day: LocalDate? { LocalDate(iso: heldOn) }
}

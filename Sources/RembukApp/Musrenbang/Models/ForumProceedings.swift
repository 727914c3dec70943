import Fluent
import Foundation
import RembukCore

/// One line of a forum's daftar hadir. The phone number is optional and never shown in public.
public final class ForumAttendee: Model, @unchecked Sendable {
    public static let schema = "forum_attendees"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "forum_id") public var forum: Forum
    /// The line number on the printed sheet.
    @Field(key: "number") public var number: Int
    @Field(key: "name") public var name: String
    @Field(key: "gender") public var gender: String
    @Field(key: "age_group") public var ageGroup: String
    @Field(key: "disability") public var disability: Bool
    @Field(key: "unsur") public var unsur: String
    @Field(key: "organisation") public var organisation: String
    @OptionalField(key: "phone") public var phone: String?
    @Field(key: "delegate") public var delegate: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public var attendee: Attendee {
        Attendee(gender: Attendee.Gender(rawValue: gender) ?? .lakiLaki, ageGroup: Attendee.AgeGroup(rawValue: ageGroup) ?? .dewasa,
                 hasDisability: disability)
    }

    public var unsurValue: Unsur? { Unsur(rawValue: unsur) }
}

/// One scorer's scores for one usulan at one forum (criterion key → 1–5), with the weighted total.
public final class ForumScoreSheet: Model, @unchecked Sendable {
    public static let schema = "forum_scores"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "forum_id") public var forum: Forum
    @Field(key: "usulan_id") public var usulanID: UUID
    /// Who scored, as the forum names them (e.g. "Penilai 1 – Ketua BPD"): scorers need no account.
    @Field(key: "scorer") public var scorer: String
    /// JSON object of criterion key → score.
    @Field(key: "scores") public var scores: String
    /// `ScoringScheme.weigh` of the scores.
    @Field(key: "total") public var total: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var sheet: [String: Int] {
        (try? JSONDecoder().decode([String: Int].self, from: Data(scores.utf8))) ?? [:]
    }
}

/// A forum OPD's or the kabupaten forum's decision on one usulan, changeable until the forum closes.
public final class ForumDecisionRecord: Model, @unchecked Sendable {
    public static let schema = "forum_decisions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "forum_id") public var forum: Forum
    @Field(key: "usulan_id") public var usulanID: UUID
    @Field(key: "decision") public var decision: String
    @OptionalField(key: "reason_code") public var reasonCode: String?
    @Field(key: "note") public var note: String
    @OptionalField(key: "new_agency") public var newAgency: String?
    /// For "terima dengan perubahan": the volume and cost the agency accepts, applied at closing.
    @OptionalField(key: "new_volume") public var newVolume: Double?
    @OptionalField(key: "new_cost") public var newCost: Int64?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var forumDecision: ForumDecision? { ForumDecision(rawValue: decision) }
}

/// One usulan's line in a closed forum's result: frozen at closing, read by the berita acara and the public.
public final class ForumResult: Model, @unchecked Sendable {
    public static let schema = "forum_results"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "forum_id") public var forum: Forum
    @Parent(key: "usulan_id") public var usulan: Usulan
    /// The order of the result list (agreed by priority first).
    @Field(key: "position") public var position: Int
    @OptionalField(key: "priority") public var priority: Int?
    @Field(key: "outcome") public var outcome: String
    @Field(key: "reason") public var reason: String
    @Field(key: "score_sum") public var scoreSum: Int
    @Field(key: "scorers") public var scorers: Int
    @Field(key: "cost") public var cost: Int64
    @Field(key: "volume") public var volume: Double
    @Field(key: "agency") public var agency: String
    @Field(key: "from_status") public var fromStatus: String
    @Field(key: "to_status") public var toStatus: String

    public init() {}

    public var forumOutcome: ForumOutcome { ForumOutcome(rawValue: outcome) ?? .tidakDibahas }
    public var score: ForumScore { ForumScore(sum: scoreSum, scorers: scorers) }
}

import Fluent
import Foundation
import RembukCore

/// A mentor's note on one meeting with a UMKM participant. Read by the programme's staff, its partners' mentors
/// and the participant; never public.
public final class MentoringEntry: Model, @unchecked Sendable {
    public static let schema = "program_mentoring"

    @ID(key: .id) public var id: UUID?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "met_on") public var metOn: String
    @Field(key: "topic") public var topic: String
    @Field(key: "notes") public var notes: String
    @Field(key: "next_steps") public var nextSteps: String
    @Field(key: "mentor_id") public var mentorID: UUID
    /// The mentor as the participant should read it: `Budi Santoso (Yayasan Citarum Lestari)`.
    @Field(key: "mentor_label") public var mentorLabel: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}
}

/// A participant's answers to the programme's evaluation survey. The comment shows publicly (without a name)
/// only once a moderator lets it through.
public final class ProgramEvaluation: Model, @unchecked Sendable {
    public static let schema = "program_evaluations"

    public enum CommentStatus: String, Sendable { case kosong, menunggu, tampil, disembunyikan }

    @ID(key: .id) public var id: UUID?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "satisfaction") public var satisfaction: Int
    @Field(key: "usefulness") public var usefulness: Int
    @Field(key: "comment") public var comment: String
    @Field(key: "comment_status") public var commentStatus: String
    @Field(key: "created_ms") public var createdMillis: Int64

    public init() {}

    var answer: EvaluationAnswer? { EvaluationAnswer(satisfaction: satisfaction, usefulness: usefulness) }
    var status: CommentStatus { CommentStatus(rawValue: commentStatus) ?? .menunggu }
}

/// That a UMKM participant was asked for a follow-up, so they are asked once.
public final class FollowUpPrompt: Model, @unchecked Sendable {
    public static let schema = "program_followup_prompts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "program_id") public var programID: UUID
    @Field(key: "account_id") public var accountID: UUID
    @Field(key: "moment") public var moment: String
    @Field(key: "sent_ms") public var sentMillis: Int64

    public init() {}
}

import Fluent
import Foundation
import RembukCore

/// A discussion on a development topic, opened by a citizen or by staff (then marked official with their role),
/// for the whole kabupaten or one kecamatan. Comments hang on it as on an usulan (subject type `thread`).
/// Moderators may close it or hide it, each with a reason everyone can read.
public final class DiscussionThread: Model, @unchecked Sendable {
    public static let schema = "discussion_threads"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "body") public var body: String
    @Field(key: "topic") public var topic: String
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "author_name") public var authorName: String
    /// The role or agency of a staff author (“Bappeda”, “Dinas PUPR”); empty for citizens.
    @Field(key: "official_label") public var officialLabel: String
    @OptionalField(key: "closed_at") public var closedAt: Date?
    @OptionalField(key: "closed_reason") public var closedReason: String?
    @OptionalField(key: "hidden_at") public var hiddenAt: Date?
    @OptionalField(key: "hidden_reason") public var hiddenReason: String?
    @Field(key: "last_activity_at") public var lastActivityAt: Date
    /// When the command opened it (its clock, so demo data and tests read naturally).
    @OptionalField(key: "created_at") public var createdAt: Date?

    public init() {}

    public var isClosed: Bool { closedAt != nil }
    public var isHidden: Bool { hiddenAt != nil }
    public var isOfficial: Bool { !officialLabel.isEmpty }
    var discussionTopic: DiscussionTopic { DiscussionTopic(rawValue: topic) ?? .umum }
}

/// What a discussion is about: one of the usulan sectors, or planning in general.
enum DiscussionTopic: Hashable, Sendable, CaseIterable {
    case umum
    case bidang(Bidang)

    static var allCases: [DiscussionTopic] { [.umum] + Bidang.allCases.map { .bidang($0) } }

    init?(rawValue: String) {
        if rawValue == "umum" { self = .umum } else if let bidang = Bidang(rawValue: rawValue) { self = .bidang(bidang) } else { return nil }
    }

    var rawValue: String {
        switch self {
        case .umum: "umum"
        case let .bidang(bidang): bidang.rawValue
        }
    }

    func label(_ language: RembukCore.Language) -> String {
        switch self {
        case .umum: language == .id ? "Perencanaan umum" : "Planning in general"
        case let .bidang(bidang): bidang.label(language)
        }
    }
}

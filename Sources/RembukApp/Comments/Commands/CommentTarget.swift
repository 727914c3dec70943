import Fluent
import Foundation
import RembukCore

/// What a comment hangs on (an usulan or a discussion), with what posting and moderating a comment need:
/// the region moderators act in, the page, who owns it (told of new comments) and whether it takes comments now.
struct CommentTarget: Sendable {
    enum Kind: String, Sendable { case usulan, thread }

    let kind: Kind
    let id: UUID
    let regionCode: String
    let link: String
    /// `U-2026-00012` or `diskusi “Jalan lingkar…”`, for notices and the audit trail.
    let name: Phrase
    let ownerID: UUID?
    let isOpen: Bool

    var postPath: String { kind == .usulan ? SiteRoute.usulanComment(id.uuidString).path : SiteRoute.discussionComment(id.uuidString).path }

    static func usulan(_ usulan: Usulan) -> CommentTarget {
        CommentTarget(kind: .usulan, id: usulan.id ?? UUID(), regionCode: usulan.desaCode, link: SiteRoute.usulan(usulan.id?.uuidString ?? "").path,
                      name: Phrase(usulan.number, usulan.number), ownerID: usulan.proposerID,
                      isOpen: usulan.workflowStatus != .draft && !usulan.isHidden)
    }

    static func thread(_ thread: DiscussionThread) -> CommentTarget {
        let short = thread.title.count > 40 ? String(thread.title.prefix(39)) + "…" : thread.title
        return CommentTarget(kind: .thread, id: thread.id ?? UUID(), regionCode: thread.regionCode,
                             link: SiteRoute.discussion(thread.id?.uuidString ?? "").path,
                             name: Phrase("diskusi “\(short)”", "discussion “\(short)”"), ownerID: thread.authorID,
                             isOpen: !thread.isHidden && !thread.isClosed)
    }

    /// The target a stored comment hangs on, or nil when it no longer exists.
    static func of(_ comment: Comment, on db: any Database) async throws -> CommentTarget? {
        guard let id = UUID(uuidString: comment.subjectID) else { return nil }
        switch Kind(rawValue: comment.subjectType) {
        case .usulan: return try await Usulan.find(id, on: db).map(usulan)
        case .thread: return try await DiscussionThread.find(id, on: db).map(thread)
        case nil: return nil
        }
    }
}

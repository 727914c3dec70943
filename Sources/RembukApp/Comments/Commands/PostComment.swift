import Fluent
import Foundation
import RembukCore

/// A signed-in person comments on an usulan or a discussion, or replies to a comment. Replies stay one level deep:
/// a reply to a reply joins the same thread. The owner (proposer, opener) and the author replied to are notified.
struct PostComment {
    struct Input: Codable, Sendable {
        var body: String?
        var parent: String?
    }

    enum Outcome {
        case posted(Comment)
        case invalid(FormErrors)
    }

    func run(on target: CommentTarget, _ input: Input, in ctx: Invocation) async throws -> Outcome {
        guard let account = ctx.principal.account, let accountID = account.id else { throw UserFacingError.signInRequired }
        guard target.isOpen else {
            throw UserFacingError(.conflict, Phrase("Ini tidak bisa dikomentari lagi.", "This cannot be commented on any more."))
        }
        var errors = FormErrors()
        let body = TextInput.clean(input.body ?? "")
        if body.isEmpty {
            errors.add("body", Phrase("Tulis komentar Anda.", "Write your comment."))
        } else if body.count > 2000 {
            errors.add("body", Phrase("Komentar paling panjang 2.000 huruf (sekarang \(body.count)).",
                                      "A comment has at most 2,000 characters (now \(body.count))."))
        }
        var parent: Comment?
        if let raw = input.parent, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), let found = try await Comment.find(id, on: ctx.db),
                  found.subjectType == target.kind.rawValue, found.subjectID == target.id.uuidString else {
                throw UserFacingError(.notFound, Phrase("Komentar yang dibalas tidak ada.", "The comment replied to does not exist."))
            }
            if let top = found.parentID { parent = try await Comment.find(top, on: ctx.db) } else { parent = found }
            if parent?.isHidden == true { errors.add("body", Phrase("Komentar yang disembunyikan tidak bisa dibalas.", "A hidden comment cannot be replied to.")) }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let throttle = Throttle.key(.comment, account: accountID)
        try await Throttle.check(.comment, key: throttle, in: ctx)

        let comment = Comment()
        comment.subjectType = target.kind.rawValue
        comment.subjectID = target.id.uuidString
        comment.parentID = parent?.id
        comment.authorID = accountID
        comment.authorName = PublicName.short(account.name)
        comment.body = body
        comment.createdAt = ctx.now
        let identity = ctx.identity
        let now = ctx.now
        let repliedTo = parent?.authorID
        try await ctx.writes.transaction { db in
            try await comment.create(on: db)
            try await Throttle.record(.comment, key: throttle, on: db, in: ctx)
            try await AuditLog.append(AuditDraft(actor: identity, action: repliedTo == nil ? "comment.posted" : "comment.replied",
                                                 subjectType: "comment", subjectID: try comment.requireID().uuidString,
                                                 regionCode: target.regionCode, summary: "komentar pada \(target.name.id)"), on: db, now: now)
            if target.kind == .thread {
                try await DiscussionThread.query(on: db).filter(\.$id == target.id).set(\.$lastActivityAt, to: now).update()
            }
            let link = target.link + "#komentar-" + (try comment.requireID().uuidString)
            let notice = Notice(
                title: Phrase("Komentar baru pada \(target.name.id)", "New comment on \(target.name.en)"),
                body: Phrase("\(comment.authorName) menulis: “\(String(body.prefix(200)))”", "\(comment.authorName) wrote: “\(String(body.prefix(200)))”"),
                link: link)
            var notified: Set<UUID> = [accountID]
            for recipient in [target.ownerID, repliedTo].compactMap({ $0 }) where !notified.contains(recipient) {
                notified.insert(recipient)
                if let person = try await Account.find(recipient, on: db), !person.isDisabled {
                    try await Notifier.send(to: person, notice, in: ctx, on: db)
                }
            }
        }
        return .posted(comment)
    }
}

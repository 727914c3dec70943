import Foundation
import Plot
import RembukCore

/// The comments under an usulan or a discussion: threads of one level, each with reply, report and (for moderators) hide forms,
/// all plain `<details>` disclosures that work without JavaScript.
struct CommentThread {
    struct Entry {
        var comment: Comment
        var replies: [Comment]
    }

    /// Where the comment and reply forms post (`CommentTarget.postPath`).
    var postPath: String
    var entries: [Entry]
    var open: Bool
    var canModerate: Bool
    var draft = PostComment.Input()
    var errors = FormErrors()

    static func build(_ comments: [Comment]) -> [Entry] {
        let replies = Dictionary(grouping: comments.filter { $0.parentID != nil }, by: { $0.parentID! })
        return comments.filter { $0.parentID == nil }.map { Entry(comment: $0, replies: replies[$0.id!] ?? []) }
    }

    var count: Int { entries.reduce(0) { $0 + 1 + $1.replies.count } }

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(.id("komentar"),
            .h2(.text(ctx.t("Komentar", "Comments") + " (\(count))")),
            newCommentForm(ctx),
            .if(entries.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada komentar.", "No comments yet.")))),
            .element(named: "ol", nodes: [.attribute(named: "class", value: "comments"), .forEach(entries) { entry in
                .li(article(ctx, entry.comment, isReply: false),
                    .if(!entry.replies.isEmpty, .element(named: "ol", nodes: [.attribute(named: "class", value: "replies"),
                        .forEach(entry.replies) { .li(article(ctx, $0, isReply: true)) }])))
            }]))
    }

    func newCommentForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard open else { return .empty }
        guard ctx.isSignedIn else {
            return .p(.a(.href(SiteRoute.login.path + "?kembali=" + ctx.path.urlQueryEscaped),
                         .text(ctx.t("Masuk untuk berkomentar", "Sign in to comment"))))
        }
        let isNew = (draft.parent ?? "").isEmpty
        return FormKit.form(.class("stack wide no-print"), .attribute(named: "method", value: "post"),
                            .attribute(named: "action", value: postPath),
            FormKit.csrf(ctx),
            FormKit.textarea(ctx, name: "body", label: ctx.t("Tulis komentar", "Write a comment"), value: isNew ? draft.body ?? "" : "",
                             errors: isNew ? errors : FormErrors(), idPrefix: "k-",
                             hint: ctx.t("Komentar tampil untuk umum dengan nama depan Anda. Jangan tulis NIK atau nomor HP.",
                                         "Comments are public with your first name. Do not write ID or phone numbers."), required: true, rows: 3),
            .button(.type(.submit), .text(ctx.t("Kirim komentar", "Post comment"))))
    }

    func article(_ ctx: ViewContext, _ comment: Comment, isReply: Bool) -> Node<HTML.BodyContext> {
        let id = comment.id?.uuidString ?? ""
        let showText = !comment.isHidden || canModerate || ctx.principal.accountID == comment.authorID
        return .element(named: "article", nodes: [
            .id("komentar-" + id), .class(comment.isHidden ? "comment hidden" : "comment"),
            .p(.class("meta"), .strong(.text(comment.authorName)), .text(" · "),
               .span(.class("muted"), .text(comment.createdAt.map { DateText.dateTime($0, ctx.language) } ?? ""))),
            .unwrap(comment.hiddenReason) { reason in
                .p(.class("alert"), .text(ctx.t("Komentar ini disembunyikan moderator. Alasan: ", "This comment was hidden by a moderator. Reason: ") + reason))
            },
            .if(showText, .group(comment.body.split(separator: "\n").map { .p(.text(String($0))) })),
            .if(ctx.isSignedIn, .div(.class("comment-actions no-print"),
                .if(open && !comment.isHidden, replyForm(ctx, comment)),
                .if(!comment.isHidden && ctx.principal.accountID != comment.authorID,
                    ModerationViews.reportForm(ctx, kind: "comment", id: id, errors: FormErrors())),
                .if(canModerate, ModerationViews.hideForm(ctx, kind: "comment", id: id, hidden: comment.isHidden, errors: FormErrors())))),
        ])
    }

    func replyForm(_ ctx: ViewContext, _ comment: Comment) -> Node<HTML.BodyContext> {
        let id = comment.id?.uuidString ?? ""
        let isThis = draft.parent == id
        return .element(named: "details", nodes: [
            .if(isThis, .attribute(named: "open", value: "open")),
            .element(named: "summary", nodes: [.text(ctx.t("Balas", "Reply"))]),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"),
                         .attribute(named: "action", value: postPath),
                FormKit.csrf(ctx),
                FormKit.input([("type", "hidden"), ("name", "parent"), ("value", id)]),
                FormKit.textarea(ctx, name: "body", label: ctx.t("Balasan Anda", "Your reply"), value: isThis ? draft.body ?? "" : "",
                                 errors: isThis ? errors : FormErrors(), idPrefix: "b-\(id)-", required: true, rows: 2),
                .button(.type(.submit), .text(ctx.t("Kirim balasan", "Send reply")))),
        ])
    }
}

/// The report and hide forms, shared by comments and usulan.
enum ModerationViews {
    static func reportForm(_ ctx: ViewContext, kind: String, id: String, errors: FormErrors) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .if(!errors.isEmpty, .attribute(named: "open", value: "open")),
            .element(named: "summary", nodes: [.text(ctx.t("Laporkan", "Report"))]),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"),
                         .attribute(named: "action", value: SiteRoute.report(kind, id).path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "reason", label: ctx.t("Alasan", "Reason"),
                               choices: [.init(value: "", label: ctx.t("— pilih alasan —", "— choose a reason —"))]
                                   + AbuseReason.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: "", errors: errors, idPrefix: "r-\(id)-"),
                FormKit.textarea(ctx, name: "note", label: ctx.t("Keterangan", "Details"), value: "", errors: errors, idPrefix: "r-\(id)-", rows: 2),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Kirim laporan", "Send report")))),
        ])
    }

    static func hideForm(_ ctx: ViewContext, kind: String, id: String, hidden: Bool, errors: FormErrors) -> Node<HTML.BodyContext> {
        let route = hidden ? SiteRoute.moderationRestore(kind, id) : SiteRoute.moderationHide(kind, id)
        let label = hidden ? ctx.t("Tampilkan kembali", "Show again") : ctx.t("Sembunyikan", "Hide")
        return .element(named: "details", nodes: [
            .if(!errors.isEmpty, .attribute(named: "open", value: "open")),
            .element(named: "summary", nodes: [.text(label)]),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: route.path),
                FormKit.csrf(ctx),
                FormKit.textarea(ctx, name: "reason", label: ctx.t("Alasan (dibaca publik)", "Reason (public)"), value: "", errors: errors,
                                 idPrefix: "h-\(id)-", hint: ctx.t("Misalnya: memuat nomor HP warga lain.", "E.g. it contains another resident's phone number."),
                                 required: true, rows: 2),
                .button(.type(.submit), .class(hidden ? "" : "danger"), .text(label))),
        ])
    }
}

import Foundation
import Plot
import RembukCore

/// The discussions, most recently active first, with filters by topic, region and status.
struct DiscussionListPage {
    var threads: [DiscussionThread]
    var counts: [String: Int]
    var filter: DiscussionFilter
    var total: Int
    var kecamatan: [Region]

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Diskusi pembangunan", "Development discussions")
        let pages = max(1, (total + DiscussionController.perPage - 1) / DiscussionController.perPage)
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Bahas rencana pembangunan bersama warga, perangkat daerah, dan Bappeda. Usulan resmi tetap diajukan lewat menu Usulan.",
                "Talk about development plans with residents, agencies and the planning agency. Formal proposals still go through Proposals."))),
            .p(ctx.isSignedIn ? .a(.class("button"), .href(SiteRoute.discussionNew.path), .text(ctx.t("Buka diskusi baru", "Start a discussion")))
                : .a(.href(SiteRoute.login.path + "?kembali=" + SiteRoute.discussionNew.path.urlQueryEscaped),
                     .text(ctx.t("Masuk untuk membuka diskusi", "Sign in to start a discussion")))),
            filters(ctx),
            .p(.class("muted"), .text(ctx.t("\(total) diskusi", "\(total) discussions"))),
            threads.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada diskusi yang cocok.", "No matching discussions yet."))) :
            .ul(.class("cards usulan wide"), .forEach(threads) { card(ctx, $0) }),
            Pager.nav(ctx, page: filter.page, pages: pages) { SiteRoute.discussions.path + filter.query(page: $0) },
        ])
    }

    func filters(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let all = FormKit.Choice(value: "", label: ctx.t("Semua", "All"))
        let none = FormErrors()
        return FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.discussions.path),
            FormKit.select(ctx, name: "topik", label: ctx.t("Topik", "Topic"),
                           choices: [all] + DiscussionTopic.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: filter.topic?.rawValue ?? "", errors: none),
            FormKit.select(ctx, name: "wilayah", label: ctx.t("Wilayah", "Region"),
                           choices: [all, .init(value: ctx.kabupaten.value, label: ctx.regionName)]
                               + kecamatan.map { .init(value: $0.id ?? "", label: "Kec. " + $0.name) },
                           selected: filter.region ?? "", errors: none),
            FormKit.select(ctx, name: "status", label: "Status",
                           choices: [all, .init(value: "terbuka", label: ctx.t("Terbuka", "Open")), .init(value: "ditutup", label: ctx.t("Ditutup", "Closed"))],
                           selected: filter.status ?? "", errors: none),
            .button(.type(.submit), .class("secondary"), .text(ctx.t("Terapkan", "Apply"))))
    }

    func card(_ ctx: ViewContext, _ thread: DiscussionThread) -> Node<HTML.ListContext> {
        let id = thread.id?.uuidString ?? ""
        let count = counts[id] ?? 0
        return .li(.class("card"),
            DiscussionBadges.render(ctx, thread),
            .h2(.a(.href(SiteRoute.discussion(id).path),
                   .text(thread.isHidden ? ctx.t("Diskusi disembunyikan moderator", "Discussion hidden by a moderator") : thread.title))),
            .p(.class("muted"), .text(DiscussionBadges.byline(ctx, thread) + " · "
                + ctx.t("\(count) komentar", count == 1 ? "1 comment" : "\(count) comments") + " · "
                + ctx.t("aktif ", "active ") + DateText.short(thread.lastActivityAt, ctx.language))))
    }
}

/// Topic, official and closed badges, and who opened a discussion.
enum DiscussionBadges {
    static func render(_ ctx: ViewContext, _ thread: DiscussionThread) -> Node<HTML.BodyContext> {
        .p(.span(.class("badge"), .text(thread.discussionTopic.label(ctx.language))),
           .if(thread.isOfficial, .group(.text(" "), .span(.class("badge official"), .text(ctx.t("Resmi · ", "Official · ") + thread.officialLabel)))),
           .if(thread.isClosed, .group(.text(" "), .span(.class("badge"), .text(ctx.t("Ditutup", "Closed"))))))
    }

    static func byline(_ ctx: ViewContext, _ thread: DiscussionThread) -> String {
        thread.authorName + (thread.isOfficial ? " (\(thread.officialLabel))" : "")
    }
}

/// One discussion: what it is about, its comments, and for moderators the close and hide forms.
struct DiscussionPage {
    var thread: DiscussionThread
    var regionName: String
    var comments: CommentThread
    var canModerate: Bool
    var closeErrors: FormErrors
    var url: String

    func render(_ ctx: ViewContext) -> HTML {
        let id = thread.id?.uuidString ?? ""
        let showsText = !thread.isHidden || canModerate || ctx.principal.accountID == thread.authorID
        let title = showsText ? thread.title : ctx.t("Diskusi disembunyikan moderator", "Discussion hidden by a moderator")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.discussions.path), .text(ctx.t("‹ Diskusi", "‹ Discussions")))),
            DiscussionBadges.render(ctx, thread),
            .h1(.text(title)),
            .p(.class("muted"), .text(DiscussionBadges.byline(ctx, thread) + " · " + regionName + " · "
                                      + (thread.createdAt.map { DateText.dateTime($0, ctx.language) } ?? ""))),
            .unwrap(thread.hiddenReason) { .p(.class("alert"), .text(ctx.t("Diskusi ini disembunyikan moderator. Alasan: ", "This discussion was hidden by a moderator. Reason: ") + $0)) },
            .unwrap(thread.closedReason) { .p(.class("alert"), .text(ctx.t("Diskusi ini ditutup untuk komentar baru. Alasan: ", "This discussion is closed to new comments. Reason: ") + $0)) },
            .if(showsText, .group(thread.body.components(separatedBy: "\n\n").map { .p(.text($0)) })),
            actions(ctx, id),
            comments.render(ctx),
            .if(!thread.isHidden, ShareLinks.section(ctx, title: thread.title, url: url)),
        ])
    }

    func actions(_ ctx: ViewContext, _ id: String) -> Node<HTML.BodyContext> {
        guard ctx.isSignedIn else { return .empty }
        let route = thread.isClosed ? SiteRoute.discussionReopen(id) : SiteRoute.discussionClose(id)
        let label = thread.isClosed ? ctx.t("Buka kembali diskusi", "Reopen the discussion") : ctx.t("Tutup diskusi", "Close the discussion")
        return .div(.class("comment-actions no-print"),
            .if(!thread.isHidden && ctx.principal.accountID != thread.authorID,
                ModerationViews.reportForm(ctx, kind: "thread", id: id, errors: FormErrors())),
            .if(canModerate, .group(
                .element(named: "details", nodes: [
                    .if(!closeErrors.isEmpty, .attribute(named: "open", value: "open")),
                    .element(named: "summary", nodes: [.text(label)]),
                    FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: route.path),
                        FormKit.csrf(ctx),
                        FormKit.textarea(ctx, name: "reason", label: ctx.t("Alasan (dibaca publik)", "Reason (public)"), value: "", errors: closeErrors,
                                         idPrefix: "t-", hint: ctx.t("Misalnya: sudah dijawab di Musrenbang Kecamatan 12 Februari.",
                                                                     "E.g. answered at the district forum on 12 February."), required: true, rows: 2),
                        .button(.type(.submit), .class("secondary"), .text(label))),
                ]),
                ModerationViews.hideForm(ctx, kind: "thread", id: id, hidden: thread.isHidden, errors: FormErrors()))))
    }
}

/// Opening a discussion: title, topic, region and what it is about.
struct DiscussionFormPage {
    var input: OpenDiscussion.Input
    var errors: FormErrors
    var kecamatan: [Region]
    var kabupaten: String

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Buka diskusi baru", "Start a discussion")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.discussions.path), .text(ctx.t("‹ Diskusi", "‹ Discussions")))),
            .h1(.text(title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.discussionNew.path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Judul", "Title"), value: input.title ?? "",
                                         hint: ctx.t("Misalnya: Bagaimana mengatasi banjir di Jalan Veteran tiap musim hujan?",
                                                     "E.g. How do we stop the floods on Jalan Veteran every rainy season?"), required: true), errors: errors),
                .div(.class("row"),
                     FormKit.select(ctx, name: "topic", label: ctx.t("Topik", "Topic"),
                                    choices: DiscussionTopic.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                    selected: input.topic ?? "umum", errors: errors),
                     FormKit.select(ctx, name: "region", label: ctx.t("Wilayah", "Region"),
                                    choices: [.init(value: kabupaten, label: ctx.regionName)] + kecamatan.map { .init(value: $0.id ?? "", label: "Kec. " + $0.name) },
                                    selected: input.region ?? kabupaten, errors: errors)),
                FormKit.textarea(ctx, name: "body", label: ctx.t("Pokok bahasan", "What it is about"), value: input.body ?? "", errors: errors,
                                 hint: ctx.t("Tampil untuk umum dengan nama depan Anda. Jangan tulis NIK atau nomor HP. Pisahkan paragraf dengan baris kosong.",
                                             "Public, with your first name. Do not write ID or phone numbers. Separate paragraphs with an empty line."),
                                 required: true, rows: 8),
                .button(.type(.submit), .text(ctx.t("Buka diskusi", "Start the discussion")))),
        ])
    }
}

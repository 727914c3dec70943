import Foundation
import Plot
import RembukCore

/// The moderators' queue, and the small pages around reporting and hiding.
enum ModerationPage {
    struct Item {
        var subject: ModerationSubject
        var reports: [AbuseReport]
    }

    static func queue(_ ctx: ViewContext, items: [Item]) -> HTML {
        let title = ctx.t("Antrean moderasi", "Moderation queue")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Laporan warga yang belum ditangani. Sembunyikan bila melanggar aturan (alasannya dibaca publik), atau tutup laporannya bila tidak.",
                "Citizens' reports not yet handled. Hide an item that breaks the rules (the reason is public), or close the reports if it does not."))),
            .if(items.isEmpty, FormKit.notice(ctx.t("Tidak ada laporan yang menunggu.", "No reports are waiting."))),
            .ul(.class("cards"), .forEach(items) { item in card(ctx, item) }),
        ])
    }

    static func card(_ ctx: ViewContext, _ item: Item) -> Node<HTML.ListContext> {
        let subject = item.subject
        let heading = ctx.t(subject.heading)
        let reasons = Dictionary(grouping: item.reports, by: \.abuseReason).sorted { $0.value.count > $1.value.count }
        let reasonText = reasons.map { "\($0.key.label(ctx.language)) (\($0.value.count))" }.joined(separator: ", ")
        let notes = item.reports.map(\.note).filter { !$0.isEmpty }
        let body: [Node<HTML.BodyContext>] = [
            .h2(.a(.href(subject.link), .text(heading))),
            .element(named: "blockquote", text: subject.excerpt),
            .p(.strong(.text("\(item.reports.count) " + ctx.t("laporan", "reports"))), .text(": " + reasonText)),
            .ul(.forEach(notes) { .li(.em(.text($0))) }),
            ModerationViews.hideForm(ctx, kind: subject.kind.rawValue, id: subject.id.uuidString, hidden: false, errors: FormErrors()),
            dismissForm(ctx, subject),
        ]
        return .li(.class("card"), .group(body))
    }

    static func dismissForm(_ ctx: ViewContext, _ subject: ModerationSubject) -> Node<HTML.BodyContext> {
        FormKit.form(.attribute(named: "method", value: "post"),
                     .attribute(named: "action", value: SiteRoute.moderationDismiss(subject.kind.rawValue, subject.id.uuidString).path),
                     FormKit.csrf(ctx),
                     .button(.type(.submit), .class("secondary"), .text(ctx.t("Tutup laporan tanpa tindakan", "Close the reports, no action"))))
    }

    static func message(_ ctx: ViewContext, _ phrase: Phrase, back: String) -> HTML {
        Layout.page(ctx, title: ctx.t("Laporan", "Report"), [
            .h1(.text(ctx.t("Laporan", "Report"))),
            FormKit.notice(ctx.t(phrase)),
            .p(.a(.href(back), .text(ctx.t("‹ Kembali", "‹ Back")))),
        ])
    }

    static func form(_ ctx: ViewContext, title: String, subject: ModerationSubject, _ form: Node<HTML.BodyContext>) -> HTML {
        Layout.page(ctx, title: title, [
            .h1(.text(title + ": " + ctx.t(subject.heading))),
            .p(.a(.href(subject.link), .text(ctx.t("‹ Kembali", "‹ Back")))),
            form,
        ])
    }
}

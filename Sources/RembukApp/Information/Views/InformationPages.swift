import Foundation
import Plot
import RembukCore

/// News, announcements and the coming events.
struct InformationListPage {
    var articles: [Article]
    var upcoming: [Article]
    var kind: Article.Kind?
    var canPublish: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Informasi", "Information")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(canPublish ? .group(.a(.class("button"), .href(SiteRoute.informationNew.path), .text(ctx.t("Terbitkan informasi", "Publish"))), .text(" ")) : .empty,
               .a(.href(SiteRoute.documents.path), .text(ctx.t("Pustaka dokumen", "Document library"))), .text(" · "),
               .a(.href(SiteRoute.discussions.path), .text(ctx.t("Diskusi pembangunan", "Development discussions"))), .text(" · "),
               .a(.href(SiteRoute.informationFeed.path), .text(ctx.t("Kabar Atom", "Atom feed")))),
            .nav(.attribute(named: "aria-label", value: ctx.t("Jenis", "Kinds")), .p(
                .a(.href(SiteRoute.information.path), .text(ctx.t("Semua", "All"))),
                .group(Article.Kind.allCases.map { kind in
                    .group(.text(" · "), .a(.href(SiteRoute.information.path + "?jenis=" + kind.rawValue),
                                            kind == self.kind ? .attribute(named: "aria-current", value: "page") : .empty, .text(kind.label(ctx.language))))
                }))),
            upcoming.isEmpty || kind != nil ? .empty : .section(.class("card"),
                .h2(.text(ctx.t("Agenda terdekat", "Coming events"))),
                .ul(.forEach(upcoming) { event in
                    .li(.strong(.text(LocalDate(iso: event.eventOn).map { DateText.long($0, ctx.language) } ?? event.eventOn)),
                        .text(" · "), .a(.href(SiteRoute.article(event.id?.uuidString ?? "").path), .text(event.title)), .text(" · " + event.eventPlace))
                })),
            articles.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada informasi.", "Nothing published yet."))) :
            .ul(.class("cards usulan"), .forEach(articles) { article in
                .li(.class("card"),
                    .p(.span(.class("badge"), .text(article.articleKind.label(ctx.language))),
                       .text(" " + DateText.medium(LocalDate(article.publishedAt), ctx.language))),
                    .h2(.a(.href(SiteRoute.article(article.id?.uuidString ?? "").path), .text(article.title))),
                    .p(.text(article.summary.isEmpty ? String(article.body.prefix(160)) : article.summary)),
                    .p(.class("muted"), .text(ctx.t("Dibaca \(article.readCount) kali", "Read \(article.readCount) times"))))
            }),
        ])
    }
}

/// One article with its cover, files, read count and share links (WhatsApp, copy the address).
struct ArticlePage {
    var article: Article
    var files: [Attachment]
    var agencyName: String?
    var url: String

    func render(_ ctx: ViewContext) -> HTML {
        return Layout.page(ctx, title: article.title, [
            .p(.a(.href(SiteRoute.information.path), .text(ctx.t("‹ Informasi", "‹ Information")))),
            .p(.span(.class("badge"), .text(article.articleKind.label(ctx.language)))),
            .h1(.text(article.title)),
            .p(.class("muted"), .text("\(agencyName ?? "Bappeda") · \(DateText.dateTime(article.publishedAt, ctx.language)) · "
                                      + ctx.t("dibaca \(article.readCount) kali", "read \(article.readCount) times"))),
            article.articleKind == .agenda
                ? .div(.class("alert"), .p(.strong(.text(LocalDate(iso: article.eventOn).map { DateText.long($0, ctx.language) } ?? article.eventOn)),
                                           .text(" · " + article.eventPlace)))
                : .empty,
            article.summary.isEmpty ? .empty : .p(.class("lead"), .text(article.summary)),
            .group(article.body.components(separatedBy: "\n\n").map { .p(.text($0)) }),
            AttachmentViews.gallery(ctx, files),
            ShareLinks.section(ctx, title: article.title, url: url),
        ])
    }
}

/// The document library: filters by category and year, with download counts.
struct DocumentLibraryPage {
    var documents: [LibraryDocument]
    var category: LibraryDocument.Category?
    var year: Int?
    var canPublish: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Pustaka dokumen", "Document library")
        let none = FormErrors()
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(canPublish ? .a(.class("button"), .href(SiteRoute.documentNew.path), .text(ctx.t("Tambah dokumen", "Add a document"))) : .empty),
            FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.documents.path),
                FormKit.select(ctx, name: "kategori", label: ctx.t("Kategori", "Category"),
                               choices: [.init(value: "", label: ctx.t("Semua", "All"))] + LibraryDocument.Category.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: category?.rawValue ?? "", errors: none),
                FormKit.field(ctx, .init(name: "tahun", label: ctx.t("Tahun", "Year"), value: year.map(String.init) ?? "", inputMode: "numeric"), errors: none),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Terapkan", "Apply")))),
            documents.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada dokumen yang cocok.", "No matching documents."))) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text(ctx.t("Dokumen", "Document"))), .th(.text(ctx.t("Kategori", "Category"))), .th(.class("num"), .text(ctx.t("Tahun", "Year"))),
                           .th(.class("num"), .text(ctx.t("Diunduh", "Downloads"))))),
                .tbody(.forEach(documents) { document in
                    .tr(.td(.a(.href(SiteRoute.documentDownload(document.id?.uuidString ?? "").path), .text(document.title)),
                            document.description.isEmpty ? .empty : .group(.br(), .span(.class("muted"), .text(document.description)))),
                        .td(.text(document.documentCategory.label(ctx.language))), .td(.class("num"), .text(String(document.year))),
                        .td(.class("num"), .text(String(document.downloadCount))))
                }))),
        ])
    }
}

/// Share a page: a WhatsApp share link and the address to copy (works without JavaScript).
enum ShareLinks {
    static func section(_ ctx: ViewContext, title: String, url: String) -> Node<HTML.BodyContext> {
        let share = "https://wa.me/?text=" + (title + " " + url).urlQueryEscaped
        return .section(.class("no-print"),
            .h2(.text(ctx.t("Bagikan", "Share"))),
            .p(.a(.href(share), .attribute(named: "rel", value: "noopener"), .text(ctx.t("Bagikan lewat WhatsApp", "Share on WhatsApp")))),
            .div(.class("field"), .label(.for("tautan"), .text(ctx.t("Salin tautan", "Copy the link"))),
                 FormKit.input([("type", "text"), ("id", "tautan"), ("readonly", "readonly"), ("value", url)])))
    }
}

import Plot
import RembukCore

/// Publishing news, an announcement or an event.
struct ArticleFormPage {
    var input: PublishArticle.Input
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Terbitkan informasi", "Publish information")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.information.path), .text(ctx.t("‹ Informasi", "‹ Information")))),
            .h1(.text(title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.informationNew.path),
                .attribute(named: "enctype", value: "multipart/form-data"), FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "kind", label: ctx.t("Jenis", "Kind"),
                               choices: Article.Kind.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                               selected: input.kind ?? Article.Kind.berita.rawValue, errors: errors),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Judul", "Title"), value: input.title ?? "", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "summary", label: ctx.t("Ringkasan", "Summary"), value: input.summary ?? "",
                                         hint: ctx.t("Satu-dua kalimat untuk daftar dan kabar Atom.", "A sentence or two for the list and the feed.")), errors: errors),
                FormKit.textarea(ctx, name: "body", label: ctx.t("Isi", "Text"), value: input.body ?? "", errors: errors,
                                 hint: ctx.t("Pisahkan paragraf dengan baris kosong.", "Separate paragraphs with an empty line."), required: true, rows: 10),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "event_on", label: ctx.t("Tanggal kegiatan (agenda)", "Event date (agenda)"), type: .date,
                                              value: input.event_on ?? ""), errors: errors),
                     FormKit.field(ctx, .init(name: "event_place", label: ctx.t("Tempat kegiatan (agenda)", "Event place (agenda)"), value: input.event_place ?? ""),
                                   errors: errors)),
                AttachmentViews.formSection(ctx, attachments: [], errors: errors),
                .button(.type(.submit), .text(ctx.t("Terbitkan", "Publish")))),
        ])
    }
}

/// Adding a PDF to the document library.
struct DocumentFormPage {
    var input: PublishDocument.Input
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Tambah dokumen", "Add a document")
        let id = "f-" + StoreUploads.field
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.documents.path), .text(ctx.t("‹ Pustaka dokumen", "‹ Document library")))),
            .h1(.text(title)),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.documentNew.path),
                .attribute(named: "enctype", value: "multipart/form-data"), FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Judul dokumen", "Title"), value: input.title ?? "", required: true), errors: errors),
                .div(.class("row"),
                     FormKit.select(ctx, name: "category", label: ctx.t("Kategori", "Category"),
                                    choices: LibraryDocument.Category.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                    selected: input.category ?? LibraryDocument.Category.rkpd.rawValue, errors: errors),
                     FormKit.field(ctx, .init(name: "year", label: ctx.t("Tahun", "Year"), value: input.year ?? "", required: true, inputMode: "numeric"), errors: errors)),
                FormKit.textarea(ctx, name: "description", label: ctx.t("Keterangan", "Description"), value: input.description ?? "", errors: errors, rows: 3),
                .div(.class(errors[StoreUploads.field] == nil ? "field" : "field invalid"),
                     .label(.for(id), .text(ctx.t("Berkas PDF", "PDF file"))),
                     .unwrap(errors[StoreUploads.field]) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
                     FormKit.input([("type", "file"), ("id", id), ("name", StoreUploads.field), ("accept", "application/pdf"), ("required", "required")])),
                .button(.type(.submit), .text(ctx.t("Tambahkan", "Add")))),
        ])
    }
}

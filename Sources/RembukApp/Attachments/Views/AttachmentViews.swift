import Plot
import RembukCore

/// The attachment parts of forms and pages.
enum AttachmentViews {
    /// The file field of a form, with the files already kept listed as ticked boxes (untick to remove).
    /// Without JavaScript a browser cannot keep a chosen file when the form comes back, so Rembuk keeps it.
    static func formSection(_ ctx: ViewContext, attachments: [Attachment], errors: FormErrors) -> Node<HTML.BodyContext> {
        let id = "f-" + StoreUploads.field
        let error = errors[StoreUploads.field]
        let described = [id + "-hint", error.map { _ in id + "-error" }].compactMap { $0 }.joined(separator: " ")
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "field" : "field invalid"),
            .element(named: "legend", nodes: [.text(ctx.t("Foto dan dokumen", "Photos and documents")),
                                              .span(.class("optional"), .text(" " + ctx.t("(tidak wajib)", "(optional)")))]),
            .if(!attachments.isEmpty, .ul(.class("kept"), .forEach(attachments) { attachment in
                let boxID = "lampiran-" + (attachment.id?.uuidString ?? "")
                return .li(FormKit.input([("type", "checkbox"), ("id", boxID), ("name", AttachmentSet.keptField),
                                          ("value", attachment.id?.uuidString ?? ""), ("checked", "checked")]),
                           .label(.for(boxID), .text(" \(attachment.filename) (\(ByteSize.text(attachment.byteCount)))")))
            })),
            .p(.class("hint"), .id(id + "-hint"), .text(ctx.t(
                "Foto (JPG, PNG, WebP, GIF) atau PDF, paling banyak \(AttachmentSet.maximum) berkas, masing-masing sampai \(ByteSize.text(ctx.maxUploadSize)).",
                "Photos (JPG, PNG, WebP, GIF) or PDF, at most \(AttachmentSet.maximum) files of up to \(ByteSize.text(ctx.maxUploadSize)) each."))),
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            .label(.for(id), .text(ctx.t("Tambah berkas", "Add files"))),
            FormKit.input([("type", "file"), ("id", id), ("name", StoreUploads.field), ("multiple", "multiple"),
                           ("accept", FileKind.acceptList), ("aria-describedby", described),
                           error == nil ? nil : ("aria-invalid", "true")]),
        ])
    }

    /// A photos-only file field (progress reports, complaints): refused files come back with the reason, and
    /// without JavaScript the browser cannot keep chosen files, so the hint says to choose them again.
    static func photoField(_ ctx: ViewContext, label: String, maximum: Int, errors: FormErrors) -> Node<HTML.BodyContext> {
        let id = "f-" + StoreUploads.field
        let error = errors[StoreUploads.field]
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label), .span(.class("optional"), .text(" " + ctx.t("(tidak wajib)", "(optional)")))),
            .p(.class("hint"), .id(id + "-hint"), .text(ctx.t(
                "JPG, PNG, WebP atau GIF, paling banyak \(maximum) foto, masing-masing sampai \(ByteSize.text(ctx.maxUploadSize)). Pilih lagi bila formulir dikembalikan.",
                "JPG, PNG, WebP or GIF, at most \(maximum) photos of up to \(ByteSize.text(ctx.maxUploadSize)) each. Choose them again if the form comes back."))),
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            FormKit.input([("type", "file"), ("id", id), ("name", StoreUploads.field), ("multiple", "multiple"), ("accept", "image/jpeg,image/png,image/webp,image/gif"),
                   ("aria-describedby", id + "-hint" + (error == nil ? "" : " \(id)-error")), error == nil ? nil : ("aria-invalid", "true")]))
    }

    /// Photos shown, documents linked, on a public page.
    static func gallery(_ ctx: ViewContext, _ attachments: [Attachment], heading: Bool = true) -> Node<HTML.BodyContext> {
        guard !attachments.isEmpty else { return .empty }
        let images = attachments.filter { $0.kind?.isImage == true }
        let documents = attachments.filter { $0.kind?.isImage != true }
        return .section(.class("attachments"),
            heading ? .h2(.text(ctx.t("Foto dan dokumen", "Photos and documents"))) : .empty,
            .if(!images.isEmpty, .div(.class("gallery"), .forEach(images) { image in
                let path = SiteRoute.attachment(image.id?.uuidString ?? "").path
                return .element(named: "figure", nodes: [
                    .a(.href(path), .selfClosedElement(named: "img", attributes: [
                        .escaped("src", path),
                        .escaped("alt", ctx.t("Foto: ", "Photo: ") + image.filename),
                        .escaped("loading", "lazy"),
                    ])),
                    .element(named: "figcaption", text: image.filename),
                ])
            })),
            .if(!documents.isEmpty, .ul(.forEach(documents) { document in
                .li(.a(.href(SiteRoute.attachment(document.id?.uuidString ?? "").path), .text(document.filename)),
                    .text(" (PDF, \(ByteSize.text(document.byteCount)))"))
            })))
    }
}

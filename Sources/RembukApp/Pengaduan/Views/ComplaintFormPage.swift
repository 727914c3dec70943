import Plot
import RembukCore

/// Filing a pengaduan or masukan, with the privacy choice explained in plain words.
struct ComplaintFormPage {
    var input: SubmitComplaint.Input
    var categories: [ComplaintCategory]
    var choices: ScopeChoices
    var subject: ComplaintSubject?
    var errors = FormErrors()

    static func privacyText(_ privacy: ComplaintPrivacy, _ ctx: ViewContext) -> (String, String) {
        switch privacy {
        case .publik: (ctx.t("Biasa", "Normal"), ctx.t("Tampil untuk umum setelah diverifikasi, dengan nama samaran Anda.", "Public once verified, with your pseudonym."))
        case .anonim: (ctx.t("Anonim", "Anonymous"), ctx.t("Tampil untuk umum, tetapi pelapornya tidak ditampilkan kepada siapa pun selain admin.", "Public, but nobody except the admins sees who reported it."))
        case .rahasia: (ctx.t("Rahasia", "Confidential"), ctx.t("Tidak pernah tampil untuk umum; hanya Anda, admin dan perangkat daerah yang menanganinya yang bisa membaca.", "Never public: only you, the admins and the agency handling it can read it."))
        }
    }

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Laporkan masalah", "Report a problem")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Pengaduan dan masukan diverifikasi admin paling lambat 3 hari kerja, lalu diteruskan ke perangkat daerah yang menindaklanjutinya dalam 5 hari kerja. Anda mendapat kabar di kotak masuk di setiap langkah.",
                "Complaints and feedback are verified within 3 working days, then passed to the agency, which follows up within 5 working days. You hear of every step in your inbox."))),
            .unwrap(subject) { .p(.text(ctx.t("Tentang: ", "About: ")), .a(.href($0.path), .text($0.label))) },
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.complaintNew.path),
                .attribute(named: "enctype", value: "multipart/form-data"), FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.input([("type", "hidden"), ("name", "subject_type"), ("value", subject?.type ?? "")]),
                FormKit.input([("type", "hidden"), ("name", "subject_id"), ("value", subject?.id ?? "")]),
                FormKit.select(ctx, name: "category", label: ctx.t("Kategori", "Category"),
                               choices: [.init(value: "", label: ctx.t("— pilih kategori —", "— choose a category —"))] + categories.map { .init(value: $0.id ?? "", label: $0.name) },
                               selected: input.category ?? "", errors: errors),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Pokok masalah", "The problem in a line"), value: input.title ?? "",
                                         hint: ctx.t("Mis. “Lampu jalan di depan SDN 1 mati sejak sebulan”.", "E.g. “The street light by the school has been out for a month”."),
                                         required: true), errors: errors),
                FormKit.textarea(ctx, name: "text", label: ctx.t("Ceritakan", "Tell us"), value: input.text ?? "", errors: errors,
                                 hint: ctx.t("Apa yang terjadi, di mana, sejak kapan, siapa yang terdampak.", "What happened, where, since when, who is affected."),
                                 required: true, rows: 6),
                FormKit.select(ctx, name: "desa_code", label: ctx.t("Desa/kelurahan", "Village"), choices: choices.desaChoices(ctx),
                               selected: input.desa_code ?? "", errors: errors),
                FormKit.field(ctx, .init(name: "place", label: ctx.t("Lokasi", "Place"), value: input.place ?? "",
                                         hint: ctx.t("Jalan, dusun, patokan.", "Street, hamlet, landmark.")), errors: errors),
                privacyField(ctx),
                AttachmentViews.photoField(ctx, label: ctx.t("Foto", "Photos"), maximum: SubmitComplaint.maximumPhotos, errors: errors),
                .button(.type(.submit), .text(ctx.t("Kirim pengaduan", "Send the complaint")))),
        ])
    }

    func privacyField(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let error = errors["privacy"]
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "field" : "field invalid"),
            .element(named: "legend", text: ctx.t("Siapa yang boleh melihat", "Who may see it")),
            .unwrap(error) { .p(.class("error"), .text(ctx.t($0))) },
            .group(ComplaintPrivacy.allCases.map { privacy in
                let (label, hint) = Self.privacyText(privacy, ctx)
                return .div(.class("field check"),
                    FormKit.input([("type", "radio"), ("id", "p-" + privacy.rawValue), ("name", "privacy"), ("value", privacy.rawValue),
                                   input.privacy == privacy.rawValue ? ("checked", "checked") : nil]),
                    .label(.for("p-" + privacy.rawValue), .strong(.text(" " + label)), .text(" — " + hint)))
            }),
        ])
    }

}

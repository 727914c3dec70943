import Foundation
import Plot
import RembukCore

/// `/musrenbang/{id}/hadir-kertas`: the totals of a daftar hadir kept on paper, and its scan.
struct PaperAttendancePage {
    var forum: Forum
    var record: PaperAttendanceRecord?
    var scan: Attachment?
    /// What was posted, when it comes back with errors.
    var posted: [String: String] = [:]
    var errors = FormErrors()

    var id: String { forum.id?.uuidString ?? "" }

    func value(_ name: String, _ stored: Int?) -> String { posted[name] ?? stored.map(String.init) ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        let totals = record?.totals
        let title = ctx.t("Daftar hadir kertas", "Paper attendance")
        return Layout.page(ctx, title: "\(title) · \(forum.title)", [
            .p(.a(.href(SiteRoute.forumAttendance(id).path), .text(ctx.t("‹ Daftar hadir", "‹ Attendance")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Bila forum memakai daftar hadir di kertas, salin jumlahnya di sini dan lampirkan pindaian lembar yang sudah ditandatangani. Angka keterwakilan dan berita acara lalu memakai jumlah ini, dengan keterangan bahwa sumbernya daftar hadir kertas. Delegasi tetap dicatat dengan nama di halaman daftar hadir. Kolom yang dikosongkan dihitung 0.",
                "If the forum kept its attendance on paper, copy the totals here and attach a scan of the signed sheet. The inclusion figures and the minutes then use these totals, marked as coming from a paper sheet. Delegates are still entered by name on the attendance page. Empty fields count as 0."))),
            .unwrap(scan) { scan in .p(.text(ctx.t("Pindaian tersimpan: ", "Scan on file: ")),
                                       .a(.href(SiteRoute.attachment(scan.id?.uuidString ?? "").path), .text(scan.filename))) },
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumPaperAttendance(id).path),
                .attribute(named: "enctype", value: "multipart/form-data"), FormKit.noValidation,
                FormKit.csrf(ctx),
                group(ctx, ctx.t("Jenis kelamin", "Gender"), [("perempuan", ctx.t("Perempuan", "Women"), totals?.women),
                                                              ("laki_laki", ctx.t("Laki-laki", "Men"), totals?.men)]),
                group(ctx, ctx.t("Kelompok umur", "Age group"), Attendee.AgeGroup.allCases.map { ("umur_" + $0.rawValue, $0.label(ctx.language), totals?.byAge[$0]) }),
                group(ctx, ctx.t("Disabilitas", "Disability"), [("disabilitas", ctx.t("Penyandang disabilitas", "People with disability"), totals?.withDisability)]),
                group(ctx, ctx.t("Unsur yang diwakili", "Represents"), Unsur.allCases.map { ("unsur_" + $0.rawValue, $0.label(ctx.language), totals?.byUnsur[$0]) }),
                scanField(ctx),
                .button(.type(.submit), .text(ctx.t("Simpan jumlah daftar hadir", "Save the attendance totals")))),
        ])
    }

    func group(_ ctx: ViewContext, _ legend: String, _ fields: [(String, String, Int?)]) -> Node<HTML.BodyContext> {
        .element(named: "fieldset", nodes: [
            .class("field"),
            .element(named: "legend", text: legend),
            .div(.class("row"), .group(fields.map { name, label, stored in
                FormKit.field(ctx, .init(name: name, label: label, type: .number, value: value(name, stored), autocomplete: "off",
                                         required: true, inputMode: "numeric"), errors: errors)
            })),
        ])
    }

    func scanField(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let id = "f-" + StoreUploads.field
        let error = errors[StoreUploads.field]
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(ctx.t("Pindaian daftar hadir bertanda tangan", "Scan of the signed sheet")),
                   .if(scan != nil, .span(.class("optional"), .text(" " + ctx.t("(kosongkan untuk memakai yang tersimpan)", "(leave empty to keep the one on file)"))))),
            .p(.class("hint"), .id(id + "-hint"), .text(ctx.t("PDF atau foto, sampai \(ByteSize.text(ctx.maxUploadSize)).", "PDF or photo, up to \(ByteSize.text(ctx.maxUploadSize))."))),
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            FormKit.input([("type", "file"), ("id", id), ("name", StoreUploads.field), ("accept", FileKind.acceptList),
                           ("aria-describedby", id + "-hint" + (error == nil ? "" : " \(id)-error")), error == nil ? nil : ("aria-invalid", "true")]))
    }
}

import Plot
import RembukCore

/// The OPD's progress report form: the date it describes, physical %, money realised, notes, problems,
/// a reason when a figure goes down, and photos.
struct ProgressReportPage {
    var project: Project
    var last: ProjectReport?
    var input: ReportProgress.Input
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let id = project.id?.uuidString ?? ""
        let title = ctx.t("Laporan kemajuan", "Progress report")
        return Layout.page(ctx, title: "\(title) · \(project.number)", [
            .p(.a(.href(SiteRoute.project(id).path), .text("‹ " + project.title))),
            .h1(.text(title)),
            .p(.class("lead"), .text(last.map { last in
                ctx.t("Laporan terakhir: fisik \(ProgressRule.percentText(last.progress)), realisasi \(Rupiah(last.realised).formatted). Pagu \(Rupiah(project.pagu).formatted).",
                      "Last report: \(ProgressRule.percentText(last.progress)) physical, \(Rupiah(last.realised).formatted) spent. Budget \(Rupiah(project.pagu).formatted).")
            } ?? ctx.t("Ini laporan pertama proyek ini. Pagu \(Rupiah(project.pagu).formatted).", "This is the project's first report. Budget \(Rupiah(project.pagu).formatted)."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.projectReport(id).path),
                .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate", value: "novalidate"),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "reported_on", label: ctx.t("Keadaan per tanggal", "As of"), type: .date,
                                         value: input.reported_on ?? "", required: true), errors: errors),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "progress", label: ctx.t("Kemajuan fisik (%)", "Physical progress (%)"), value: input.progress ?? "",
                                              hint: ctx.t("0–100, mis. 45,5", "0–100, e.g. 45.5"), required: true, inputMode: "decimal"), errors: errors),
                     FormKit.field(ctx, .init(name: "realised", label: ctx.t("Realisasi keuangan s.d. tanggal itu (Rp)", "Money spent so far (Rp)"),
                                              value: input.realised ?? "", hint: ctx.t("Jumlah kumulatif, mis. 150.000.000", "Cumulative, e.g. 150.000.000"),
                                              required: true, inputMode: "numeric"), errors: errors)),
                FormKit.textarea(ctx, name: "notes", label: ctx.t("Pekerjaan yang sudah dilakukan", "Work done"), value: input.notes ?? "", errors: errors,
                                 required: true, rows: 4),
                FormKit.textarea(ctx, name: "problems", label: ctx.t("Kendala", "Problems"), value: input.problems ?? "", errors: errors, rows: 3),
                FormKit.field(ctx, .init(name: "reason", label: ctx.t("Alasan bila angka turun", "Reason if a figure went down"), value: input.reason ?? "",
                                         hint: ctx.t("Wajib bila kemajuan atau realisasi lebih kecil dari laporan sebelumnya.", "Required when progress or spending is below the previous report.")),
                              errors: errors),
                photoField(ctx),
                .button(.type(.submit), .text(ctx.t("Kirim laporan", "Send the report")))),
        ])
    }

    func photoField(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let id = "f-" + StoreUploads.field
        let error = errors[StoreUploads.field]
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(ctx.t("Foto lapangan", "Site photos")), .span(.class("optional"), .text(" " + ctx.t("(tidak wajib)", "(optional)")))),
            .p(.class("hint"), .id(id + "-hint"), .text(ctx.t(
                "JPG, PNG, WebP atau GIF, paling banyak \(ReportProgress.maximumPhotos) foto, masing-masing sampai \(ByteSize.text(ctx.maxUploadSize)). Pilih lagi bila laporan dikembalikan.",
                "JPG, PNG, WebP or GIF, at most \(ReportProgress.maximumPhotos) photos of up to \(ByteSize.text(ctx.maxUploadSize)) each. Choose them again if the report comes back."))),
            .unwrap(error) { .p(.class("error"), .id(id + "-error"), .text(ctx.t($0))) },
            FormKit.input([("type", "file"), ("id", id), ("name", StoreUploads.field), ("multiple", "multiple"),
                           ("accept", "image/jpeg,image/png,image/webp,image/gif"),
                           ("aria-describedby", id + "-hint" + (error == nil ? "" : " \(id)-error")),
                           error == nil ? nil : ("aria-invalid", "true")]))
    }
}

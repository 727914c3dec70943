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
                .attribute(named: "enctype", value: "multipart/form-data"), FormKit.noValidation,
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
                AttachmentViews.photoField(ctx, label: ctx.t("Foto lapangan", "Site photos"), maximum: ReportProgress.maximumPhotos, errors: errors),
                .button(.type(.submit), .text(ctx.t("Kirim laporan", "Send the report")))),
        ])
    }

}

import Plot
import RembukCore

/// `/proyek/laporan-massal`: how to prepare the CSV, the upload, and the answer row by row.
struct ProgressUploadPage {
    var lines: [ReportProgressInBulk.Line]?
    var refusal: Phrase?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Laporan kemajuan sekaligus (CSV)", "Progress reports in bulk (CSV)")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.projects.path), .text(ctx.t("‹ Proyek", "‹ Projects")))),
            .h1(.text(title)),
            .unwrap(lines) { result(ctx, $0) },
            .unwrap(refusal) { .div(.class("alert error"), .attribute(named: "role", value: "alert"), .p(.text(ctx.t($0)))) },
            .p(.class("lead"), .text(ctx.t(
                "Unggah satu berkas CSV berisi laporan kemajuan banyak proyek. Setiap baris diperiksa seperti laporan di halaman proyek; baris yang ditolak tidak menyimpan apa pun, baris yang benar tetap tersimpan.",
                "Upload one CSV with progress reports for many projects. Each row is checked like a report on the project's page; a rejected row stores nothing, the good rows are stored."))),
            .h2(.text(ctx.t("Kolom", "Columns"))),
            .ul(
                .li(.code(.text("kode")), .text(ctx.t(": nomor proyek Rembuk (P-…) atau kode sub kegiatan bila hanya satu proyek Anda memakainya",
                                                     ": the Rembuk project number (P-…), or the sub-activity budget code when only one of your projects has it"))),
                .li(.code(.text("tanggal")), .text(ctx.t(": tanggal keadaan, 2026-11-23 atau 23/11/2026", ": the date described, 2026-11-23 or 23/11/2026"))),
                .li(.code(.text("fisik_persen")), .text(ctx.t(": kemajuan fisik 0–100, mis. 45,5", ": physical progress 0–100, e.g. 45.5"))),
                .li(.code(.text("realisasi_rp")), .text(ctx.t(": realisasi keuangan, mis. 150.000.000", ": money realised, e.g. 150.000.000"))),
                .li(.code(.text("catatan")), .text(ctx.t(": pekerjaan yang sudah dilakukan (10–3.000 huruf)", ": the work done (10–3,000 characters)"))),
                .li(.code(.text("kendala")), .text(ctx.t(", ", ", ")), .code(.text("alasan")),
                    .text(ctx.t(": tidak wajib; alasan perlu bila angka turun", ": optional; a reason is needed when a figure goes down")))),
            FormKit.csvUpload(ctx, template: SiteRoute.projectReportsTemplate.path,
                              templateLabel: ctx.t("Unduh templat berisi proyek Anda yang sedang berjalan", "Download a template listing your running projects"),
                              action: SiteRoute.projectReportsUpload.path, button: ctx.t("Unggah dan periksa", "Upload and check")),
            .p(.class("muted"), .text(ctx.t("Sistem keuangan OPD dapat mengirim CSV yang sama lewat API (POST /api/v1/proyek/laporan) dengan token dari admin Bappeda.",
                                            "An agency's finance system can send the same CSV through the API (POST /api/v1/proyek/laporan) with a token from the Bappeda admin."))),
        ])
    }

    func result(_ ctx: ViewContext, _ lines: [ReportProgressInBulk.Line]) -> Node<HTML.BodyContext> {
        let accepted = lines.filter(\.accepted).count
        return .section(.attribute(named: "aria-labelledby", value: "hasil"),
            .h2(.id("hasil"), .text(ctx.t("Hasil unggahan", "Upload result"))),
            .div(.class(accepted == lines.count ? "alert ok" : "alert"), .attribute(named: "role", value: "status"),
                 .p(.text(ctx.t("\(accepted) baris diterima dan disimpan, \(lines.count - accepted) ditolak.",
                                "\(accepted) rows accepted and stored, \(lines.count - accepted) rejected.")))),
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.class("num"), .text(ctx.t("Baris", "Line"))), .th(.text("Kode")), .th(.text(ctx.t("Proyek", "Project"))),
                           .th(.text(ctx.t("Hasil", "Result"))))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.class("num"), .text(String(line.line))), .td(.text(line.key)), .td(.text(line.project ?? "–")),
                        .td(line.accepted ? .strong(.class("good"), .text(ctx.t("Diterima", "Accepted")))
                                          : .group(.strong(.text(ctx.t("Ditolak: ", "Rejected: "))), .text(line.problems.joined(separator: "; ")))))
                }))))
    }
}

import Plot
import RembukCore

/// The SIPD import form and its report: every row left out is listed with its line number and reasons.
struct SIPDImportPage {
    var report: ImportSIPD.Report?
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Impor usulan dari SIPD", "Import proposals from SIPD")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.usulanIndex.path), .text(ctx.t("‹ Semua usulan", "‹ All proposals")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Unggah berkas CSV ekspor SIPD (pemisah koma atau titik koma). Kolom wajib: " + SIPDFormat.required.map(\.rawValue).joined(separator: ", ")
                    + ". Baris yang ID Usulan-nya sudah pernah diimpor dilewati, jadi berkas yang sama aman diunggah ulang.",
                "Upload a CSV exported from SIPD (comma or semicolon). Required columns: " + SIPDFormat.required.map(\.rawValue).joined(separator: ", ")
                    + ". Rows whose ID was imported before are skipped, so the same file can safely be uploaded again."))),
            .unwrap(report) { reportSection(ctx, $0) },
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.sipdImport.path),
                         .attribute(named: "enctype", value: "multipart/form-data"),
                FormKit.csrf(ctx),
                .div(.class(errors["berkas"] == nil ? "field" : "field invalid"),
                     .label(.for("f-berkas"), .text(ctx.t("Berkas CSV", "CSV file"))),
                     .unwrap(errors["berkas"]) { .p(.class("error"), .id("f-berkas-error"), .text(ctx.t($0))) },
                     FormKit.input([("type", "file"), ("id", "f-berkas"), ("name", "berkas"), ("accept", ".csv,text/csv"), ("required", "required"),
                                    errors["berkas"] == nil ? nil : ("aria-describedby", "f-berkas-error")])),
                .button(.type(.submit), .text(ctx.t("Impor", "Import")))),
            .p(.text(ctx.t("Ke arah sebaliknya: ", "The other way: ")),
               .a(.href(SiteRoute.usulanExportSIPD.path), .text(ctx.t("unduh daftar usulan dalam kolom SIPD", "download the proposals in SIPD's columns")))),
        ])
    }

    func reportSection(_ ctx: ViewContext, _ report: ImportSIPD.Report) -> Node<HTML.BodyContext> {
        if let problem = report.fileProblem {
            return .div(.class("alert error"), .attribute(named: "role", value: "alert"),
                        .p(.strong(.text(ctx.t("Berkas tidak bisa diimpor: ", "The file cannot be imported: "))), .text(problem)))
        }
        return .section(.attribute(named: "aria-labelledby", value: "hasil"),
            .h2(.id("hasil"), .text(ctx.t("Hasil impor", "Import report"))),
            .div(.class(report.rejected.isEmpty ? "alert ok" : "alert"), .attribute(named: "role", value: "status"),
                 .p(.text(ctx.t("\(report.imported.count) usulan diimpor, \(report.skipped.count) dilewati, \(report.rejected.count) ditolak.",
                                "\(report.imported.count) imported, \(report.skipped.count) skipped, \(report.rejected.count) rejected.")))),
            table(ctx, ctx.t("Ditolak", "Rejected"), report.rejected),
            table(ctx, ctx.t("Dilewati", "Skipped"), report.skipped),
            table(ctx, ctx.t("Diimpor", "Imported"), report.imported))
    }

    func table(_ ctx: ViewContext, _ caption: String, _ lines: [ImportSIPD.Report.Line]) -> Node<HTML.BodyContext> {
        guard !lines.isEmpty else { return .empty }
        return .table(
            .caption(.text("\(caption) (\(lines.count))")),
            .thead(.tr(.th(.class("num"), .text(ctx.t("Baris", "Line"))), .th(.text("ID Usulan")), .th(.text(ctx.t("Keterangan", "Details"))))),
            .tbody(.forEach(lines.prefix(2000)) { line in
                .tr(.td(.class("num"), .text(String(line.line))), .td(.text(line.reference)), .td(.text(line.reasons.joined(separator: "; "))))
            }))
    }
}

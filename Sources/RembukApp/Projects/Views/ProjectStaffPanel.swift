import Plot
import RembukCore

/// What the project's agency does on its page: report progress, move the status, change the pagu, edit.
struct ProjectStaffPanel {
    var page: ProjectPage

    var project: Project { page.project }

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard page.canManage else { return .empty }
        guard project.projectStatus != .selesai else {
            return .section(.class("card no-print"), .p(.text(ctx.t("Proyek ini sudah selesai; laporannya tetap tersimpan di sini.",
                                                                     "This project is done; its reports stay here."))))
        }
        let resumeTo = project.heldFrom.flatMap(ProjectStatus.init(rawValue:))
        let next = ProjectStatus.allCases.filter { project.projectStatus.canMove(to: $0, resumeTo: resumeTo) }
        return .section(.class("card no-print"), .attribute(named: "aria-labelledby", value: "kelola"),
            .h2(.id("kelola"), .text(ctx.t("Kelola proyek", "Manage the project"))),
            .p(.a(.class("button"), .href(SiteRoute.projectReport(page.id).path), .text(ctx.t("Laporkan kemajuan", "Report progress"))),
               .text(" "),
               .a(.href(SiteRoute.projectEdit(page.id).path), .text(ctx.t("Ubah data proyek", "Edit the project")))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.projectStatus(page.id).path),
                FormKit.csrf(ctx),
                .input(.type(.hidden), .name("expecting"), .value(project.status)),
                FormKit.select(ctx, name: "status", label: ctx.t("Ubah status menjadi", "Change the status to"),
                               choices: next.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) }, selected: "", errors: page.errors,
                               idPrefix: "s-"),
                FormKit.field(ctx, .init(name: "reason", label: ctx.t("Keterangan", "Note"), value: "",
                                         hint: ctx.t("Wajib bila terhambat: apa yang menghambat.", "Required when held up: what holds it up.")),
                              errors: page.errors, idPrefix: "s-"),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Ubah status", "Change the status")))),
            .element(named: "details", nodes: [
                page.errors["pagu"] != nil || page.errors["pagu_reason"] != nil ? .attribute(named: "open", value: "open") : .empty,
                .element(named: "summary", text: ctx.t("Ubah pagu (perubahan anggaran)", "Change the budget")),
                FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.projectPagu(page.id).path),
                    FormKit.csrf(ctx),
                    FormKit.field(ctx, .init(name: "pagu", label: ctx.t("Pagu baru (Rp)", "New budget (Rp)"), value: page.typedPagu, required: true, inputMode: "numeric"),
                                  errors: page.errors, idPrefix: "p-"),
                    FormKit.field(ctx, .init(name: "pagu_reason", label: ctx.t("Dasar perubahan", "Basis of the change"), value: page.typedReason,
                                             hint: ctx.t("Mis. APBD Perubahan 2027, tambahan CSR mitra.", "E.g. the revised budget, a partner's added CSR."), required: true),
                                  errors: page.errors, idPrefix: "p-"),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan pagu baru", "Save the new budget")))),
            ]))
    }
}

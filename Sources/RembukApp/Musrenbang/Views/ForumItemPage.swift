import Plot
import RembukCore

/// One usulan before a forum: adjusting its volume and cost (desa, kecamatan) or recording the forum's
/// decision (forum OPD, kabupaten), with the errors beside the fields and the typed values kept.
struct ForumItemPage {
    enum Form {
        case adjust(AdjustUsulan.Input)
        case decide(DecideUsulan.Input)
    }

    var forum: Forum
    var usulan: Usulan
    var form: Form
    var agencies: [Agency]
    var errors = FormErrors()

    var forumID: String { forum.id?.uuidString ?? "" }
    var usulanID: String { usulan.id?.uuidString ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        let title: String
        let body: Node<HTML.BodyContext>
        switch form {
        case let .adjust(input):
            title = ctx.t("Sesuaikan volume/biaya", "Adjust volume/cost")
            body = adjust(ctx, input)
        case let .decide(input):
            title = ctx.t("Keputusan forum", "Forum decision")
            body = decide(ctx, input)
        }
        return Layout.page(ctx, title: "\(title) · \(usulan.number)", [
            .p(.a(.href(SiteRoute.forum(forumID).path), .text("‹ " + forum.title))),
            .h1(.text(title)),
            .p(.a(.href(SiteRoute.usulan(usulanID).path), .text(usulan.title)), .text(" · \(usulan.number)"),
               .unwrap(usulan.pokirLabel) { .group([.text(" · "), .span(.class("badge pokir"), .text($0))]) }),
            .p(.text("\(DecimalText.plain(usulan.volume)) \(usulan.satuan) · \(Rupiah(usulan.cost).formatted)")),
            FormKit.summary(ctx, errors),
            body,
        ])
    }

    func adjust(_ ctx: ViewContext, _ input: AdjustUsulan.Input) -> Node<HTML.BodyContext> {
        FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumAdjust(forumID, usulanID).path),
            FormKit.csrf(ctx),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: "volume", label: ctx.t("Volume (\(usulan.satuan))", "Volume (\(usulan.satuan))"),
                                          value: input.volume ?? DecimalText.plain(usulan.volume), required: true, inputMode: "decimal"), errors: errors),
                 FormKit.field(ctx, .init(name: "cost", label: ctx.t("Biaya (Rp)", "Cost (Rp)"), value: input.cost ?? String(usulan.cost), required: true, inputMode: "numeric"),
                               errors: errors)),
            FormKit.textarea(ctx, name: "reason", label: ctx.t("Alasan", "Reason"), value: input.reason ?? "", errors: errors,
                             hint: ctx.t("Tercatat di riwayat usulan dan diberitahukan kepada pengusul.", "Kept on the proposal's timeline and sent to the proposer."),
                             required: true, rows: 3),
            .button(.type(.submit), .text(ctx.t("Simpan penyesuaian", "Save the adjustment"))))
    }

    func decide(_ ctx: ViewContext, _ input: DecideUsulan.Input) -> Node<HTML.BodyContext> {
        let choices = ForumDecision.choices(for: forum.forumLevel.work)
        return FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumDecide(forumID, usulanID).path),
            FormKit.csrf(ctx),
            FormKit.select(ctx, name: "decision", label: ctx.t("Keputusan", "Decision"),
                           choices: choices.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: input.decision ?? choices.first?.rawValue ?? "", errors: errors),
            FormKit.select(ctx, name: "reason_code", label: ctx.t("Alasan (untuk ditolak/ditunda)", "Reason (when rejecting/postponing)"),
                           choices: [.init(value: "", label: "—")] + RejectionReason.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: input.reason_code ?? "", errors: errors),
            forum.forumLevel.work == .agencyDecisions ? .group([
                FormKit.select(ctx, name: "new_agency", label: ctx.t("Dialihkan ke (untuk dialihkan)", "Redirect to (when redirecting)"),
                               choices: [.init(value: "", label: "—")] + agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                               selected: input.new_agency ?? "", errors: errors),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "volume", label: ctx.t("Volume baru (\(usulan.satuan))", "New volume (\(usulan.satuan))"),
                                              value: input.volume ?? DecimalText.plain(usulan.volume), hint: ctx.t("untuk diterima dengan perubahan", "when accepting with changes"),
                                              inputMode: "decimal"), errors: errors),
                     FormKit.field(ctx, .init(name: "cost", label: ctx.t("Biaya baru (Rp)", "New cost (Rp)"), value: input.cost ?? String(usulan.cost),
                                              hint: ctx.t("untuk diterima dengan perubahan", "when accepting with changes"), inputMode: "numeric"), errors: errors)),
            ]) : .empty,
            FormKit.textarea(ctx, name: "note", label: ctx.t("Catatan", "Note"), value: input.note ?? "", errors: errors, rows: 3),
            .button(.type(.submit), .text(ctx.t("Simpan keputusan", "Save the decision"))))
    }
}

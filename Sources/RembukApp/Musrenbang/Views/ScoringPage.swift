import Foundation
import Plot
import RembukCore

/// One scorer's sheet: every usulan of the forum with a 1–5 choice per criterion of the cycle. Paper sheets
/// from several scorers are entered one after the other under each scorer's name.
struct ScoringPage {
    var forum: Forum
    var agenda: ForumAgenda
    var scorer: String
    /// usulan id → criterion → score as shown (the scorer's saved sheet or what was just typed).
    var values: [String: [String: String]]
    var errors = FormErrors()
    var notice: String?

    var id: String { forum.id?.uuidString ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Lembar penilaian", "Scoring sheet")
        return Layout.page(ctx, title: "\(title) · \(forum.title)", [
            .p(.a(.href(SiteRoute.forum(id).path), .text("‹ " + forum.title))),
            .h1(.text(title)),
            .unwrap(notice) { FormKit.notice($0) },
            .p(.class("hint"), .text(ctx.t("Nilai 1 (rendah) sampai 5 (tinggi) untuk setiap kriteria. Usulan yang dikosongkan tidak dinilai oleh penilai ini. Nilai forum adalah rata-rata semua penilai.",
                                           "Score 1 (low) to 5 (high) on each criterion. A proposal left blank is not scored by this scorer. The forum's score is the mean of all scorers."))),
            .if(!agenda.scorers.isEmpty, .p(.text(ctx.t("Penilai yang sudah mengisi: ", "Scorers so far: ")),
                .group(agenda.scorers.map { name in .group([.a(.href(SiteRoute.forumScoring(id).path + "?penilai=" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")), .text(name)), .text(" ")]) }))),
            legend(ctx),
            FormKit.summary(ctx, errors),
            FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumScoring(id).path),
                FormKit.csrf(ctx),
                .div(.class("short"), FormKit.field(ctx, .init(name: "scorer", label: ctx.t("Penilai", "Scorer"), value: scorer,
                                                               hint: ctx.t("mis. Penilai 1 – Ketua BPD", "e.g. Scorer 1 – BPD chair"), required: true), errors: errors)),
                .forEach(agenda.usulan) { usulan in sheet(ctx, usulan) },
                .button(.type(.submit), .text(ctx.t("Simpan nilai", "Save the scores")))),
        ])
    }

    func legend(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let sets = [(ctx.t("Usulan fisik", "Physical proposals"), agenda.settings.physical), (ctx.t("Usulan non-fisik", "Non-physical proposals"), agenda.settings.nonPhysical)]
        return .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text(ctx.t("Kriteria dan arti nilai 1 dan 5", "Criteria and what 1 and 5 mean"))]),
            .forEach(sets.map { $0 }) { caption, criteria in
                .table(.caption(.text(caption)),
                       .thead(.tr(.th(.text(ctx.t("Kriteria", "Criterion"))), .th(.class("num"), .text(ctx.t("Bobot", "Weight"))), .th(.text("1")), .th(.text("5")))),
                       .tbody(.forEach(criteria) { criterion in
                           .tr(.td(.text(criterion.name)), .td(.class("num"), .text(Percent.text(criterion.weightBasisPoints) + " %")),
                               .td(.text(criterion.scale[1] ?? "")), .td(.text(criterion.scale[5] ?? "")))
                       }))
            },
        ])
    }

    func sheet(_ ctx: ViewContext, _ usulan: Usulan) -> Node<HTML.BodyContext> {
        let key = usulan.id?.uuidString ?? ""
        let scheme = agenda.scheme(for: usulan)
        let error = errors["s-\(key)"]
        return .element(named: "fieldset", nodes: [
            .class(error == nil ? "score-sheet" : "score-sheet invalid"),
            .element(named: "legend", nodes: [.text("\(usulan.number) · \(usulan.title) · \(Rupiah(usulan.cost).formatted)")]),
            .unwrap(error) { .p(.class("error"), .text(ctx.t($0))) },
            .div(.class("score-row"), .forEach(scheme.criteria) { criterion in
                let fieldID = "s-\(key.prefix(8))-\(criterion.key)"
                let chosen = values[key]?[criterion.key] ?? ""
                return .div(.class("field"),
                    .label(.for(fieldID), .text(criterion.name)),
                    .element(named: "select", nodes: [
                        .attribute(named: "id", value: fieldID), .attribute(named: "name", value: "s[\(key)][\(criterion.key)]"),
                        .forEach(["", "1", "2", "3", "4", "5"]) { value in
                            .element(named: "option", nodes: [.attribute(named: "value", value: value),
                                                              .if(value == chosen, .attribute(named: "selected", value: "selected")),
                                                              .text(value.isEmpty ? "–" : value)])
                        },
                    ]))
            }),
        ])
    }
}

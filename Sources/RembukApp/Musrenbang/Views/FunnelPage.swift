import Plot
import RembukCore

/// The kabupaten's planning funnel for a budget year: submitted → verified → agreed per tier → RKPD.
struct FunnelPage {
    var funnel: PlanningFunnel
    var years: [Int]

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Ringkasan Musrenbang TA \(funnel.year)", "Planning summary, budget year \(funnel.year)")
        let submitted = max(funnel.total.first?.count ?? 0, 1)
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.forums.path), .text(ctx.t("‹ Kalender Musrenbang", "‹ Forum calendar")))),
            .h1(.text(title)),
            .if(years.count > 1, .p(.text(ctx.t("Tahun anggaran: ", "Budget year: ")),
                .group(years.map { year in .group([.a(.href(SiteRoute.forumFunnel.path + "?tahun=\(year)"), .text(String(year))), .text(" ")]) }))),
            .p(.class("lead"), .text(ctx.t("Berapa usulan warga yang sampai di setiap tahap, dari diajukan sampai masuk RKPD.",
                                           "How many citizens' proposals reached each stage, from submission to the RKPD."))),
            .table(
                .caption(.text(ctx.t("Usulan per tahap", "Proposals per stage"))),
                .thead(.tr(.th(.text(ctx.t("Tahap", "Stage"))), .th(.class("num"), .text(ctx.t("Usulan", "Proposals"))), .th(.class("num"), .text("%")), .th(.text("")))),
                .tbody(.forEach(funnel.total) { line in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(line.stage.label(ctx.language))),
                        .td(.class("num"), .text(String(line.count))),
                        .td(.class("num"), .text("\(InclusionFigures.percent(line.count, of: submitted)) %")),
                        .td(.element(named: "progress", nodes: [.attribute(named: "max", value: String(submitted)), .attribute(named: "value", value: String(line.count)),
                                                                .attribute(named: "aria-hidden", value: "true")])))
                })),
            .h2(.text(ctx.t("Per kecamatan", "Per district"))),
            .if(funnel.kecamatan.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada usulan untuk tahun ini.", "No proposals for this year yet.")))),
            .if(!funnel.kecamatan.isEmpty, .div(.class("scroll"), .table(
                .thead(.tr(.th(.text("Kecamatan")), .forEach(Funnel.stages) { .th(.class("num"), .text($0.label(ctx.language))) })),
                .tbody(.forEach(funnel.kecamatan) { line in
                    .tr(.th(.attribute(named: "scope", value: "row"), .a(.href(SiteRoute.region(line.code).path), .text(line.name))),
                        .forEach(line.counts) { .td(.class("num"), .text(String($0))) })
                })))),
            .h2(.text(ctx.t("Forum yang sudah ditutup", "Forums closed"))),
            .if(funnel.forumsClosed.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada forum yang ditutup.", "No forum has been closed yet.")))),
            .if(!funnel.forumsClosed.isEmpty, .group([
                .ul(.forEach(funnel.forumsClosed) { .li(.text("\($0.level.label(ctx.language)): \($0.count)")) }),
                .p(.text(ctx.t("Kehadiran di forum-forum itu:", "Attendance at those forums:"))),
                InclusionPanel.cards(ctx, funnel.attendance),
            ])),
        ])
    }
}

import Foundation
import Plot
import RembukCore

/// The usulan of a forum in its order: priority, score, supports, cost, what is left of the pagu, the
/// outcome; with the adjust and decision forms for the people running an open forum.
struct ForumResultTable {
    var page: ForumPage

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let rows = ForumResultRows(page.agenda, agencyNames: page.agencyNames)
        let work = page.forum.forumLevel.work
        let editable = page.canRun && page.isOpen
        let heading = page.isOpen ? ctx.t("Usulan yang dibahas (hasil sementara)", "Proposals on the agenda (provisional result)")
                                  : ctx.t("Hasil forum", "Result of the forum")
        return .group([
            .h2(.text(heading)),
            .unwrap(rows.pagu) { pagu in
                .p(.strong(.text(ctx.t("Pagu ", "Ceiling ") + Rupiah(pagu.total).formatted)),
                   .text(ctx.t(" · disepakati ", " · agreed ") + Rupiah(rows.allocated).formatted + ctx.t(" · sisa ", " · left ") + Rupiah(pagu.total - rows.allocated).formatted))
            },
            .if(rows.rows.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada usulan pada tahap forum ini.", "No proposal is at this forum's stage yet.")))),
            .if(!rows.rows.isEmpty, .div(.class("scroll"), .table(
                .thead(.tr(
                    .th(.class("num"), .text(ctx.t("Prioritas", "Priority"))), .th(.text("Usulan")),
                    .if(work != .agencyDecisions && work != .finalList, .th(.class("num"), .text(ctx.t("Nilai", "Score")))),
                    .th(.class("num"), .text(ctx.t("Dukungan", "Supports"))), .th(.class("num"), .text(ctx.t("Biaya", "Cost"))),
                    .if(rows.pagu != nil, .th(.class("num"), .text(ctx.t("Sisa pagu", "Ceiling left")))),
                    .th(.text(ctx.t("Hasil", "Outcome"))))),
                .tbody(.forEach(rows.rows) { row in
                    .tr(.td(.class("num"), .text(row.priority.map(String.init) ?? "–")),
                        usulanCell(ctx, row, editable: editable, work: work),
                        .if(work != .agencyDecisions && work != .finalList,
                            .td(.class("num"), .text(row.score.text),
                                .if(row.score.scorers > 0, .span(.class("muted"), .text(" (\(row.score.scorers))"))))),
                        .td(.class("num"), .text(String(row.usulan.supportCount))),
                        .td(.class("num"), .text(Rupiah(row.cost).formatted)),
                        .if(rows.pagu != nil, .td(.class("num"), .text(row.remainingAfter.map { Rupiah($0).formatted } ?? "–"))),
                        .td(.span(.class("badge outcome-\(row.outcome.rawValue)"), .text(outcomeLabel(ctx, row))),
                            .if(!row.reason.isEmpty, .span(.class("muted"), .text(" " + row.reason)))))
                }))))
        ])
    }

    func usulanCell(_ ctx: ViewContext, _ row: ForumResultRows.Row, editable: Bool, work: ForumWork) -> Node<HTML.TableRowContext> {
        let where_ = "\(row.usulan.number) · \(page.desaNames[row.usulan.desaCode] ?? row.usulan.desaCode) · \(page.agencyNames[row.agency] ?? row.agency)"
        return .td(.a(.href(SiteRoute.usulan(row.usulan.id?.uuidString ?? "").path), .text(row.usulan.title)),
                   .br(), .span(.class("muted"), .text(where_)),
                   .unwrap(row.usulan.pokirLabel) { .group([.br(), .span(.class("badge pokir"), .text($0))]) },
                   editable ? rowForm(ctx, row, work) : .empty)
    }

    func outcomeLabel(_ ctx: ViewContext, _ row: ForumResultRows.Row) -> String {
        if page.isOpen, let decision = row.decision?.forumDecision { return decision.label(ctx.language) }
        return row.outcome.label(ctx.language)
    }

    /// A link to the usulan's adjust or decision page (one small form per page keeps the table light).
    /// Plot evaluates both branches of `.if`, so the choice is made here.
    func rowForm(_ ctx: ViewContext, _ row: ForumResultRows.Row, _ work: ForumWork) -> Node<HTML.BodyContext> {
        let id = row.usulan.id?.uuidString ?? ""
        switch work {
        case .ranking, .allocation:
            return .p(.a(.href(SiteRoute.forumAdjust(page.id, id).path), .text(ctx.t("Sesuaikan volume/biaya", "Adjust volume/cost"))))
        case .agencyDecisions, .finalList:
            return .p(.a(.href(SiteRoute.forumDecide(page.id, id).path),
                         .text(row.decision == nil ? ctx.t("Catat keputusan", "Record the decision") : ctx.t("Ubah keputusan", "Change the decision"))))
        case .attendanceOnly:
            return .empty
        }
    }
}

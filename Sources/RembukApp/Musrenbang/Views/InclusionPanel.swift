import Plot
import RembukCore

/// The inclusion figures of a forum against the cycle's target, as cards (page) or a sentence (berita acara).
enum InclusionPanel {
    static func cards(_ ctx: ViewContext, _ figures: InclusionFigures, paper: Bool = false) -> Node<HTML.BodyContext> {
        let target = Percent.text(figures.womenTargetBasisPoints)
        let women = figures.total == 0 ? ctx.t("Belum ada peserta tercatat.", "No participant recorded yet.")
            : figures.meetsWomenTarget ? ctx.t("Memenuhi target \(target) %.", "Meets the \(target) % target.")
            : ctx.t("Di bawah target \(target) %: perlu \(figures.womenShort) perempuan lagi.", "Below the \(target) % target: \(figures.womenShort) more women needed.")
        return .group([
            .ul(.class("cards"),
                .li(.class("card"), .span(.class("figure"), .text(String(figures.total))), .text(ctx.t("peserta", "participants"))),
                .li(.class(figures.meetsWomenTarget ? "card good" : "card short"), .span(.class("figure"), .text("\(figures.womenPercent) %")),
                    .text(ctx.t("perempuan (\(figures.women) orang)", "women (\(figures.women))"))),
                .li(.class("card"), .span(.class("figure"), .text("\(figures.youthPercent) %")), .text(ctx.t("pemuda 16–30 (\(figures.youth) orang)", "youth 16–30 (\(figures.youth))"))),
                .li(.class("card"), .span(.class("figure"), .text("\(figures.disabilityPercent) %")),
                    .text(ctx.t("penyandang disabilitas (\(figures.withDisability) orang)", "people with disability (\(figures.withDisability))")))),
            .p(.class(figures.meetsWomenTarget ? "muted" : "alert"), .text(women)),
            .if(paper, .p(.class("muted"), .text(ctx.t("Sumber: rekap daftar hadir kertas (pindaian terlampir), bukan daftar nama.",
                                                       "Source: totals of a paper attendance sheet (scan attached), not a list of names.")))),
        ])
    }

    static func sentence(_ figures: InclusionFigures, paper: Bool = false) -> String {
        (paper ? "(menurut rekap daftar hadir kertas yang pindaiannya terlampir) " : "") + "\(figures.total) orang, terdiri atas \(figures.women) perempuan (\(figures.womenPercent) %; target \(Percent.text(figures.womenTargetBasisPoints)) %, "
            + (figures.meetsWomenTarget ? "terpenuhi" : "belum terpenuhi") + ") dan \(figures.total - figures.women) laki-laki; "
            + "\(figures.youth) pemuda (\(figures.youthPercent) %) dan \(figures.withDisability) penyandang disabilitas (\(figures.disabilityPercent) %)."
    }
}

/// The rows of a forum's result table: the live preview of an open forum or the frozen result of a closed one.
struct ForumResultRows {
    struct Row {
        var usulan: Usulan
        var priority: Int?
        var outcome: ForumOutcome
        var reason: String
        var score: ForumScore
        var cost: Int64
        var volume: Double
        var agency: String
        /// For the kecamatan: the pagu left after this usulan is agreed.
        var remainingAfter: Int64?
        var decision: ForumDecisionRecord?
    }

    var rows: [Row]
    var pagu: Pagu?

    init(_ agenda: ForumAgenda, agencyNames: [String: String]) {
        pagu = agenda.pagu
        if agenda.isClosed {
            rows = agenda.results.compactMap { result in
                guard let usulan = agenda.usulan(result.$usulan.id.uuidString) else { return nil }
                return Row(usulan: usulan, priority: result.priority, outcome: result.forumOutcome, reason: result.reason, score: result.score,
                           cost: result.cost, volume: result.volume, agency: result.agency, remainingAfter: nil, decision: nil)
            }
        } else {
            rows = agenda.preview.compactMap { line in
                guard let usulan = agenda.usulan(line.id), let id = usulan.id else { return nil }
                return Row(usulan: usulan, priority: line.priority, outcome: line.outcome,
                           reason: line.reason.map { ChangeForumStatus.reasonText($0, agencyNames) } ?? "",
                           score: agenda.score(of: id), cost: usulan.cost, volume: usulan.volume, agency: usulan.targetAgency,
                           remainingAfter: nil, decision: agenda.decisions[id])
            }
        }
        if let pagu {
            var remaining = pagu.total
            for index in rows.indices where rows[index].outcome == .disepakati {
                remaining -= rows[index].cost
                rows[index].remainingAfter = remaining
            }
        }
    }

    var agreed: [Row] { rows.filter(\.outcome.isAgreed) }
    var notAgreed: [Row] { rows.filter { !$0.outcome.isAgreed } }
    var allocated: Int64 { agreed.reduce(0) { $0 + $1.cost } }
}

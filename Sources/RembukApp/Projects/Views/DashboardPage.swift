import Plot
import RembukCore

/// The public dashboard: where the money goes and how far it got, how far usulan get, who takes part.
/// Every chart has its table beside it and a CSV link.
struct DashboardPage {
    var data: ProjectDashboard
    var years: [Int]

    var query: String { data.year.map { "?tahun=\($0)" } ?? "" }

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Dasbor pembangunan", "Development dashboard")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t("Pagu dan realisasi proyek, jalannya usulan sampai proyek selesai, dan keikutsertaan warga. Angka di setiap grafik juga tersedia sebagai tabel dan CSV.",
                                           "Project budgets and spending, how far proposals get up to finished projects, and who takes part. Every chart's numbers are also a table and a CSV file."))),
            yearFilter(ctx),
            money(ctx, "opd", ctx.t("Pagu dan realisasi per perangkat daerah", "Budget and spending per agency"), data.byAgency, head: ctx.t("Perangkat daerah", "Agency")),
            money(ctx, "kecamatan", ctx.t("Pagu dan realisasi per kecamatan", "Budget and spending per district"), data.byKecamatan, head: "Kecamatan"),
            money(ctx, "bidang", ctx.t("Pagu dan realisasi per bidang", "Budget and spending per sector"), data.byBidang, head: ctx.t("Bidang", "Sector")),
            counts(ctx, "status", ctx.t("Proyek menurut status", "Projects by status"), data.statuses, head: "Status", unit: ctx.t("proyek", "projects")),
            counts(ctx, "alur", ctx.t("Dari usulan sampai proyek selesai", "From proposal to finished project"), data.pipeline,
                   head: ctx.t("Tahap yang dicapai", "Stage reached"), unit: "usulan"),
            participation(ctx),
        ])
    }

    func yearFilter(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.dashboard.path),
            FormKit.select(ctx, name: "tahun", label: ctx.t("Tahun anggaran", "Budget year"),
                           choices: [.init(value: "", label: ctx.t("Semua tahun", "All years"))] + years.map { .init(value: String($0), label: String($0)) },
                           selected: data.year.map(String.init) ?? "", errors: FormErrors()),
            .button(.type(.submit), .class("secondary"), .text(ctx.t("Tampilkan", "Show"))))
    }

    func section(_ ctx: ViewContext, _ key: String, _ title: String, chart: Node<HTML.BodyContext>, table: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .section(.class("dash"), .attribute(named: "aria-labelledby", value: "h-\(key)"),
            .h2(.id("h-\(key)"), .text(title)),
            .div(.class("pair"), chart, .div(.class("scroll"), table)),
            .p(.class("no-print"), .a(.href(SiteRoute.dashboardCSV(key).path + query), .text(ctx.t("Unduh angka ini (CSV)", "Download these numbers (CSV)")))))
    }

    func money(_ ctx: ViewContext, _ key: String, _ title: String, _ rows: [ProjectDashboard.MoneyRow], head: String) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .section(.h2(.text(title)), .p(.class("muted"), .text(ctx.t("Belum ada proyek.", "No projects yet.")))) }
        let totalPagu = rows.reduce(0) { $0 + $1.pagu }, totalRealised = rows.reduce(0) { $0 + $1.realised }
        let chart = BarChart(id: "c-\(key)", title: title,
                             summary: ctx.t("Total pagu \(Rupiah(totalPagu).formatted), realisasi \(Rupiah(totalRealised).formatted) (\(ChartScale.percent(totalRealised, of: totalPagu)) %).",
                                            "Total budget \(Rupiah(totalPagu).formatted), spent \(Rupiah(totalRealised).formatted)."),
                             series: [ctx.t("Pagu", "Budget"), ctx.t("Realisasi", "Spent")],
                             bars: rows.map { .init(label: $0.label, values: [$0.pagu, $0.realised]) }) { Rupiah($0).short(ctx.language) }
        let table: Node<HTML.BodyContext> = .table(
            .thead(.tr(.th(.text(head)), .th(.class("num"), .text(ctx.t("Proyek", "Projects"))), .th(.class("num"), .text(ctx.t("Pagu", "Budget"))),
                       .th(.class("num"), .text(ctx.t("Realisasi", "Spent"))), .th(.class("num"), .text("%")))),
            .tbody(.forEach(rows) { row in
                .tr(.td(.text(row.label)), .td(.class("num"), .text(String(row.projects))), .td(.class("num"), .text(Rupiah(row.pagu).formatted)),
                    .td(.class("num"), .text(Rupiah(row.realised).formatted)), .td(.class("num"), .text("\(ChartScale.percent(row.realised, of: row.pagu))")))
            }))
        return section(ctx, key, title, chart: chart.render(), table: table)
    }

    func counts(_ ctx: ViewContext, _ key: String, _ title: String, _ rows: [ProjectDashboard.CountRow], head: String, unit: String) -> Node<HTML.BodyContext> {
        let chart = BarChart(id: "c-\(key)", title: title, summary: rows.map { "\($0.label): \($0.count)" }.joined(separator: "; "),
                             series: [unit], bars: rows.map { .init(label: $0.label, values: [$0.count]) }) { String($0) }
        let table: Node<HTML.BodyContext> = .table(
            .thead(.tr(.th(.text(head)), .th(.class("num"), .text(unit.capitalized)))),
            .tbody(.forEach(rows) { .tr(.td(.text($0.label)), .td(.class("num"), .text(String($0.count)))) }))
        return section(ctx, key, title, chart: chart.render(), table: table)
    }

    func participation(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let title = ctx.t("Keikutsertaan warga", "Who takes part")
        let womenShare = ChartScale.percent(Int64(data.women), of: Int64(data.attendees))
        let chart = BarChart(id: "c-partisipasi", title: ctx.t("Usulan per kecamatan", "Proposals per district"),
                             summary: ctx.t("Jumlah usulan warga per kecamatan.", "Citizens' proposals per district."),
                             series: ["usulan"], bars: data.kecamatan.map { .init(label: $0.name, values: [Int64($0.usulan)]) }) { String($0) }
        let table: Node<HTML.BodyContext> = .table(
            .thead(.tr(.th(.text("Kecamatan")), .th(.class("num"), .text("Usulan")),
                       .th(.class("num"), .text(ctx.t("Penduduk", "Residents"))), .th(.class("num"), .text(ctx.t("Per 1.000 penduduk", "Per 1,000 residents"))))),
            .tbody(.forEach(data.kecamatan) { row in
                .tr(.td(.text(row.name)), .td(.class("num"), .text(String(row.usulan))),
                    .td(.class("num"), .text(row.population.map { Rupiah.groupThousands(UInt64($0)) } ?? "–")),
                    .td(.class("num"), .text(row.perThousand.map { DecimalText.plain($0) } ?? "–")))
            }))
        return .group([
            .section(.class("cards-section"), .h2(.text(title)),
                .ul(.class("cards"),
                    .li(.class("card"), .span(.class("figure"), .text(String(data.citizens))), .text(ctx.t("warga mengusulkan atau mendukung usulan", "citizens proposed or supported"))),
                    .li(.class("card"), .span(.class("figure"), .text(String(data.attendees))), .text(ctx.t("peserta forum Musrenbang yang sudah ditutup", "people at closed Musrenbang forums"))),
                    .li(.class("card"), .span(.class("figure"), .text("\(womenShare) %")), .text(ctx.t("peserta forum adalah perempuan", "of forum participants are women"))))),
            section(ctx, "partisipasi", ctx.t("Usulan per kecamatan", "Proposals per district"), chart: chart.render(), table: table),
            data.kecamatan.contains { $0.population == nil }
                ? .p(.class("muted"), .text(ctx.t("“–”: jumlah penduduk kecamatan ini belum diisi Bappeda, jadi usulan per 1.000 penduduk belum bisa dihitung.",
                                                  "“–”: this district's population has not been entered yet, so proposals per 1,000 residents cannot be computed.")))
                : .empty,
        ])
    }
}

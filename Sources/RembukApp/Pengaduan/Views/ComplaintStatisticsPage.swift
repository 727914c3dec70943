import Plot
import RembukCore

/// The public statistics of complaint handling: per agency, median days to answer and what is overdue.
struct ComplaintStatisticsPage {
    var statistics: ComplaintStatistics

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Statistik pengaduan", "Complaint statistics")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.complaints.path), .text(ctx.t("‹ Pengaduan", "‹ Complaints")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Admin memverifikasi pengaduan paling lambat \(ComplaintClock.verifyWithin) hari kerja; perangkat daerah menindaklanjuti paling lambat \(ComplaintClock.respondWithin) hari kerja setelah disposisi. Angka ini mencakup semua pengaduan, termasuk yang rahasia, tanpa menampilkan isinya.",
                "Complaints are verified within \(ComplaintClock.verifyWithin) working days; agencies follow up within \(ComplaintClock.respondWithin) working days of receiving them. These figures count every complaint, confidential ones included, without showing any.")),
               .text(" "), .a(.href(SiteRoute.holidays.path), .text(ctx.t("Hari libur yang tidak dihitung", "Holidays not counted")))),
            .ul(.class("cards"),
                .li(.class("card"), .span(.class("figure"), .text(String(statistics.waitingVerification))), .text(ctx.t("menunggu verifikasi", "waiting for verification"))),
                .li(.class("card"), .span(.class("figure"), .text(String(statistics.overdueVerification))), .text(ctx.t("verifikasi lewat tenggat", "verification overdue")))),
            .h2(.text(ctx.t("Per perangkat daerah", "Per agency"))),
            statistics.lines.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada pengaduan yang didisposisikan.", "No complaint has been passed on yet."))) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text(ctx.t("Perangkat daerah", "Agency"))), .th(.class("num"), .text(ctx.t("Diterima", "Received"))),
                           .th(.class("num"), .text(ctx.t("Dijawab", "Answered"))), .th(.class("num"), .text(ctx.t("Median hari kerja", "Median working days"))),
                           .th(.class("num"), .text(ctx.t("Lewat tenggat", "Overdue"))))),
                .tbody(.forEach(statistics.lines) { line in
                    .tr(.td(.text(line.name)), .td(.class("num"), .text(String(line.passed))), .td(.class("num"), .text(String(line.answered))),
                        .td(.class("num"), .text(line.medianDays.map { DecimalText.plain($0) } ?? "–")),
                        .td(.class("num"), line.overdue > 0 ? .span(.class("badge status-ditolak"), .text(String(line.overdue))) : .text("0")))
                }))),
            .h2(.text(ctx.t("Menurut status", "By status"))),
            .table(.tbody(.forEach(statistics.byStatus) { status, count in
                .tr(.td(.text(status.label(ctx.language))), .td(.class("num"), .text(String(count))))
            })),
        ])
    }
}

import Plot
import RembukCore

/// The holidays of this year onwards, and for Bappeda the form to add one.
struct HolidaysPage {
    struct Entry {
        var day: LocalDate
        var name: String
        /// From `REMBUK_HOLIDAYS`: shown, not removable here.
        var configured: Bool
    }

    var entries: [Entry]
    var input: AddHoliday.Input
    var errors: FormErrors
    var canEdit: Bool
    var notice: String?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Hari libur dan cuti bersama", "Public holidays")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.schedule.path), .text(ctx.t("‹ Jadwal perencanaan", "‹ Planning calendar")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Tenggat pengaduan dihitung dalam hari kerja: Senin sampai Jumat, kecuali tanggal di bawah ini.",
                "Complaint deadlines count working days: Monday to Friday, except the dates below."))),
            .unwrap(notice.flatMap(LocalDate.init(iso:))) { FormKit.notice(ctx.t("Hari libur \(DateText.long($0)) ditambahkan.", "Holiday \(DateText.long($0, .en)) added.")) },
            entries.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada hari libur yang tercatat untuk tahun ini.", "No holidays recorded for this year yet."))) :
            .table(
                .thead(.tr(.th(.text(ctx.t("Tanggal", "Date"))), .th(.text(ctx.t("Keterangan", "Name"))), .if(canEdit, .th(.class("no-print"), .span(.class("sr-only"), .text(ctx.t("Tindakan", "Action"))))))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.text(DateText.long(entry.day, ctx.language))),
                        .td(.text(entry.configured ? ctx.t("dari pengaturan server", "from the server's settings") : entry.name)),
                        .if(canEdit, .td(.class("no-print"), entry.configured ? .empty :
                            FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                                         .attribute(named: "action", value: SiteRoute.holidayRemove(entry.day.iso).path),
                                         FormKit.csrf(ctx),
                                         .button(.type(.submit), .class("link"),
                                                 .attribute(named: "aria-label", value: ctx.t("Hapus ", "Remove ") + DateText.long(entry.day, ctx.language)),
                                                 .text(ctx.t("Hapus", "Remove")))))))
                })),
            canEdit ? form(ctx) : .empty,
        ])
    }

    func form(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .section(.class("no-print"),
            .h2(.text(ctx.t("Tambah hari libur", "Add a holiday"))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.holidays.path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "day", label: ctx.t("Tanggal", "Date"), type: .date, value: input.day ?? "", required: true), errors: errors),
                FormKit.field(ctx, .init(name: "name", label: ctx.t("Keterangan", "Name"), value: input.name ?? "",
                                         hint: ctx.t("Misalnya: Cuti bersama Natal.", "E.g. Christmas collective leave."), required: true), errors: errors),
                .button(.type(.submit), .text(ctx.t("Tambahkan", "Add")))))
    }
}

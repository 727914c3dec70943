import Plot
import RembukCore

/// Every forum of every cycle, by date.
struct ForumCalendarPage {
    var forums: [Forum]
    var regionNames: [String: String]
    var canSchedule: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Kalender Musrenbang", "Forum calendar")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t("Forum musyawarah perencanaan pembangunan di desa, kecamatan, perangkat daerah, dan kabupaten. Terbuka untuk warga.",
                                           "Development-planning forums in villages, districts, agencies and the regency. Open to citizens."))),
            .p(.a(.href(SiteRoute.forumFunnel.path), .text(ctx.t("Ringkasan: berapa usulan sampai di setiap tahap", "Summary: how many proposals reached each stage")))),
            .if(canSchedule, .p(.a(.class("button"), .href(SiteRoute.forumNew.path), .text(ctx.t("Jadwalkan forum", "Schedule a forum"))))),
            .if(forums.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada forum yang dijadwalkan.", "No forum is scheduled yet.")))),
            .if(!forums.isEmpty, .table(
                .thead(.tr(.th(.text(ctx.t("Tanggal", "Date"))), .th(.text("Forum")), .th(.text(ctx.t("Tempat", "Place"))), .th(.text("Status")))),
                .tbody(.forEach(forums) { forum in
                    .tr(.td(.text(forum.day.map { DateText.long($0, ctx.language) } ?? forum.heldOn), .text(" · " + forum.startsAt)),
                        .td(.a(.href(SiteRoute.forum(forum.id?.uuidString ?? "").path),
                               .text(ctx.language == .id ? forum.forumLevel.name(in: regionNames[forum.regionCode] ?? forum.regionCode, at: RegionCode(forum.regionCode))
                                   : "\(ctx.forumLabel(forum.forumLevel, at: forum.regionCode)) \(regionNames[forum.regionCode] ?? forum.regionCode)"))),
                        .td(.text(forum.place)), .td(.text(forum.forumStatus.label(ctx.language))))
                }))),
        ])
    }
}

struct ForumFormPage {
    var input: ScheduleForum.Input
    var levels: [ForumLevel]
    var regions: [Region]
    var agencies: [Agency]
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Jadwalkan forum", "Schedule a forum")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.forums.path), .text(ctx.t("‹ Kalender Musrenbang", "‹ Forum calendar")))),
            .h1(.text(title)),
            .p(.class("hint"), .text(ctx.t("Tanggal harus dalam tahap forum itu di jadwal perencanaan. Forum yang sudah berlangsung boleh dicatat kemudian.",
                                           "The date must fall in that forum's phase of the planning calendar. Forums already held may be entered afterwards."))),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumNew.path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "level", label: ctx.t("Jenis forum", "Kind of forum"),
                               choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + levels.map { .init(value: $0.rawValue, label: ctx.places.forum($0, ctx.language)) },
                               selected: input.level ?? "", errors: errors),
                FormKit.select(ctx, name: "region_code", label: ctx.t("Wilayah", "Region"),
                               choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + regions.map { .init(value: $0.id ?? "", label: regionLabel($0)) },
                               selected: input.region_code ?? "", errors: errors),
                .if(levels.contains(.forumOPD), FormKit.select(ctx, name: "agency", label: ctx.t("Perangkat daerah (untuk Forum Perangkat Daerah)", "Agency (for agency forums)"),
                               choices: [.init(value: "", label: "—")] + agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                               selected: input.agency ?? "", errors: errors)),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "held_on", label: ctx.t("Tanggal", "Date"), type: .date, value: input.held_on ?? "", required: true), errors: errors),
                     FormKit.field(ctx, .init(name: "starts_at", label: ctx.t("Jam mulai", "Starts at"), value: input.starts_at ?? "", hint: "09.00", required: true), errors: errors)),
                FormKit.field(ctx, .init(name: "place", label: ctx.t("Tempat", "Place"), value: input.place ?? "", hint: ctx.t("mis. Balai Desa Citalang", "e.g. the village hall"), required: true), errors: errors),
                FormKit.field(ctx, .init(name: "facilitator", label: ctx.t("Fasilitator", "Facilitator"), value: input.facilitator ?? ""), errors: errors),
                FormKit.textarea(ctx, name: "agenda", label: "Agenda", value: input.agenda ?? "", errors: errors, rows: 4),
                .button(.type(.submit), .text(ctx.t("Jadwalkan", "Schedule")))),
        ])
    }

    func regionLabel(_ region: Region) -> String {
        switch region.depth {
        case 3: "\(region.name) (desa/kelurahan)"
        case 2: "Kecamatan \(region.name)"
        default: region.name
        }
    }
}

import Foundation
import Plot
import RembukCore

/// Registering for one session: confirms the session and asks, the first time in a programme, where the person
/// lives and (UMKM programmes) about their business as it is today.
struct RegistrationPage {
    var program: Program
    var session: ProgramSession
    var needsResidence: Bool
    var needsBusiness: Bool
    var choices: ScopeChoices
    var input: RegisterForSession.Input
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Daftar: ", "Register: ") + program.title
        let full = session.confirmed >= session.capacity
        let business = input.business ?? BusinessInput()
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.program(program.id?.uuidString ?? "").path), .text(ctx.t("‹ Kembali ke program", "‹ Back to the programme")))),
            .h1(.text(title)),
            .p(.strong(.text(session.title)), .text(" · " + ProgramPage.period(session, ctx.language) + " · " + session.place)),
            full ? .div(.class("alert"), .p(.text(ctx.t("Sesi ini penuh. Anda akan masuk daftar tunggu dan mendapat kursi otomatis bila ada yang batal.",
                                                        "This session is full. You will join the waiting list and get a seat automatically when someone cancels."))))
                 : .empty,
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"),
                .attribute(named: "action", value: SiteRoute.sessionRegister(session.id?.uuidString ?? "").path), FormKit.noValidation,
                FormKit.csrf(ctx),
                needsResidence ? FormKit.select(ctx, name: "desa_code", label: ctx.t("Desa/kelurahan tempat tinggal", "Village you live in"),
                                                choices: choices.desaChoices(ctx), selected: input.desa_code ?? "", errors: errors) : .empty,
                needsBusiness ? businessFields(ctx, business) : .empty,
                .p(.class("hint"), .text(ctx.t("Nama Anda hanya dilihat penyelenggara untuk daftar hadir dan sertifikat; tidak pernah tampil di halaman umum.",
                                               "Only the organisers see your name, for attendance and the certificate; it never shows on public pages."))),
                .button(.type(.submit), .text(full ? ctx.t("Masuk daftar tunggu", "Join the waiting list") : ctx.t("Daftar", "Register")))),
        ])
    }

    func businessFields(_ ctx: ViewContext, _ input: BusinessInput) -> Node<HTML.BodyContext> {
        .element(named: "fieldset", nodes: [
            .element(named: "legend", text: ctx.t("Usaha Anda saat ini", "Your business today")),
            .p(.class("hint"), .text(ctx.t("Untuk mengukur hasil program: kami bandingkan dengan keadaan 3 dan 6 bulan lagi. Angka per peserta tidak dipublikasikan.",
                                           "To measure the programme: compared with 3 and 6 months from now. Figures per person are never published."))),
            FormKit.field(ctx, .init(name: "business[business_name]", label: ctx.t("Nama usaha", "Business name"), value: input.business_name ?? "", required: program.umkmOnly),
                          errors: errors.renamed("business_name", to: "business[business_name]")),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: "business[sector]", label: ctx.t("Bidang usaha", "Line of business"), value: input.sector ?? "", required: true),
                               errors: errors.renamed("sector", to: "business[sector]")),
                 FormKit.field(ctx, .init(name: "business[start_year]", label: ctx.t("Mulai usaha (tahun)", "Started (year)"), value: input.start_year ?? "", required: true, inputMode: "numeric"),
                               errors: errors.renamed("start_year", to: "business[start_year]"))),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: "business[employees]", label: ctx.t("Pekerja (selain pemilik)", "Employees (besides you)"), value: input.employees ?? "", required: true, inputMode: "numeric"),
                               errors: errors.renamed("employees", to: "business[employees]")),
                 FormKit.field(ctx, .init(name: "business[monthly_revenue]", label: ctx.t("Omzet sebulan (Rp)", "Monthly revenue (Rp)"), value: input.monthly_revenue ?? "", required: true, inputMode: "numeric"),
                               errors: errors.renamed("monthly_revenue", to: "business[monthly_revenue]"))),
            FormKit.choices(ctx, name: "channels", field: "business[channels]", legend: ctx.t("Cara berjualan", "Sales channels"),
                            choices: SalesChannel.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                            selected: Set(input.channels ?? []), errors: errors),
            FormKit.choices(ctx, name: "reach", field: "business[reach]", legend: ctx.t("Pembeli datang dari", "Buyers come from"),
                            choices: MarketReach.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                            selected: Set([input.reach ?? ""]), errors: errors, radio: true),
        ])
    }
}

/// Participants of a session for its staff: tick who came; printed, it is the daftar hadir with a signature column.
struct SessionAttendancePage {
    struct Line {
        var registration: Registration
        var name: String
        var desa: String
    }

    var program: Program
    var session: ProgramSession
    var lines: [Line]
    var waiting: [Line]
    var canRecord: Bool
    var saved: Int?

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Daftar hadir", "Attendance")
        return Layout.page(ctx, title: title + " · " + session.title, [
            .p(.class("no-print"), .a(.href(SiteRoute.program(program.id?.uuidString ?? "").path), .text(ctx.t("‹ Kembali ke program", "‹ Back to the programme")))),
            .div(.class("document"),
                .h1(.class("doc-title"), .text(title.uppercased()), .br(), .text(program.title)),
                .p(.class("doc-meta"), .text(session.title + " · " + ProgramPage.period(session, ctx.language) + " · " + session.place)),
                .unwrap(saved) { FormKit.notice(ctx.t("Kehadiran disimpan: \($0) hadir.", "Attendance saved: \($0) present.")) },
                .if(!canRecord, .p(.class("muted no-print"), .text(ctx.t("Kehadiran bisa dicatat mulai hari sesi.", "Attendance can be taken from the day of the session.")))),
                lines.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada peserta terdaftar.", "No one registered yet."))) :
                .table(.class("sheet"),
                    .thead(.tr(.th(.class("num"), .text("No.")), .th(.text(ctx.t("Nama", "Name"))), .th(.text(ctx.t("Desa/kelurahan", "Village"))),
                               .th(.class("no-print"), .text(ctx.t("Hadir", "Present"))), .th(.text(ctx.t("Tanda tangan", "Signature"))))),
                    .tbody(.group(lines.enumerated().map { index, line in
                        let id = line.registration.id?.uuidString ?? ""
                        return .tr(.td(.class("num"), .text(String(index + 1))),
                                   .td(.label(.for("h-" + id), .text(line.name)),
                                       .unwrap(line.registration.enteredBy) { .small(.class("muted"), .text(ctx.t(" · didaftarkan oleh ", " · registered by ") + $0)) }),
                                   .td(.text(line.desa)),
                                   .td(.class("no-print"), FormKit.input([("type", "checkbox"), ("id", "h-" + id), ("name", "attended[]"), ("value", id), ("form", "hadir"),
                                                                          line.registration.attended ? ("checked", "checked") : nil, canRecord ? nil : ("disabled", "disabled")])),
                                   .td(.class(index % 2 == 0 ? "sign" : "sign even")))
                    }))),
                .if(canRecord && !lines.isEmpty, FormKit.form(.id("hadir"), .attribute(named: "method", value: "post"),
                    .attribute(named: "action", value: SiteRoute.sessionAttendance(session.id?.uuidString ?? "").path),
                    FormKit.csrf(ctx), .button(.type(.submit), .text(ctx.t("Simpan kehadiran", "Save attendance"))))),
                .if(!waiting.isEmpty, .p(.class("muted"), .text(ctx.t("Daftar tunggu: ", "Waiting list: ") + waiting.map(\.name).joined(separator: ", "))))),
        ])
    }
}

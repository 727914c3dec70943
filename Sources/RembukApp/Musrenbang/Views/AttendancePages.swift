import Foundation
import Plot
import RembukCore

/// The daftar hadir as the people running the forum keep it: a quick form for the door, the list so far
/// with the live inclusion figures, and the choice of delegates.
struct AttendancePage {
    var forum: Forum
    var attendees: [ForumAttendee]
    var attendance: ForumAttendanceFigures
    var input = RegisterAttendee.Input()
    var errors = FormErrors()
    var delegateErrors = FormErrors()
    var notice: String?

    var id: String { forum.id?.uuidString ?? "" }
    var isOpen: Bool { forum.forumStatus != .selesai }

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Daftar hadir", "Attendance")
        return Layout.page(ctx, title: "\(title) · \(forum.title)", [
            .p(.a(.href(SiteRoute.forum(id).path), .text("‹ " + forum.title))),
            .h1(.text(title)),
            .unwrap(notice) { FormKit.notice($0) },
            InclusionPanel.cards(ctx, attendance.figures, paper: attendance.isPaper),
            .if(isOpen, .p(.a(.href(SiteRoute.forumPaperAttendance(id).path), .text(attendance.isPaper
                ? ctx.t("Ubah jumlah daftar hadir kertas", "Change the paper attendance totals")
                : ctx.t("Forum memakai daftar hadir kertas? Catat jumlahnya dan lampirkan pindaiannya", "Attendance kept on paper? Enter its totals and attach the scan"))))),
            .if(attendance.isPaper, .p(.class("muted"), .text(ctx.t("Dengan daftar hadir kertas, nama yang dicatat di bawah cukup para delegasi.",
                                                                    "With a paper sheet, the names below need only be the delegates.")))),
            .if(isOpen, registerForm(ctx)),
            .if(!isOpen, .p(.class("alert"), .text(ctx.t(ForumGuard.closed.message)))),
            .h2(.text(ctx.t("Peserta tercatat", "Participants recorded"))),
            .p(.a(.href(SiteRoute.forumAttendanceSheet(id).path), .text(ctx.t("Cetak daftar hadir dengan kolom tanda tangan", "Print the sheet with a signature column")))),
            .if(attendees.isEmpty, .p(.class("muted"), .text(ctx.t("Belum ada peserta.", "No participants yet.")))),
            .if(!attendees.isEmpty, list(ctx)),
        ])
    }

    func registerForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumAttendance(id).path),
            .h2(.text(ctx.t("Catat peserta", "Register a participant"))),
            FormKit.summary(ctx, errors),
            FormKit.csrf(ctx),
            FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama", "Name"), value: input.name ?? "", autocomplete: "off", required: true), errors: errors),
            .div(.class("row"),
                 FormKit.select(ctx, name: "gender", label: ctx.t("Jenis kelamin", "Gender"),
                                choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + Attendee.Gender.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                selected: input.gender ?? "", errors: errors),
                 FormKit.select(ctx, name: "age_group", label: ctx.t("Kelompok umur", "Age group"),
                                choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + Attendee.AgeGroup.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                                selected: input.age_group ?? "", errors: errors)),
            FormKit.select(ctx, name: "unsur", label: ctx.t("Unsur yang diwakili", "Represents"),
                           choices: [.init(value: "", label: ctx.t("— pilih —", "— choose —"))] + Unsur.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: input.unsur ?? "", errors: errors),
            FormKit.field(ctx, .init(name: "organisation", label: ctx.t("Lembaga/organisasi", "Organisation"), value: input.organisation ?? "",
                                     hint: ctx.t("mis. PKK RW 03, Kelompok Tani Sri Mulya", "e.g. the RW 03 PKK")), errors: errors),
            FormKit.field(ctx, .init(name: "phone", label: ctx.t("Nomor HP", "Phone"), type: .tel, value: input.phone ?? "",
                                     hint: ctx.t("Hanya untuk dihubungi panitia; tidak pernah ditampilkan.", "Only for the organisers; never shown."),
                                     autocomplete: "off", inputMode: "tel"), errors: errors),
            .p(FormKit.input([("type", "checkbox"), ("id", "f-disability"), ("name", "disability"), ("value", "1"), input.disability == "1" ? ("checked", "checked") : nil]),
               .label(.for("f-disability"), .text(ctx.t("Penyandang disabilitas", "Person with disability")))),
            .button(.type(.submit), .text(ctx.t("Catat hadir", "Register"))))
    }

    /// The list, with a tick box per person for the delegates (one form) and a remove button per line.
    func list(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .group([
            FormKit.summary(ctx, delegateErrors),
            FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumDelegates(id).path),
                FormKit.csrf(ctx),
                .div(.class("scroll"), .table(
                    .thead(.tr(.th(.class("num"), .text("No.")), .th(.text(ctx.t("Nama", "Name"))), .th(.text("L/P")), .th(.text(ctx.t("Umur", "Age"))),
                               .th(.text(ctx.t("Unsur / lembaga", "Represents"))), .th(.text(ctx.t("Utusan", "Delegate"))))),
                    .tbody(.forEach(attendees) { person in
                        .tr(.td(.class("num"), .text(String(person.number))),
                            .td(.text(person.name), .if(person.disability, .span(.class("muted"), .text(ctx.t(" · disabilitas", " · disability"))))),
                            .td(.text(person.attendee.gender.letter)),
                            .td(.text(person.attendee.ageGroup.label(ctx.language))),
                            .td(.text(person.unsurValue?.label(ctx.language) ?? person.unsur), .if(!person.organisation.isEmpty, .text(" · " + person.organisation))),
                            .td(FormKit.input([("type", "checkbox"), ("id", "d-\(person.number)"), ("name", "delegates[]"), ("value", person.id?.uuidString ?? ""),
                                               person.delegate ? ("checked", "checked") : nil, isOpen ? nil : ("disabled", "disabled")]),
                                .label(.for("d-\(person.number)"), .class("sr-only"), .text(ctx.t("Utusan: ", "Delegate: ") + person.name))))
                    }))),
                .if(forum.forumLevel.sendsDelegates && isOpen, .group([
                    .p(.class("hint"), .text(ctx.t("Pilih 3 sampai 5 utusan ke forum berikutnya; paling sedikit satu perempuan.",
                                                   "Choose 3 to 5 delegates to the next forum; at least one a woman."))),
                    .button(.type(.submit), .text(ctx.t("Simpan utusan", "Save the delegates"))),
                ]))),
            .if(isOpen, .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(ctx.t("Hapus baris yang salah", "Remove a wrong line"))]),
                .ul(.forEach(attendees) { person in
                    .li(FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                                     .attribute(named: "action", value: SiteRoute.forumAttendeeRemove(id, person.id?.uuidString ?? "").path),
                                     FormKit.csrf(ctx), .button(.type(.submit), .class("link"), .text(ctx.t("Hapus no. \(person.number) \(person.name)", "Remove no. \(person.number) \(person.name)")))))
                }),
            ])),
        ])
    }
}

/// The printable daftar hadir: one line per person with an empty signature column, plus blank lines for
/// walk-ins, under the forum's heading. Phone numbers are not printed.
struct AttendanceSheetPage {
    var forum: Forum
    var regionName: String
    var attendees: [ForumAttendee]
    var letterhead = ForumLetterhead(units: [], contacts: false)
    static let blankLines = 10

    func render(_ ctx: ViewContext) -> HTML {
        let day = forum.day.map { DateText.long($0, ctx.language) } ?? forum.heldOn
        let blanks = Array((attendees.count + 1)...(attendees.count + Self.blankLines))
        return Layout.page(ctx, title: "Daftar hadir · \(forum.title)", [
            .div(.class("document"),
                .p(.class("no-print"), .a(.href(SiteRoute.forum(forum.id?.uuidString ?? "").path), .text("‹ " + forum.title)),
                   .text(" · "), .text(ctx.t("Gunakan menu cetak peramban (Ctrl+P).", "Use the browser's print command (Ctrl+P)."))),
                letterhead.view(ctx),
                .h1(.class("doc-title"), .text("DAFTAR HADIR"), .br(), .text(forum.title.uppercased())),
                .p(.class("doc-meta"), .text("\(day), pukul \(forum.startsAt) · \(forum.place)")),
                .unwrap(forum.documentNumber) { .p(.class("doc-meta"), .text("Lampiran berita acara nomor \($0)")) },
                .table(.class("sheet"),
                    .thead(.tr(.th(.class("num"), .text("No.")), .th(.text("Nama")), .th(.text("L/P")), .th(.text("Umur")),
                               .th(.text("Unsur / lembaga")), .th(.text("Disabilitas")), .th(.class("sign"), .text("Tanda tangan")))),
                    .tbody(
                        .forEach(attendees) { person in
                            .tr(.td(.class("num"), .text(String(person.number))), .td(.text(person.name)), .td(.text(person.attendee.gender.letter)),
                                .td(.text(person.attendee.ageGroup.label(.id))),
                                .td(.text(person.unsurValue?.label(.id) ?? person.unsur), .if(!person.organisation.isEmpty, .text(" · " + person.organisation))),
                                .td(.text(person.disability ? "Ya" : "")),
                                .td(.class(person.number % 2 == 0 ? "sign even" : "sign"), .text("\(person.number).")))
                        },
                        .forEach(blanks) { number in
                            .tr(.td(.class("num"), .text(String(number))), .td(), .td(), .td(), .td(), .td(), .td(.class(number % 2 == 0 ? "sign even" : "sign"), .text("\(number).")))
                        })),
                .p(.class("doc-meta"), .text("\(regionName), \(day)")))
        ])
    }
}

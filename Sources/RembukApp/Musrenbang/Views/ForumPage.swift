import Foundation
import Plot
import RembukCore

/// A forum's page: facts and agenda for everyone, its inclusion figures and result (live while it runs,
/// frozen once closed), and for the people who run it the controls of each step.
struct ForumPage {
    var forum: Forum
    var regionName: String
    var agencyName: String?
    var agenda: ForumAgenda
    var attendees: [ForumAttendee]
    var attendance: ForumAttendanceFigures
    var agencies: [Agency]
    /// Built once by the controller: every row of the result table looks names up here.
    var agencyNames: [String: String]
    var desaNames: [String: String]
    var canRun: Bool
    var errors = FormErrors()
    var attachments: [Attachment] = []

    var id: String { forum.id?.uuidString ?? "" }
    var isOpen: Bool { forum.forumStatus != .selesai }

    func render(_ ctx: ViewContext) -> HTML {
        let figures = attendance.figures
        let delegates = attendees.filter(\.delegate)
        return Layout.page(ctx, title: forum.title, [
            .p(.a(.href(SiteRoute.forums.path), .text(ctx.t("‹ Kalender Musrenbang", "‹ Forum calendar")))),
            .h1(.text(forum.title)),
            .p(.span(.class("badge forum-\(forum.status)"), .text(forum.forumStatus.label(ctx.language))),
               .unwrap(forum.closedAt) { .span(.class("muted"), .text(ctx.t(" · ditutup ", " · closed ") + DateText.long(LocalDate($0), ctx.language))) }),
            FormKit.summary(ctx, errors),
            facts(ctx),
            .if(canRun, controls(ctx)),
            .p(.a(.class("button secondary"), .href(SiteRoute.forumMinutes(id).path), .text(ctx.t("Berita acara", "Minutes (berita acara)")))),
            .h2(.text(ctx.t("Kehadiran dan keterwakilan", "Attendance and inclusion"))),
            InclusionPanel.cards(ctx, figures, paper: attendance.isPaper),
            .if(forum.forumLevel.sendsDelegates, .p(.strong(.text(ctx.t("Utusan ke forum berikutnya: ", "Delegates to the next forum: "))),
                .text(delegates.isEmpty ? ctx.t("belum dipilih.", "not chosen yet.")
                      : delegates.sorted { $0.number < $1.number }.map { "\($0.name) (\($0.attendee.gender.letter))" }.joined(separator: ", ")))),
            .if(forum.forumLevel.work != .attendanceOnly, ForumResultTable(page: self).render(ctx)),
            .if(forum.forumLevel.work == .attendanceOnly, .p(.class("muted"), .text(ctx.t(
                "Usulan kelompok perempuan, anak, dan penyandang disabilitas dari forum tematik diajukan sebagai usulan biasa (dengan nama kelompoknya) dan dibahas di Musrenbang Kecamatan.",
                "Proposals from thematic forums are filed as ordinary proposals (naming the group) and discussed at the district forum.")))),
            .if(!forum.agenda.isEmpty, .group([.h2(.text("Agenda")), .group(forum.agenda.split(separator: "\n").map { .p(.text(String($0))) })])),
            .div(.id("lampiran"), AttachmentViews.gallery(ctx, attachments), canRun ? filesForm(ctx) : .empty),
        ])
    }

    /// Photos of the forum and scans of the signed daftar hadir and berita acara, added any time; removed
    /// only while the forum is open.
    func filesForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .group([
            .if(isOpen && !attachments.isEmpty, .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(ctx.t("Hapus lampiran yang salah", "Remove a wrong attachment"))]),
                .ul(.forEach(attachments) { file in
                    .li(FormKit.form(.class("inline"), .attribute(named: "method", value: "post"),
                                     .attribute(named: "action", value: SiteRoute.forumFileRemove(id, file.id?.uuidString ?? "").path),
                                     FormKit.csrf(ctx), .button(.type(.submit), .class("link"), .text(ctx.t("Hapus ", "Remove ") + file.filename))))
                }),
            ])),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumFiles(id).path),
                         .attribute(named: "enctype", value: "multipart/form-data"),
                FormKit.csrf(ctx),
                .h2(.text(ctx.t("Lampirkan foto atau pindaian", "Attach photos or scans"))),
                .p(.class("hint"), .text(ctx.t("Foto suasana forum, pindaian daftar hadir dan berita acara yang sudah ditandatangani (JPG, PNG, PDF; paling banyak \(AttachForumFiles.maximum) berkas).",
                                               "Photos of the forum, scans of the signed attendance sheet and minutes (JPG, PNG, PDF; at most \(AttachForumFiles.maximum) files)."))),
                .unwrap(errors[StoreUploads.field]) { .p(.class("error"), .text(ctx.t($0))) },
                .label(.for("f-forum-berkas"), .text(ctx.t("Berkas", "Files"))),
                FormKit.input([("type", "file"), ("id", "f-forum-berkas"), ("name", StoreUploads.field), ("multiple", "multiple"), ("accept", FileKind.acceptList)]),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Lampirkan", "Attach")))),
        ])
    }

    func facts(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .dl(.class("facts"),
            .dt(.text(ctx.t("Jenis", "Kind"))), .dd(.text(ctx.forumLabel(forum.forumLevel, at: forum.regionCode))),
            .dt(.text(ctx.t("Wilayah", "Region"))), .dd(.a(.href(SiteRoute.region(forum.regionCode).path), .text(regionName))),
            .unwrap(agencyName) { .group([.dt(.text(ctx.t("Perangkat daerah", "Agency"))), .dd(.text($0))]) },
            .dt(.text(ctx.t("Waktu", "When"))), .dd(.text((forum.day.map { DateText.long($0, ctx.language) } ?? forum.heldOn) + ctx.t(", pukul ", ", at ") + forum.startsAt)),
            .dt(.text(ctx.t("Tempat", "Place"))), .dd(.text(forum.place)),
            .dt(.text(ctx.t("Fasilitator", "Facilitator"))), .dd(.text(forum.facilitator.isEmpty ? "–" : forum.facilitator)),
            .unwrap(agenda.pagu) { pagu in .group([.dt(.text(ctx.t("Pagu indikatif", "Indicative ceiling"))), .dd(.text(Rupiah(pagu.total).formatted))]) })
    }

    /// The next step of the forum, and the links to the daftar hadir and the scoring sheet.
    func controls(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let status = forum.forumStatus
        let scoring = [.ranking, .allocation].contains(forum.forumLevel.work)
        return .section(.class("panel"),
            .h2(.text(ctx.t("Jalannya forum", "Running the forum"))),
            .ul(
                .li(.a(.href(SiteRoute.forumAttendance(id).path), .text(ctx.t("Daftar hadir dan utusan", "Attendance and delegates"))),
                    .text(" (\(attendance.figures.total) \(ctx.t("peserta", "participants")))")),
                .if(scoring && status == .berlangsung, .li(.a(.href(SiteRoute.forumScoring(id).path), .text(ctx.t("Lembar penilaian usulan", "Scoring sheet"))))),
                .li(.a(.href(SiteRoute.forumAttendanceSheet(id).path), .text(ctx.t("Cetak daftar hadir", "Print the attendance sheet"))))),
            statusForm(ctx, status))
    }

    func statusForm(_ ctx: ViewContext, _ status: ForumStatus) -> Node<HTML.BodyContext> {
        switch status {
        case .dijadwalkan:
            return FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumStatus(id).path),
                FormKit.csrf(ctx), .input(.type(.hidden), .name("change"), .value("start")),
                .p(.class("hint"), .text(ctx.t("Buka forum pada harinya untuk mulai menilai dan memutuskan. Peserta boleh didaftarkan sebelumnya.",
                                               "Open the forum on its day to start scoring and deciding. Participants may be registered before."))),
                .button(.type(.submit), .text(ctx.t("Buka forum", "Open the forum"))))
        case .berlangsung:
            return FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumStatus(id).path),
                FormKit.csrf(ctx), .input(.type(.hidden), .name("change"), .value("close")),
                .p(.class("hint"), .text(ctx.t("Menutup forum membekukan hasilnya: usulan yang disepakati diteruskan, yang lain dicatat dengan alasannya, dan berita acara siap dicetak.",
                                               "Closing freezes the result: agreed proposals move on, the rest are recorded with their reason, and the minutes are ready to print."))),
                .button(.type(.submit), .text(ctx.t("Tutup forum dan bekukan hasil", "Close the forum and freeze the result"))))
        case .selesai:
            return .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(ctx.t("Buka kembali forum", "Reopen the forum"))]),
                FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.forumStatus(id).path),
                    FormKit.csrf(ctx), .input(.type(.hidden), .name("change"), .value("reopen")),
                    FormKit.textarea(ctx, name: "reason", label: ctx.t("Alasan membuka kembali", "Reason for reopening"), value: "", errors: errors, rows: 3),
                    .button(.type(.submit), .class("danger"), .text(ctx.t("Buka kembali", "Reopen")))),
            ])
        }
    }
}

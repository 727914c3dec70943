import Fluent
import Foundation
import Plot
import RembukCore
import Vapor

/// The catalogue's filter: `?jenis=&kecamatan=&buka=1`.
struct ProgramFilter: Sendable {
    var type: ProgramType?
    var kecamatan: String?
    var openOnly: Bool

    init(_ req: Request) {
        type = req.queryValue("jenis").flatMap(ProgramType.init(rawValue:))
        kecamatan = req.queryValue("kecamatan").flatMap { RegionCode($0)?.level == .kecamatan ? $0 : nil }
        openOnly = req.queryValue("buka") == "1"
    }

    /// The programmes matching, newest first (a kecamatan matches programmes open to it or to everyone).
    func programs(on db: any Database, limit: Int) async throws -> [Program] {
        let query = Program.query(on: db).sort(\.$createdMillis, .descending).limit(limit)
        if let type { query.filter(\.$type == type.rawValue) }
        if openOnly { query.filter(\.$status ~~ [ProgramStatus.pendaftaran.rawValue, ProgramStatus.berjalan.rawValue]) }
        let programs = try await query.all()
        guard let kecamatan else { return programs }
        return programs.filter { $0.eligibleKecamatan.isEmpty || $0.eligibleKecamatan.split(separator: " ").contains(Substring(kecamatan)) }
    }

    func query(page: Int?) -> String {
        var parts: [(String, String)] = []
        if let type { parts.append(("jenis", type.rawValue)) }
        if let kecamatan { parts.append(("kecamatan", kecamatan)) }
        if openOnly { parts.append(("buka", "1")) }
        return parts.isEmpty ? "" : "?" + parts.map { "\($0.0)=\($0.1.urlQueryEscaped)" }.joined(separator: "&")
    }
}

/// One programme: what it is, who may join, its sessions with seats left, the visitor's own places,
/// and for its agency's staff the status, session and certificate controls.
struct ProgramPage {
    struct Row {
        var session: ProgramSession
        var waiting: Int
        var mine: Registration?
    }

    var program: Program
    var agencyName: String
    var kecamatanNames: [String]
    var rows: [Row]
    var certificates: Int
    var myCertificate: String?
    var canManage: Bool
    /// Staff, or a user of a partner co-hosting it: may take attendance, log activities, mentor.
    var canHelp = false
    /// Partners whose agreement in force covers this programme.
    var partners: [Partner] = []
    var now: Date
    var outcome: BusinessOutcome?
    /// The signed-in person is a UMKM participant with a baseline, so may report on their business.
    var reportsBusiness = false
    /// Environmental programmes: the logged activities and their totals.
    var activity: ActivitySection?
    var evaluation: EvaluationSummary?
    var evaluationComments: [String] = []
    /// The signed-in person took part (so reads their mentoring notes) or helps run it.
    var seesMentoring = false
    var sessionInput = AddSession.Input()
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let id = program.id?.uuidString ?? ""
        return Layout.page(ctx, title: program.title, [
            .p(.a(.href(SiteRoute.programs.path), .text(ctx.t("‹ Program", "‹ Programmes")))),
            .p(.span(.class("badge"), .text(program.programType.label(ctx.language))), .text(" "),
               .span(.class("badge status-\(program.status)"), .text(program.programStatus.label(ctx.language)))),
            .h1(.text(program.title)),
            .unwrap(myCertificate) { code in
                .div(.class("alert ok"), .p(.text(ctx.t("Anda mendapat sertifikat program ini: ", "You earned this programme's certificate: ")),
                                            .a(.href(SiteRoute.certificate(code).path), .text(code))))
            },
            .dl(.class("facts"),
                .dt(.text(ctx.t("Penyelenggara", "Run by"))), .dd(.text(agencyName)),
                .if(!partners.isEmpty, .group(.dt(.text(ctx.t("Bersama mitra", "With partners"))),
                    .dd(PartnerLinks.render(partners)))),
                .dt(.text(ctx.t("Sasaran", "For"))), .dd(.text(program.targetGroup)),
                .dt(.text(ctx.t("Siapa yang boleh daftar", "Who may register"))), .dd(.text(eligibilityText(ctx))),
                .dt(.text(ctx.t("Sertifikat", "Certificate"))), .dd(.text(ctx.t("hadir paling sedikit \(program.minimumSessions) sesi", "attend at least \(program.minimumSessions) sessions"))),
                .dt(.text(ctx.t("Anggaran", "Budget"))), .dd(.text(Rupiah(program.budget).formatted + (program.subKegiatan.isEmpty ? "" : " · sub-kegiatan " + program.subKegiatan)))),
            .group(program.description.components(separatedBy: "\n\n").map { .p(.text($0)) }),
            .h2(.text(ctx.t("Jadwal sesi", "Sessions"))),
            sessions(ctx),
            ProgramOutcomeView.render(ctx, outcome),
            .unwrap(activity) { $0.render(ctx) },
            .if([.berjalan, .selesai].contains(program.programStatus), .group(
                .h2(.text(ctx.t("Evaluasi peserta", "Participants' evaluation"))),
                EvaluationSummaryView.render(ctx, evaluation, comments: evaluationComments),
                .p(.a(.href(SiteRoute.programEvaluation(id).path), .text(ctx.t("Isi atau lihat evaluasi", "Answer or read the evaluation")))))),
            .if(seesMentoring && program.programType.isUMKM, .p(.a(.href(SiteRoute.programMentoring(id).path), .text(ctx.t("Catatan pendampingan", "Mentoring notes"))))),
            .if(reportsBusiness, .p(.a(.class("button"), .href(SiteRoute.programBusiness(id).path),
                                       .text(ctx.t("Laporkan perkembangan usaha Anda", "Report on your business"))))),
            .if(canManage, ProgramStaffPanel(program: program, certificates: certificates, sessionInput: sessionInput, errors: errors).render(ctx)),
            .p(.class("muted"), .a(.href(SiteRoute.audit.path + "?jenis=program&id=\(id)"), .text(ctx.t("Jejak audit program ini", "This programme's audit trail")))),
        ])
    }

    func eligibilityText(_ ctx: ViewContext) -> String {
        var parts: [String] = [kecamatanNames.isEmpty ? ctx.t("semua warga kabupaten", "every resident")
                                                      : ctx.t("warga Kecamatan ", "residents of ") + kecamatanNames.joined(separator: ", ")]
        if program.umkmOnly { parts.append(ctx.t("pemilik UMKM", "small-business owners")) }
        return parts.joined(separator: "; ")
    }

    func sessions(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("muted"), .text(ctx.t("Belum ada sesi terjadwal.", "No session scheduled yet."))) }
        return .div(.class("scroll"), .table(
            .thead(.tr(.th(.text(ctx.t("Sesi", "Session"))), .th(.text(ctx.t("Waktu dan tempat", "When and where"))),
                       .th(.text(ctx.t("Kursi", "Seats"))), .th(.span(.class("sr-only"), .text(ctx.t("Tindakan", "Action")))))),
            .tbody(.forEach(rows) { row in
                let session = row.session
                let left = max(0, session.capacity - session.confirmed)
                return .tr(
                    .td(.text(session.title)),
                    .td(.text(Self.period(session, ctx.language)), .br(), .text(session.place)),
                    .td(.text(session.startsAt <= now ? ctx.t("\(session.confirmed) peserta", "\(session.confirmed) taking part")
                              : left > 0 ? ctx.t("\(left) dari \(session.capacity) tersisa", "\(left) of \(session.capacity) left")
                              : ctx.t("Penuh · \(row.waiting) menunggu", "Full · \(row.waiting) waiting"))),
                    .td(action(ctx, row)))
            })))
    }

    /// `Selasa, 1 Desember 2026, 09.00–12.00 WIB`
    static func period(_ session: ProgramSession, _ language: RembukCore.Language) -> String {
        DateText.long(LocalDate(session.startsAt), language) + ", " + DateText.clock(session.startsAt, language) + "–"
            + DateText.clock(session.endsAt, language) + " WIB"
    }

    func action(_ ctx: ViewContext, _ row: Row) -> Node<HTML.BodyContext> {
        let sessionID = row.session.id?.uuidString ?? ""
        if canManage || canHelp { return .a(.href(SiteRoute.sessionAttendance(sessionID).path), .text(ctx.t("Peserta dan kehadiran", "Participants and attendance"))) }
        guard row.session.startsAt > now else { return .span(.class("muted"), .text(ctx.t("Selesai", "Over"))) }
        if let mine = row.mine, mine.registrationStatus != .batal {
            return .group(
                .strong(.text(mine.registrationStatus == .terdaftar ? ctx.t("Anda terdaftar", "You are registered") : ctx.t("Anda di daftar tunggu", "You are waiting"))),
                FormKit.form(.class("inline"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.sessionCancel(sessionID).path),
                             FormKit.csrf(ctx), .text(" "), .button(.type(.submit), .class("link"), .text(ctx.t("Batalkan", "Cancel")))))
        }
        guard program.programStatus.takesRegistrations else { return .empty }
        guard ctx.isSignedIn else {
            return .a(.href(SiteRoute.login.path + "?kembali=" + SiteRoute.sessionRegister(sessionID).path.urlQueryEscaped), .text(ctx.t("Masuk untuk daftar", "Sign in to register")))
        }
        return .a(.class("button"), .href(SiteRoute.sessionRegister(sessionID).path),
                  .text(row.session.confirmed < row.session.capacity ? ctx.t("Daftar", "Register") : ctx.t("Masuk daftar tunggu", "Join the waiting list")))
    }
}

/// What the programme's agency sees: move its status, add a session, issue certificates, edit it.
struct ProgramStaffPanel {
    var program: Program
    var certificates: Int
    var sessionInput: AddSession.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let id = program.id?.uuidString ?? ""
        let moves = ProgramStatus.allCases.filter { program.programStatus.canMove(to: $0) }
        return .section(.class("panel no-print"),
            .h2(.text(ctx.t("Kelola program", "Manage the programme"))),
            .p(.a(.href(SiteRoute.programEdit(id).path), .text(ctx.t("Ubah keterangan program", "Edit the details"))), .text(" · "),
               .a(.href(SiteRoute.programParticipants(id).path), .text(ctx.t("Peserta", "Participants")))),
            FormKit.summary(ctx, errors),
            moves.isEmpty ? .empty : FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.programStatus(id).path),
                FormKit.csrf(ctx),
                FormKit.select(ctx, name: "status", label: ctx.t("Ubah status", "Change the status"),
                               choices: moves.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) }, selected: "", errors: errors),
                FormKit.field(ctx, .init(name: "reason", label: ctx.t("Alasan (wajib bila dibatalkan)", "Reason (needed to cancel)")), errors: errors),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan status", "Save the status")))),
            [.selesai, .dibatalkan].contains(program.programStatus) ? .empty : sessionForm(ctx, id),
            .h3(.text(ctx.t("Sertifikat", "Certificates"))),
            .p(.text(ctx.t("\(certificates) sertifikat sudah diterbitkan. ", "\(certificates) certificates issued. "))),
            FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.programCertificates(id).path),
                FormKit.csrf(ctx),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Terbitkan sertifikat bagi yang memenuhi syarat", "Issue certificates to those who qualify")))))
    }

    func sessionForm(_ ctx: ViewContext, _ id: String) -> Node<HTML.BodyContext> {
        .group(
            .h3(.text(ctx.t("Tambah sesi", "Add a session"))),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.programSessionNew(id).path),
                FormKit.noValidation,
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "title", label: ctx.t("Nama sesi", "Session name"), value: sessionInput.title ?? "", required: true), errors: errors, idPrefix: "s-"),
                FormKit.field(ctx, .init(name: "date", label: ctx.t("Tanggal", "Date"), type: .date, value: sessionInput.date ?? "", required: true), errors: errors, idPrefix: "s-"),
                .div(.class("row"),
                     FormKit.field(ctx, .init(name: "starts", label: ctx.t("Mulai (WIB)", "Starts (WIB)"), type: .time, value: sessionInput.starts ?? "", required: true), errors: errors, idPrefix: "s-"),
                     FormKit.field(ctx, .init(name: "ends", label: ctx.t("Selesai (WIB)", "Ends (WIB)"), type: .time, value: sessionInput.ends ?? "", required: true), errors: errors, idPrefix: "s-")),
                FormKit.field(ctx, .init(name: "place", label: ctx.t("Tempat", "Place"), value: sessionInput.place ?? "", required: true), errors: errors, idPrefix: "s-"),
                FormKit.field(ctx, .init(name: "capacity", label: ctx.t("Kapasitas (orang)", "Capacity (people)"), value: sessionInput.capacity ?? "", required: true, inputMode: "numeric"),
                              errors: errors, idPrefix: "s-"),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Tambah sesi", "Add the session")))))
    }
}

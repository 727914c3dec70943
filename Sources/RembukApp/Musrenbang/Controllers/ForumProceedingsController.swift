import Fluent
import Foundation
import RembukCore
import Vapor

/// Running a forum: the page, daftar hadir (and its print), delegates, scoring, adjustments, decisions,
/// opening and closing, and the berita acara.
struct ForumProceedingsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.forum(":id"), use: show)
        routes.get(.forumAttendance(":id"), use: attendance)
        routes.post(.forumAttendance(":id"), use: register)
        routes.post(.forumAttendeeRemove(":id", ":attendee"), use: remove)
        routes.get(.forumPaperAttendance(":id"), use: paperForm)
        routes.postStreamingForm(.forumPaperAttendance(":id"), use: paperSave)
        routes.get(.forumAttendanceSheet(":id"), use: sheet)
        routes.post(.forumDelegates(":id"), use: delegates)
        routes.get(.forumScoring(":id"), use: scoring)
        routes.post(.forumScoring(":id"), use: score)
        routes.get(.forumAdjust(":id", ":usulan")) { try await itemPage($0, nil, errors: FormErrors(), status: .ok) }
        routes.post(.forumAdjust(":id", ":usulan"), use: adjust)
        routes.get(.forumDecide(":id", ":usulan")) { try await itemPage($0, nil, errors: FormErrors(), status: .ok) }
        routes.post(.forumDecide(":id", ":usulan"), use: decide)
        routes.post(.forumStatus(":id"), use: status)
        routes.get(.forumMinutes(":id"), use: minutes)
        routes.postStreamingForm(.forumFiles(":id"), use: attach)
        routes.post(.forumFileRemove(":id", ":file"), use: detach)
    }

    func forum(_ req: Request) async throws -> Forum { try await ForumGuard.find(req.parameters.get("id"), on: req.db) }

    func attendees(_ forum: Forum, on db: any Database) async throws -> [ForumAttendee] {
        try await ForumAttendee.query(on: db).filter(\.$forum.$id == forum.requireID()).sort(\.$number).all()
    }

    func show(_ req: Request) async throws -> Response {
        try await page(req, try await forum(req), errors: FormErrors(), status: .ok)
    }

    func page(_ req: Request, _ forum: Forum, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let agenda = try await ForumAgenda.load(forum, on: req.db)
        let files = try await attachments(forum, on: req.db)
        let names = try await RegionNames.load([forum.regionCode] + agenda.usulan.map(\.desaCode), on: req.db)
        let agency = forum.agency.isEmpty ? nil : try await Agency.find(forum.agency, on: req.db)
        let agencies = try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all()
        let list = try await attendees(forum, on: req.db)
        let figures = try await ForumAttendanceFigures.load(try forum.requireID(), attendees: list,
                                                            womenTarget: agenda.settings.womenTargetBasisPoints, on: req.db)
        return ForumPage(forum: forum, regionName: names[forum.regionCode] ?? forum.regionCode, agencyName: agency?.name, agenda: agenda,
                         attendees: list, attendance: figures, agencies: agencies,
                         agencyNames: Dictionary(agencies.map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a }),
                         desaNames: names, canRun: ForumGuard.mayRun(forum, req.principal.actor), errors: errors, attachments: files)
            .render(await req.viewContext()).response(status: status)
    }

    func attachments(_ forum: Forum, on db: any Database) async throws -> [Attachment] {
        try await Attachment.query(on: db).filter(\.$subjectType == "forum").filter(\.$subjectID == forum.requireID().uuidString).sort(\.$createdAt).all()
    }

    func attach(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let form = try await SubmittedForm.read(req)
        switch try await AttachForumFiles().run(form, forum: forum, in: req.invocation) {
        case .attached: return req.redirect(to: SiteRoute.forum(try forum.requireID().uuidString).path + "#lampiran")
        case let .invalid(errors): return try await page(req, forum, errors: errors, status: .unprocessableEntity)
        }
    }

    func detach(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        try await DetachForumFile().run(req.parameters.get("file"), forum: forum, in: req.invocation)
        return req.redirect(to: SiteRoute.forum(try forum.requireID().uuidString).path + "#lampiran")
    }

    // MARK: Daftar hadir

    func attendance(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        try ForumGuard.requireRunner(forum, req.invocation, open: false)
        let paper = req.query[String.self, at: "kertas"] != nil
            ? (req.language == .id ? "Jumlah daftar hadir kertas dan pindaiannya disimpan." : "The paper attendance totals and the scan were saved.") : nil
        return try await attendancePage(req, forum, notice: paper ?? req.query[String.self, at: "tercatat"].map { "Peserta no. \($0) tercatat." })
    }

    func attendancePage(_ req: Request, _ forum: Forum, input: RegisterAttendee.Input = .init(), errors: FormErrors = .init(),
                        delegateErrors: FormErrors = .init(), notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let cycle = try await PlanningCycle.find(forum.$cycle.id, on: req.db)
        let list = try await attendees(forum, on: req.db)
        let figures = try await ForumAttendanceFigures.load(try forum.requireID(), attendees: list,
                                                            womenTarget: cycle?.cycleSettings.womenTargetBasisPoints ?? 3_000, on: req.db)
        return AttendancePage(forum: forum, attendees: list, attendance: figures, input: input, errors: errors,
                              delegateErrors: delegateErrors, notice: notice)
            .render(await req.viewContext()).response(status: status)
    }

    func register(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let input = try req.content.decode(RegisterAttendee.Input.self)
        switch try await RegisterAttendee().run(input, forum: forum, in: req.invocation) {
        case let .registered(attendee): return req.redirect(to: SiteRoute.forumAttendance(try forum.requireID().uuidString).path + "?tercatat=\(attendee.number)")
        case let .invalid(errors): return try await attendancePage(req, forum, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func paperForm(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        try ForumGuard.requireRunner(forum, req.invocation)
        return try await paperPage(req, forum, posted: [:], errors: FormErrors(), status: .ok)
    }

    func paperPage(_ req: Request, _ forum: Forum, posted: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let forumID = try forum.requireID()
        let record = try await PaperAttendanceRecord.query(on: req.db).filter(\.$forumID == forumID).first()
        let scan = try await Attachment.query(on: req.db).filter(\.$subjectType == RecordPaperAttendance.scanSubject)
            .filter(\.$subjectID == forumID.uuidString).first()
        return PaperAttendancePage(forum: forum, record: record, scan: scan, posted: posted, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func paperSave(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let form = try await SubmittedForm.read(req)
        switch try await RecordPaperAttendance().run(form, forum: forum, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.forumAttendance(try forum.requireID().uuidString).path + "?kertas=1")
        case let .invalid(errors):
            return try await paperPage(req, forum, posted: form.fields.compactMapValues(\.first), errors: errors, status: .unprocessableEntity)
        }
    }

    func remove(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        try await RemoveAttendee().run(req.parameters.get("attendee"), forum: forum, in: req.invocation)
        return req.redirect(to: SiteRoute.forumAttendance(try forum.requireID().uuidString).path)
    }

    func delegates(_ req: Request) async throws -> Response {
        struct Input: Decodable { var delegates: [String]? }
        let forum = try await forum(req)
        let ids = (try? req.content.decode(Input.self))?.delegates ?? []
        switch try await SetDelegates().run(ids, forum: forum, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.forumAttendance(try forum.requireID().uuidString).path)
        case let .invalid(errors): return try await attendancePage(req, forum, delegateErrors: errors, status: .unprocessableEntity)
        }
    }

    func sheet(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        try ForumGuard.requireRunner(forum, req.invocation, open: false)
        let region = try await Region.find(forum.regionCode, on: req.db)
        return AttendanceSheetPage(forum: forum, regionName: region?.name ?? forum.regionCode, attendees: try await attendees(forum, on: req.db),
                                   letterhead: try await ForumLetterhead.load(forum, settings: req.settings, on: req.db))
            .render(await req.viewContext()).response()
    }

    // MARK: Scoring, adjustments, decisions

    func scoring(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        try ForumGuard.requireRunner(forum, req.invocation)
        let agenda = try await ForumAgenda.load(forum, on: req.db)
        let scorer = req.query[String.self, at: "penilai"] ?? ""
        var values: [String: [String: String]] = [:]
        for sheet in agenda.sheets.values.flatMap({ $0 }) where sheet.scorer == scorer {
            values[sheet.usulanID.uuidString] = sheet.sheet.mapValues(String.init)
        }
        return ScoringPage(forum: forum, agenda: agenda, scorer: scorer, values: values,
                           notice: req.query[String.self, at: "tersimpan"].map { "Nilai \($0) usulan tersimpan." })
            .render(await req.viewContext()).response()
    }

    func score(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let input = try req.content.decode(SaveScores.Input.self)
        switch try await SaveScores().run(input, forum: forum, in: req.invocation) {
        case let .saved(count):
            return req.redirect(to: SiteRoute.forumScoring(try forum.requireID().uuidString).path + "?tersimpan=\(count)")
        case let .invalid(errors):
            let agenda = try await ForumAgenda.load(forum, on: req.db)
            return ScoringPage(forum: forum, agenda: agenda, scorer: input.scorer ?? "", values: input.s ?? [:], errors: errors)
                .render(await req.viewContext()).response(status: .unprocessableEntity)
        }
    }

    /// The adjust or decision page of one usulan on the forum's agenda, for the people running the open forum.
    func itemPage(_ req: Request, _ typed: ForumItemPage.Form?, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let forum = try await forum(req)
        try ForumGuard.requireRunner(forum, req.invocation)
        let agenda = try await ForumAgenda.load(forum, on: req.db)
        guard let usulan = agenda.usulan(req.parameters.get("usulan") ?? ""), let id = usulan.id else {
            throw UserFacingError(.notFound, Phrase("Usulan itu tidak dibahas di forum ini.", "That proposal is not on this forum's agenda."))
        }
        let form: ForumItemPage.Form
        if let typed { form = typed } else if [.agencyDecisions, .finalList].contains(forum.forumLevel.work) {
            let current = agenda.decisions[id]
            form = .decide(.init(decision: current?.decision, reason_code: current?.reasonCode, note: current?.note, new_agency: current?.newAgency,
                                 volume: current?.newVolume.map { DecimalText.plain($0) }, cost: current?.newCost.map(String.init)))
        } else {
            form = .adjust(.init())
        }
        return ForumItemPage(forum: forum, usulan: usulan, form: form, agencies: try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all(), errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func adjust(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let input = try req.content.decode(AdjustUsulan.Input.self)
        switch try await AdjustUsulan().run(input, usulanID: req.parameters.get("usulan"), forum: forum, in: req.invocation) {
        case .adjusted: return req.redirect(to: SiteRoute.forum(try forum.requireID().uuidString).path)
        case let .invalid(errors): return try await itemPage(req, .adjust(input), errors: errors, status: .unprocessableEntity)
        }
    }

    func decide(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let input = try req.content.decode(DecideUsulan.Input.self)
        switch try await DecideUsulan().run(input, usulanID: req.parameters.get("usulan"), forum: forum, in: req.invocation) {
        case .decided: return req.redirect(to: SiteRoute.forum(try forum.requireID().uuidString).path)
        case let .invalid(errors): return try await itemPage(req, .decide(input), errors: errors, status: .unprocessableEntity)
        }
    }

    func status(_ req: Request) async throws -> Response {
        struct Input: Decodable { var change: String?; var reason: String? }
        let forum = try await forum(req)
        let input = try req.content.decode(Input.self)
        switch try await ChangeForumStatus().run(input.change, reason: input.reason, forum: forum, in: req.invocation) {
        case .changed: return req.redirect(to: SiteRoute.forum(try forum.requireID().uuidString).path)
        case let .refused(errors): return try await page(req, forum, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: Berita acara

    func minutes(_ req: Request) async throws -> Response {
        let forum = try await forum(req)
        let agenda = try await ForumAgenda.load(forum, on: req.db)
        let codes = [forum.regionCode] + agenda.usulan.flatMap { [$0.desaCode, $0.kecamatanCode] }
        let names = try await RegionNames.load(codes, on: req.db)
        let agencies = try await AgencyNames.load(on: req.db)
        let list = try await attendees(forum, on: req.db)
        let figures = try await ForumAttendanceFigures.load(try forum.requireID(), attendees: list,
                                                            womenTarget: agenda.settings.womenTargetBasisPoints, on: req.db)
        return MinutesPage(forum: forum, regionName: names[forum.regionCode] ?? forum.regionCode, baseURL: req.settings.baseURL, agenda: agenda,
                           attendees: list, attendance: figures, agencyNames: agencies, regionNames: names,
                           attachments: try await attachments(forum, on: req.db),
                           letterhead: try await ForumLetterhead.load(forum, settings: req.settings, on: req.db))
            .render(await req.viewContext()).response()
    }
}

import Fluent
import Foundation
import RembukCore
import Vapor

/// Pengaduan: filing, the public list, one complaint with its steps, the reporter's list and the handling board.
struct ComplaintController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.complaints, use: index)
        routes.get(.complaintNew, use: newForm)
        routes.postStreamingForm(.complaintNew, use: submit)
        routes.get(.myComplaints, use: mine)
        routes.get(.complaintBoard, use: board)
        routes.get(.complaintStatistics) { req in
            ComplaintStatisticsPage(statistics: try await ComplaintStatistics.load(clock: try await clock(req), today: req.invocation.today, on: req.db))
                .render(await req.viewContext()).response()
        }
        routes.get(.complaintCategories) { try await categoriesPage($0, input: nil, errors: FormErrors(), status: .ok) }
        routes.post(.complaintCategories, use: saveCategories)
        routes.get(.complaint(":id"), use: show)
        routes.post(.complaintAction(":id"), use: act)
        routes.post(.complaintRate(":id"), use: rate)
        routes.post(.complaintConfidential(":id"), use: confidential)
    }

    func clock(_ req: Request) async throws -> ComplaintClock {
        ComplaintClock(calendar: try await WorkingDays.calendar(on: req.db, settings: req.settings))
    }

    func categories(on db: any Database) async throws -> [ComplaintCategory] {
        try await ComplaintCategory.query(on: db).sort(\.$position).all()
    }

    // MARK: Filing

    func formPage(_ req: Request, input: SubmitComplaint.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        guard req.principal.accountID != nil else {
            return req.redirect(to: SiteRoute.login.path + "?kembali=" + (SiteRoute.complaintNew.path + (req.url.query.map { "?" + $0 } ?? "")).urlQueryEscaped)
        }
        let subject = try await ComplaintSubject.load(type: input.subject_type, id: input.subject_id, on: req.db)
        return ComplaintFormPage(input: input, categories: try await categories(on: req.db), choices: try await ScopeChoices.load(req),
                                 subject: subject, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func newForm(_ req: Request) async throws -> Response {
        var input = SubmitComplaint.Input()
        input.subject_type = req.queryValue("tentang")
        input.subject_id = req.queryValue("id")
        input.privacy = ComplaintPrivacy.publik.rawValue
        if input.subject_type == "project" { input.category = "proyek-pembangunan" }
        return try await formPage(req, input: input, errors: FormErrors(), status: .ok)
    }

    func submit(_ req: Request) async throws -> Response {
        let form = try await SubmittedForm.read(req)
        switch try await SubmitComplaint().run(form, in: req.invocation) {
        case let .submitted(complaint): return req.redirect(to: SiteRoute.complaint(try complaint.requireID().uuidString).path)
        case let .invalid(errors):
            return try await formPage(req, input: (try? form.decode(SubmitComplaint.Input.self)) ?? .init(), errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: Lists

    func index(_ req: Request) async throws -> Response {
        let filter = ComplaintFilter(req)
        let page = try await filter.query(on: req.db).paginate(PageRequest(page: filter.page, per: ComplaintFilter.perPage))
        return try await listPage(req, page.items, kind: .publik, total: page.metadata.total, filter: filter)
    }

    func mine(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let items = try await Complaint.query(on: req.db).filter(\.$reporterID == account.requireID()).sort(\.$createdAt, .descending).limit(200).all()
        return try await listPage(req, items, kind: .mine, total: items.count, filter: ComplaintFilter(req))
    }

    /// Open complaints to handle: all of them for the admin, an agency's own for its staff, overdue first.
    func board(_ req: Request) async throws -> Response {
        guard req.principal.accountID != nil else { throw UserFacingError.signInRequired }
        let actor = req.principal.actor
        let admin = ComplaintAccess.isAdmin(actor, kabupaten: req.settings.kabupaten)
        let agencies = actor.agencies(for: .opd)
        guard admin || !agencies.isEmpty else { throw UserFacingError.forbidden }
        let open: [ComplaintStatus] = [.diterima, .ditahan, .diverifikasi, .didisposisikan, .ditindaklanjuti]
        let query = Complaint.query(on: req.db).filter(\.$status ~~ open.map(\.rawValue))
        if !admin { query.filter(\.$agency ~~ agencies) }
        let items = try await query.sort(\.$clockSince).limit(500).all()
        return try await listPage(req, items, kind: .board, total: items.count, filter: ComplaintFilter(req))
    }

    func listPage(_ req: Request, _ items: [Complaint], kind: ComplaintListPage.Kind, total: Int, filter: ComplaintFilter) async throws -> Response {
        let kabupaten = req.settings.kabupaten.value
        let kecamatan = kind == .publik ? try await Region.query(on: req.db).filter(\.$parentCode == kabupaten).sort(\.$name).all() : []
        return ComplaintListPage(kind: kind, items: items, total: total, filter: filter, categories: try await categories(on: req.db),
                                 agencyNames: try await AgencyNames.load(on: req.db),
                                 regionNames: try await RegionNames.load(items.map(\.kecamatanCode), on: req.db),
                                 kecamatan: kecamatan, clock: try await clock(req), today: req.invocation.today)
            .render(await req.viewContext()).response()
    }

    // MARK: Routing

    func categoriesPage(_ req: Request, input: SaveComplaintCategories.Input?, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        guard req.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard ComplaintAccess.isAdmin(req.principal.actor, kabupaten: req.settings.kabupaten) else { throw UserFacingError.forbidden }
        return ComplaintCategoriesPage(categories: try await categories(on: req.db), agencies: try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all(),
                                       input: input, errors: errors,
                                       notice: req.queryValue("tersimpan").map { "\($0) perubahan tersimpan." })
            .render(await req.viewContext()).response(status: status)
    }

    func saveCategories(_ req: Request) async throws -> Response {
        let input = try req.content.decode(SaveComplaintCategories.Input.self)
        switch try await SaveComplaintCategories().run(input, in: req.invocation) {
        case let .saved(changes): return req.redirect(to: SiteRoute.complaintCategories.path + "?tersimpan=\(changes)")
        case let .invalid(errors): return try await categoriesPage(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: One complaint

    func complaint(_ req: Request) async throws -> Complaint {
        let complaint = try await ComplaintAccess.find(req.parameters.get("id"), on: req.db)
        // Whoever may not see it is told it does not exist: a confidential complaint's existence is not public either.
        guard ComplaintAccess.canSee(complaint, req.principal, kabupaten: req.settings.kabupaten) else {
            throw UserFacingError(.notFound, Phrase("Pengaduan itu tidak ada.", "That complaint does not exist."))
        }
        return complaint
    }

    func show(_ req: Request) async throws -> Response {
        try await page(req, try await complaint(req), errors: FormErrors(), status: .ok)
    }

    func page(_ req: Request, _ complaint: Complaint, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let id = try complaint.requireID()
        let events = try await ComplaintEvent.query(on: req.db).filter(\.$complaint.$id == id).sort(\.$atMillis).all()
        let photos = try await Attachment.query(on: req.db).filter(\.$subjectType == "complaint").filter(\.$subjectID == id.uuidString).sort(\.$createdAt).all()
        let kabupaten = req.settings.kabupaten
        return ComplaintPage(
            complaint: complaint, events: events, photos: photos,
            category: try await ComplaintCategory.find(complaint.category, on: req.db),
            subject: try await ComplaintSubject.load(type: complaint.subjectType, id: complaint.subjectID, on: req.db),
            regionNames: try await RegionNames.load([complaint.desaCode, complaint.kecamatanCode], on: req.db),
            agencies: try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$name).all(),
            reporter: ComplaintAccess.reporterLabel(complaint, to: req.principal, settings: req.settings),
            isAdmin: ComplaintAccess.isAdmin(req.principal.actor, kabupaten: kabupaten),
            isAgency: ComplaintAccess.isAgency(req.principal.actor, of: complaint),
            isReporter: ComplaintAccess.isReporter(req.principal, of: complaint),
            clock: try await clock(req), today: req.invocation.today, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    func act(_ req: Request) async throws -> Response {
        let complaint = try await complaint(req)
        let input = try req.content.decode(ActOnComplaint.Input.self)
        switch try await ActOnComplaint().run(input, complaint: complaint, in: req.invocation) {
        case .done: return req.redirect(to: SiteRoute.complaint(try complaint.requireID().uuidString).path)
        case let .invalid(errors): return try await page(req, complaint, errors: errors, status: .unprocessableEntity)
        }
    }

    func rate(_ req: Request) async throws -> Response {
        struct Input: Decodable { var rating: String?; var rating_comment: String? }
        let complaint = try await complaint(req)
        let input = try req.content.decode(Input.self)
        if let errors = try await RateComplaint().run(rating: input.rating, comment: input.rating_comment, complaint: complaint, in: req.invocation) {
            return try await page(req, complaint, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.complaint(try complaint.requireID().uuidString).path)
    }

    func confidential(_ req: Request) async throws -> Response {
        struct Input: Decodable { var privacy_reason: String? }
        let complaint = try await complaint(req)
        let input = try req.content.decode(Input.self)
        if let errors = try await MakeComplaintConfidential().run(reason: input.privacy_reason, complaint: complaint, in: req.invocation) {
            return try await page(req, complaint, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.complaint(try complaint.requireID().uuidString).path)
    }
}

/// What a complaint is about, for its page and its form: a project or an usulan, by number and title.
struct ComplaintSubject {
    var type: String
    var id: String
    var label: String
    var path: String
    /// The agency behind the subject, suggested when the complaint is passed on.
    var agency: String

    static func load(type: String?, id: String?, on db: any Database) async throws -> ComplaintSubject? {
        guard let type, let id, let uuid = UUID(uuidString: id) else { return nil }
        switch type {
        case "project":
            guard let project = try await Project.find(uuid, on: db) else { return nil }
            return ComplaintSubject(type: type, id: id, label: "Proyek \(project.number): \(project.title)", path: SiteRoute.project(id).path,
                                    agency: project.agency)
        case "usulan":
            guard let usulan = try await Usulan.find(uuid, on: db), usulan.workflowStatus != .draft, !usulan.isHidden else { return nil }
            return ComplaintSubject(type: type, id: id, label: "Usulan \(usulan.number): \(usulan.title)", path: SiteRoute.usulan(id).path,
                                    agency: usulan.targetAgency)
        default:
            return nil
        }
    }
}

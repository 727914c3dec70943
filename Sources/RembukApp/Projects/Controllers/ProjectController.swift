import Fluent
import Foundation
import RembukCore
import Vapor

/// Projects: the public list and page, and for the agency creating, editing, reporting, moving the status
/// and changing the pagu.
struct ProjectController {
    func register(_ routes: any RoutesBuilder) {
        routes.cached.get(.projects, use: index)
        routes.get(.projectNew, use: newForm)
        routes.post(.projectNew, use: create)
        routes.cached.get(.project(":id"), use: show)
        routes.get(.projectEdit(":id"), use: editForm)
        routes.post(.projectEdit(":id"), use: edit)
        routes.get(.projectReport(":id"), use: reportForm)
        routes.postStreamingForm(.projectReport(":id"), use: report)
        routes.post(.projectStatus(":id"), use: status)
        routes.post(.projectPagu(":id"), use: pagu)
    }

    func project(_ req: Request) async throws -> Project { try await ProjectGuard.find(req.parameters.get("id"), on: req.db) }

    /// The agencies this person may create projects for: their own, or all of them for Bappeda.
    static func agencies(for actor: Actor, on db: any Database) async throws -> [Agency] {
        let all = try await Agency.query(on: db).filter(\.$active == true).sort(\.$name).all()
        return all.filter { actor.can(.actForAgency($0.id ?? "")) }
    }

    func index(_ req: Request) async throws -> Response {
        let filter = ProjectFilter(req)
        let query = Project.query(on: req.db)
        filter.apply(to: query)
        let total = try await query.count()
        let (totalPagu, totalRealised) = try await filter.totals(on: req.db)
        let projects = try await query.sort(\.$year, .descending).sort(\.$title).sort(\.$id)
            .range((filter.page - 1) * ProjectFilter.perPage ..< filter.page * ProjectFilter.perPage).all()
        let names = try await RegionNames.load(projects.flatMap { [$0.desaCode, $0.kecamatanCode] }, on: req.db)
        let canCreate = !(try await Self.agencies(for: req.principal.actor, on: req.db)).isEmpty
        return ProjectListPage(projects: projects, filter: filter, total: total, totalPagu: totalPagu, totalRealised: totalRealised,
                               choices: try await ScopeChoices.load(req), regionNames: names, agencyNames: try await AgencyNames.load(on: req.db),
                               canCreate: canCreate)
            .render(await req.viewContext()).response()
    }

    // MARK: Creating and editing

    func formPage(_ req: Request, input: SaveProject.Input, existing: Project?, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        guard req.principal.accountID != nil else { throw UserFacingError.signInRequired }
        let agencies = try await Self.agencies(for: req.principal.actor, on: req.db)
        if let existing { try ProjectGuard.requireManager(existing, req.invocation) } else if agencies.isEmpty {
            throw UserFacingError(.forbidden, Phrase("Proyek dibuat oleh staf perangkat daerah atau admin Bappeda.", "Projects are created by agency staff or the Bappeda admin."))
        }
        let candidates = existing == nil ? try await Self.candidates(for: agencies, on: req.db) : []
        let names = try await RegionNames.load(candidates.map(\.desaCode), on: req.db)
        return ProjectFormPage(input: input, existing: existing, candidates: candidates, agencies: agencies, choices: try await ScopeChoices.load(req),
                               desaNames: names, errors: errors)
            .render(await req.viewContext()).response(status: status)
    }

    /// Accepted usulan of these agencies that no project carries out yet.
    static func candidates(for agencies: [Agency], on db: any Database) async throws -> [Usulan] {
        let ids = agencies.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let usulan = try await Usulan.query(on: db).filter(\.$status ~~ ProjectStatus.linkableUsulan.map(\.rawValue))
            .filter(\.$targetAgency ~~ ids).filter(\.$hiddenAt == nil).sort(\.$title).limit(500).all()
        guard !usulan.isEmpty else { return [] }
        let taken = Set(try await ProjectUsulan.query(on: db).filter(\.$usulan.$id ~~ usulan.compactMap(\.id)).all().map(\.$usulan.id))
        return usulan.filter { !taken.contains($0.id!) }
    }

    func newForm(_ req: Request) async throws -> Response {
        struct Query: Decodable { var usulan: [String]? }
        let wanted = ((try? req.query.decode(Query.self))?.usulan ?? []).compactMap(UUID.init(uuidString:))
        let chosen = wanted.isEmpty ? [] : try await Usulan.query(on: req.db).filter(\.$id ~~ wanted).all()
        let year = (try await PlanningCycle.query(on: req.db).sort(\.$year, .descending).first()?.year) ?? (req.invocation.today.year + 1)
        return try await formPage(req, input: ProjectFormPage.input(from: chosen, year: year), existing: nil, errors: FormErrors(), status: .ok)
    }

    func create(_ req: Request) async throws -> Response {
        let input = try req.content.decode(SaveProject.Input.self)
        switch try await SaveProject(existing: nil).run(input, in: req.invocation) {
        case let .saved(project): return req.redirect(to: SiteRoute.project(try project.requireID().uuidString).path)
        case let .invalid(errors): return try await formPage(req, input: input, existing: nil, errors: errors, status: .unprocessableEntity)
        }
    }

    func editForm(_ req: Request) async throws -> Response {
        let project = try await project(req)
        return try await formPage(req, input: ProjectFormPage.input(from: project), existing: project, errors: FormErrors(), status: .ok)
    }

    func edit(_ req: Request) async throws -> Response {
        let project = try await project(req)
        let input = try req.content.decode(SaveProject.Input.self)
        switch try await SaveProject(existing: project).run(input, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.project(try project.requireID().uuidString).path)
        case let .invalid(errors): return try await formPage(req, input: input, existing: project, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: The page

    func show(_ req: Request) async throws -> Response {
        try await page(req, try await project(req), errors: FormErrors(), status: .ok)
    }

    func page(_ req: Request, _ project: Project, errors: FormErrors, typedPagu: String = "", typedReason: String = "",
              status: HTTPResponseStatus) async throws -> Response {
        let id = try project.requireID()
        let reports = try await ProjectReport.query(on: req.db).filter(\.$project.$id == id).sort(\.$createdMillis, .descending).all()
        let events = try await ProjectEvent.query(on: req.db).filter(\.$project.$id == id).sort(\.$atMillis).all()
        let reportIDs = reports.compactMap { $0.id?.uuidString }
        let attachments = reportIDs.isEmpty ? [] : try await Attachment.query(on: req.db).filter(\.$subjectType == "project_report")
            .filter(\.$subjectID ~~ reportIDs).sort(\.$createdAt).all()
        let photos = Dictionary(grouping: attachments) { UUID(uuidString: $0.subjectID ?? "") ?? UUID() }
        let names = try await RegionNames.load([project.desaCode, project.kecamatanCode], on: req.db)
        let following: Bool
        if let account = req.principal.accountID {
            following = try await Follow.query(on: req.db).filter(\.$account.$id == account).filter(\.$subjectType == "project")
                .filter(\.$subjectID == id.uuidString).first() != nil
        } else {
            following = false
        }
        return ProjectPage(project: project, agencyName: try await Agency.find(project.agency, on: req.db)?.name ?? project.agency,
                           desaName: names[project.desaCode] ?? project.desaCode, kecamatanName: names[project.kecamatanCode] ?? project.kecamatanCode,
                           usulan: try await ProjectGuard.linkedUsulan(project, on: req.db).filter { !$0.isHidden }, reports: reports, events: events,
                           photos: photos, following: following, canManage: ProjectGuard.mayManage(project, req.principal.actor),
                           partners: try await PartnerGuard.covering(.project, id, on: req.invocation.today, db: req.db), errors: errors,
                           typedPagu: typedPagu, typedReason: typedReason)
            .render(await req.viewContext()).response(status: status)
    }

    // MARK: Reports, status, pagu

    func reportForm(_ req: Request) async throws -> Response {
        let project = try await project(req)
        try ProjectGuard.requireManager(project, req.invocation)
        if project.projectStatus == .selesai { throw ProjectGuard.finished }
        return try await reportPage(req, project, input: .init(reported_on: req.invocation.today.iso), errors: FormErrors(), status: .ok)
    }

    func reportPage(_ req: Request, _ project: Project, input: ReportProgress.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let last = try await ProjectReport.query(on: req.db).filter(\.$project.$id == project.requireID()).sort(\.$createdMillis, .descending).first()
        return ProgressReportPage(project: project, last: last, input: input, errors: errors).render(await req.viewContext()).response(status: status)
    }

    func report(_ req: Request) async throws -> Response {
        let project = try await project(req)
        let form = try await SubmittedForm.read(req)
        switch try await ReportProgress().run(form, project: project, in: req.invocation) {
        case let .reported(report):
            return req.redirect(to: SiteRoute.project(try project.requireID().uuidString).path + "#laporan-\(try report.requireID().uuidString)")
        case let .invalid(errors):
            let input = (try? form.decode(ReportProgress.Input.self)) ?? .init()
            return try await reportPage(req, project, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func status(_ req: Request) async throws -> Response {
        struct Input: Decodable { var status: String?; var reason: String?; var expecting: String? }
        let project = try await project(req)
        let input = try req.content.decode(Input.self)
        switch try await ChangeProjectStatus().run(to: input.status, reason: input.reason, expecting: input.expecting, project: project, in: req.invocation) {
        case .changed: return req.redirect(to: SiteRoute.project(try project.requireID().uuidString).path)
        case let .refused(errors): return try await page(req, project, errors: errors, status: .unprocessableEntity)
        }
    }

    func pagu(_ req: Request) async throws -> Response {
        struct Input: Decodable { var pagu: String?; var pagu_reason: String? }
        let project = try await project(req)
        let input = try req.content.decode(Input.self)
        switch try await ChangeProjectPagu().run(pagu: input.pagu, reason: input.pagu_reason, project: project, in: req.invocation) {
        case .changed: return req.redirect(to: SiteRoute.project(try project.requireID().uuidString).path)
        case let .refused(errors):
            return try await page(req, project, errors: errors, typedPagu: input.pagu ?? "", typedReason: input.pagu_reason ?? "", status: .unprocessableEntity)
        }
    }
}

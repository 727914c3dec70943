import Fluent
import RembukCore
import Vapor

struct UsulanController {
    func register(_ routes: any RoutesBuilder) {
        routes.cached.get(.usulanIndex, use: index)
        routes.get(.usulanNew, use: newForm)
        routes.postStreamingForm(.usulanNew, use: create)
        routes.get(.myUsulan, use: mine)
        routes.get(.usulanQueue, use: queue)
        routes.cached.get(.usulan(":id"), use: show)
        routes.get(.usulanEdit(":id"), use: editForm)
        routes.postStreamingForm(.usulanEdit(":id"), use: update)
        routes.post(.usulanStep(":id"), use: step)
        routes.post(.usulanPokir(":id"), use: pokir)
        routes.post(.usulanSupport(":id")) { try await support($0, true) }
        routes.post(.usulanUnsupport(":id")) { try await support($0, false) }
    }

    // MARK: Lists

    func index(_ req: Request) async throws -> Response {
        let filter = UsulanFilter(req)
        let items = try await filter.page(per: UsulanFilter.perPage, on: req.db)
        let list = try await UsulanListModel.load(items, on: req.db)
        let choices = try await ScopeChoices.load(req)
        return UsulanIndexPage(list: list, filter: filter, total: try await filter.count(on: req.db), choices: choices)
            .render(await req.viewContext()).response()
    }

    func mine(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let items = try await Usulan.query(on: req.db).filter(\.$proposerID == account.requireID())
            .sort(\.$createdAt, .descending).all()
        let list = try await UsulanListModel.load(items, on: req.db)
        return UsulanCollectionPage(kind: .mine, list: list).render(await req.viewContext()).response()
    }

    /// The operator's verification queue: new usulan of the desa (or kecamatan) they serve.
    func queue(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let actor = req.principal.actor
        let regions = actor.regions(for: .operatorDesa) + actor.regions(for: .operatorKecamatan)
        guard !regions.isEmpty else { throw UserFacingError.forbidden }
        let items = try await Usulan.query(on: req.db)
            .filter(\.$status ~~ [UsulanStatus.diajukan.rawValue, UsulanStatus.diverifikasi.rawValue])
            .group(.or) { group in
                for region in regions {
                    if region.level == .desa { group.filter(\.$desaCode == region.value) } else { group.filter(\.$kecamatanCode == region.value) }
                }
            }
            .sort(\.$submittedAt).all()
        let list = try await UsulanListModel.load(items, on: req.db)
        let hints = try await VerificationHints.load(for: items, on: req.db)
        return UsulanCollectionPage(kind: .queue, list: list, hints: hints).render(await req.viewContext()).response()
    }

    // MARK: One usulan

    func show(_ req: Request) async throws -> Response {
        let usulan = try await find(req)
        return try await detail(req, usulan, errors: FormErrors(), status: .ok)
    }

    func detail(_ req: Request, _ usulan: Usulan, errors: FormErrors, status: HTTPResponseStatus,
                commentDraft: PostComment.Input = .init(), commentErrors: FormErrors = FormErrors()) async throws -> Response {
        let id = try usulan.requireID()
        let events = try await UsulanEvent.query(on: req.db).filter(\.$usulan.$id == id).sort(\.$at).all()
        let desa = try await Region.find(usulan.desaCode, on: req.db)
        let kecamatan = try await Region.find(usulan.kecamatanCode, on: req.db)
        let agency = try await Agency.find(usulan.targetAgency, on: req.db)
        var supported = false
        var following = false
        if let account = req.principal.accountID {
            supported = try await UsulanSupport.query(on: req.db).filter(\.$usulan.$id == id).filter(\.$accountID == account).first() != nil
            following = try await Follow.query(on: req.db).filter(\.$account.$id == account).filter(\.$subjectType == "usulan")
                .filter(\.$subjectID == id.uuidString).first() != nil
        }
        var merged: Usulan?
        if let target = usulan.mergedInto { merged = try await Usulan.find(target, on: req.db) }
        let project = try await ProjectUsulan.query(on: req.db).filter(\.$usulan.$id == id).with(\.$project).first()?.project
        let canModerate = UsulanAccess.canModerate(usulan, req.principal)
        let comments = try await Comment.query(on: req.db).filter(\.$subjectType == "usulan").filter(\.$subjectID == id.uuidString)
            .sort(\.$createdAt).sort(\.$id).all()
        let target = CommentTarget.usulan(usulan)
        let thread = CommentThread(postPath: target.postPath, entries: CommentThread.build(comments), open: target.isOpen, canModerate: canModerate,
                                   draft: commentDraft, errors: commentErrors)
        let page = UsulanDetailPage(usulan: usulan, events: events, desaName: desa?.name ?? usulan.desaCode,
                                    kecamatanName: kecamatan?.name ?? usulan.kecamatanCode, agencyName: agency?.name ?? usulan.targetAgency,
                                    supported: supported, following: following, mergedInto: merged, project: project, errors: errors,
                                    attachments: try await Attachment.query(on: req.db).filter(\.$subjectType == "usulan")
                                        .filter(\.$subjectID == id.uuidString).sort(\.$createdAt).all(),
                                    comments: thread, canModerate: canModerate,
                                    showsContent: UsulanAccess.showsContent(of: usulan, to: req.principal))
        return page.render(await req.viewContext()).response(status: status)
    }

    func step(_ req: Request) async throws -> Response {
        let usulan = try await find(req)
        let id = try usulan.requireID()
        switch try await TakeUsulanStep().run(usulanID: id, try req.content.decode(TakeUsulanStep.Input.self), in: req.invocation) {
        case .taken: return req.redirect(to: SiteRoute.usulan(id.uuidString).path)
        case let .invalid(errors): return try await detail(req, usulan, errors: errors, status: .unprocessableEntity)
        }
    }

    func pokir(_ req: Request) async throws -> Response {
        let usulan = try await find(req)
        switch try await MarkPokir().run(try req.content.decode(MarkPokir.Input.self), usulan: usulan, in: req.invocation) {
        case .saved: return req.redirect(to: SiteRoute.usulan(try usulan.requireID().uuidString).path)
        case let .invalid(errors): return try await detail(req, usulan, errors: errors, status: .unprocessableEntity)
        }
    }

    func support(_ req: Request, _ support: Bool) async throws -> Response {
        let usulan = try await find(req)
        let id = try usulan.requireID()
        try await SupportUsulan(support: support).run(usulan, in: req.invocation)
        return req.redirect(to: SiteRoute.usulan(id.uuidString).path)
    }

    // MARK: Writing

    func newForm(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        var input = SaveUsulan.Input()
        input.desa_code = req.query[String.self, at: "desa"]
        return try await form(req, input: input, attachments: [], existing: nil, errors: FormErrors(), similar: nil, status: .ok)
    }

    func create(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        return try await save(req, existing: nil)
    }

    func editForm(_ req: Request) async throws -> Response {
        let usulan = try await find(req)
        guard SaveUsulan.mayEdit(usulan, accountID: req.principal.accountID, actor: req.principal.actor) else { throw UserFacingError.forbidden }
        let attachments = try await Attachment.query(on: req.db).filter(\.$subjectType == "usulan")
            .filter(\.$subjectID == usulan.requireID().uuidString).sort(\.$createdAt).all()
        return try await form(req, input: UsulanFormModel.input(from: usulan), attachments: attachments, existing: usulan,
                              errors: FormErrors(), similar: nil, status: .ok)
    }

    func update(_ req: Request) async throws -> Response {
        let usulan = try await find(req)
        // Refused before the form and its files are read (SaveUsulan asks again).
        guard req.principal.accountID != nil else { throw UserFacingError.signInRequired }
        guard SaveUsulan.mayEdit(usulan, accountID: req.principal.accountID, actor: req.principal.actor) else { throw UserFacingError.forbidden }
        return try await save(req, existing: usulan)
    }

    /// Saves the form. Files sent with it are kept as pending uploads first, so if anything else needs fixing
    /// the form comes back with them listed and ticked instead of asking for them again.
    func save(_ req: Request, existing: Usulan?) async throws -> Response {
        let submitted = try await SubmittedForm.read(req)
        let input = try submitted.decode(SaveUsulan.Input.self)
        let uploads = try await StoreUploads(subjectType: "usulan").run(submitted, in: req.invocation)
        let kept = submitted.values(AttachmentSet.keptField).compactMap(UUID.init(uuidString:)) + uploads.stored.compactMap(\.id)
        let outcome = try await SaveUsulan().run(input, attachments: kept, uploadErrors: uploads.errors, existing: existing, in: req.invocation)
        if case let .saved(usulan) = outcome {
            return req.redirect(to: SiteRoute.usulan(try usulan.requireID().uuidString).path)
        }
        let attachments = try await AttachmentSet.candidates(ids: kept, subjectType: "usulan", subjectID: existing?.id?.uuidString,
                                                             owner: try req.requireAccount().requireID(), on: req.db)
        switch outcome {
        case let .checked(similar):
            return try await form(req, input: input, attachments: attachments, existing: existing, errors: FormErrors(), similar: similar, status: .ok)
        case let .invalid(errors):
            return try await form(req, input: input, attachments: attachments, existing: existing, errors: errors, similar: nil,
                                  status: .unprocessableEntity)
        case .saved:
            throw Abort(.internalServerError)
        }
    }

    func form(_ req: Request, input: SaveUsulan.Input, attachments: [Attachment], existing: Usulan?, errors: FormErrors,
              similar: [SimilarUsulan]?, status: HTTPResponseStatus) async throws -> Response {
        let kamus = try await KamusItem.query(on: req.db).filter(\.$active == true).sort(\.$bidang).sort(\.$name).all()
        let window = try await SubmissionWindow.on(req.invocation.today, db: req.db)
        let page = UsulanFormPage(input: input, attachments: attachments, existing: existing, errors: errors, similar: similar,
                                  choices: try await ScopeChoices.load(req), kamus: kamus, window: window)
        return page.render(await req.viewContext()).response(status: status)
    }

    /// Drafts are seen only by their proposer (and the desa's operators, who may file for groups).
    func find(_ req: Request) async throws -> Usulan {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let usulan = try await Usulan.find(id, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Usulan itu tidak ada.", "That proposal does not exist."))
        }
        guard UsulanAccess.visibility(of: usulan, to: req.principal) != nil else {
            throw UserFacingError(.notFound, Phrase("Usulan itu tidak ada.", "That proposal does not exist."))
        }
        return usulan
    }
}

/// The list filters, read from the query string: `?tahun=&kecamatan=&desa=&bidang=&status=&q=&urut=&halaman=`.
struct UsulanFilter: Sendable {
    static let perPage = 20
    var year: Int?
    var kecamatan: String?
    var desa: String?
    var bidang: Bidang?
    var status: UsulanStatus?
    var search: String
    var sort: String
    var page: Int

    init(_ req: Request) {
        self.init(value: req.queryValue)
    }

    /// From any source of query values (a request, or a dictionary in a test).
    init(value: (String) -> String?) {
        year = value("tahun").flatMap(Int.init)
        kecamatan = value("kecamatan").flatMap { RegionCode($0)?.level == .kecamatan ? $0 : nil }
        desa = value("desa").flatMap { RegionCode($0)?.level == .desa ? $0 : nil }
        bidang = value("bidang").flatMap(Bidang.init(rawValue:))
        status = value("status").flatMap(UsulanStatus.init(rawValue:)).flatMap { $0 == .draft ? nil : $0 }
        search = String((value("q") ?? "").prefix(200))
        sort = value("urut") == "dukungan" ? "dukungan" : "terbaru"
        page = max(1, min(value("halaman").flatMap(Int.init) ?? 1, 10_000))
    }

    func apply(to query: QueryBuilder<Usulan>) {
        if let year { query.filter(\.$year == year) }
        if let kecamatan { query.filter(\.$kecamatanCode == kecamatan) }
        if let desa { query.filter(\.$desaCode == desa) }
        if let bidang { query.filter(\.$bidang == bidang.rawValue) }
        if let status { query.filter(\.$status == status.rawValue) }
        for term in Set(IndonesianText.terms(search)).sorted() { query.filter(UsulanTermIndex.having(term)) }
        if sort == "dukungan" { query.sort(\.$supportCount, .descending) }
        query.sort(\.$submittedAt, .descending).sort(\.$id)
    }

    /// The usulan this filter lists, sorted, before paging.
    func query(on db: any Database) -> QueryBuilder<Usulan> {
        let query = Usulan.publicQuery(on: db)
        apply(to: query)
        return query
    }

    /// The ids on this filter's page, read from an index that covers the filter and the order, so skipping to
    /// page 500 passes over index entries without reading 10 000 rows. `extra` asks for more to see if a next page exists.
    func pageIDs(per: Int, extra: Int = 0, on db: any Database) -> QueryBuilder<Usulan> {
        query(on: db).field(\.$id).offset((page - 1) * per).limit(per + extra)
    }

    /// One page of usulan, in the filter's order: ids first (see `pageIDs`), then those rows by key.
    func page(per: Int, extra: Int = 0, on db: any Database) async throws -> [Usulan] {
        let ids = try await pageIDs(per: per, extra: extra, on: db).all().compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await Usulan.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(rows.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    /// How many usulan the filter lists, over all pages (Fluent drops the sort from a count).
    func count(on db: any Database) async throws -> Int {
        try await query(on: db).count()
    }

    /// The query string of this filter on another page.
    func query(page: Int?) -> String {
        var parts: [(String, String)] = []
        if let year { parts.append(("tahun", String(year))) }
        if let kecamatan { parts.append(("kecamatan", kecamatan)) }
        if let desa { parts.append(("desa", desa)) }
        if let bidang { parts.append(("bidang", bidang.rawValue)) }
        if let status { parts.append(("status", status.rawValue)) }
        if !search.isEmpty { parts.append(("q", search)) }
        if sort != "terbaru" { parts.append(("urut", sort)) }
        if let page { parts.append(("halaman", String(page))) }
        return "?" + parts.map { "\($0.0)=\($0.1.urlQueryEscaped)" }.joined(separator: "&")
    }
}

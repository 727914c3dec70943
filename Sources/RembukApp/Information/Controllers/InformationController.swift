import Fluent
import Foundation
import RembukCore
import Vapor

/// News, announcements and agenda (`/informasi`, with an Atom feed), and the document library (`/dokumen`).
struct InformationController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.information, use: index)
        routes.get(.informationNew) { try await articleForm($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.postStreamingForm(.informationNew, use: publishArticle)
        routes.get(.informationFeed, use: feed)
        routes.get(.article(":id"), use: article)
        routes.get(.documents, use: documents)
        routes.get(.documentNew) { try await documentForm($0, input: .init(), errors: FormErrors(), status: .ok) }
        routes.postStreamingForm(.documentNew, use: publishDocument)
        routes.get(.documentDownload(":id"), use: download)
    }

    func index(_ req: Request) async throws -> Response {
        let kind = req.queryValue("jenis").flatMap(Article.Kind.init(rawValue:))
        let query = Article.query(on: req.db).sort(\.$publishedAt, .descending).limit(50)
        if let kind { query.filter(\.$kind == kind.rawValue) }
        let articles = try await query.all()
        let upcoming = try await Article.query(on: req.db).filter(\.$kind == Article.Kind.agenda.rawValue)
            .filter(\.$eventOn >= req.invocation.today.iso).sort(\.$eventOn).limit(5).all()
        return InformationListPage(articles: articles, upcoming: upcoming, kind: kind,
                                   canPublish: InformationAccess.mayPublish(req.principal.actor, kabupaten: req.settings.kabupaten))
            .render(await req.viewContext()).response()
    }

    func article(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let article = try await Article.find(id, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Informasi itu tidak ada.", "That item does not exist."))
        }
        try await InformationAccess.increment(Article.schema, "read_count", id: id, in: req.invocation)
        article.readCount += 1
        let files = try await Attachment.query(on: req.db).filter(\.$subjectType == "article").filter(\.$subjectID == id.uuidString).sort(\.$createdAt).all()
        let agency = article.agency.isEmpty ? nil : try await Agency.find(article.agency, on: req.db)?.name
        return ArticlePage(article: article, files: files, agencyName: agency, url: req.settings.baseURL + SiteRoute.article(id.uuidString).path)
            .render(await req.viewContext()).response()
    }

    func articleForm(_ req: Request, input: PublishArticle.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        _ = try InformationAccess.publisherAgency(req.invocation)
        return ArticleFormPage(input: input, errors: errors).render(await req.viewContext()).response(status: status)
    }

    func publishArticle(_ req: Request) async throws -> Response {
        let form = try await SubmittedForm.read(req)
        switch try await PublishArticle().run(form, in: req.invocation) {
        case let .published(article): return req.redirect(to: SiteRoute.article(try article.requireID().uuidString).path)
        case let .invalid(errors): return try await articleForm(req, input: (try? form.decode(PublishArticle.Input.self)) ?? .init(), errors: errors, status: .unprocessableEntity)
        }
    }

    func feed(_ req: Request) async throws -> Response {
        let articles = try await Article.query(on: req.db).sort(\.$publishedAt, .descending).limit(30).all()
        let region = try await Region.find(req.settings.kabupaten.value, on: req.db)?.name ?? req.settings.kabupaten.value
        let entries = articles.map { article in
            AtomFeed.Entry(id: "urn:uuid:\((article.id?.uuidString ?? "").lowercased())", title: article.articleKind.label(.id) + ": " + article.title,
                           summary: article.summary.isEmpty ? String(article.body.prefix(300)) : article.summary,
                           link: SiteRoute.article(article.id?.uuidString ?? "").path, updated: article.publishedAt)
        }
        return AtomFeed(path: SiteRoute.informationFeed.path, title: "Informasi \(region)", alternate: SiteRoute.information.path, entries: entries)
            .response(baseURL: req.settings.baseURL)
    }

    func documents(_ req: Request) async throws -> Response {
        let category = req.queryValue("kategori").flatMap(LibraryDocument.Category.init(rawValue:))
        let year = req.budgetYearQuery
        let query = LibraryDocument.query(on: req.db).sort(\.$year, .descending).sort(\.$publishedAt, .descending).limit(200)
        if let category { query.filter(\.$category == category.rawValue) }
        if let year { query.filter(\.$year == year) }
        return DocumentLibraryPage(documents: try await query.all(), category: category, year: year,
                                   canPublish: InformationAccess.mayPublish(req.principal.actor, kabupaten: req.settings.kabupaten))
            .render(await req.viewContext()).response()
    }

    func documentForm(_ req: Request, input: PublishDocument.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        _ = try InformationAccess.publisherAgency(req.invocation)
        return DocumentFormPage(input: input, errors: errors).render(await req.viewContext()).response(status: status)
    }

    func publishDocument(_ req: Request) async throws -> Response {
        let form = try await SubmittedForm.read(req)
        switch try await PublishDocument().run(form, in: req.invocation) {
        case .published: return req.redirect(to: SiteRoute.documents.path)
        case let .invalid(errors): return try await documentForm(req, input: (try? form.decode(PublishDocument.Input.self)) ?? .init(), errors: errors, status: .unprocessableEntity)
        }
    }

    /// Counts the download, then sends the reader to the file.
    func download(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let document = try await LibraryDocument.find(id, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Dokumen itu tidak ada.", "That document does not exist."))
        }
        try await InformationAccess.increment(LibraryDocument.schema, "download_count", id: id, in: req.invocation)
        return req.redirect(to: SiteRoute.attachment(document.attachmentID.uuidString).path)
    }
}

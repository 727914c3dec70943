import Fluent
import Foundation
import RembukCore
import SQLKit
import Vapor

/// Discussions on development topics (`/diskusi`): the list, opening one, the thread with its comments,
/// and closing or reopening it. Reporting and hiding go through the moderation routes (kind `thread`).
struct DiscussionController {
    static let perPage = 30

    func register(_ routes: any RoutesBuilder) {
        routes.get(.discussions, use: index)
        routes.get(.discussionNew) { try await form($0, input: .init(topic: "umum", region: $0.settings.kabupaten.value), errors: FormErrors(), status: .ok) }
        routes.post(.discussionNew, use: open)
        routes.get(.discussion(":id")) { try await show($0, thread: try await find($0), status: .ok) }
        routes.post(.discussionComment(":id"), use: comment)
        routes.post(.discussionClose(":id")) { try await close($0, close: true) }
        routes.post(.discussionReopen(":id")) { try await close($0, close: false) }
    }

    func find(_ req: Request) async throws -> DiscussionThread {
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""), let thread = try await DiscussionThread.find(id, on: req.db) else {
            throw UserFacingError(.notFound, Phrase("Diskusi itu tidak ada.", "That discussion does not exist."))
        }
        return thread
    }

    func index(_ req: Request) async throws -> Response {
        let filter = DiscussionFilter(req)
        let query = DiscussionThread.query(on: req.db)
        if let topic = filter.topic { query.filter(\.$topic == topic.rawValue) }
        if let region = filter.region { query.filter(\.$regionCode == region) }
        switch filter.status {
        case "terbuka": query.filter(\.$closedAt == nil)
        case "ditutup": query.filter(\.$closedAt != nil)
        default: break
        }
        let page = try await query.sort(\.$lastActivityAt, .descending).sort(\.$id)
            .paginate(PageRequest(page: filter.page, per: Self.perPage))
        let kecamatan = try await Region.query(on: req.db).filter(\.$parentCode == req.settings.kabupaten.value).sort(\.$name).all()
        return DiscussionListPage(threads: page.items, counts: try await Self.commentCounts(page.items, on: req.db), filter: filter,
                                  total: page.metadata.total, kecamatan: kecamatan)
            .render(await req.viewContext()).response()
    }

    /// Visible comments per discussion on this page, in one grouped query.
    static func commentCounts(_ threads: [DiscussionThread], on db: any Database) async throws -> [String: Int] {
        let ids = threads.compactMap { $0.id?.uuidString }
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { var subject_id: String; var total: Int }
        let rows = try await db.sql.select().column("subject_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Comment.schema).where("subject_type", .equal, SQLBind("thread")).where("subject_id", .in, SQLBind.group(ids))
            .where("hidden_at", .is, SQLLiteral.null).groupBy("subject_id").all(decoding: Row.self)
        return Dictionary(rows.map { ($0.subject_id, $0.total) }, uniquingKeysWith: +)
    }

    func form(_ req: Request, input: OpenDiscussion.Input, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        _ = try req.requireAccount()
        let kecamatan = try await Region.query(on: req.db).filter(\.$parentCode == req.settings.kabupaten.value).sort(\.$name).all()
        return DiscussionFormPage(input: input, errors: errors, kecamatan: kecamatan, kabupaten: req.settings.kabupaten.value)
            .render(await req.viewContext()).response(status: status)
    }

    func open(_ req: Request) async throws -> Response {
        let input = try req.content.decode(OpenDiscussion.Input.self)
        switch try await OpenDiscussion().run(input, in: req.invocation) {
        case let .opened(thread): return req.redirect(to: SiteRoute.discussion(try thread.requireID().uuidString).path)
        case let .invalid(errors): return try await form(req, input: input, errors: errors, status: .unprocessableEntity)
        }
    }

    func show(_ req: Request, thread: DiscussionThread, status: HTTPResponseStatus, draft: PostComment.Input = .init(),
              commentErrors: FormErrors = FormErrors(), closeErrors: FormErrors = FormErrors()) async throws -> Response {
        let id = try thread.requireID()
        let comments = try await Comment.query(on: req.db).filter(\.$subjectType == "thread").filter(\.$subjectID == id.uuidString)
            .sort(\.$createdAt).sort(\.$id).all()
        let canModerate = RegionCode(thread.regionCode).map { req.principal.actor.can(.moderate($0)) } ?? false
        let target = CommentTarget.thread(thread)
        let region = try await Region.find(thread.regionCode, on: req.db)
        let page = DiscussionPage(thread: thread, regionName: region?.name ?? thread.regionCode,
                                  comments: CommentThread(postPath: target.postPath, entries: CommentThread.build(comments), open: target.isOpen,
                                                          canModerate: canModerate, draft: draft, errors: commentErrors),
                                  canModerate: canModerate, closeErrors: closeErrors, url: req.settings.baseURL + target.link)
        return page.render(await req.viewContext()).response(status: status)
    }

    func comment(_ req: Request) async throws -> Response {
        let thread = try await find(req)
        let input = try req.content.decode(PostComment.Input.self)
        switch try await PostComment().run(on: .thread(thread), input, in: req.invocation) {
        case let .posted(comment):
            return req.redirect(to: SiteRoute.discussion(try thread.requireID().uuidString).path + "#komentar-" + (try comment.requireID().uuidString))
        case let .invalid(errors):
            return try await show(req, thread: thread, status: .unprocessableEntity, draft: input, commentErrors: errors)
        }
    }

    func close(_ req: Request, close: Bool) async throws -> Response {
        _ = try req.requireAccount()
        let thread = try await find(req)
        switch try await CloseDiscussion(close: close).run(thread, try req.content.decode(CloseDiscussion.Input.self), in: req.invocation) {
        case .done: return req.redirect(to: SiteRoute.discussion(try thread.requireID().uuidString).path)
        case let .invalid(errors): return try await show(req, thread: thread, status: .unprocessableEntity, closeErrors: errors)
        }
    }
}

/// The list's filters, read from the query string: `?topik=&wilayah=&status=&halaman=`.
struct DiscussionFilter {
    var topic: DiscussionTopic?
    var region: String?
    var status: String?
    var page: Int

    init(_ req: Request) {
        topic = req.queryValue("topik").flatMap(DiscussionTopic.init(rawValue:))
        region = req.queryValue("wilayah").flatMap { RegionCode($0).map(\.value) }
        status = req.queryValue("status").flatMap { ["terbuka", "ditutup"].contains($0) ? $0 : nil }
        page = max(1, min(req.queryValue("halaman").flatMap(Int.init) ?? 1, 10_000))
    }

    func query(page: Int?) -> String {
        var parts: [(String, String)] = []
        if let topic { parts.append(("topik", topic.rawValue)) }
        if let region { parts.append(("wilayah", region)) }
        if let status { parts.append(("status", status)) }
        if let page, page > 1 { parts.append(("halaman", String(page))) }
        return parts.isEmpty ? "" : "?" + parts.map { "\($0.0)=\($0.1.urlQueryEscaped)" }.joined(separator: "&")
    }
}

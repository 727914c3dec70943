import Fluent
import RembukCore
import Vapor

/// Comments, abuse reports and the moderators' queue.
struct CommentsController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(.usulanComment(":id"), use: comment)
        routes.post(.report(":kind", ":id"), use: report)
        routes.get(.moderationQueue, use: queue)
        routes.post(.moderationHide(":kind", ":id")) { try await moderate($0, hide: true) }
        routes.post(.moderationRestore(":kind", ":id")) { try await moderate($0, hide: false) }
        routes.post(.moderationDismiss(":kind", ":id"), use: dismiss)
    }

    func comment(_ req: Request) async throws -> Response {
        let usulans = UsulanController()
        let usulan = try await usulans.find(req)
        let input = try req.content.decode(PostComment.Input.self)
        switch try await PostComment().run(on: .usulan(usulan), input, in: req.invocation) {
        case let .posted(comment):
            return req.redirect(to: SiteRoute.usulan(try usulan.requireID().uuidString).path + "#komentar-" + (try comment.requireID().uuidString))
        case let .invalid(errors):
            return try await usulans.detail(req, usulan, errors: FormErrors(), status: .unprocessableEntity, commentDraft: input, commentErrors: errors)
        }
    }

    func subject(_ req: Request) async throws -> ModerationSubject {
        try await ModerationSubject.load(kind: req.parameters.get("kind") ?? "", id: req.parameters.get("id") ?? "", on: req.db)
    }

    func report(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let subject = try await subject(req)
        let ctx = await req.viewContext()
        switch try await ReportAbuse().run(subject, try req.content.decode(ReportAbuse.Input.self), in: req.invocation) {
        case .reported:
            return ModerationPage.message(ctx, Phrase("Terima kasih, laporan Anda kami terima. Moderator akan memeriksanya.",
                                                      "Thank you, your report has been received. A moderator will look at it."), back: subject.link).response()
        case .alreadyReported:
            return ModerationPage.message(ctx, Phrase("Anda sudah melaporkan ini sebelumnya; moderator akan memeriksanya.",
                                                      "You reported this before; a moderator will look at it."), back: subject.link).response()
        case let .invalid(errors):
            return ModerationPage.form(ctx, title: ctx.t("Laporkan", "Report"), subject: subject,
                                       ModerationViews.reportForm(ctx, kind: subject.kind.rawValue, id: subject.id.uuidString, errors: errors))
                .response(status: .unprocessableEntity)
        }
    }

    func moderate(_ req: Request, hide: Bool) async throws -> Response {
        _ = try req.requireAccount()
        let subject = try await subject(req)
        switch try await HideContent(hide: hide).run(subject, try req.content.decode(HideContent.Input.self), in: req.invocation) {
        case .done:
            return req.redirect(to: subject.link)
        case let .invalid(errors):
            let ctx = await req.viewContext()
            return ModerationPage.form(ctx, title: hide ? ctx.t("Sembunyikan", "Hide") : ctx.t("Tampilkan kembali", "Show again"), subject: subject,
                                       ModerationViews.hideForm(ctx, kind: subject.kind.rawValue, id: subject.id.uuidString, hidden: !hide, errors: errors))
                .response(status: .unprocessableEntity)
        }
    }

    func dismiss(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        try await DismissReports().run(try await subject(req), in: req.invocation)
        return req.redirect(to: SiteRoute.moderationQueue.path)
    }

    /// Open reports in the regions this moderator serves, one entry per reported item, most reported first.
    func queue(_ req: Request) async throws -> Response {
        _ = try req.requireAccount()
        let actor = req.principal.actor
        let regions = actor.regions(for: .moderator) + actor.regions(for: .bappeda)
        guard !regions.isEmpty else { throw UserFacingError.forbidden }
        let open = try await AbuseReport.query(on: req.db).filter(\.$resolvedAt == nil).sort(\.$createdAt).all()
            .filter { report in RegionCode(report.regionCode).map { code in regions.contains { $0.contains(code) } } ?? false }
        var items: [ModerationPage.Item] = []
        for (key, reports) in Dictionary(grouping: open, by: { "\($0.subjectType)/\($0.subjectID)" }) {
            let parts = key.split(separator: "/").map(String.init)
            guard let subject = try? await ModerationSubject.load(kind: parts[0], id: parts[1], on: req.db) else { continue }
            items.append(.init(subject: subject, reports: reports))
        }
        items.sort { ($0.reports.count, $1.reports.first?.createdAt ?? .distantPast) > ($1.reports.count, $0.reports.first?.createdAt ?? .distantPast) }
        return ModerationPage.queue(await req.viewContext(), items: items).response()
    }
}

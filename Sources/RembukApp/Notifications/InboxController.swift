import Fluent
import Plot
import RembukCore
import Vapor

struct InboxController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.inbox, use: inbox)
        routes.post(.inboxRead(":id"), use: markRead)
        routes.post(.follow) { try await change($0, follow: true) }
        routes.post(.unfollow) { try await change($0, follow: false) }
    }

    func inbox(_ req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let items = try await InboxItem.query(on: req.db).filter(\.$account.$id == account.requireID())
            .sort(\.$createdAt, .descending).limit(100).all()
        return InboxPage(items: items).render(await req.viewContext()).response()
    }

    func markRead(_ req: Request) async throws -> Response {
        let raw = req.parameters.get("id") ?? ""
        let id: UUID?
        if raw == "semua" { id = nil } else {
            guard let parsed = UUID(uuidString: raw) else { throw UserFacingError.notFound }
            id = parsed
        }
        try await MarkInboxRead().run(itemID: id, in: req.invocation)
        return req.redirect(to: SiteRoute.inbox.path)
    }

    func change(_ req: Request, follow: Bool) async throws -> Response {
        let subject = try await ChangeFollow(follow: follow).run(try req.content.decode(ChangeFollow.Input.self), in: req.invocation)
        switch subject.kind {
        case .region: return req.redirect(to: SiteRoute.region(subject.id).path)
        case .usulan: return req.redirect(to: SiteRoute.usulan(subject.id).path)
        case .project: return req.redirect(to: SiteRoute.project(subject.id).path)
        }
    }
}

struct InboxPage {
    var items: [InboxItem]

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Kotak masuk", "Inbox"), [
            .h1(.text(ctx.t("Kotak masuk", "Inbox"))),
            items.contains { $0.readAt == nil }
                ? FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.inboxRead("semua").path), FormKit.csrf(ctx),
                        .button(.type(.submit), .class("secondary"), .text(ctx.t("Tandai semua sudah dibaca", "Mark all as read"))))
                : .empty,
            items.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada pemberitahuan.", "No notifications yet."))) : .empty,
            .ul(.class("inbox"), .forEach(items) { item in
                .li(.class(item.readAt == nil ? "card unread" : "card"),
                    .h2(.text((item.readAt == nil ? "● " : "") + (ctx.language == .id ? item.titleID : item.titleEN))),
                    .p(.text(ctx.language == .id ? item.bodyID : item.bodyEN)),
                    .p(.class("muted"), .text(item.createdAt.map { DateText.dateTime($0, ctx.language) } ?? ""),
                       .text(" · "), .a(.href(safeReturnPath(item.link)), .text(ctx.t("Buka", "Open")))),
                    item.readAt == nil
                        ? FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.inboxRead(item.id?.uuidString ?? "").path), FormKit.csrf(ctx),
                                .button(.type(.submit), .class("link"), .text(ctx.t("Tandai sudah dibaca", "Mark as read"))))
                        : .empty)
            }),
        ])
    }
}

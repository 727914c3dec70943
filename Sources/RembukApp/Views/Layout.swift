import Plot
import RembukCore
import Vapor

/// The frame of every page: skip link, header with navigation, main content, footer with language switch.
enum Layout {
    static let stylesheetPath = "/static/rembuk.css"

    static func page(_ ctx: ViewContext, title: String, _ content: [Node<HTML.BodyContext>]) -> HTML {
        HTML(
            .lang(ctx.language == .id ? .indonesian : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · Rembuk \(ctx.regionName)"),
                .link(.rel(.stylesheet), .href(stylesheetPath + "?v=" + Stylesheet.version))
            ),
            .body(
                .a(.class("skip"), .href("#isi"), .text(ctx.t("Langsung ke isi", "Skip to content"))),
                header(ctx),
                .main(.id("isi"), .class("wrap"), AssistedPages.banner(ctx), .group(content)),
                footer(ctx)
            )
        )
    }

    static func header(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        var links: [(String, String)] = [
            (SiteRoute.home.path, ctx.t("Beranda", "Home")),
            (SiteRoute.usulanIndex.path, ctx.t("Usulan", "Proposals")),
            (SiteRoute.forums.path, "Musrenbang"),
            (SiteRoute.projects.path, ctx.t("Proyek", "Projects")),
            (SiteRoute.programs.path, ctx.t("Program", "Programmes")),
            (SiteRoute.complaints.path, ctx.t("Pengaduan", "Complaints")),
            (SiteRoute.information.path, ctx.t("Informasi", "Information")),
            (SiteRoute.audit.path, ctx.t("Jejak audit", "Audit trail")),
            (SiteRoute.openData.path, ctx.t("Data terbuka", "Open data")),
        ]
        if !ctx.principal.actor.regions(for: .operatorDesa).isEmpty || !ctx.principal.actor.regions(for: .operatorKecamatan).isEmpty {
            links.append((SiteRoute.usulanQueue.path, ctx.t("Antrean verifikasi", "Verification queue")))
            links.append((SiteRoute.assisted.path, ctx.t("Warga dibantu", "Assisted citizens")))
        }
        if !ctx.principal.actor.regions(for: .bappeda).isEmpty || !ctx.principal.actor.agencies(for: .opd).isEmpty {
            links.append((SiteRoute.complaintBoard.path, ctx.t("Papan pengaduan", "Complaints board")))
        }
        if !ctx.principal.actor.regions(for: .moderator).isEmpty || !ctx.principal.actor.regions(for: .bappeda).isEmpty {
            links.append((SiteRoute.moderationQueue.path, ctx.t("Moderasi", "Moderation")))
        }
        if let kabupaten = RegionCode(ctx.principal.grants.first(where: { $0.role == Role.bappeda.rawValue })?.regionCode ?? ""),
           ctx.can(.manageAccounts(kabupaten: kabupaten)) {
            links.append((SiteRoute.adminAccounts.path, ctx.t("Kelola akun", "Manage accounts")))
        }
        return .header(.class("site"),
            .div(.class("wrap bar"),
                .a(.class("brand"), .href(SiteRoute.home.path),
                   .unwrap(ctx.identity.logo) { .img(.src($0.path), .alt("")) },
                   .strong("Rembuk"), .span(.class("region"), .text(ctx.regionName))),
                .nav(.attribute(named: "aria-label", value: ctx.t("Menu utama", "Main menu")),
                     .ul(.forEach(links) { link in .li(navLink(ctx, path: link.0, label: link.1)) })),
                accountMenu(ctx)
            )
        )
    }

    static func navLink(_ ctx: ViewContext, path: String, label: String) -> Node<HTML.BodyContext> {
        let current = path == "/" ? ctx.path == "/" : ctx.path.hasPrefix(path)
        return .a(.href(path), .if(current, .attribute(named: "aria-current", value: "page")), .text(label))
    }

    static func accountMenu(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard let account = ctx.principal.account else {
            return .nav(.class("account"), .attribute(named: "aria-label", value: ctx.t("Akun", "Account")),
                .ul(.li(navLink(ctx, path: SiteRoute.login.path, label: ctx.t("Masuk", "Sign in"))),
                    .li(navLink(ctx, path: SiteRoute.register.path, label: ctx.t("Daftar", "Register")))))
        }
        if ctx.principal.assistant != nil { return AssistedPages.accountMenu(ctx, citizen: account) }
        let inboxLabel = ctx.t("Kotak masuk", "Inbox") + (ctx.unreadNotifications > 0 ? " (\(ctx.unreadNotifications))" : "")
        return .nav(.class("account"), .attribute(named: "aria-label", value: ctx.t("Akun", "Account")),
            .ul(.li(navLink(ctx, path: SiteRoute.account.path, label: account.name)),
                .li(navLink(ctx, path: SiteRoute.inbox.path, label: inboxLabel)),
                .li(FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.logout.path), .class("inline"),
                          FormKit.csrf(ctx), .button(.type(.submit), .class("link"), .text(ctx.t("Keluar", "Sign out")))))))
    }

    static func footer(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let other: Language = ctx.language == .id ? .en : .id
        return .footer(.class("site"),
            .div(.class("wrap"),
                .p(.text(ctx.identity.letterhead.government + ctx.t(": perencanaan pembangunan bersama warga.", ": development planning with citizens."))),
                .p(.a(.href(SiteRoute.language(other.rawValue).path + "?kembali=" + ctx.path.urlQueryEscaped),
                      .attribute(named: "lang", value: other.rawValue), .attribute(named: "hreflang", value: other.rawValue),
                      .text(other == .en ? "English" : "Bahasa Indonesia")),
                   .text(" · "),
                   .a(.href(SiteRoute.regions.path), .text(ctx.t("Wilayah", "Regions"))),
                   .text(" · "),
                   .a(.href(SiteRoute.schedule.path), .text(ctx.t("Jadwal perencanaan", "Planning calendar"))),
                   .text(" · "),
                   .a(.href(SiteRoute.kamus.path), .text(ctx.t("Kamus usulan", "Proposal catalogue"))),
                   .text(" · "),
                   .a(.href(SiteRoute.privacy.path), .text(ctx.t("Privasi", "Privacy"))),
                   .text(" · "),
                   .a(.href(SiteRoute.openAPI.path), .text("API")))
            )
        )
    }
}

extension String {
    var urlQueryEscaped: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? ""
    }
}

import Foundation

extension HTML {
    /// A complete HTML response.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}

import Plot

/// “‹ Sebelumnya · Halaman 2 dari 5 · Berikutnya ›” under a paged list; nothing when it fits on one page.
enum Pager {
    static func nav(_ ctx: ViewContext, page: Int, pages: Int, link: (Int) -> String) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        return .nav(.class("pager"), .attribute(named: "aria-label", value: ctx.t("Halaman", "Pages")),
            .if(page > 1, .a(.href(link(page - 1)), .text(ctx.t("‹ Sebelumnya", "‹ Previous")))),
            .span(.text(ctx.t("Halaman \(page) dari \(pages)", "Page \(page) of \(pages)"))),
            .if(page < pages, .a(.href(link(page + 1)), .text(ctx.t("Berikutnya ›", "Next ›")))))
    }
}

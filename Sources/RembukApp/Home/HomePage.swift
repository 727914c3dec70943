import Plot
import RembukCore

struct HomePage {
    var kecamatan: Int
    var desa: Int
    var kelurahan: Int
    var population: Int?
    var accounts: Int
    var agencies: Int
    var auditHead: AuditRecord?

    func render(_ ctx: ViewContext) -> HTML {
        let number = { (n: Int) in Rupiah.groupThousands(UInt64(max(0, n)), separator: ctx.language == .id ? "." : ",") }
        var figures: [(String, String)] = [
            (number(kecamatan), ctx.t("kecamatan", "districts")),
            (number(desa + kelurahan), ctx.t("desa dan kelurahan", "villages")),
            (number(accounts), ctx.t("akun terdaftar", "registered accounts")),
            (number(agencies), ctx.t("perangkat daerah", "agencies")),
        ]
        if let population { figures.insert((number(population), ctx.t("penduduk", "residents")), at: 0) }
        return Layout.page(ctx, title: ctx.t("Beranda", "Home"), [
            .h1(.text(ctx.t("Rencanakan pembangunan \(ctx.regionName) bersama", "Plan \(ctx.regionName)'s development together"))),
            .p(.class("lead"), .text(ctx.t(
                "Rembuk adalah tempat warga, pemerintah desa, kecamatan, perangkat daerah, dan \(ctx.planningAgencyName) merencanakan pembangunan secara terbuka: dari usulan warga, musyawarah perencanaan pembangunan (Musrenbang), sampai anggaran dan pelaksanaan. Setiap keputusan tercatat di jejak audit publik yang bisa diperiksa siapa saja.",
                "Rembuk is where citizens, villages, districts, agencies and \(ctx.planningAgencyName) plan development in the open: from citizens' proposals through the planning forums (Musrenbang) to budgets and delivery. Every decision is written to a public audit trail anyone can check."))),
            .ul(.class("cards"), .forEach(figures) { figure in
                .li(.class("card"), .span(.class("figure"), .text(figure.0)), .text(figure.1))
            }),
            .h2(.text(ctx.t("Mulai dari sini", "Start here"))),
            .ul(
                .li(.a(.href(SiteRoute.regions.path), .text(ctx.t("Lihat kecamatan dan desa", "Browse districts and villages")))),
                .li(.a(.href(SiteRoute.audit.path), .text(ctx.t("Periksa jejak audit publik", "Check the public audit trail")))),
                .li(.a(.href(SiteRoute.openData.path), .text(ctx.t("Unduh data terbuka", "Download open data")))),
                .if(!ctx.isSignedIn, .li(.a(.href(SiteRoute.register.path), .text(ctx.t("Daftar sebagai warga", "Register as a citizen")))))
            ),
            .unwrap(auditHead) { head in
                .p(.class("muted"), .text(ctx.t("Catatan audit terakhir: nomor \(head.id ?? 0), sidik ", "Latest audit record: number \(head.id ?? 0), hash ")),
                   .span(.class("hash"), .text(String(head.hash.prefix(16)) + "…")))
            },
        ])
    }
}

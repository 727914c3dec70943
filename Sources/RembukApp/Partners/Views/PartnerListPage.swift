import Plot
import RembukCore

/// `/mitra`: every partner with what it has given, and the totals of all of them.
struct PartnerListPage {
    var partners: [Partner]
    var totals: [String: ContributionTotals]
    var activeAgreements: [String: Int]
    var canCreate: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Mitra pembangunan", "Development partners")
        var all = ContributionTotals()
        for partner in partners { all.add(totals[partner.id ?? ""] ?? ContributionTotals()) }
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.programs.path), .text(ctx.t("‹ Program masyarakat", "‹ Community programmes")))),
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "LSM, perusahaan (CSR), perguruan tinggi dan komunitas yang bekerja sama dengan pemerintah daerah, dengan perjanjian kerja sama dan kontribusinya.",
                "NGOs, companies (CSR), universities and community groups working with the regional government, with their agreements and contributions."))),
            .if(canCreate, .p(.a(.class("button"), .href(SiteRoute.partnerNew.path), .text(ctx.t("Daftarkan mitra", "Register a partner"))))),
            PartnerTotalsView(totals: all, partners: partners.count).render(ctx),
            partners.isEmpty ? .p(.class("muted"), .text(ctx.t("Belum ada mitra yang terdaftar.", "No partners registered yet."))) :
            .table(
                .caption(.text(ctx.t("Kontribusi per mitra sejak awal kerja sama", "Contributions per partner since the start"))),
                .thead(.tr(.th(.text(ctx.t("Mitra", "Partner"))), .th(.text(ctx.t("Jenis", "Kind"))),
                           .th(.class("num"), .text(ctx.t("Perjanjian berlaku", "Active agreements"))),
                           .th(.class("num"), .text(ctx.t("Dana", "Money"))), .th(.class("num"), .text(ctx.t("Barang/jasa", "In kind"))),
                           .th(.class("num"), .text(ctx.t("Jumlah", "Total"))))),
                .tbody(.forEach(partners) { partner in
                    let code = partner.id ?? ""
                    let sum = totals[code] ?? ContributionTotals()
                    return .tr(.td(.a(.href(SiteRoute.partner(code).path), .text(partner.name))), .td(.text(partner.partnerKind.label(ctx.language))),
                               .td(.class("num"), .text(String(activeAgreements[code] ?? 0))),
                               .td(.class("num"), .text(Rupiah(sum.money).formatted)), .td(.class("num"), .text(Rupiah(sum.inKind).formatted)),
                               .td(.class("num"), .text(Rupiah(sum.total).formatted)))
                }),
                .tfoot(.tr(.th(.attribute(named: "scope", value: "row"), .attribute(named: "colspan", value: "3"), .text(ctx.t("Semua mitra", "All partners"))),
                           .td(.class("num"), .text(Rupiah(all.money).formatted)), .td(.class("num"), .text(Rupiah(all.inKind).formatted)),
                           .td(.class("num"), .strong(.text(Rupiah(all.total).formatted)))))),
        ])
    }
}

/// The figures at the top of the partners page and of one partner's page.
struct PartnerTotalsView {
    var totals: ContributionTotals
    var partners: Int?

    func render(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .ul(.class("cards"),
            .unwrap(partners) { .li(.class("card"), .span(.class("figure"), .text(String($0))), .text(ctx.t("mitra terdaftar", "partners registered"))) },
            .li(.class("card"), .span(.class("figure"), .text(Rupiah(totals.money).formatted)), .text(ctx.t("dana", "in money"))),
            .li(.class("card"), .span(.class("figure"), .text(Rupiah(totals.inKind).formatted)), .text(ctx.t("barang/jasa (nilai perkiraan)", "in kind (estimated value)"))),
            .li(.class("card"), .span(.class("figure"), .text(String(totals.count))), .text(ctx.t("kontribusi tercatat", "contributions recorded"))))
    }
}

/// Partners named as links, comma-separated: “Bersama mitra” on a programme, “Mitra” on a project.
enum PartnerLinks {
    static func render(_ partners: [Partner]) -> Node<HTML.BodyContext> {
        .group(partners.enumerated().map { index, partner in
            .group(.if(index > 0, .text(", ")), .a(.href(SiteRoute.partner(partner.id ?? "").path), .text(partner.name)))
        })
    }
}

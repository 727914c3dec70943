import Foundation
import Fluent
import Plot
import RembukCore

/// Usulan with the names of their desa, ready for a list.
struct UsulanListModel {
    struct Item {
        let usulan: Usulan
        let desaName: String
    }

    let items: [Item]

    static func load(_ usulan: [Usulan], on db: any Database) async throws -> UsulanListModel {
        let names = try await RegionNames.load(usulan.map(\.desaCode), on: db)
        return UsulanListModel(items: usulan.map { Item(usulan: $0, desaName: names[$0.desaCode] ?? $0.desaCode) })
    }
}

enum UsulanCards {
    static func list(_ ctx: ViewContext, _ list: UsulanListModel, empty: String,
                     extra: (UsulanListModel.Item) -> Node<HTML.BodyContext> = { _ in .empty }) -> Node<HTML.BodyContext> {
        guard !list.items.isEmpty else { return .p(.class("muted"), .text(empty)) }
        return .ul(.class("cards usulan"), .forEach(list.items) { card(ctx, $0, extra: extra($0)) })
    }

    static func card(_ ctx: ViewContext, _ item: UsulanListModel.Item, extra: Node<HTML.BodyContext> = .empty) -> Node<HTML.ListContext> {
        let u = item.usulan
        let id = u.id?.uuidString ?? ""
        return .li(.class("card"),
            .h2(.a(.href(SiteRoute.usulan(id).path), .text(u.title))),
            .p(statusBadge(ctx, u.workflowStatus), .text(" "), .span(.class("muted"), .text(u.number)),
               .unwrap(u.pokirLabel) { .group([.text(" "), .span(.class("badge pokir"), .text($0))]) }),
            .p(.text("\(PlaceWords.of(RegionCode(u.desaCode) ?? ctx.kabupaten).Village(ctx.language)) \(item.desaName) · \(u.sector?.label(ctx.language) ?? u.bidang)")),
            .p(.strong(.text(Rupiah(u.cost).formatted)), .text(" · \(u.supportCount) \(ctx.t("dukungan", "supports"))")),
            extra)
    }

    static func statusBadge(_ ctx: ViewContext, _ status: UsulanStatus) -> Node<HTML.BodyContext> {
        .span(.class("badge status-\(status.rawValue)"), .text(status.label(ctx.language)))
    }
}

struct UsulanIndexPage {
    var list: UsulanListModel
    var filter: UsulanFilter
    var total: Int
    var choices: ScopeChoices

    func render(_ ctx: ViewContext) -> HTML {
        let pages = max(1, (total + UsulanFilter.perPage - 1) / UsulanFilter.perPage)
        return Layout.page(ctx, title: ctx.t("Usulan warga", "Citizens' proposals"), [
            .h1(.text(ctx.t("Usulan warga", "Citizens' proposals"))),
            .p(.a(.class("button"), .href(SiteRoute.usulanNew.path), .text(ctx.t("Kirim usulan", "Send a proposal"))),
               .text(" "), .a(.href(SiteRoute.schedule.path), .text(ctx.t("Jadwal perencanaan", "Planning calendar"))),
               .text(" · "), .a(.href(SiteRoute.kamus.path), .text(ctx.t("Kamus usulan", "Proposal catalogue")))),
            filters(ctx),
            .p(.attribute(named: "role", value: "status"), .text(ctx.t("\(total) usulan ditemukan", "\(total) proposals found")),
               .span(.class("no-print"), .text(" · " + ctx.t("Unduh: ", "Download: ")),
                     .a(.href(SiteRoute.usulanExportCSV.path + filter.query(page: nil)), .text(ctx.t("CSV (Excel)", "CSV (Excel)"))),
                     .text(" · "), .a(.href(SiteRoute.usulanExportJSON.path + filter.query(page: nil)), .text("JSON")),
                     .text(" · "), .a(.href(SiteRoute.usulanExportSIPD.path + filter.query(page: nil)), .text(ctx.t("format SIPD", "SIPD format"))),
                     .if(ctx.can(.managePlanning(kabupaten: ctx.kabupaten)), .group([.text(" · "), .a(.href(SiteRoute.sipdImport.path), .text(ctx.t("impor dari SIPD", "import from SIPD")))])))),
            UsulanCards.list(ctx, list, empty: ctx.t("Belum ada usulan yang cocok.", "No matching proposals yet.")),
            Pager.nav(ctx, page: filter.page, pages: pages) { SiteRoute.usulanIndex.path + filter.query(page: $0) },
        ])
    }

    func filters(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let any = FormKit.Choice(value: "", label: ctx.t("Semua", "All"))
        let none = FormErrors()
        return FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.usulanIndex.path),
            .div(.class("field"), .label(.for("f-q"), .text(ctx.t("Cari", "Search"))),
                 FormKit.input([("type", "search"), ("id", "f-q"), ("name", "q"), ("value", filter.search)])),
            FormKit.select(ctx, name: "kecamatan", label: "Kecamatan",
                           choices: [any] + choices.kecamatan.map { .init(value: $0.id ?? "", label: $0.name) }, selected: filter.kecamatan ?? "", errors: none),
            FormKit.select(ctx, name: "bidang", label: ctx.t("Bidang", "Sector"),
                           choices: [any] + Bidang.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) }, selected: filter.bidang?.rawValue ?? "", errors: none),
            FormKit.select(ctx, name: "status", label: "Status",
                           choices: [any] + UsulanStatus.allCases.filter { $0 != .draft }.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: filter.status?.rawValue ?? "", errors: none),
            FormKit.select(ctx, name: "urut", label: ctx.t("Urutkan", "Sort"),
                           choices: [.init(value: "terbaru", label: ctx.t("Terbaru", "Newest")), .init(value: "dukungan", label: ctx.t("Dukungan terbanyak", "Most supported"))],
                           selected: filter.sort, errors: none),
            .if(filter.desa != nil, FormKit.input([("type", "hidden"), ("name", "desa"), ("value", filter.desa ?? "")])),
            .button(.type(.submit), .class("secondary"), .text(ctx.t("Terapkan", "Apply"))))
    }
}

struct UsulanCollectionPage {
    enum Kind { case mine, queue }
    var kind: Kind
    var list: UsulanListModel
    var hints: [UUID: VerificationHints] = [:]

    func render(_ ctx: ViewContext) -> HTML {
        let title = kind == .mine ? ctx.t("Usulan saya", "My proposals") : ctx.t("Antrean verifikasi", "Verification queue")
        let lead = kind == .mine
            ? ctx.t("Semua usulan yang Anda kirim, termasuk draf. Buka satu untuk melihat posisinya dan alasannya.",
                    "Every proposal you sent, drafts included. Open one to see where it is and why.")
            : ctx.t("Usulan baru dari wilayah Anda. Periksa kelengkapan data, kecocokan dengan kamus usulan, kepemilikan aset, dan kemungkinan duplikasi, lalu verifikasi, kembalikan, tolak, atau gabungkan.",
                    "New proposals from your area. Check completeness, the catalogue, asset ownership and duplicates, then verify, return, reject or merge.")
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(lead)),
            kind == .mine ? .p(.a(.class("button"), .href(SiteRoute.usulanNew.path), .text(ctx.t("Kirim usulan", "Send a proposal")))) : .empty,
            UsulanCards.list(ctx, list, empty: kind == .mine ? ctx.t("Anda belum mengirim usulan.", "You have not sent a proposal yet.")
                                                            : ctx.t("Tidak ada usulan yang menunggu.", "Nothing is waiting."),
                             extra: { item in item.usulan.id.flatMap { hints[$0] }.map { checks(ctx, $0) } ?? .empty }),
        ])
    }

    /// The operator's pointers for one usulan: what is missing, the kamus, possible duplicates; the asset is checked on site.
    func checks(_ ctx: ViewContext, _ hints: VerificationHints) -> Node<HTML.BodyContext> {
        .ul(.class("checks"),
            .li(.text(hints.missing.isEmpty ? ctx.t("✓ Data lengkap", "✓ Complete data")
                      : ctx.t("! Belum ada: ", "! Missing: ") + hints.missing.map { ctx.t($0) }.joined(separator: ", "))),
            .li(.text(hints.kamusCode.map { ctx.t("✓ Dari kamus usulan \($0)", "✓ From the catalogue, \($0)") }
                      ?? ctx.t("! Bukan dari kamus usulan: periksa kewajaran harga", "! Not from the catalogue: check the price"))),
            .li(hints.similar.isEmpty ? .text(ctx.t("✓ Tidak ada usulan mirip di kecamatan ini", "✓ No similar proposal in this district"))
                : .group([.text(ctx.t("! Mirip dengan: ", "! Similar to: ")),
                          .group(hints.similar.map { .group([.a(.href(SiteRoute.usulan($0.id.uuidString).path), .text("\($0.number) “\($0.title)”")), .text(" ")]) })])),
            .li(.text(ctx.t("? Kepemilikan aset: periksa di lokasi", "? Asset ownership: check on site"))))
    }
}

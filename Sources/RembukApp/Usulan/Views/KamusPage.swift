import Plot
import RembukCore

/// The kamus usulan, by sector, with the add form for Bappeda.
struct KamusPage {
    var items: [KamusItem]
    var agencies: [Agency]
    var canManage: Bool
    var input: SaveKamusItem.Input
    var errors: FormErrors

    func render(_ ctx: ViewContext) -> HTML {
        let title = ctx.t("Kamus usulan", "Proposal catalogue")
        let names = Dictionary(agencies.map { ($0.id ?? "", $0.shortName) }, uniquingKeysWith: { a, _ in a })
        let sectors = Bidang.allCases.filter { bidang in items.contains { $0.bidang == bidang.rawValue } }
        return Layout.page(ctx, title: title, [
            .h1(.text(title)),
            .p(.class("lead"), .text(ctx.t(
                "Daftar kegiatan beserta satuan dan harga satuan yang ditetapkan Bappeda. Usulan yang memakai kamus dihitung otomatis: volume × harga satuan.",
                "Activities with the unit and unit price set by the planning agency. A proposal using the catalogue costs volume × unit price."))),
            .if(items.isEmpty, .p(.class("muted"), .text(ctx.t("Kamus usulan masih kosong.", "The catalogue is empty.")))),
            .forEach(sectors) { bidang in
                .section(
                    .h2(.text(bidang.label(ctx.language))),
                    .table(
                        .thead(.tr(.th(.text(ctx.t("Kode", "Code"))), .th(.text(ctx.t("Kegiatan", "Activity"))), .th(.text(ctx.t("Satuan", "Unit"))),
                                   .th(.class("num"), .text(ctx.t("Harga satuan", "Unit price"))), .th(.text("OPD")),
                                   .th(.text(ctx.t("Jenis", "Kind"))))),
                        .tbody(.forEach(items.filter { $0.bidang == bidang.rawValue }) { item in row(ctx, item, names) })))
            },
            .if(canManage, .section(.id("tambah"),
                .h2(.text(ctx.t("Tambah item kamus", "Add a catalogue item"))),
                FormKit.summary(ctx, errors),
                Self.form(ctx, action: SiteRoute.kamus.path, agencies: agencies, input: input, errors: errors, editing: false))),
        ])
    }

    func row(_ ctx: ViewContext, _ item: KamusItem, _ names: [String: String]) -> Node<HTML.TableContext> {
        .tr(.class(item.active ? "" : "muted"),
            .td(.text(item.code)),
            .td(.text(item.name + (item.active ? "" : ctx.t(" (tidak dipakai lagi)", " (no longer offered)"))),
                .if(canManage, .text(" · ")), .if(canManage, .a(.href(SiteRoute.kamusEdit(item.id?.uuidString ?? "").path), .text(ctx.t("Ubah", "Edit"))))),
            .td(.text(item.satuan)),
            .td(.class("num"), .text(Rupiah(item.unitPrice).formatted)),
            .td(.text(names[item.agency] ?? item.agency)),
            .td(.text(item.fisik ? ctx.t("Fisik", "Physical") : ctx.t("Non-fisik", "Non-physical"))))
    }

    static func form(_ ctx: ViewContext, action: String, agencies: [Agency], input: SaveKamusItem.Input, errors: FormErrors, editing: Bool) -> Node<HTML.BodyContext> {
        FormKit.form(.class("stack wide"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: action),
            FormKit.csrf(ctx),
            .div(.class("row"),
                 FormKit.field(ctx, .init(name: "code", label: ctx.t("Kode", "Code"), value: input.code ?? "", hint: "PU-001", required: true), errors: errors),
                 FormKit.field(ctx, .init(name: "satuan", label: ctx.t("Satuan", "Unit"), value: input.satuan ?? "", hint: "m, m², unit, paket", required: true), errors: errors)),
            FormKit.field(ctx, .init(name: "name", label: ctx.t("Nama kegiatan", "Activity"), value: input.name ?? "", required: true), errors: errors),
            FormKit.field(ctx, .init(name: "unit_price", label: ctx.t("Harga satuan (Rp)", "Unit price (Rp)"), value: input.unit_price ?? "",
                                     hint: ctx.t("Rupiah tanpa sen, mis. 450.000", "Whole rupiah, e.g. 450.000"), required: true, inputMode: "numeric"), errors: errors),
            FormKit.select(ctx, name: "bidang", label: ctx.t("Bidang", "Sector"),
                           choices: [.init(value: "", label: ctx.t("— pilih bidang —", "— choose a sector —"))] + Bidang.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: input.bidang ?? "", errors: errors),
            FormKit.select(ctx, name: "agency", label: ctx.t("Perangkat daerah pelaksana", "Agency"),
                           choices: [.init(value: "", label: ctx.t("— pilih perangkat daerah —", "— choose an agency —"))] + agencies.map { .init(value: $0.id ?? "", label: $0.name) },
                           selected: input.agency ?? "", errors: errors),
            checkbox("fisik", ctx.t("Kegiatan fisik (pembangunan, rehabilitasi, pengadaan barang)", "Physical work (building, repair, goods)"), checked: input.fisik == "1"),
            .if(editing, checkbox("active", ctx.t("Masih ditawarkan kepada pengusul", "Still offered to proposers"), checked: input.active == "1")),
            .button(.type(.submit), .text(editing ? ctx.t("Simpan perubahan", "Save changes") : ctx.t("Tambah ke kamus", "Add to the catalogue"))))
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool) -> Node<HTML.BodyContext> {
        .div(.class("field check"),
             FormKit.input([("type", "checkbox"), ("id", "f-" + name), ("name", name), ("value", "1"), checked ? ("checked", "checked") : nil]),
             .label(.for("f-" + name), .text(label)))
    }

    static func editPage(_ ctx: ViewContext, item: KamusItem, agencies: [Agency], input: SaveKamusItem.Input, errors: FormErrors) -> HTML {
        let title = ctx.t("Ubah item kamus", "Edit catalogue item")
        return Layout.page(ctx, title: title, [
            .p(.a(.href(SiteRoute.kamus.path), .text(ctx.t("‹ Kamus usulan", "‹ Proposal catalogue")))),
            .h1(.text(title + ": " + item.code)),
            .p(.class("hint"), .text(ctx.t("Perubahan harga tidak mengubah usulan yang sudah dikirim.", "A price change does not alter proposals already sent."))),
            FormKit.summary(ctx, errors),
            form(ctx, action: SiteRoute.kamusEdit(item.id?.uuidString ?? "").path, agencies: agencies, input: input, errors: errors, editing: true),
        ])
    }
}

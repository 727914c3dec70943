import Plot
import RembukCore

extension RegionRecord.Kind {
    func label(_ language: Language) -> String {
        switch (self, language) {
        case (.provinsi, .id): "Provinsi"
        case (.provinsi, .en): "Province"
        case (.kabupaten, _): "Kabupaten"
        case (.kota, _): "Kota"
        case (.kecamatan, .id): "Kecamatan"
        case (.kecamatan, .en): "District (kecamatan)"
        case (.desa, .id): "Desa"
        case (.desa, .en): "Village (desa)"
        case (.kelurahan, .id): "Kelurahan"
        case (.kelurahan, .en): "Urban village (kelurahan)"
        }
    }
}

func formatCount(_ n: Int, _ language: Language) -> String {
    Rupiah.groupThousands(UInt64(max(0, n)), separator: language == .id ? "." : ",")
}

struct RegionsIndexPage {
    var kabupatens: [Region]
    var counts: [String: [String: Int]]
    var home: String

    func render(_ ctx: ViewContext) -> HTML {
        Layout.page(ctx, title: ctx.t("Wilayah", "Regions"), [
            .h1(.text(ctx.t("Wilayah", "Regions"))),
            .p(.class("lead"), .text(ctx.t(
                "Kabupaten/kota yang dimuat di Rembuk ini, dengan kode wilayah Kemendagri. Pilih untuk melihat kecamatan dan desanya.",
                "The kabupaten/kota loaded in this Rembuk, with their official region codes. Choose one to see its districts and villages."))),
            table(ctx),
        ])
    }
}

extension RegionsIndexPage {
    func table(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th(.text(ctx.t("Kode", "Code"))), .th(.text(ctx.t("Nama", "Name"))),
                       .th(.class("num"), .text(ctx.t("Kecamatan", "Districts"))), .th(.class("num"), .text(ctx.t("Penduduk", "Residents"))))),
            .tbody(.forEach(kabupatens) { row($0, ctx) }))
    }

    func row(_ region: Region, _ ctx: ViewContext) -> Node<HTML.TableContext> {
        let code = region.id ?? ""
        let badge: Node<HTML.BodyContext> = code == home ? .span(.class("badge"), .text(ctx.t("utama", "main"))) : .empty
        return .tr(.td(.text(code)),
                   .td(.a(.href(SiteRoute.region(code).path), .text(region.name)), .text(" "), badge),
                   .td(.class("num"), .text(formatCount(counts[code]?["kecamatan"] ?? 0, ctx.language))),
                   .td(.class("num"), .text(region.population.map { formatCount($0, ctx.language) } ?? "–")))
    }
}

struct RegionPage {
    var region: Region
    var ancestors: [Region]
    var children: [Region]
    var childCounts: [String: [String: Int]]
    var following: Bool
    var errors = FormErrors()

    func render(_ ctx: ViewContext) -> HTML {
        let kind = region.recordKind.label(ctx.language)
        let title = region.recordKind == .kabupaten || region.recordKind == .kota ? region.name : "\(kind) \(region.name)"
        return Layout.page(ctx, title: title, [
            breadcrumb(ctx),
            .h1(.text(title)),
            .dl(.class("facts"),
                .dt(.text(ctx.t("Kode wilayah", "Region code"))), .dd(.span(.class("hash"), .text(region.code.value))),
                .dt(.text(ctx.t("Tingkat", "Level"))), .dd(.text(kind)),
                .unwrap(region.population) { .group(.dt(.text(ctx.t("Penduduk", "Residents"))), .dd(.text(formatCount($0, ctx.language)))) }
            ),
            followForm(ctx),
            region.depth == 2
                ? .p(.a(.href(SiteRoute.projects.path + "?kecamatan=" + region.code.value), .text(ctx.t("Proyek di kecamatan ini", "Projects in this district"))),
                     .text(" · "), .a(.href(SiteRoute.projectFeed(region.code.value).path), .text(ctx.t("kabarnya lewat Atom", "its Atom feed"))))
                : .empty,
            populationForm(ctx),
            childrenTable(ctx),
        ])
    }

    func breadcrumb(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        .nav(.attribute(named: "aria-label", value: ctx.t("Letak wilayah", "Where this region is")), .class("crumbs"),
             .ul(.li(.a(.href(SiteRoute.regions.path), .text(ctx.t("Wilayah", "Regions")))),
                 .forEach(ancestors) { .li(.text("› "), .a(.href(SiteRoute.region($0.id ?? "").path), .text($0.name))) }))
    }

    /// Bappeda enters a kecamatan's or desa's population from a published source (for per-resident figures).
    func populationForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard region.depth >= 2, ctx.kabupaten.contains(region.code), ctx.can(.managePlanning(kabupaten: ctx.kabupaten)) else { return .empty }
        return .element(named: "details", nodes: [
            errors.isEmpty ? .empty : .attribute(named: "open", value: "open"),
            .element(named: "summary", text: ctx.t("Isi jumlah penduduk", "Enter the population")),
            FormKit.summary(ctx, errors),
            FormKit.form(.class("stack"), .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.regionPopulation(region.code.value).path),
                FormKit.csrf(ctx),
                FormKit.field(ctx, .init(name: "population", label: ctx.t("Jumlah penduduk", "Population"), value: region.population.map(String.init) ?? "",
                                         required: true, inputMode: "numeric"), errors: errors),
                FormKit.field(ctx, .init(name: "source", label: ctx.t("Sumber", "Source"), value: "",
                                         hint: ctx.t("Mis. BPS, Kecamatan Purwakarta Dalam Angka 2025. Tercatat di jejak audit.", "E.g. the statistics office's yearbook. Kept in the audit trail."),
                                         required: true), errors: errors),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("Simpan", "Save")))),
        ])
    }

    func followForm(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard region.depth >= 2 else { return .empty }
        guard ctx.isSignedIn else {
            return .p(.class("muted"), .a(.href(SiteRoute.login.path + "?kembali=" + ctx.path.urlQueryEscaped),
                                          .text(ctx.t("Masuk untuk mengikuti kabar wilayah ini", "Sign in to follow news of this region"))))
        }
        return FormKit.form(.attribute(named: "method", value: "post"), .attribute(named: "action", value: (following ? SiteRoute.unfollow : SiteRoute.follow).path),
            FormKit.csrf(ctx),
            .input(.type(.hidden), .name("subject_type"), .value("region")),
            .input(.type(.hidden), .name("subject_id"), .value(region.code.value)),
            .button(.type(.submit), .class(following ? "secondary" : ""),
                    .text(following ? ctx.t("Berhenti mengikuti", "Unfollow") : ctx.t("Ikuti kabar wilayah ini", "Follow this region"))))
    }

    func childrenTable(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !children.isEmpty else { return .empty }
        let heading: String
        switch region.depth {
        case 0: heading = ctx.t("Kabupaten/kota", "Kabupaten/kota")
        case 1: heading = ctx.t("Kecamatan", "Districts")
        default: heading = ctx.t("Desa dan kelurahan", "Villages")
        }
        let showCounts = region.depth == 1
        return .section(
            .h2(.text("\(heading) (\(children.count))")),
            .table(
                .thead(.tr(.th(.text(ctx.t("Kode", "Code"))), .th(.text(ctx.t("Nama", "Name"))),
                           .if(showCounts, .th(.class("num"), .text(ctx.t("Desa", "Desa")))),
                           .if(showCounts, .th(.class("num"), .text(ctx.t("Kelurahan", "Kelurahan")))),
                           .if(!showCounts, .th(.text(ctx.t("Jenis", "Kind")))))),
                .tbody(.forEach(children) { child in
                    let counts = childCounts[child.id ?? ""] ?? [:]
                    return .tr(.td(.text(child.id ?? "")),
                               .td(.a(.href(SiteRoute.region(child.id ?? "").path), .text(child.name))),
                               .if(showCounts, .td(.class("num"), .text(formatCount(counts["desa"] ?? 0, ctx.language)))),
                               .if(showCounts, .td(.class("num"), .text(formatCount(counts["kelurahan"] ?? 0, ctx.language)))),
                               .if(!showCounts, .td(.text(child.recordKind.label(ctx.language)))))
                })
            )
        )
    }
}

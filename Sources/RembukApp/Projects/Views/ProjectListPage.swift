import Fluent
import Plot
import RembukCore
import SQLKit
import Vapor

/// The project list's filter, read from the query string (`?kecamatan=&opd=&status=&tahun=&halaman=`).
struct ProjectFilter: Sendable {
    static let perPage = 30
    var year: Int?
    var kecamatan: String?
    var agency: String?
    var status: ProjectStatus?
    var page: Int

    init(_ req: Request) {
        let value = req.queryValue
        year = value("tahun").flatMap(Int.init)
        kecamatan = value("kecamatan").flatMap { RegionCode($0)?.level == .kecamatan ? $0 : nil }
        agency = value("opd").map { String($0.prefix(60)) }
        status = value("status").flatMap(ProjectStatus.init(rawValue:))
        page = max(1, min(value("halaman").flatMap(Int.init) ?? 1, 10_000))
    }

    func apply(to query: QueryBuilder<Project>) {
        if let year { query.filter(\.$year == year) }
        if let kecamatan { query.filter(\.$kecamatanCode == kecamatan) }
        if let agency { query.filter(\.$agency == agency) }
        if let status { query.filter(\.$status == status.rawValue) }
    }

    /// The filtered projects' total pagu and realisation, summed by the database (as BIGINT: PostgreSQL sums
    /// a BIGINT column into NUMERIC).
    func totals(on db: any Database) async throws -> (pagu: Int64, realised: Int64) {
        let select = db.sql.select()
            .column(SQLRaw("CAST(COALESCE(SUM(pagu), 0) AS BIGINT)"), as: "pagu")
            .column(SQLRaw("CAST(COALESCE(SUM(realised), 0) AS BIGINT)"), as: "realised")
            .from(Project.schema)
        if let year { select.where("year", .equal, SQLBind(year)) }
        if let kecamatan { select.where("kecamatan_code", .equal, SQLBind(kecamatan)) }
        if let agency { select.where("agency", .equal, SQLBind(agency)) }
        if let status { select.where("status", .equal, SQLBind(status.rawValue)) }
        guard let row = try await select.first() else { return (0, 0) }
        return (try row.decode(column: "pagu", as: Int64.self), try row.decode(column: "realised", as: Int64.self))
    }

    func query(page: Int?) -> String {
        var parts: [(String, String)] = []
        if let year { parts.append(("tahun", String(year))) }
        if let kecamatan { parts.append(("kecamatan", kecamatan)) }
        if let agency { parts.append(("opd", agency)) }
        if let status { parts.append(("status", status.rawValue)) }
        if let page { parts.append(("halaman", String(page))) }
        return "?" + parts.map { "\($0.0)=\($0.1.urlQueryEscaped)" }.joined(separator: "&")
    }
}

struct ProjectListPage {
    var projects: [Project]
    var filter: ProjectFilter
    var total: Int
    var totalPagu: Int64
    var totalRealised: Int64
    var choices: ScopeChoices
    var regionNames: [String: String]
    var agencyNames: [String: String]
    var canCreate: Bool

    func render(_ ctx: ViewContext) -> HTML {
        let pages = max(1, (total + ProjectFilter.perPage - 1) / ProjectFilter.perPage)
        return Layout.page(ctx, title: ctx.t("Proyek pembangunan", "Development projects"), [
            .h1(.text(ctx.t("Proyek pembangunan", "Development projects"))),
            .p(.class("lead"), .text(ctx.t("Kegiatan yang dianggarkan dari usulan warga dan program perangkat daerah: berapa nilainya, dari mana dananya, sampai mana pekerjaannya.",
                                           "Activities budgeted from citizens' proposals and agency programmes: how much, from which funds, how far along."))),
            .p(canCreate ? .a(.class("button"), .href(SiteRoute.projectNew.path), .text(ctx.t("Buat proyek", "Create a project"))) : .empty,
               canCreate ? .text(" ") : .empty,
               .a(.href(SiteRoute.dashboard.path), .text(ctx.t("Dasbor: grafik pagu, realisasi, dan keikutsertaan", "Dashboard: budget, spending and participation charts"))),
               canCreate ? .group(.text(" · "), .a(.href(SiteRoute.projectReportsUpload.path), .text(ctx.t("Laporan kemajuan sekaligus (CSV)", "Progress reports in bulk (CSV)")))) : .empty),
            filters(ctx),
            .p(.attribute(named: "role", value: "status"),
               .text(ctx.t("\(total) proyek, pagu \(Rupiah(totalPagu).formatted), realisasi \(Rupiah(totalRealised).formatted)",
                           "\(total) projects, budget \(Rupiah(totalPagu).formatted), spent \(Rupiah(totalRealised).formatted)")),
               .span(.class("no-print"), .text(" · " + ctx.t("Unduh: ", "Download: ")),
                     .a(.href(SiteRoute.projectExportCSV.path + filter.query(page: nil)), .text("CSV")),
                     .text(" · "), .a(.href(SiteRoute.projectExportJSON.path + filter.query(page: nil)), .text("JSON")),
                     .unwrap(filter.kecamatan) { .group(.text(" · "), .a(.href(SiteRoute.projectFeed($0).path), .text(ctx.t("kabar Atom kecamatan ini", "this district's Atom feed")))) })),
            table(ctx),
            Pager.nav(ctx, page: filter.page, pages: pages) { SiteRoute.projects.path + filter.query(page: $0) },
        ])
    }

    func table(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        guard !projects.isEmpty else { return .p(.class("muted"), .text(ctx.t("Belum ada proyek yang cocok.", "No matching projects yet."))) }
        return .div(.class("scroll"), .table(
            .thead(.tr(.th(.text(ctx.t("Kegiatan", "Activity"))), .th(.text(ctx.t("Lokasi", "Location"))), .th(.text(ctx.t("Perangkat daerah", "Agency"))),
                       .th(.class("num"), .text(ctx.t("Pagu", "Budget"))), .th(.class("num"), .text(ctx.t("Fisik", "Physical"))),
                       .th(.class("num"), .text(ctx.t("Realisasi", "Spent"))), .th(.text("Status")))),
            .tbody(.forEach(projects) { project in
                .tr(.td(.a(.href(SiteRoute.project(project.id?.uuidString ?? "").path), .text(project.title)), .br(),
                        .span(.class("muted"), .text("\(project.number) · \(project.source.label(ctx.language))"))),
                    .td(.text("\(regionNames[project.desaCode] ?? project.desaCode), \(regionNames[project.kecamatanCode] ?? project.kecamatanCode)")),
                    .td(.text(agencyNames[project.agency] ?? project.agency)),
                    .td(.class("num"), .text(Rupiah(project.pagu).formatted)),
                    .td(.class("num"), .text(ProgressRule.percentText(project.progress))),
                    .td(.class("num"), .text(Rupiah(project.realised).formatted)),
                    .td(.span(.class("badge status-\(project.status)"), .text(project.projectStatus.label(ctx.language)))))
            })))
    }

    func filters(_ ctx: ViewContext) -> Node<HTML.BodyContext> {
        let any = FormKit.Choice(value: "", label: ctx.t("Semua", "All"))
        let none = FormErrors()
        return FormKit.form(.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.projects.path),
            FormKit.select(ctx, name: "kecamatan", label: "Kecamatan",
                           choices: [any] + choices.kecamatan.map { .init(value: $0.id ?? "", label: $0.name) }, selected: filter.kecamatan ?? "", errors: none),
            FormKit.select(ctx, name: "opd", label: ctx.t("Perangkat daerah", "Agency"),
                           choices: [any] + choices.agencies.map { .init(value: $0.id ?? "", label: $0.name) }, selected: filter.agency ?? "", errors: none),
            FormKit.select(ctx, name: "status", label: "Status",
                           choices: [any] + ProjectStatus.allCases.map { .init(value: $0.rawValue, label: $0.label(ctx.language)) },
                           selected: filter.status?.rawValue ?? "", errors: none),
            .div(.class("field"), .label(.for("f-tahun"), .text(ctx.t("Tahun", "Year"))),
                 FormKit.input([("type", "text"), ("inputmode", "numeric"), ("id", "f-tahun"), ("name", "tahun"), ("class", "short"),
                                ("value", filter.year.map(String.init) ?? "")])),
            .button(.type(.submit), .class("secondary"), .text(ctx.t("Terapkan", "Apply"))))
    }
}

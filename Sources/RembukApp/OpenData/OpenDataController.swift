import Plot
import RembukCore
import Vapor

struct OpenDataController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.openData, use: page)
        routes.get(.openAPI) { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }
    }

    func page(_ req: Request) async throws -> Response {
        OpenDataPage(kabupaten: req.settings.kabupaten.value).render(await req.viewContext()).response()
    }
}

enum OpenAPIDocument {
    static let json = BundledFile.text("openapi", "json")
}

struct OpenDataPage {
    var kabupaten: String

    func render(_ ctx: ViewContext) -> HTML {
        let items: [(String, String, String)] = [
            (SiteRoute.apiRegion(kabupaten).path, ctx.t("Kabupaten dan kecamatannya (JSON)", "The kabupaten and its districts (JSON)"), "wilayah"),
            (SiteRoute.apiAgencies.path, ctx.t("Perangkat daerah (JSON)", "Agencies (JSON)"), "opd"),
            (SiteRoute.apiProjectList.path, ctx.t("Proyek dengan pagu, realisasi dan kemajuan (JSON, bertahap)", "Projects with budget, spending and progress (JSON, paged)"), "proyek"),
            (SiteRoute.projectExportCSV.path, ctx.t("Semua proyek (CSV untuk Excel)", "All projects (CSV for Excel)"), "proyek-csv"),
            (SiteRoute.projectReportsCSV.path, ctx.t("Semua laporan kemajuan proyek (CSV)", "Every project progress report (CSV)"), "laporan-csv"),
            (SiteRoute.usulanExportCSV.path, ctx.t("Semua usulan warga (CSV untuk Excel)", "All citizens' proposals (CSV for Excel)"), "usulan-csv"),
            (SiteRoute.dashboard.path, ctx.t("Dasbor dengan grafik; angka tiap grafik sebagai CSV", "Dashboard with charts; each chart's numbers as CSV"), "dasbor"),
            (SiteRoute.apiAudit.path, ctx.t("Jejak audit, lengkap dengan sidik (JSON, bertahap)", "The audit trail with hashes (JSON, paged)"), "audit"),
            (SiteRoute.apiAuditHead.path, ctx.t("Kepala rantai audit (JSON)", "Head of the audit chain (JSON)"), "head"),
            (SiteRoute.openAPI.path, ctx.t("Deskripsi API (OpenAPI 3.1)", "API description (OpenAPI 3.1)"), "openapi"),
        ]
        return Layout.page(ctx, title: ctx.t("Data terbuka", "Open data"), [
            .h1(.text(ctx.t("Data terbuka", "Open data"))),
            .p(.class("lead"), .text(ctx.t(
                "Data publik Rembuk bisa diunduh dan dipakai ulang. API JSON ada di bawah /api/v1 dan dijelaskan dalam dokumen OpenAPI.",
                "Rembuk's public data can be downloaded and reused. The JSON API lives under /api/v1 and is described by an OpenAPI document."))),
            .table(
                .thead(.tr(.th(.text(ctx.t("Data", "Data"))), .th(.text(ctx.t("Alamat", "Address"))))),
                .tbody(.forEach(items) { item in .tr(.td(.text(item.1)), .td(.a(.href(item.0), .code(.text(item.0))))) })
            ),
            .h2(.text(ctx.t("Kamus data", "Data dictionary"))),
            .dl(.class("facts"),
                .dt(.code("kode")), .dd(.text(ctx.t("Kode wilayah Kemendagri PP.KK.CC.DDDD; di bagian desa, awalan 1 = kelurahan, 2 = desa.", "Official region code PP.KK.CC.DDDD; in the village part a leading 1 is a kelurahan, 2 a desa."))),
                .dt(.code("tingkat")), .dd(.text("provinsi, kabupaten, kota, kecamatan, desa, kelurahan")),
                .dt(.code("penduduk")), .dd(.text(ctx.t("Jumlah penduduk (Dukcapil) per provinsi dan kabupaten/kota.", "Population (civil registry) per province and kabupaten/kota."))),
                .dt(.code("hash")), .dd(.text(ctx.t("SHA-256 dari teks kanonik catatan audit (lihat docs/ARCHITECTURE.md), termasuk sidik catatan sebelumnya.", "SHA-256 of the audit record's canonical text (see docs/ARCHITECTURE.md), including the previous record's hash.")))
            ),
        ])
    }
}

import Fluent
import Foundation
import Plot
import RembukCore
import Vapor

/// `/data`: the catalogue of public datasets (size, last update, downloads, licence), each dataset's data
/// dictionary at `/data/{id}`, and the OpenAPI document.
struct OpenDataController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(.openData, use: page)
        routes.get(.openDataset(":id"), use: dataset)
        routes.get(.openAPI) { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }
    }

    struct Entry {
        var dataset: Dataset
        var count: Int
        var updated: Date?
    }

    func entry(_ dataset: Dataset, on db: any Database) async throws -> Entry {
        Entry(dataset: dataset, count: try await dataset.count(db), updated: try await dataset.lastUpdated(on: db))
    }

    func page(_ req: Request) async throws -> Response {
        var entries: [Entry] = []
        for dataset in Dataset.all { entries.append(try await entry(dataset, on: req.db)) }
        return OpenDataPage(kabupaten: req.settings.kabupaten.value, entries: entries).render(await req.viewContext()).response()
    }

    func dataset(_ req: Request) async throws -> Response {
        guard let dataset = Dataset.all.first(where: { $0.id == req.parameters.get("id") }) else {
            throw UserFacingError(.notFound, Phrase("Data itu tidak ada di katalog.", "That dataset is not in the catalogue."))
        }
        return DatasetPage(entry: try await entry(dataset, on: req.db)).render(await req.viewContext()).response()
    }
}

enum OpenAPIDocument {
    static let json = BundledFile.text("openapi", "json")
}

struct OpenDataPage {
    var kabupaten: String
    var entries: [OpenDataController.Entry]

    func render(_ ctx: ViewContext) -> HTML {
        let items: [(String, String)] = [
            (SiteRoute.apiRegion(kabupaten).path, ctx.t("Kabupaten dan kecamatannya (JSON)", "The kabupaten and its districts (JSON)")),
            (SiteRoute.apiAgencies.path, ctx.t("Perangkat daerah (JSON)", "Agencies (JSON)")),
            (SiteRoute.apiAudit.path, ctx.t("Jejak audit, lengkap dengan sidik (JSON, bertahap)", "The audit trail with hashes (JSON, paged)")),
            (SiteRoute.apiAuditHead.path, ctx.t("Kepala rantai audit (JSON)", "Head of the audit chain (JSON)")),
            (SiteRoute.openAPI.path, ctx.t("Deskripsi API (OpenAPI 3.1)", "API description (OpenAPI 3.1)")),
        ]
        return Layout.page(ctx, title: ctx.t("Data terbuka", "Open data"), [
            .h1(.text(ctx.t("Data terbuka", "Open data"))),
            .p(.class("lead"), .text(ctx.t(
                "Data publik Rembuk bisa diunduh dan dipakai ulang: sebagai CSV untuk Excel (UTF-8, pemisah titik koma), JSON, dan API di bawah /api/v1. Semua unduhan menerima saringan yang sama dengan daftarnya, mis. ?tahun=2027.",
                "Rembuk's public data can be downloaded and reused: as CSV for Excel (UTF-8, semicolons), JSON, and the API under /api/v1. Every download takes the same filters as its list, e.g. ?tahun=2027."))),
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text("Data")), .th(.class("num"), .text(ctx.t("Baris", "Rows"))), .th(.text(ctx.t("Diperbarui", "Updated"))),
                           .th(.text(ctx.t("Unduh", "Download"))), .th(.text(ctx.t("Kamus data", "Dictionary"))))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.strong(.text(ctx.t(entry.dataset.title)))), .td(.class("num"), .text(String(entry.count))),
                        .td(.text(entry.updated.map { DateText.dateTime($0, ctx.language) } ?? "–")),
                        .td(DatasetPage.links(entry.dataset)),
                        .td(.a(.href(SiteRoute.openDataset(entry.dataset.id).path), .text(ctx.t("kolom dan artinya", "fields and meaning")))))
                }))),
            .h2(.text(ctx.t("Lisensi", "Licence"))),
            .p(.text(ctx.t(Dataset.licence))),
            .h2(.text(ctx.t("Data lain dan API", "Other data and the API"))),
            .ul(.forEach(items) { item in .li(.a(.href(item.0), .code(.text(item.0))), .text(" " + item.1)) }),
            .p(.a(.href(SiteRoute.dashboard.path), .text(ctx.t("Dasbor", "Dashboard"))),
               .text(ctx.t(": grafik dengan angkanya sebagai CSV. Kabar proyek per kecamatan tersedia sebagai Atom di halaman tiap kecamatan.",
                           ": charts with their numbers as CSV. Each district's project news is an Atom feed, linked from its page."))),
        ])
    }
}

/// One dataset: what it holds, its downloads, licence and data dictionary.
struct DatasetPage {
    var entry: OpenDataController.Entry

    static func links(_ dataset: Dataset) -> Node<HTML.BodyContext> {
        let all = dataset.downloads + (dataset.api.map { [("API", $0)] } ?? [])
        return .group(all.enumerated().map { n, link in
            .group(n == 0 ? .empty : .text(" · "), .a(.href(link.1), .text(link.0)))
        })
    }

    func render(_ ctx: ViewContext) -> HTML {
        let dataset = entry.dataset
        return Layout.page(ctx, title: ctx.t(dataset.title), [
            .p(.a(.href(SiteRoute.openData.path), .text(ctx.t("‹ Data terbuka", "‹ Open data")))),
            .h1(.text(ctx.t(dataset.title))),
            .p(.class("lead"), .text(ctx.t(dataset.summary))),
            .dl(.class("facts"),
                .dt(.text(ctx.t("Baris", "Rows"))), .dd(.text(String(entry.count))),
                .dt(.text(ctx.t("Diperbarui", "Updated"))), .dd(.text(entry.updated.map { DateText.dateTime($0, ctx.language) } ?? "–")),
                .dt(.text(ctx.t("Unduh", "Download"))), .dd(Self.links(dataset)),
                .dt(.text(ctx.t("Lisensi", "Licence"))), .dd(.text("CC BY 4.0"))),
            .h2(.text(ctx.t("Kamus data", "Data dictionary"))),
            .div(.class("scroll"), .table(
                .thead(.tr(.th(.text(ctx.t("Isian JSON", "JSON field"))), .th(.text(ctx.t("Kolom CSV", "CSV column"))), .th(.text(ctx.t("Tipe", "Type"))),
                           .th(.text(ctx.t("Arti", "Meaning"))), .th(.text(ctx.t("Contoh", "Example"))))),
                .tbody(.forEach(dataset.fields) { field in
                    .tr(.td(.code(.text(field.name))), .td(.text(field.column)), .td(.text(field.type)), .td(.text(ctx.t(field.meaning))),
                        .td(.code(.text(field.example))))
                }))),
            .p(.class("muted"), .text(ctx.t(
                "Uang dalam rupiah utuh tanpa pemisah; tanggal dalam format ISO (2027-02-20); di CSV desimal memakai koma. Kode wilayah mengikuti Kepmendagri (PP.KK.CC.DDDD).",
                "Money in whole rupiah without separators; dates in ISO format (2027-02-20); CSV decimals use a comma. Region codes follow the official list (PP.KK.CC.DDDD)."))),
            .p(.text(ctx.t(Dataset.licence))),
        ])
    }
}

import Fluent
import Foundation
import RembukCore
import Vapor

/// `/dasbor`: the public dashboard, and each of its charts' numbers as CSV (`/dasbor/unduh/{opd|kecamatan|…}`).
struct DashboardController {
    func register(_ routes: any RoutesBuilder) {
        routes.cached.get(.dashboard, use: page)
        routes.cached.get(.dashboardCSV(":name"), use: csv)
    }

    func load(_ req: Request) async throws -> ProjectDashboard {
        try await ProjectDashboard.load(year: req.budgetYearQuery, kabupaten: req.settings.kabupaten.value, on: req.db)
    }

    func page(_ req: Request) async throws -> Response {
        let data = try await load(req)
        let years = Set(try await Project.query(on: req.db).unique().all(\.$year)
                        + (try await PlanningCycle.query(on: req.db).all()).map(\.year)).sorted(by: >)
        return DashboardPage(data: data, years: years).render(await req.viewContext()).response()
    }

    func csv(_ req: Request) async throws -> Response {
        let name = req.parameters.get("name") ?? ""
        let data = try await load(req)
        let rows: [[String]]
        func money(_ head: String, _ lines: [ProjectDashboard.MoneyRow]) -> [[String]] {
            [[head, "Kode", "Jumlah proyek", "Pagu (Rp)", "Realisasi (Rp)", "Realisasi (%)"]]
                + lines.map { [$0.label, $0.key, String($0.projects), String($0.pagu), String($0.realised), String(ChartScale.percent($0.realised, of: $0.pagu))] }
        }
        switch name {
        case "opd": rows = money("Perangkat daerah", data.byAgency)
        case "kecamatan": rows = money("Kecamatan", data.byKecamatan)
        case "bidang": rows = money("Bidang", data.byBidang)
        case "status": rows = [["Status", "Kode", "Jumlah proyek"]] + data.statuses.map { [$0.label, $0.key, String($0.count)] }
        case "alur": rows = [["Tahap yang dicapai", "Kode", "Jumlah usulan"]] + data.pipeline.map { [$0.label, $0.key, String($0.count)] }
        case "partisipasi":
            rows = [["Kecamatan", "Kode", "Usulan", "Penduduk", "Usulan per 1.000 penduduk"]]
                + data.kecamatan.map { [$0.name, $0.code, String($0.usulan), $0.population.map(String.init) ?? "", $0.perThousand.map { DecimalText.plain($0) } ?? ""] }
        default:
            throw UserFacingError(.notFound, Phrase("Data dasbor itu tidak ada.", "There is no such dashboard data."))
        }
        return UsulanDataController.csv(UsulanSpreadsheet.document(header: rows[0], rows: Array(rows.dropFirst())),
                                        name: "dasbor-\(name)\(data.year.map { "-\($0)" } ?? "").csv")
    }
}

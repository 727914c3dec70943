import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// The public dashboard: charts drawn as SVG with their numbers beside them, CSV per chart, and numbers that
/// follow the reports.
@Suite struct DashboardTests {
    static func puprRow(_ csv: String) throws -> [String: String] {
        let rows = try CSV.parse(csv, separator: ";")
        let header = try #require(rows.first)
        let row = try #require(rows.first { $0.count > 1 && $0[1] == "dinas-pupr" })
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    @Test func chartsAreAccessibleSVGWithTheirTablesAndFollowTheReports() async throws {
        try await withRembuk { app in
            // given the demo's projects
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.dashboard.path)
            #expect(page.status == .ok)
            #expect(page.text.contains("role=\"img\" aria-labelledby=\"c-opd-t c-opd-d\""))
            #expect(page.text.contains("<title id=\"c-opd-t\">Pagu dan realisasi per perangkat daerah</title>"))
            #expect(page.text.contains("Dinas Pekerjaan Umum dan Penataan Ruang") && page.text.contains("Dari usulan sampai proyek selesai"))
            #expect(!page.text.contains("<script"))
            let pupr = try await Project.query(on: app.db).filter(\.$agency == "dinas-pupr").all()
            let before = try Self.puprRow(try await visitor.get(SiteRoute.dashboardCSV("opd").path).text)
            #expect(before["Pagu (Rp)"] == String(pupr.reduce(0) { $0 + $1.pagu }))
            #expect(before["Realisasi (Rp)"] == String(pupr.reduce(0) { $0 + $1.realised }))
            // when the PUPR reports more money spent on its project under way
            let project = try #require(pupr.first { $0.projectStatus == .pelaksanaan })
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let more = project.realised + 25_000_000
            #expect(try await ProjectTests.report(&opd, project.id!.uuidString, progress: "80", realised: String(more)).status == .seeOther)
            // then the agency's realisation on the dashboard grows by that much
            let after = try Self.puprRow(try await visitor.get(SiteRoute.dashboardCSV("opd").path).text)
            #expect(Int64(after["Realisasi (Rp)"] ?? "") == Int64(before["Realisasi (Rp)"] ?? "")! + 25_000_000)
            let page2 = try await visitor.get(SiteRoute.dashboard.path)
            #expect(page2.text.contains(Rupiah(pupr.reduce(0) { $0 + $1.realised } + 25_000_000).formatted))
        }
    }

    @Test func everyChartHasItsCSVAndAYearFilter() async throws {
        try await withRembuk { app in
            // given
            var visitor = TestBrowser(app)
            let year = LocalDate(Date()).year
            // when / then
            for name in ["opd", "kecamatan", "bidang", "status", "alur", "partisipasi"] {
                let response = try await visitor.get(SiteRoute.dashboardCSV(name).path + "?tahun=\(year)")
                #expect(response.status == .ok, "\(name)")
                #expect(response.headers.first(name: .contentDisposition)?.contains("dasbor-\(name)-\(year).csv") == true)
                #expect(try CSV.parse(response.text, separator: ";").count > 1, "\(name)")
            }
            let status = try CSV.parse(try await visitor.get(SiteRoute.dashboardCSV("status").path + "?tahun=\(year)").text, separator: ";")
            let counted = status.dropFirst().compactMap { Int($0[2]) }.reduce(0, +)
            #expect(counted == (try await Project.query(on: app.db).filter(\.$year == year).count()))
            #expect(try await visitor.get(SiteRoute.dashboardCSV("rahasia").path).status == .notFound)
        }
    }
}

@Suite struct RegionPopulationTests {
    @Test func bappedaEntersAKecamatansPopulationAndTheDashboardCountsPerThousand() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            let path = SiteRoute.regionPopulation("32.14.01").path
            let before = try await auditCount(app)
            // when someone else tries, or the figures are wrong
            let forbidden = try await citizen.post(path, ["population": "98.250", "source": "BPS Kecamatan Purwakarta Dalam Angka 2025"])
            let bad = try await admin.post(path, ["population": "sembilan puluh ribu", "source": ""])
            // then nothing changes
            #expect(forbidden.status == .forbidden)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Jumlah penduduk berupa angka") && bad.text.contains("Tulis sumbernya"))
            #expect(try await auditCount(app) == before)
            // when Bappeda enters it with its source
            #expect(try await admin.post(path, ["population": "98.250", "source": "BPS Kecamatan Purwakarta Dalam Angka 2025"]).status == .seeOther)
            // then the audit keeps the source and the dashboard divides by it
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "region.population_set").first())
            #expect(record.reason == "BPS Kecamatan Purwakarta Dalam Angka 2025")
            let usulan = try await Usulan.publicQuery(on: app.db).filter(\.$kecamatanCode == "32.14.01").count()
            let rows = try CSV.parse(try await citizen.get(SiteRoute.dashboardCSV("partisipasi").path).text, separator: ";")
            let row = try #require(rows.first { $0.count > 1 && $0[1] == "32.14.01" })
            #expect(row[2] == String(usulan) && row[3] == "98250")
            #expect(row[4] == DecimalText.plain((Double(usulan) * 10_000 / 98_250).rounded() / 10))
        }
    }
}

import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
@testable import RembukApp

/// Environmental programmes' activity logs: totals per kecamatan and year, bad input, who may log.
@Suite struct ActivityLogTests {
    static func log(_ day: String, _ desa: String, volunteers: String, trees: String = "", kg: String = "", water: String = "") -> RecordActivity.Input {
        .init(done_on: day, desa_code: desa, trees: trees, waste_kg: kg, water_sources: water, volunteers: volunteers, note: "")
    }

    @Test func logsAddUpPerKecamatanAndYear() async throws {
        try await withRembuk { app in
            // given a tree-planting programme and the demo's waste-bank logs (140,5 kg in Kecamatan Purwakarta)
            let (program, _) = try await ProgramTests.open(app, type: .penghijauan)
            let staff = try await ProgramTests.staff(app)
            let today = LocalDate(Date())
            // when two days are logged in two kecamatan
            for input in [Self.log(today.iso, "32.14.01.2010", volunteers: "20", trees: "150", water: "1"),
                          Self.log(today.adding(days: -2).iso, "32.14.03.2001", volunteers: "8", trees: "40", kg: "12,5")] {
                guard case .recorded = try await RecordActivity().run(program, input, in: staff) else { Issue.record("refused"); return }
            }
            // then the programme page and the totals page add them up
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.program(program.id!.uuidString).path).text
            #expect(page.contains("<span class=\"figure\">28</span>") && page.contains("<span class=\"figure\">190</span>") && page.contains("<span class=\"figure\">12,5</span>"))
            let lines = EnvironmentTotals.byKecamatanAndYear(try await ActivityLog.query(on: app.db).all())
            let purwakarta = try #require(lines.first { $0.kecamatan == "32.14.01" && $0.year == today.year })
            #expect(purwakarta.trees == 150 && purwakarta.waterSources == 1 && purwakarta.wasteTenthKg == 1405 && purwakarta.volunteers == 41)
            let totals = try await visitor.get(SiteRoute.environmentTotals.path).text
            #expect(totals.contains("Purwakarta") && totals.contains("140,5") && totals.contains("Jatiluhur") == lines.contains { $0.kecamatan == "32.14.03" })
        }
    }

    @Test func badLogsAreExplainedAndOnlyTheAgencyLogs() async throws {
        try await withRembuk { app in
            // given
            let (program, _) = try await ProgramTests.open(app, type: .penghijauan)
            let (workshop, _) = try await ProgramTests.open(app, type: .workshop)
            let staff = try await ProgramTests.staff(app)
            let tomorrow = LocalDate(Date()).adding(days: 1).iso
            let logs = try await ActivityLog.query(on: app.db).count()
            // when / then
            guard case let .invalid(e1) = try await RecordActivity().run(program, Self.log(tomorrow, "32.14.01.2010", volunteers: "5", trees: "-3"), in: staff),
                  case let .invalid(e2) = try await RecordActivity().run(program, Self.log(LocalDate(Date()).iso, "99.99.99.9999", volunteers: "0"), in: staff),
                  case let .invalid(e3) = try await RecordActivity().run(program, Self.log(LocalDate(Date()).iso, "32.14.01.2010", volunteers: "4", kg: "-2"), in: staff)
            else { Issue.record("accepted"); return }
            #expect(e1["done_on"] != nil && e1["trees"] != nil)
            #expect(e2["desa_code"] != nil && e2["volunteers"] != nil)
            #expect(e3["waste_kg"]?.id == "Berat sampah dalam kg, 0 atau lebih, misalnya 12,5.")
            await #expect(throws: UserFacingError.self) {
                try await RecordActivity().run(workshop, Self.log(LocalDate(Date()).iso, "32.14.01.2010", volunteers: "4", trees: "1"), in: staff)
            }
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let refused = try await opd.post(SiteRoute.programActivity(program.id!.uuidString).path,
                                             ["done_on": LocalDate(Date()).iso, "desa_code": "32.14.01.2010", "volunteers": "3", "trees": "3"])
            #expect(refused.status == .forbidden)
            #expect(try await ActivityLog.query(on: app.db).count() == logs)
        }
    }
}

import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct CycleSettingsTests {
    var year: Int { LocalDate(Date()).year + 1 }   // the demo's cycle

    static let criteria: [String: String] = [
        "women_target": "35",
        "fisik_0_name": "Urgensi", "fisik_0_weight": "50", "fisik_0_low": "Bisa ditunda", "fisik_0_high": "Mendesak",
        "fisik_1_name": "Jangkauan manfaat", "fisik_1_weight": "50",
        "nonfisik_0_name": "Urgensi", "nonfisik_0_weight": "60",
        "nonfisik_1_name": "Keberlanjutan", "nonfisik_1_weight": "40",
    ]

    @Test func theStandardCriteriaShowUntilBappedaChangesThem() async throws {
        try await withRembuk { app in
            // given
            var visitor = TestBrowser(app)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let before = try await visitor.get(SiteRoute.cycleSettings(String(year)).path)
            let saved = try await admin.post(SiteRoute.cycleSettings(String(year)).path, Self.criteria)
            let after = try await visitor.get(SiteRoute.cycleSettings(String(year)).path)
            // then
            #expect(before.text.contains("Tingkat kerusakan/kebutuhan") && before.text.contains("30 %"))
            #expect(saved.status == .seeOther)
            #expect(after.text.contains("35 %") && after.text.contains("Mendesak") && !after.text.contains("Tingkat kerusakan/kebutuhan"))
            let cycle = try #require(try await PlanningCycle.query(on: app.db).filter(\.$year == year).first())
            #expect(cycle.cycleSettings.physical.map(\.weightBasisPoints) == [5_000, 5_000])
            #expect(cycle.cycleSettings.physicalScheme?.weigh(["urgensi": 5, "jangkauan-manfaat": 3]) == .success(40_000))
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "cycle.settings_changed").first())
            #expect(audit.summary.hasPrefix("perempuan 35 %; fisik: Urgensi 50, Jangkauan manfaat 50"))
        }
    }

    @Test func weightsThatDoNotMakeOneHundredPercentChangeNothing() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let before = try await auditCount(app)
            // when
            let wrongSum = try await admin.post(SiteRoute.cycleSettings(String(year)).path, Self.criteria.merging(["fisik_1_weight": "45"]) { $1 })
            let noWeight = try await admin.post(SiteRoute.cycleSettings(String(year)).path, Self.criteria.merging(["fisik_1_weight": "banyak"]) { $1 })
            let badTarget = try await admin.post(SiteRoute.cycleSettings(String(year)).path, Self.criteria.merging(["women_target": "5"]) { $1 })
            // then
            #expect(wrongSum.status == .unprocessableEntity && wrongSum.text.contains("Jumlah bobot harus 100 % (sekarang 95 %)."))
            #expect(wrongSum.text.contains("value=\"45\""))
            #expect(noWeight.text.contains("Baris 2: tulis nama kriteria"))
            #expect(badTarget.text.contains("Target keterwakilan perempuan 10–100 %"))
            #expect(try await auditCount(app) == before)
            #expect(try await PlanningCycle.query(on: app.db).filter(\.$year == year).first()?.settingsJSON == nil)
        }
    }

    @Test func bappedaSetsThePaguOfEachKecamatan() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let bad = try await admin.post(SiteRoute.cyclePagu(String(year)).path, ["pagu_32.14.01": "-5", "pagu_32.14.02": "1.000"])
            let good = try await admin.post(SiteRoute.cyclePagu(String(year)).path, ["pagu_32.14.01": "Rp2.500.000.000", "pagu_32.14.02": "1.750.000.000"])
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.cycleSettings(String(year)).path)
            // then
            #expect(bad.status == .unprocessableEntity && bad.text.contains("Pagu Kecamatan Purwakarta dalam rupiah utuh"))
            #expect(good.status == .seeOther)
            // saving replaces the whole set (the demo had one pagu per kecamatan)
            #expect(try await PaguIndikatif.query(on: app.db).all().map(\.amount).sorted() == [1_750_000_000, 2_500_000_000])
            #expect(page.text.contains("Rp4.250.000.000") && page.text.contains("Rp2.500.000.000"))
            #expect(!page.text.contains("Simpan pagu"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "cycle.pagu_set").sort(\.$id, .descending).first()?.summary
                    == "2 kecamatan, jumlah Rp4.250.000.000")
        }
    }

    @Test(arguments: ["warga@rembuk.test", "operator.kecamatan@rembuk.test", "opd@rembuk.test", "moderator@rembuk.test"])
    func onlyBappedaSetsCriteriaAndPagu(account: String) async throws {
        try await withRembuk { app in
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            let criteria = try await someone.post(SiteRoute.cycleSettings(String(year)).path, Self.criteria)
            let pagu = try await someone.post(SiteRoute.cyclePagu(String(year)).path, ["pagu_32.14.01": "1.000.000"])
            #expect(criteria.status == .forbidden && pagu.status == .forbidden)
            #expect(try await auditCount(app) == before)
        }
    }
}

@Suite struct AgencyCeilingTests {
    var year: String { String(LocalDate(Date()).year + 1) }

    @Test func bappedaSplitsAKecamatansPaguByAgencyWithinItsTotal() async throws {
        try await withRembuk { app in
            // given: the demo pagu of Kecamatan Purwakarta
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let path = SiteRoute.cycleAgencyCeilings(year, "32.14.01").path
            let cycle = try #require(try await PlanningCycle.query(on: app.db).filter(\.$year == Int(year)!).first())
            let total = try #require(try await PaguIndikatif.query(on: app.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$kecamatanCode == "32.14.01").first()).amount
            // when
            let tooMuch = try await admin.post(path, ["opd_dinas-pupr": String(total), "opd_dinkes": "1"])
            let garbage = try await admin.post(path, ["opd_dinas-pupr": "-5"])
            let saved = try await admin.post(path, ["opd_dinas-pupr": "1.500.000.000", "opd_dinkes": "250.000.000"])
            let lowered = try await admin.post(SiteRoute.cyclePagu(year).path, ["pagu_32.14.01": "1.000.000.000"])
            var visitor = TestBrowser(app)
            let page = try await visitor.get(path)
            // then
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.text.contains("melebihi pagu Kecamatan Purwakarta"))
            #expect(garbage.status == .unprocessableEntity && garbage.text.contains("dalam rupiah utuh, 0 atau lebih"))
            #expect(saved.status == .seeOther)
            #expect(lowered.status == .unprocessableEntity && lowered.text.contains("tidak boleh di bawah jumlah pagu per perangkat daerahnya (Rp1.750.000.000)"))
            let row = try #require(try await PaguIndikatif.query(on: app.db).filter(\.$kecamatanCode == "32.14.01").first())
            #expect(row.amount == total && row.perAgency == ["dinas-pupr": 1_500_000_000, "dinkes": 250_000_000])
            #expect(page.text.contains("Rp1.500.000.000") && !page.text.contains("name=\"opd_dinkes\""))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "cycle.pagu_agency_set").count() == 1)
            // Saving the kecamatan totals again keeps the split.
            let resaved = try await admin.post(SiteRoute.cyclePagu(year).path, ["pagu_32.14.01": String(total), "pagu_32.14.02": "2.000.000.000"])
            #expect(resaved.status == .seeOther)
            #expect(try await PaguIndikatif.query(on: app.db).filter(\.$kecamatanCode == "32.14.01").first()?.perAgency.count == 2)
        }
    }

    @Test(arguments: ["operator.kecamatan@rembuk.test", "opd@rembuk.test", "warga@rembuk.test"])
    func onlyBappedaSetsAgencyCeilings(account: String) async throws {
        try await withRembuk { app in
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await auditCount(app)
            let response = try await someone.post(SiteRoute.cycleAgencyCeilings(year, "32.14.01").path, ["opd_dinas-pupr": "1"])
            #expect(response.status == .forbidden)
            #expect(try await auditCount(app) == before)
        }
    }
}

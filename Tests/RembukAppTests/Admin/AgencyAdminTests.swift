import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// `/admin/opd`: agencies kept by Bappeda, and usulan routed by that table.
@Suite struct AgencyAdminTests {
    static let bitungAgencies = """
        nama;singkatan;bidang;aktif
        Dinas Pekerjaan Umum dan Penataan Ruang Kota Bitung;Dinas PUPR;"infrastruktur; perhubungan";ya
        Dinas Kesehatan;Dinkes;kesehatan;
        Dinas Perikanan dan Kelautan;DKP;ekonomi;ya
        """

    func upload(_ browser: inout TestBrowser, _ csv: String) async throws -> TestingHTTPResponse {
        try await browser.postMultipart(SiteRoute.adminAgencyImport.path, [:], files: [(StoreUploads.field, "opd.csv", Array(csv.utf8))])
    }

    @Test func aKotaLoadsItsAgenciesAndCitizensUsulanFollowTheTable() async throws {
        try await withRembuk(.bitung) { app in
            // given: Kota Bitung as set up, its admin signed in, collecting open
            var admin = TestBrowser(app)
            try await admin.signIn(TestInstallation.bitungAdmin.email, TestInstallation.bitungAdmin.password)
            let today = LocalDate(Date())
            #expect(try await admin.post(SiteRoute.schedule.path, ScheduleTests.form(year: today.year + 1, aspirasi: ("\(today.year)-01-01", "\(today.year)-12-31"))).status == .seeOther)
            // when: the agencies come from a spreadsheet
            let imported = try await upload(&admin, Self.bitungAgencies)
            // then
            #expect(imported.status == .seeOther)
            let list = try await admin.get(imported.location ?? "")
            #expect(list.text.contains("Impor selesai: 3 ditambahkan, 0 diperbarui, 0 tidak berubah."))
            #expect(list.text.contains("Bidang yang belum punya perangkat daerah"))
            let routing = try await AgencyRouting.table(kabupaten: "71.72", on: app.db)
            #expect(routing[.infrastruktur] == "dinas-pupr" && routing[.perhubungan] == "dinas-pupr" && routing[.ekonomi] == "dkp")

            // when: a citizen registers and proposes road work in a kelurahan
            var citizen = TestBrowser(app)
            let registered = try await citizen.post(SiteRoute.register.path, AccountsTests().good.merging(["nik": ""]) { $1 })
            #expect(registered.status == .seeOther)
            let kelurahan = try #require(try await Region.query(on: app.db).within("71.72").filter(\.$kind == "kelurahan").sort(\.$id).first())
            let (response, usulan) = try await UsulanTests().submit(&citizen, ["desa_code": kelurahan.id!])
            // then: it goes to the agency the table names
            #expect(response.status == .seeOther)
            let stored = try #require(usulan)
            #expect(stored.targetAgency == "dinas-pupr" && stored.kecamatanCode == kelurahan.parentCode)

            // when: the same file again, with Dinkes renamed after a reorganisation
            let again = try await upload(&admin, Self.bitungAgencies.replacingOccurrences(of: "Dinas Kesehatan;", with: "Dinas Kesehatan dan Keluarga Berencana;"))
            // then: one updated, the key kept, the trail says so
            #expect(try await admin.get(again.location ?? "").text.contains("0 ditambahkan, 1 diperbarui, 2 tidak berubah"))
            #expect(try await Agency.find("dinkes", on: app.db)?.name == "Dinas Kesehatan dan Keluarga Berencana")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "agency.updated").filter(\.$subjectID == "dinkes").count() == 1)
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the trail does not verify"); return }
        }
    }

    @Test func aWrongFileNamesEveryLineAndChangesNothing() async throws {
        try await withRembuk(.bitung) { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn(TestInstallation.bitungAdmin.email, TestInstallation.bitungAdmin.password)
            let records = try await AuditRecord.query(on: app.db).count()
            // when: a sector twice, an unknown sector, an Excel workbook
            let clash = try await upload(&admin, "nama,singkatan,bidang\nDinas Kesehatan,Dinkes,kesehatan\nRSUD Manembo-nembo,RSUD,\"kesehatan, wisata\"\n")
            let workbook = try await admin.postMultipart(SiteRoute.adminAgencyImport.path, [:], files: [(StoreUploads.field, "opd.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])])
            // then
            #expect(clash.status == .unprocessableEntity)
            #expect(clash.text.contains("Baris 3: Bidang “wisata” tidak dikenal"))
            #expect(workbook.status == .unprocessableEntity && workbook.text.contains("Ini berkas Excel"))
            #expect(try await Agency.query(on: app.db).count() == 1)
            #expect(try await AuditRecord.query(on: app.db).count() == records)
            // when: a sector already taken by an agency the file leaves out
            _ = try await upload(&admin, "nama,singkatan,bidang\nDinas Kesehatan,Dinkes,kesehatan\n")
            let taken = try await upload(&admin, "nama,singkatan,bidang\nRumah Sakit Umum Daerah,RSUD,kesehatan\n")
            // then
            #expect(taken.status == .unprocessableEntity && taken.text.contains("Baris 2: Kesehatan sudah ditangani Dinkes"))
        }
    }

    @Test func aSectorBelongsToOneActiveAgency() async throws {
        try await withRembuk { app in
            // given the demo: infrastructure goes to Dinas PUPR
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when another agency claims it, then Dinas PUPR lets it go
            let refused = try await admin.post(SiteRoute.adminAgency("disperkim").path, ["name": "Dinas Perumahan dan Kawasan Permukiman", "short_name": "Disperkim",
                                                                                          "active": "on"], repeated: [("sectors[]", "perumahan"), ("sectors[]", "infrastruktur")])
            let released = try await admin.post(SiteRoute.adminAgency("dinas-pupr").path, ["name": "Dinas Pekerjaan Umum dan Penataan Ruang", "short_name": "Dinas PUPR",
                                                                                            "active": "on", "reason": "Perbup 7/2026"])
            let claimed = try await admin.post(SiteRoute.adminAgency("disperkim").path, ["name": "Dinas Perumahan dan Kawasan Permukiman", "short_name": "Disperkim",
                                                                                          "active": "on"], repeated: [("sectors[]", "perumahan"), ("sectors[]", "infrastruktur")])
            // then
            #expect(refused.status == .unprocessableEntity && refused.text.contains("sudah ditangani Dinas PUPR"))
            #expect(released.status == .seeOther && claimed.status == .seeOther)
            #expect(try await AgencyRouting.agency(for: .infrastruktur, kabupaten: "32.14", on: app.db) == "disperkim")
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "agency.updated").filter(\.$subjectID == "dinas-pupr").first())
            #expect(record.reason == "Perbup 7/2026" && record.summary.contains("tanpa bidang bawaan"))
        }
    }

    @Test func mergingMovesWhatIsOngoingAndKeepsWhatWasDecided() async throws {
        try await withRembuk { app in
            // given the demo's usulan for Dinas PUPR (open and decided), its staff member, its sector
            let open = UsulanStatus.allCases.filter { !$0.isFinal }.map(\.rawValue)
            let openBefore = try await Usulan.query(on: app.db).filter(\.$targetAgency == "dinas-pupr").filter(\.$status ~~ open).count()
            let decidedBefore = try await Usulan.query(on: app.db).filter(\.$targetAgency == "dinas-pupr").filter(\.$status !~ open).count()
            #expect(openBefore > 0)
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when: a merger without a basis, then with one
            let refused = try await admin.post(SiteRoute.adminAgencyMerge("dinas-pupr").path, ["into": "disperkim", "reason": ""])
            let merged = try await admin.post(SiteRoute.adminAgencyMerge("dinas-pupr").path, ["into": "disperkim", "reason": "Perda Nomor 5 Tahun 2026"])
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(merged.status == .seeOther)
            let old = try #require(try await Agency.find("dinas-pupr", on: app.db))
            #expect(!old.active && old.mergedInto == "disperkim" && old.sectors.isEmpty)
            #expect(try await AgencyRouting.agency(for: .infrastruktur, kabupaten: "32.14", on: app.db) == "disperkim")
            #expect(try await Usulan.query(on: app.db).filter(\.$targetAgency == "dinas-pupr").filter(\.$status ~~ open).count() == 0)
            #expect(try await Usulan.query(on: app.db).filter(\.$targetAgency == "dinas-pupr").filter(\.$status !~ open).count() == decidedBefore)
            // the OPD staff member now acts for the agency that took over
            var staff = TestBrowser(app)
            try await staff.signIn("opd@rembuk.test")
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "opd@rembuk.test").first())
            let grants = try await RoleGrant.query(on: app.db).filter(\.$account.$id == account.id!).filter(\.$revokedAt == nil).all()
            #expect(grants.map(\.agencyID) == ["disperkim"])
            #expect(try await admin.get(SiteRoute.adminAgencies.path).text.contains("digabung ke Disperkim"))
            // a merged agency cannot be chosen for new work, nor be merged twice
            #expect(try await admin.post(SiteRoute.adminAgencyMerge("dinas-pupr").path, ["into": "dlh", "reason": "lagi"]).status == .unprocessableEntity)
            let record = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "agency.merged").first())
            #expect(record.reason == "Perda Nomor 5 Tahun 2026" && record.summary.contains("\(openBefore) usulan"))
            guard case .intact = try await AuditLog.verify(on: app.db) else { Issue.record("the trail does not verify"); return }
        }
    }
}

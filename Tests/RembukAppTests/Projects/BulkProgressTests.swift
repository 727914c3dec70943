import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// Agencies report many projects at once: by CSV on a page, or through the API with an agency token.
@Suite struct BulkProgressTests {
    static func running(_ app: Application, agency: String = "dinas-pupr") async throws -> [Project] {
        try await Project.query(on: app.db).filter(\.$agency == agency).filter(\.$status != ProjectStatus.selesai.rawValue).sort(\.$title).all()
    }

    static func upload(_ browser: inout TestBrowser, _ text: String) async throws -> TestingHTTPResponse {
        try await browser.postMultipart(SiteRoute.projectReportsUpload.path, [:], files: [(field: StoreUploads.field, filename: "laporan.csv", bytes: Array(text.utf8))])
    }

    /// An agency token made by the admin on the page, for `agency` with `scopes`.
    static func agencyToken(_ app: Application, agency: String = "dinas-pupr", scopes: [String] = ["projects:report"]) async throws -> String {
        var admin = TestBrowser(app)
        try await admin.signIn("admin@rembuk.test")
        let page = try await admin.post(SiteRoute.adminTokens.path, ["name": "Sinkronisasi SIMDA", "agency_id": agency, "days": "90"],
                                        repeated: scopes.map { ("scopes[]", $0) })
        #expect(page.status == .ok, "\(page.text.prefix(300))")
        return String(try #require(page.text.firstMatch(of: /rbk_[A-Za-z0-9_\-]{43}/)).output)
    }

    static func post(_ app: Application, _ csv: String, token: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        headers.replaceOrAdd(name: .contentType, value: "text/csv")
        return try await app.testing().sendRequest(.POST, SiteRoute.apiProjectReports.path, headers: headers, body: ByteBuffer(string: csv))
    }

    @Test func goodRowsAreStoredAndBadRowsAreNamedWithNothingPartial() async throws {
        try await withRembuk { app in
            // given two running PUPR projects, one of the disdik, and a CSV with good and bad rows (semicolons, as Excel writes)
            let pupr = try await Self.running(app)
            let (first, second) = (pupr[0], pupr[1])
            let other = try #require(try await Self.running(app, agency: "disdik").first)
            let today = LocalDate(Date()).iso
            let csv = """
                kode;tanggal;fisik_persen;realisasi_rp;catatan;kendala
                \(first.number);\(today);\(first.progress / 100 + 5);\(first.realised);Pengecoran tahap berikutnya selesai dikerjakan.;
                \(second.number);\(today);120;0;Angka fisik keliru diketik dari laporan.;
                \(other.number);\(today);50;0;Bukan proyek dinas ini sama sekali.;
                P-00000000;\(today);10;0;Proyek yang tidak ada di Rembuk.;
                \(second.subKegiatan);\(today);\(second.progress / 100);\(second.pagu + 1);Realisasi melebihi pagu proyek ini.;
                """
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let reportsBefore = try await ProjectReport.query(on: app.db).count()
            // when
            let response = try await Self.upload(&opd, csv)
            // then
            #expect(response.status == .ok)
            #expect(response.text.contains("1 baris diterima dan disimpan, 4 ditolak."))
            #expect(response.text.contains("fisik_persen: Kemajuan fisik harus antara 0 dan 100 %."))
            #expect(response.text.contains("Proyek ini dikelola perangkat daerah lain."))
            #expect(response.text.contains("Tidak ada proyek dengan nomor atau kode anggaran “P-00000000”."))
            #expect(response.text.contains("realisasi_rp: Realisasi melebihi pagu"))
            #expect(try await ProjectReport.query(on: app.db).count() == reportsBefore + 1)
            #expect(try await Project.find(first.id, on: app.db)?.progress == (first.progress / 100 + 5) * 100)
            #expect(try await Project.find(second.id, on: app.db)?.progress == second.progress)
            #expect(try await Project.find(other.id, on: app.db)?.progress == other.progress)
        }
    }

    @Test(arguments: [
        ("kode,tanggal,persen,realisasi_rp,catatan\n", "Kolom tidak dikenal: persen"),
        ("kode,tanggal,realisasi_rp\n", "Kolom wajib tidak ada: fisik_persen, catatan"),
        ("kode,tanggal,fisik_persen,realisasi_rp,catatan\n", "tidak berisi baris laporan"),
    ])
    func filesThatCannotBeReadAreRefusedWhole(csv: String, message: String) async throws {
        try await withRembuk { app in
            // given
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let before = try await ProjectReport.query(on: app.db).count()
            // when
            let response = try await Self.upload(&opd, csv)
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(try await ProjectReport.query(on: app.db).count() == before)
        }
    }

    @Test func wrongEncodingsAreNamed() async throws {
        try await withRembuk { app in
            // given UTF-16 (Excel's "Unicode Text"), an .xlsx workbook, and a Windows-1252 file that is fine
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            let project = try #require(try await Self.running(app).first)
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in "kode,tanggal\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            let workbook: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x11, count: 40)
            let cp1252 = Array("kode,tanggal,fisik_persen,realisasi_rp,catatan\n\(project.number),\(LocalDate(Date()).iso),\(project.progress / 100),\(project.realised),Pemasangan batu selesai; pekerja 12 orang, cuaca cerah\n".utf8)
                .map { $0 } + [0x0A]
            // when
            let a = try await opd.postMultipart(SiteRoute.projectReportsUpload.path, [:], files: [(field: StoreUploads.field, filename: "a.csv", bytes: utf16)])
            let b = try await opd.postMultipart(SiteRoute.projectReportsUpload.path, [:], files: [(field: StoreUploads.field, filename: "b.xlsx", bytes: workbook)])
            let c = try await opd.postMultipart(SiteRoute.projectReportsUpload.path, [:], files: [(field: StoreUploads.field, filename: "c.csv",
                                                                                                        bytes: cp1252 + [0xE9])])
            // then
            #expect(a.status == .unprocessableEntity && a.text.contains("UTF-16"))
            #expect(b.status == .unprocessableEntity && b.text.contains("berkas Excel"))
            #expect(c.status == .ok)
        }
    }

    @Test func theAPITakesTheSameCSVWithAnAgencyTokenAndAuditsEveryUse() async throws {
        try await withRembuk { app in
            // given
            let token = try await Self.agencyToken(app)
            let project = try #require(try await Self.running(app).first)
            let other = try #require(try await Self.running(app, agency: "disdik").first)
            let today = LocalDate(Date()).iso
            let csv = "kode,tanggal,fisik_persen,realisasi_rp,catatan\n\(project.number),\(today),\(project.progress / 100 + 3),\(project.realised),Laporan dari sistem keuangan dinas.\n"
                + "\(other.number),\(today),10,0,Proyek dinas lain tidak boleh dilaporkan.\n"
            // when
            let response = try await Self.post(app, csv, token: token)
            let broken = try await Self.post(app, "judul,isi\nx,y\n", token: token)
            // then
            #expect(response.status == .ok)
            #expect(response.text.contains("\"accepted\":1") && response.text.contains("\"rejected\":1"))
            #expect(response.text.contains("dikelola perangkat daerah lain"))
            #expect(broken.status == .unprocessableEntity && broken.headers.contentType?.subType == "problem+json")
            let uses = try await AuditRecord.query(on: app.db).filter(\.$action == "api_token.used").all()
            #expect(uses.count == 2)
            #expect(uses.contains { $0.summary.contains("POST /api/v1/proyek/laporan → 200") })
            #expect(uses.contains { $0.summary.contains("→ 422") })
            let report = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "project.reported").sort(\.$id, .descending).first())
            #expect(report.actorLabel.contains("Token Sinkronisasi SIMDA"))
        }
    }
}

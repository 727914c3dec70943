import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

/// A forum held on paper: its totals and scan stand in for the names in the figures and the berita acara.
@Suite struct PaperAttendanceTests {
    /// 40 people: 18 women, 22 men; 12 youth; 2 with a disability; by unsur adding up to 40.
    static let totals = ["perempuan": "18", "laki_laki": "22", "umur_anak": "0", "umur_pemuda": "12", "umur_dewasa": "20", "umur_lansia": "8",
                         "disabilitas": "2", "unsur_pemerintah_desa": "5", "unsur_bpd": "3", "unsur_pkk": "10", "unsur_warga": "22"]

    static func record(_ browser: inout TestBrowser, _ forum: String, _ fields: [String: String] = totals,
                       scan: Bool = true) async throws -> TestingHTTPResponse {
        try await browser.postMultipart(SiteRoute.forumPaperAttendance(forum).path, fields,
                                        files: scan ? [(field: StoreUploads.field, filename: "daftar-hadir.pdf", bytes: AttachmentTests.pdf)] : [])
    }

    @Test func paperTotalsDriveTheFiguresAndTheBeritaAcara() async throws {
        try await withRembuk { app in
            // given a desa forum with its sheet on paper and three delegates named
            _ = try await ForumProceedingsTests.seed(app, title: "Rabat beton gang Mawar", status: .diverifikasi, cost: 45_000_000, minute: 1)
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let forum = try await ForumProceedingsTests.schedule(&desk, level: "desa", region: "32.14.01.2010", on: "01-20")
            // when
            let saved = try await Self.record(&desk, forum)
            for (name, gender) in [("Siti Aminah", "perempuan"), ("Dedi Kurniawan", "laki_laki"), ("Asep Saepudin", "laki_laki")] {
                _ = try await ForumProceedingsTests.attend(&desk, forum, name, gender)
            }
            let hadir = try await desk.get(SiteRoute.forumAttendance(forum).path)
            _ = try await desk.post(SiteRoute.forumStatus(forum).path, ["change": "start"])
            _ = try await desk.post(SiteRoute.forumDelegates(forum).path, [:],
                                    repeated: try await ForumProceedingsTests.delegates(app, forum, names: ["Siti Aminah", "Dedi Kurniawan", "Asep Saepudin"]))
            let close = try await desk.post(SiteRoute.forumStatus(forum).path, ["change": "close"])
            var visitor = TestBrowser(app)
            let page = try await visitor.get(SiteRoute.forum(forum).path)
            let minutes = try await visitor.get(SiteRoute.forumMinutes(forum).path)
            // then
            #expect(saved.status == .seeOther)
            #expect(hadir.text.contains("perempuan (18 orang)") && hadir.text.contains("45 %") && hadir.text.contains("Sumber: rekap daftar hadir kertas"))
            #expect(close.status == .seeOther, "\(close.text.prefix(400))")
            #expect(page.text.contains("40 peserta") || page.text.contains("(40 peserta)") || page.text.contains(">40<"))
            #expect(minutes.text.contains("(menurut rekap daftar hadir kertas yang pindaiannya terlampir) 40 orang, terdiri atas 18 perempuan (45 %"))
            #expect(minutes.text.contains("12 pemuda (30 %) dan 2 penyandang disabilitas (5 %)"))
            let record = try #require(try await PaperAttendanceRecord.query(on: app.db).first())
            #expect(record.unsur == "pemerintah_desa=5;bpd=3;pkk=10;warga=22")
            #expect(try await Attachment.query(on: app.db).filter(\.$subjectType == RecordPaperAttendance.scanSubject).count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.paper_attendance").first()?.summary.contains("40 peserta, 18 perempuan") == true)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "forum.closed").first()?.summary.contains("40 peserta") == true)
        }
    }

    @Test(arguments: [
        (["umur_dewasa": "21"], true, "Jumlah per kelompok umur (41) harus sama dengan jumlah peserta (40)"),
        (["unsur_warga": "10"], true, "Jumlah per unsur (28) harus sama dengan jumlah peserta (40)"),
        (["disabilitas": "41"], true, "tidak bisa lebih banyak dari jumlah peserta"),
        (["perempuan": "delapan belas"], true, "angka bulat 0 atau lebih"),
        (["perempuan": "-3"], true, "angka bulat 0 atau lebih"),
        ([:], false, "Lampirkan pindaian atau foto daftar hadir"),
        (["perempuan": "0", "laki_laki": "0"], true, "Tulis jumlah peserta perempuan dan laki-laki"),
    ] as [([String: String], Bool, String)])
    func badTotalsAreExplainedAndStoreNothing(changes: [String: String], scan: Bool, message: String) async throws {
        try await withRembuk { app in
            // given
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let forum = try await ForumProceedingsTests.schedule(&desk, level: "desa", region: "32.14.01.2010", on: "01-20")
            let before = try await AuditRecord.query(on: app.db).count()
            // when
            let response = try await Self.record(&desk, forum, Self.totals.merging(changes) { $1 }, scan: scan)
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(try await PaperAttendanceRecord.query(on: app.db).count() == 0)
            #expect(try await Attachment.query(on: app.db).filter(\.$subjectType == RecordPaperAttendance.scanSubject).count() == 0)
            #expect(try await AuditRecord.query(on: app.db).count() == before)
        }
    }

    @Test func onlyTheForumsRunnersRecordIt() async throws {
        try await withRembuk { app in
            // given
            var desk = TestBrowser(app)
            try await desk.signIn("operator.desa@rembuk.test")
            let forum = try await ForumProceedingsTests.schedule(&desk, level: "desa", region: "32.14.01.2010", on: "01-20")
            var citizen = TestBrowser(app)
            try await citizen.signIn("warga@rembuk.test")
            var opd = TestBrowser(app)
            try await opd.signIn("opd@rembuk.test")
            // when
            let byCitizen = try await Self.record(&citizen, forum)
            let byAgency = try await Self.record(&opd, forum)
            // then
            #expect(byCitizen.status == .forbidden && byAgency.status == .forbidden)
            #expect(try await PaperAttendanceRecord.query(on: app.db).count() == 0)
        }
    }
}

import Fluent
import Foundation
import RembukCore
import Testing
import Vapor
import VaporTesting
@testable import RembukApp

@Suite struct SIPDTests {
    func exportRows(_ app: Application, query: String = "") async throws -> [[String]] {
        var visitor = TestBrowser(app)
        let response = try await visitor.get(SiteRoute.usulanExportSIPD.path + query)
        #expect(response.status == .ok)
        #expect(Array(response.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
        return try CSV.parse(response.body.string, separator: ";")
    }

    func upload(_ browser: inout TestBrowser, _ rows: [[String]], separator: Character = ";") async throws -> TestingHTTPResponse {
        let text = rows.map { CSV.line($0, separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return try await browser.postMultipart(SiteRoute.sipdImport.path, [:], files: [("berkas", "sipd.csv", Array(text.utf8))])
    }

    @Test func anExportInSIPDColumnsComesBackAsTheSameUsulanOnceOnly() async throws {
        try await withRembuk { app in
            // given: the list of one kecamatan in SIPD's columns, with the IDs a SIPD file would carry
            let exported = try await exportRows(app, query: "?kecamatan=32.14.01")
            #expect(exported.first == SIPDFormat.Column.allCases.map(\.rawValue))
            let originals = try await Usulan.query(on: app.db).filter(\.$kecamatanCode == "32.14.01").filter(\.$status != "draft").all()
            #expect(exported.count - 1 == originals.count && originals.count > 0)
            let renamed = [exported[0]] + exported.dropFirst().enumerated().map { index, row in ["SIPD-2027-\(index + 1)"] + row.dropFirst() }
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let first = try await upload(&admin, renamed, separator: ",")
            let auditAfterFirst = try await auditCount(app)
            let second = try await upload(&admin, renamed)
            // then
            #expect(first.status == .ok)
            #expect(first.text.contains("\(originals.count) usulan diimpor, 0 dilewati, 0 ditolak."))
            #expect(second.text.contains("0 usulan diimpor, \(originals.count) dilewati, 0 ditolak."))
            #expect(try await auditCount(app) == auditAfterFirst)
            for (index, row) in exported.dropFirst().enumerated() {
                let original = try #require(originals.first { $0.number == row[0] })
                let copy = try #require(try await Usulan.query(on: app.db).filter(\.$sourceRef == "SIPD-2027-\(index + 1)").first())
                #expect(copy.title == original.title && copy.cost == original.cost && copy.volume == original.volume)
                #expect(copy.desaCode == original.desaCode && copy.targetAgency == original.targetAgency && copy.bidang == original.bidang)
                #expect(copy.workflowStatus == .diajukan)
            }
            let event = try #require(try await UsulanEvent.query(on: app.db).filter(\.$note ~~ "SIPD-2027-1)").first())
            #expect(event.note.hasPrefix("Diimpor dari SIPD (ID SIPD-2027-1)"))
        }
    }

    @Test func ourOwnExportIsRecognisedAndNothingIsDoubled() async throws {
        try await withRembuk { app in
            // given
            let exported = try await exportRows(app, query: "?desa=32.14.01.2010")
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let before = try await Usulan.query(on: app.db).count()
            // when
            let response = try await upload(&admin, exported)
            // then
            #expect(response.text.contains("0 usulan diimpor, \(exported.count - 1) dilewati"))
            #expect(response.text.contains("usulan Rembuk sendiri"))
            #expect(try await Usulan.query(on: app.db).count() == before)
        }
    }

    @Test func everyBadRowIsNamedWithItsLineAndTheGoodOnesStillEnter() async throws {
        try await withRembuk { app in
            // given
            let header = SIPDFormat.Column.allCases.map(\.rawValue)
            func row(_ id: String, date: String = "12/01/2026", urusan: String = "PEKERJAAN UMUM DAN PENATAAN RUANG", kec: String = "Purwakarta",
                     kel: String = "Citalang", volume: String = "120", budget: String = "54.000.000", agency: String = "Dinas PUPR") -> [String] {
                [id, date, "Karang Taruna", urusan, "Rabat beton gang Melati", "Gang becek", "Gg. Melati", "Kabupaten Purwakarta", kec, kel, agency,
                 "Diterima", "", volume, "m", budget]
            }
            let rows = [header, row("A-1"), row("A-2", date: "31/02/2026"), row("A-3", urusan: "Pariwisata"), row("A-4", kec: "Atlantis"),
                        row("A-5", kel: "Antah Berantah"), row("A-6", volume: "-3"), row("A-7", budget: "-100"), row("A-1"),
                        row("A-8", agency: "Dinas Rahasia"), row("A-9")]
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            // when
            let response = try await upload(&admin, rows)
            // then
            #expect(response.text.contains("2 usulan diimpor, 0 dilewati, 8 ditolak."))
            for expected in ["Tgl Usul “31/02/2026” bukan tanggal", "Urusan “Pariwisata” tidak dikenal", "Kec “Atlantis” tidak ada di",
                             "Kel “Antah Berantah” tidak ada di Kecamatan Purwakarta", "Volume “-3” harus angka lebih dari 0",
                             "Anggaran “-100” harus rupiah utuh lebih dari 0", "ID Usulan muncul dua kali dalam berkas", "OPD Tujuan “Dinas Rahasia” tidak dikenal"] {
                #expect(response.text.contains(expected), "\(expected)")
            }
            #expect(response.text.contains("<td class=\"num\">3</td>"))
            let imported = try await Usulan.query(on: app.db).filter(\.$sourceRef ~~ ["A-1", "A-9"]).all()
            #expect(imported.count == 2 && imported.allSatisfy { $0.cost == 54_000_000 && $0.desaCode == "32.14.01.2010" && $0.proposerGroup == "Karang Taruna" })
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "usulan.imported").first()?.summary == "2 diimpor, 0 dilewati, 8 ditolak")
        }
    }

    @Test func aFileWithoutTheRequiredColumnsImportsNothing() async throws {
        try await withRembuk { app in
            // given
            var admin = TestBrowser(app)
            try await admin.signIn("admin@rembuk.test")
            let before = try await auditCount(app)
            // when
            let response = try await upload(&admin, [["ID Usulan", "Usulan"], ["B-1", "Sumur bor"]])
            let empty = try await admin.postMultipart(SiteRoute.sipdImport.path, [:], files: [])
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Kolom wajib tidak ada: Tgl Usul, Urusan, Kec, Kel, Volume, Satuan, Anggaran."))
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Pilih berkas CSV hasil ekspor SIPD."))
            #expect(try await auditCount(app) == before)
        }
    }

    @Test(arguments: ["warga@rembuk.test", "operator.desa@rembuk.test", "operator.kecamatan@rembuk.test", "opd@rembuk.test", "moderator@rembuk.test"])
    func onlyBappedaImports(account: String) async throws {
        try await withRembuk { app in
            // given
            var someone = TestBrowser(app)
            try await someone.signIn(account)
            let before = try await Usulan.query(on: app.db).count()
            // when
            let page = try await someone.get(SiteRoute.sipdImport.path)
            let response = try await upload(&someone, [SIPDFormat.Column.allCases.map(\.rawValue)])
            // then
            #expect(page.status == .forbidden && response.status == .forbidden)
            #expect(try await Usulan.query(on: app.db).count() == before)
        }
    }
}
